/** Checks an imported phrasebook file: JSON gate first (see import-file), then the phrasebook schema. */
import { phrasebookSchema } from "../phrasing/schema"
import type { Phrasebook } from "../phrasing/types"

import type { ImportProblem } from "./contract"
import { parseImportJson } from "../import-file"
import { capProblems, problemsFromIssues, refuseUnlessObject } from "../import-problems"

export type PhrasebookImportResult = { ok: true; book: Phrasebook } | { ok: false; problems: ImportProblem[] }

/** Parses and validates a phrasebook file's text; row-level (rule-level) bilingual problems. Never throws. */
export function parsePhrasebookFile(text: string): PhrasebookImportResult {
  const json = parseImportJson(text)
  if (!json.ok) return json
  const data = json.data
  const notObject = refuseUnlessObject(data, ["话术库文件", "a phrasebook"])
  if (notObject) return notObject
  const parsed = phrasebookSchema.safeParse(data)
  if (parsed.success) return { ok: true, book: parsed.data }
  return { ok: false, problems: capProblems(problemsFromIssues(parsed.error.issues, data)) }
}
