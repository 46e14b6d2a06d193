/**
 * The slot syntax shared by scenario scripts and phrasing replacements.
 *
 * - `{运单号}` is a slot. A slot name is 1–30 characters without braces, brackets or line breaks, not all spaces.
 * - `[工号{工号}，]` is an optional segment: it is kept only when every slot inside it has a value,
 *   and dropped silently otherwise (a missing slot inside it is not reported as missing).
 * - A required slot without a value stays visible as `【运单号】` and is reported in `missing`.
 * - Anything that does not parse as a slot or a closed segment is kept as literal text.
 *
 * The template is tokenised once and values are inserted as plain text in one pass, so a value that
 * itself looks like `{运单号}`, `$&` or `<img onerror>` is never re-expanded or interpreted.
 * The output is plain text: a UI must render it as text, never as HTML.
 */

/** A piece of a parsed template. */
export type TemplateToken =
  | { kind: "text"; text: string }
  | { kind: "slot"; name: string }
  | { kind: "optional"; parts: ({ kind: "text"; text: string } | { kind: "slot"; name: string })[] }

/** The result of filling a template. `missing` and `filled` list slot names once each, in order of appearance. */
export interface FillResult {
  text: string
  /** Required slots that had no value (shown as `【name】` in `text`). */
  missing: string[]
  /** Slots that received a value (required or optional). */
  filled: string[]
}

const SLOT_RE = /^\{([^{}[\]\r\n]{1,30})\}/

function parseFlat(src: string): ({ kind: "text"; text: string } | { kind: "slot"; name: string })[] {
  const out: ({ kind: "text"; text: string } | { kind: "slot"; name: string })[] = []
  let buf = ""
  let i = 0
  while (i < src.length) {
    if (src[i] === "{") {
      const m = SLOT_RE.exec(src.slice(i, i + 32))
      // A name of only spaces is not a slot: keep "{ }" as text.
      if (m && m[1].trim() !== "") {
        if (buf) out.push({ kind: "text", text: buf })
        buf = ""
        out.push({ kind: "slot", name: m[1].trim() })
        i += m[0].length
        continue
      }
    }
    buf += src[i]
    i += 1
  }
  if (buf) out.push({ kind: "text", text: buf })
  return out
}

/** Splits a template into text, slot and optional-segment tokens. Never throws. */
export function tokenize(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = []
  let rest = typeof template === "string" ? template : ""
  while (rest.length > 0) {
    const open = rest.indexOf("[")
    if (open < 0) {
      tokens.push(...parseFlat(rest))
      break
    }
    const close = rest.indexOf("]", open + 1)
    // An unclosed "[" or one that nests another "[" is plain text, not a segment.
    const nested = close >= 0 ? rest.indexOf("[", open + 1) : -1
    if (close < 0 || (nested >= 0 && nested < close)) {
      tokens.push(...parseFlat(rest.slice(0, open + 1)))
      rest = rest.slice(open + 1)
      continue
    }
    tokens.push(...parseFlat(rest.slice(0, open)))
    tokens.push({ kind: "optional", parts: parseFlat(rest.slice(open + 1, close)) })
    rest = rest.slice(close + 1)
  }
  // Merge adjacent text tokens so the token list is canonical.
  const merged: TemplateToken[] = []
  for (const t of tokens) {
    const last = merged[merged.length - 1]
    if (t.kind === "text" && last?.kind === "text") last.text += t.text
    else merged.push(t)
  }
  return merged
}

/** Slot names used by a template (required and optional), each once, in order of appearance. */
export function parseSlots(template: string): string[] {
  const names: string[] = []
  const add = (n: string) => {
    if (!names.includes(n)) names.push(n)
  }
  for (const t of tokenize(template)) {
    if (t.kind === "slot") add(t.name)
    else if (t.kind === "optional") for (const p of t.parts) if (p.kind === "slot") add(p.name)
  }
  return names
}

/** Slot names outside optional segments: these must be filled for a complete text. */
export function requiredSlots(template: string): string[] {
  const names: string[] = []
  for (const t of tokenize(template)) if (t.kind === "slot" && !names.includes(t.name)) names.push(t.name)
  return names
}

function valueOf(vars: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  // Own properties only: a slot named "constructor" or "__proto__" must not read Object.prototype.
  if (!Object.prototype.hasOwnProperty.call(vars, name)) return undefined
  const v: unknown = vars[name]
  if (typeof v !== "string") return undefined
  const trimmed = v.trim()
  return trimmed === "" ? undefined : trimmed
}

/**
 * Fills `{slot}` placeholders with `vars` (values are trimmed; empty means missing).
 * Missing required slots become `【name】`; optional segments with a missing slot are dropped. Never throws.
 */
export function fillTemplate(
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
): FillResult {
  const source: Readonly<Record<string, string | undefined>> = vars ?? {}
  const missing: string[] = []
  const filled: string[] = []
  const note = (list: string[], n: string) => {
    if (!list.includes(n)) list.push(n)
  }
  let text = ""
  for (const t of tokenize(template)) {
    if (t.kind === "text") text += t.text
    else if (t.kind === "slot") {
      const v = valueOf(source, t.name)
      if (v === undefined) {
        note(missing, t.name)
        text += `【${t.name}】`
      } else {
        note(filled, t.name)
        text += v
      }
    } else {
      const values = t.parts.map((p) => (p.kind === "text" ? p.text : valueOf(source, p.name)))
      if (values.every((v) => v !== undefined)) {
        text += values.join("")
        for (const p of t.parts) if (p.kind === "slot") note(filled, p.name)
      }
    }
  }
  return { text, missing, filled }
}
