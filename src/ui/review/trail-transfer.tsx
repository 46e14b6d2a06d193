/** Export the trail (CSV for spreadsheets, JSON for QA) and import several agents' JSON exports. */
import type { AuditEvent } from "~lib/audit/model"
import { auditEventsToCsv, auditEventsToJson, parseAuditImports } from "~lib/audit/transfer"

import { downloadText, fileStamp } from "../download"
import { T, useLocale, useT } from "../locale"
import { text } from "../i18n"
import { exportAllowed } from "~lib/policy/merge"

import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { useServices } from "../services"
import { Field } from "../field"
import { StatusBox, type Status } from "../status-box"
import { readJsonFiles, useFileImport } from "../file-import"
import { Section } from "../section"

export function TrailTransfer({ events }: { events: AuditEvent[] }) {
  const { audit, now } = useServices()
  const locale = useLocale()
  const t = useT()
  const mayExport = exportAllowed(usePolicy().policy)

  const exportJson = () =>
    downloadText(`qa-trail-${fileStamp(now())}.json`, auditEventsToJson(events, now()), "application/json")
  const exportCsv = () =>
    downloadText(`qa-trail-${fileStamp(now())}.csv`, auditEventsToCsv(events), "text/csv")

  const { status, busy, onChange } = useFileImport(async (files): Promise<Status> => {
    const read = await readJsonFiles(files)
    const result = read.ok ? parseAuditImports(read.inputs) : read
    if (!result.ok)
      return {
        kind: "error",
        message: text(locale, "qaImportProblems", { n: result.problems.length }),
        problems: result.problems,
      }
    // One transaction: every event or none. Ids already stored are overwritten with the same content.
    await audit.addAuditEvents(result.events)
    return {
      kind: "ok",
      message: text(locale, "qaImported", { n: result.events.length, dup: result.duplicates }),
    }
  })

  return (
    <Section id="qa-trail-title" title={<T k="qaTrail" />} className="qa-section">
      <div className="actions">
        <button
          type="button"
          data-testid="qa-export"
          onClick={exportJson}
          disabled={!mayExport || events.length === 0}
        >
          <T k="qaExportJson" />
        </button>
        <button
          type="button"
          data-testid="qa-export-csv"
          onClick={exportCsv}
          disabled={!mayExport || events.length === 0}
        >
          <T k="qaExportCsv" />
        </button>
        {mayExport ? null : <LockedBadge />}
        <Field label={<T k="qaImport" />}>
          <input
            type="file"
            accept=".json,application/json"
            multiple
            data-testid="qa-import"
            aria-label={t("qaImport")}
            disabled={busy}
            onChange={onChange}
          />
        </Field>
      </div>
      <StatusBox status={status} testid="qa-import-status" problemsTestid="qa-import-problems" />
    </Section>
  )
}
