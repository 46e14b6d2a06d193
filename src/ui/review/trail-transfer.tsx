/** Export the trail (CSV for spreadsheets, JSON for QA) and import several agents' JSON exports. */
import { useState, type ChangeEvent } from "react"

import type { AuditEvent } from "~lib/audit/model"
import {
  auditEventsToCsv,
  auditEventsToJson,
  parseAuditImports,
  type AuditImportInput,
} from "~lib/audit/transfer"
import type { ImportProblem } from "~lib/store/contract"
import { parseImportJson, readImportFile } from "~lib/import-file"

import { downloadText, fileStamp } from "../download"
import { errorMessage, T, useLocale, useT } from "../locale"
import { text } from "../i18n"
import { exportAllowed } from "~lib/policy/merge"

import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { useServices } from "../services"
import { Field } from "../field"
import { StatusBox, type Status } from "../status-box"
import { Section } from "../section"

export function TrailTransfer({ events }: { events: AuditEvent[] }) {
  const { audit, now } = useServices()
  const locale = useLocale()
  const t = useT()
  const mayExport = exportAllowed(usePolicy().policy)
  const [status, setStatus] = useState<Status | null>(null)
  const [busy, setBusy] = useState(false)

  const exportJson = () =>
    downloadText(`qa-trail-${fileStamp(now())}.json`, auditEventsToJson(events, now()), "application/json")
  const exportCsv = () =>
    downloadText(`qa-trail-${fileStamp(now())}.csv`, auditEventsToCsv(events), "text/csv")

  const importFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const files = [...(input.files ?? [])]
    if (files.length === 0) return
    setBusy(true)
    setStatus(null)
    try {
      const problems: ImportProblem[] = []
      const inputs: AuditImportInput[] = []
      for (const file of files) {
        const decoded = await readImportFile(file)
        if (!decoded.ok) {
          problems.push(...decoded.problems.map((p) => ({ ...p, where: `${file.name} › ${p.where}` })))
          continue
        }
        const json = parseImportJson(decoded.text)
        if (!json.ok) {
          problems.push(...json.problems.map((p) => ({ ...p, where: `${file.name} › ${p.where}` })))
          continue
        }
        inputs.push({ name: file.name, data: json.data })
      }
      const result = problems.length ? ({ ok: false, problems } as const) : parseAuditImports(inputs)
      if (!result.ok) {
        setStatus({
          kind: "error",
          message: text(locale, "qaImportProblems", { n: result.problems.length }),
          problems: result.problems,
        })
        return
      }
      // One transaction: every event or none. Ids already stored are overwritten with the same content.
      await audit.addAuditEvents(result.events)
      setStatus({
        kind: "ok",
        message: text(locale, "qaImported", { n: result.events.length, dup: result.duplicates }),
      })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
      input.value = ""
    }
  }

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
            onChange={(e) => void importFiles(e)}
          />
        </Field>
      </div>
      <StatusBox status={status} testid="qa-import-status" problemsTestid="qa-import-problems" />
    </Section>
  )
}
