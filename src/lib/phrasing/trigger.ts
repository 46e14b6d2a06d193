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
const CLAUSE_MARKS = new Set([..."。！？!?；;\n\r，,、：:…~～—-（）()[]【】“”‘’「」『』\"' \t　."])

/** True when `code` is clause punctuation or whitespace. */
export function isClauseMark(code: number): boolean {
  return CLAUSE_MARKS.has(String.fromCharCode(code))
}

/** True when `code` ends a sentence. */
export function isSentenceEnd(code: number): boolean {
  return SENTENCE_END.has(String.fromCharCode(code))
}

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
