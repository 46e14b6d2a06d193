/** Importing files an admin or QA picks: one change handler with its answer, and JSON files read together. */
import { useState, type ChangeEvent } from "react"

import type { ImportProblem } from "~lib/import-problems"
import { parseImportJson, readImportFile } from "~lib/import-file"

import { errorMessage, useLocale } from "./locale"
import type { Status } from "./status-box"

/**
 * A file input's change handler: `importFiles` gets the picked files and answers with a status; the
 * last answer goes, errors are caught as a message, and the input is emptied so the same file can be
 * picked again. `busy` while it runs.
 */
export function useFileImport(importFiles: (files: File[]) => Promise<Status>) {
  const locale = useLocale()
  const [status, setStatus] = useState<Status | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const files = [...(input.files ?? [])]
    if (files.length === 0) return
    setBusy(true)
    setStatus(null)
    try {
      setStatus(await importFiles(files))
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
      input.value = ""
    }
  }
  return { status, setStatus, busy, onChange: (e: ChangeEvent<HTMLInputElement>) => void run(e) }
}

/**
 * Several JSON exports read together: every file decoded and parsed, each problem located as
 * "file › where". Nothing is returned unless every file is readable JSON.
 */
export async function readJsonFiles(
  files: File[],
): Promise<
  { ok: true; inputs: { name: string; data: unknown }[] } | { ok: false; problems: ImportProblem[] }
> {
  const problems: ImportProblem[] = []
  const inputs: { name: string; data: unknown }[] = []
  for (const file of files) {
    const decoded = await readImportFile(file)
    const json = decoded.ok ? parseImportJson(decoded.text) : decoded
    if (!json.ok) problems.push(...json.problems.map((p) => ({ ...p, where: `${file.name} › ${p.where}` })))
    else inputs.push({ name: file.name, data: json.data })
  }
  return problems.length ? { ok: false, problems } : { ok: true, inputs }
}
