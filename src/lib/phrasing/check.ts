/**
 * The whole check of an agent's draft, as the sidebar runs it: quoted earlier messages masked,
 * the draft normalised once, the phrasebook's rules, then the tone model on every sentence no rule
 * already flagged; all findings mapped back onto the characters the agent typed.
 */
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { findingsToOriginal, insideQuotes, lintNormalised, normaliseDraft, reported } from "./lint"
import { maskQuoted, mergeRanges, quotedRanges, type TextRange } from "./quoted"
import { TONE_MODEL_DATA } from "./tone/model-data"
import { classifyTone, loadToneModel, type ToneModel, toneFindingInfo } from "./tone/model"
import type { Phrasebook, PhrasingFinding } from "./types"

export interface DraftCheckOptions {
  book?: Phrasebook
  /** The tone model; `null` checks with the rules only. Defaults to the shipped model. */
  tone?: ToneModel | null
  /** Quoted ranges the editor marked (blockquotes); added to those found in the text. */
  quoted?: readonly TextRange[]
}

/** Opening quotation mark → its closing mark, as UTF-16 codes (read per character: no strings made). */
const OPENERS = new Map<number, number>(
  [
    ["“", "”"],
    ["「", "」"],
    ["『", "』"],
    ["‘", "’"],
    ['"', '"'],
  ].map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]),
)
const ANY_OPENER = /[“「『‘"]/u
const NEWLINE = 10
/** Longest quotation blanked (a quote rarely spans more in a reply; an unclosed one is left alone). */
const QUOTATION_MAX = 80

/**
 * The text with the words inside quotation marks blanked (same length): the model judges the
 * agent's own words, not the customer's they cite ("客户说“你们爱要不要”，已记录").
 */
export function blankQuotations(text: string): string {
  const first = text.search(ANY_OPENER)
  if (first < 0) return text
  let out = ""
  let at = 0
  for (let i = first; i < text.length; i++) {
    const close = OPENERS.get(text.charCodeAt(i))
    if (close === undefined) continue
    let j = i + 1
    while (j < text.length && j - i <= QUOTATION_MAX) {
      const c = text.charCodeAt(j)
      if (c === close || c === NEWLINE) break
      j++
    }
    if (j >= text.length || text.charCodeAt(j) !== close) continue
    out += text.slice(at, i + 1) + " ".repeat(j - i - 1)
    at = j
    i = j
  }
  return at === 0 ? text : out + text.slice(at)
}

let shipped: ToneModel | undefined
/** The shipped tone model, unpacked on first use. */
export function shippedToneModel(): ToneModel {
  shipped ??= loadToneModel(TONE_MODEL_DATA)
  return shipped
}

/** The version QA records: the phrasebook's, plus the tone model's when it ran ("2026.11.0+tone-1a2b3c4d"). */
export function checkVersion(book: Phrasebook, tone: ToneModel | null = shippedToneModel()): string {
  return tone ? `${book.version}+${tone.version}` : book.version
}

/**
 * Rule and tone findings for a draft, sorted by `start`, never overlapping, offsets into `text`.
 * Quoted earlier messages (see `quoted.ts`) produce nothing. Linear in the draft's length.
 */
export function checkDraft(text: string, options: DraftCheckOptions = {}): PhrasingFinding[] {
  if (text.length === 0) return []
  const book = options.book ?? DEFAULT_PHRASEBOOK
  const tone = options.tone === undefined ? shippedToneModel() : options.tone
  const quoted = mergeRanges([...quotedRanges(text), ...(options.quoted ?? [])])
  const agentText = maskQuoted(text, quoted)
  const n = normaliseDraft(agentText, book)
  const rules = lintNormalised(n.text, book)
  const findings: PhrasingFinding[] = [...rules]
  if (tone) {
    // Rule findings are sorted and disjoint, tone hits come in text order: one moving pointer keeps
    // the overlap test linear (a `some` per hit was quadratic on long pasted drafts).
    let r = 0
    for (const hit of classifyTone(tone, blankQuotations(n.text))) {
      while (r < rules.length && rules[r].end <= hit.start) r++
      // A rule in the sentence gives the precise wording; the model covers what no rule lists.
      if (r < rules.length && rules[r].start < hit.end) continue
      // Quoted or reported customer words: the agent is citing, not speaking (as for the rules).
      const cues = hit.cues.length ? hit.cues : [{ start: hit.start, end: hit.end }]
      if (cues.every((c) => insideQuotes(n.text, c.start) || reported(n.text, hit.start, c.start))) continue
      const info = toneFindingInfo(hit.category)
      findings.push({
        ruleId: info.ruleId,
        start: hit.start,
        end: hit.end,
        text: n.text.slice(hit.start, hit.end),
        category: hit.category,
        severity: "warning",
        message: info.message,
        replacements: info.replacements,
        source: "model",
        confidence: Math.round(hit.confidence * 100) / 100,
        cues: cues.map((c) => ({ ...c, text: n.text.slice(c.start, c.end) })),
      })
    }
    findings.sort((a, b) => a.start - b.start)
  }
  const mapped = findingsToOriginal(n, findings)
  if (n.identity) return mapped
  // Cues live in the normalised text too: map them like the findings.
  return mapped.map((f) =>
    f.cues
      ? {
          ...f,
          cues: f.cues.map((c) => {
            const start = n.from[c.start]
            const end = n.to[c.end - 1]
            return { start, end, text: text.slice(start, end) }
          }),
        }
      : f,
  )
}
