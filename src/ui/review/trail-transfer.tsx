/** Export the trail (CSV for spreadsheets, JSON for QA) and import several agents' JSON exports. */
import type { AuditEvent } from "~lib/audit/model"
import { auditEventsToCsv, auditEventsToJson, parseAuditImports } from "~lib/audit/transfer"

import { fileStamp } from "../download"
import { T, useLocale } from "../locale"
import { text } from "../i18n"
import { exportAllowed } from "~lib/policy/merge"

import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"
import { readJsonFiles, useFileImport } from "../file-import"
import { FileField } from "../file-field"
import { DownloadButton } from "../download-button"
import { Section } from "../section"

export function TrailTransfer({ events }: { events: AuditEvent[] }) {
  const { audit, now } = useServices()
  const locale = useLocale()
  const mayExport = exportAllowed(usePolicy().policy)

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
        <DownloadButton
          label="qaExportJson"
          testid="qa-export"
          disabled={!mayExport || events.length === 0}
          file={() => ({
            name: `qa-trail-${fileStamp(now())}.json`,
            content: auditEventsToJson(events, now()),
            type: "application/json",
          })}
        />
        <DownloadButton
          label="qaExportCsv"
          testid="qa-export-csv"
          disabled={!mayExport || events.length === 0}
          file={() => ({
            name: `qa-trail-${fileStamp(now())}.csv`,
            content: auditEventsToCsv(events),
            type: "text/csv",
          })}
        />
        {mayExport ? null : <LockedBadge />}
        <FileField
          label="qaImport"
          accept=".json,application/json"
          multiple
          named
          testid="qa-import"
          disabled={busy}
          onChange={onChange}
        />
      </div>
      <StatusBox status={status} testid="qa-import-status" problemsTestid="qa-import-problems" />
    </Section>
  )
}
