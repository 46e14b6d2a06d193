/**
 * Looking up and rendering scenario scripts.
 */
import type { CaseType } from "../cases/model"
import { SCRIPTS, type Script, type ScriptStage } from "./scripts"
import { fillTemplate } from "./template"

/** A rendered script. `missing` slots are shown as `【name】` in `text`; the text is plain text, not HTML. */
export interface RenderOk {
  ok: true
  scriptId: string
  text: string
  missing: string[]
  filled: string[]
}

/** Returned (never thrown) for an id that is not in {@link SCRIPTS}; `text` is empty. */
export interface RenderError {
  ok: false
  error: "unknown-script"
  scriptId: string
  text: ""
  missing: []
  filled: []
}

/** Discriminate on `ok`. Both branches carry `text`, `missing` and `filled`, so a caller may read them without checking. */
export type RenderResult = RenderOk | RenderError

const BY_ID: ReadonlyMap<string, Script> = new Map(SCRIPTS.map((s) => [s.id, s]))

/** The script with this id, or undefined. */
export function getScript(id: string): Script | undefined {
  return typeof id === "string" ? BY_ID.get(id) : undefined
}

/**
 * Fills a script's `{slot}`s from `vars`. With `lang: "en"` the English gloss is used when the
 * script has one. Never throws: an unknown id gives `{ ok: false, error: "unknown-script" }`.
 */
export function renderScript(
  id: string,
  vars: Readonly<Record<string, string | undefined>>,
  opts?: { lang?: "zh" | "en" },
): RenderResult {
  const script = getScript(id)
  if (!script)
    return { ok: false, error: "unknown-script", scriptId: String(id), text: "", missing: [], filled: [] }
  const template = opts?.lang === "en" && script.textEn ? script.textEn : script.text
  const { text, missing, filled } = fillTemplate(template, vars ?? {})
  return { ok: true, scriptId: script.id, text, missing, filled }
}

/** Scripts matching the filter, in catalogue order. A `caseType` filter includes scripts for "any" case. */
export function listScripts(filter?: { caseType?: CaseType; stage?: ScriptStage }): Script[] {
  return SCRIPTS.filter((s) => {
    if (filter?.stage && s.stage !== filter.stage) return false
    if (filter?.caseType && s.caseTypes !== "any" && !s.caseTypes.includes(filter.caseType)) return false
    return true
  })
}

/**
 * The scripts for a case, the case type's own first: those written for this type alone, then those
 * shared with a few types, then the general ones, each group in the book's order (a 滞留 case opens
 * with the 滞留 script, not after the greetings).
 */
export function scriptsForCase(caseType: CaseType, stage?: ScriptStage): Script[] {
  const breadth = (s: Script) => (s.caseTypes === "any" ? Infinity : s.caseTypes.length)
  return listScripts({ caseType, stage })
    .map((s, i) => ({ s, i }))
    .sort((a, b) => breadth(a.s) - breadth(b.s) || a.i - b.i)
    .map(({ s }) => s)
}
