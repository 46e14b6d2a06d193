/** Options → 联系人目录: the escalation contacts, imported from CSV (previewed first) and exported. */
import { useLiveQuery } from "dexie-react-hooks"
import { useRef, useState } from "react"

import { contactsToCsv, parseContactsCsv } from "~lib/escalation/contacts-csv"
import { readImportFile } from "~lib/import-file"
import { exportAllowed } from "~lib/policy/merge"
import type { ImportProblem } from "~lib/store/contract"
import { pickLanguage } from "~lib/ui-logic/page"

import { DownloadButton } from "../download-button"
import { FileField } from "../file-field"
import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { Section } from "../section"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"
import { DirectoryPreview, type DirectoryPreviewData } from "./directory-preview"

export function DirectorySection() {
  const { store } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const directoryLocked = policy.contacts !== undefined
  const contacts = useLiveQuery(() => store.listContacts(), [store])
  const [status, setStatus] = useState<Status | null>(null)
  const [problems, setProblems] = useState<ImportProblem[]>([])
  const [preview, setPreview] = useState<DirectoryPreviewData | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  /** Reads and checks the file; nothing is written until the agent confirms the preview. */
  const readCsv = async (file: File) => {
    setStatus(null)
    setProblems([])
    setPreview(null)
    try {
      // Size, encoding (UTF-8, UTF-16 with BOM, or GBK as Excel on Chinese Windows saves it) and binary
      // checks before the CSV parser.
      const decoded = await readImportFile(file)
      const parsed = decoded.ok ? parseContactsCsv(decoded.text) : decoded
      if (!parsed.ok) {
        setProblems(parsed.problems)
        setStatus({ kind: "error", message: text(locale, "importProblems", { n: parsed.problems.length }) })
        return
      }
      setPreview({
        contacts: parsed.contacts,
        warnings: parsed.warnings,
        encoding: decoded.ok ? decoded.encoding : "UTF-8",
      })
      setProblems(parsed.warnings)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      if (fileRef.current) fileRef.current.value = ""
    }
  }

  const confirmImport = async () => {
    if (!preview) return
    try {
      await store.replaceContacts(preview.contacts)
      setStatus({ kind: "ok", message: text(locale, "directoryImported", { n: preview.contacts.length }) })
      setPreview(null)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <Section id="directory-title" title={<T k="directory" />}>
      <p className="muted" data-testid="directory-count">
        <T k="directoryCount" values={{ n: contacts?.length ?? 0 }} />
        {directoryLocked ? (
          <>
            {" "}
            {policy.version ? (
              <span data-testid="directory-policy-version">{policy.version}</span>
            ) : null}{" "}
            <LockedBadge />
          </>
        ) : null}
      </p>
      <div className="actions">
        <FileField
          label="directoryImport"
          accept=".csv,text/csv"
          named
          testid="directory-import"
          inputRef={fileRef}
          disabled={directoryLocked}
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void readCsv(file)
          }}
        />
        <DownloadButton
          label="directoryExport"
          testid="directory-export"
          disabled={!contacts?.length || !exportAllowed(policy)}
          file={() => ({
            name: "cs-sidekick-contacts.csv",
            content: contactsToCsv(contacts ?? [], { headers: locale === "en" ? "en" : "zh" }),
            type: "text/csv",
          })}
        />
      </div>
      {preview && (
        <DirectoryPreview
          preview={preview}
          onConfirm={() => void confirmImport()}
          onCancel={() => setPreview(null)}
        />
      )}
      <StatusBox status={status} testid="directory-status" />
      {problems.length > 0 && (
        <ol className="problems" data-testid="directory-problems">
          {problems.map((p, i) => (
            <li key={i}>
              {/* The CSV parser's messages already name the spreadsheet row. */}
              {pickLanguage(p.message, locale)}
            </li>
          ))}
        </ol>
      )}
    </Section>
  )
}
