/** Checks an imported phrasebook file: JSON gate first (see import-file), then the phrasebook schema. */
import { phrasebookSchema } from "../phrasing/schema"
import type { Phrasebook } from "../phrasing/types"

import type { ImportProblem } from "./contract"
import { parseImportJson } from "../import-file"
import { capProblems, problemsFromIssues } from "../import-problems"

export type PhrasebookImportResult = { ok: true; book: Phrasebook } | { ok: false; problems: ImportProblem[] }

/** Parses and validates a phrasebook file's text; row-level (rule-level) bilingual problems. Never throws. */
export function parsePhrasebookFile(text: string): PhrasebookImportResult {
  const json = parseImportJson(text)
  if (!json.ok) return json
  const data = json.data
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return {
      ok: false,
      problems: [
        {
          where: "(file)",
          message: "不是话术库文件（应为 JSON 对象） / not a phrasebook (expected a JSON object)",
        },
      ],
    }
  const parsed = phrasebookSchema.safeParse(data)
  if (parsed.success) return { ok: true, book: parsed.data }
  return { ok: false, problems: capProblems(problemsFromIssues(parsed.error.issues, data)) }
}
