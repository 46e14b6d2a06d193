/** Parsing of the trigger mini-syntax, shared by the compiler and the schema. */

/** A parsed trigger: literal segments separated by bounded gaps, plus clause anchors. */
export interface ParsedTrigger {
  segments: string[]
  anchorStart: boolean
  anchorEnd: boolean
}

/** Ends a sentence: windows, guards and gaps never cross these. */
export const SENTENCE_END = new Set([..."。！？!?\n\r"])

/** Punctuation and space that may precede a `^` hit or follow a `$` hit. */
const CLAUSE_MARKS = [..."，,、；;：:…~～—-（）()[]【】“”‘’「」『』\"' \t　."]

/** Character classes as bit flags in one table: hot loops test codes without building strings. */
export const SENTENCE_BIT = 1
export const CLAUSE_BIT = 2
export const OPEN_QUOTE_BIT = 4
export const CLOSE_QUOTE_BIT = 8
export const CHAR_CLASS = new Uint8Array(0x10000)
for (const ch of SENTENCE_END) CHAR_CLASS[ch.charCodeAt(0)] |= SENTENCE_BIT | CLAUSE_BIT
for (const ch of CLAUSE_MARKS) CHAR_CLASS[ch.charCodeAt(0)] |= CLAUSE_BIT
for (const ch of "“‘「『") CHAR_CLASS[ch.charCodeAt(0)] |= OPEN_QUOTE_BIT
for (const ch of "”’」』") CHAR_CLASS[ch.charCodeAt(0)] |= CLOSE_QUOTE_BIT

/**
 * Folds one UTF-16 unit for matching: full-width ASCII to ASCII, then A–Z to a–z.
 * One unit in, one unit out, so offsets never shift.
 */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
  if (code >= 65 && code <= 90) code += 32
  return code
}

/** Folds a whole string with {@link foldCode}. */
export function foldText(text: string): string {
  let out = ""
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)))
  return out
}

/**
 * Parses a trigger, or returns an error string (the schema reports it; the compiler throws it).
 * Segments come back folded.
 */
export function parseTrigger(trigger: string): ParsedTrigger | string {
  let body = trigger
  const anchorStart = body.startsWith("^")
  if (anchorStart) body = body.slice(1)
  const anchorEnd = body.endsWith("$")
  if (anchorEnd) body = body.slice(0, -1)
  if (body.includes("^") || body.includes("$"))
    return "“^” 只能在开头、“$” 只能在结尾 / ^ only at the start, $ only at the end"
  const segments = body.split(/…+/)
  if (segments.some((s) => s.length === 0))
    return "“…” 不能在开头、结尾或连用 / a gap needs text on both sides"
  if (segments.some((s) => [...s].some((ch) => SENTENCE_END.has(ch))))
    return "触发词不能跨句 / a trigger cannot contain a sentence end"
  return { segments: segments.map(foldText), anchorStart, anchorEnd }
}
