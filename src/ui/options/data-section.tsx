/** Options → 数据: export everything as one JSON backup, import one (merge or replace), purge all. */
import { useRef, useState } from "react"

import { parseImportJson, readImportFile } from "~lib/import-file"
import { exportAllowed } from "~lib/policy/merge"
import type { ImportProblem } from "~lib/store/contract"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { pickLanguage } from "~lib/ui-logic/page"

import { downloadText } from "../download"
import { text } from "../i18n"
import { errorMessage, T, useLocale, useT } from "../locale"
import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { Section } from "../section"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"
import { ImportModeChoice, type ImportMode } from "./import-mode"
import { PurgeForm } from "./purge-form"

function backupFileName(now: number): string {
  return `cs-sidekick-backup-${formatDateTime(now).replace(/[-: ]/g, "").slice(0, 12)}.json`
}

export function DataSection() {
  const { store, now } = useServices()
  const locale = useLocale()
  const t = useT()
  const { policy } = usePolicy()
  const [status, setStatus] = useState<Status | null>(null)
  const [problems, setProblems] = useState<ImportProblem[]>([])
  const [mode, setMode] = useState<ImportMode>("merge")
  const [replaceOk, setReplaceOk] = useState(false)
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)

  /** A new answer replaces the last one and its problem list. */
  const report = (next: Status | null) => {
    setStatus(next)
    setProblems([])
  }

  const exportAll = async () => {
    report(null)
    try {
      const backup = await store.exportAll()
      downloadText(backupFileName(now()), JSON.stringify(backup, null, 2), "application/json")
      setStatus({ kind: "ok", message: text(locale, "exported") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const refused = (list: ImportProblem[]) => {
    setProblems(list)
    setStatus({ kind: "error", message: text(locale, "importProblems", { n: list.length }) })
  }

  const importFile = async (file: File) => {
    report(null)
    setBusy(true)
    try {
      // Size, encoding, truncated or too deeply nested JSON: refused with a located message.
      const decoded = await readImportFile(file)
      const json = decoded.ok ? parseImportJson(decoded.text) : decoded
      if (!json.ok) {
        refused(json.problems)
        return
      }
      const result = await store.importAll(json.data, mode)
      if (result.ok) {
        const counts = Object.entries(result.counts)
          .map(([table, n]) => `${table} ${n}`)
          .join(", ")
        setStatus({ kind: "ok", message: text(locale, "importDone", { counts }) })
      } else {
        refused(result.problems)
      }
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
      setReplaceOk(false)
      if (fileRef.current) fileRef.current.value = ""
    }
  }

  return (
    <Section id="data-title" title={<T k="data" />}>
      <div className="actions">
        <button
          type="button"
          data-testid="data-export"
          disabled={!exportAllowed(policy)}
          onClick={() => void exportAll()}
        >
          <T k="exportData" />
        </button>
        {policy.allowExport === false ? <LockedBadge /> : null}
      </div>

      <h3 style={{ marginTop: 14 }}>
        <T k="importData" />
      </h3>
      <ImportModeChoice mode={mode} onMode={setMode} replaceOk={replaceOk} onReplaceOk={setReplaceOk} />
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        data-testid="data-import"
        aria-label={t("importData")}
        disabled={busy || (mode === "replace" && !replaceOk)}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) void importFile(file)
        }}
      />

      <StatusBox status={status} testid="data-status" />
      {problems.length > 0 && (
        <ol className="problems" data-testid="import-problems">
          {problems.map((p, i) => (
            <li key={i} data-testid="import-problem">
              <code>{pickLanguage(p.where, locale)}</code> {pickLanguage(p.message, locale)}
            </li>
          ))}
        </ol>
      )}

      <PurgeForm onStatus={report} />
    </Section>
  )
}
