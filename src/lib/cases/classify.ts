/**
 * Guesses the case type of a ticket with the trained linear model in `case-model.data.ts`
 * (built by `npm run train:case` from `corpus/cases`). Runs in extension pages only: the model is
 * data for the sidebar bundle, never for the content script.
 */
import { type Span } from "../ml/features"
import { predictProba, ranked, topFeatures, type LinearModel } from "../ml/logreg"
import { unpackModel } from "../ml/serialize"
import { caseFeaturesOf, caseInput, prepareCase } from "./case-features"
import { CASE_MODEL } from "./case-model.data"
import { CASE_TYPES, type CaseType } from "./model"

/** Below this confidence the sidebar shows the two likeliest types and asks the agent. */
export const LOW_CONFIDENCE = 0.6

/** The result of {@link classifyCase}. */
export interface Classification {
  type: CaseType
  /** Calibrated probability that `type` is right (0 for empty text, which defaults to 查询). */
  confidence: number
  /** The strongest evidence for `type`, as phrases of the ticket text, strongest first (at most five). */
  matched: string[]
  /** Calibrated probability of every type (all 0 for empty text). */
  scores: Record<CaseType, number>
  /** The likeliest types with their probabilities, best first (three). */
  alternatives: { type: CaseType; probability: number }[]
  /** True when `confidence` < {@link LOW_CONFIDENCE}: show the top two and ask. */
  uncertain: boolean
}

let loaded: LinearModel | undefined
// Reused between calls: bucket, start, end of every n-gram of the ticket being classified.
let gramLog = new Int32Array(3 * 4096)
function model(): LinearModel {
  loaded ??= unpackModel(CASE_MODEL)
  return loaded
}

/**
 * Classifies a ticket. `text` is the body; pass the title separately in `opts.title`. Never throws;
 * empty text gives 查询 with confidence 0.
 */
export function classifyCase(text: string, opts?: { title?: string }): Classification {
  const input = caseInput(text, opts?.title)
  const zero = Object.fromEntries(CASE_TYPES.map((t) => [t, 0])) as Record<CaseType, number>
  if (!/\S/.test(input.text)) {
    return { type: "查询", confidence: 0, matched: [], scores: zero, alternatives: [], uncertain: true }
  }
  const m = model()
  const prepared = prepareCase(input)
  // Where each n-gram sat, for the explanation (no second walk over the text).
  let grams = 0
  const bag = caseFeaturesOf(prepared, (index, start, end) => {
    if (grams * 3 + 3 > gramLog.length) {
      const bigger = new Int32Array(gramLog.length * 2)
      bigger.set(gramLog)
      gramLog = bigger
    }
    gramLog[grams * 3] = index
    gramLog[grams * 3 + 1] = start
    gramLog[grams * 3 + 2] = end
    grams++
  })
  const x = bag.vector({ sorted: false })
  const p = predictProba(m, x)
  const order = ranked(p)
  const best = order[0]
  const scores = { ...zero }
  m.classes.forEach((c, i) => (scores[c as CaseType] = p[i]))
  const confidence = p[best]

  // Spans of the features that pushed hardest towards the winner (relative to the runner-up),
  // merged into phrases and ranked by the weight they carry.
  const top = topFeatures(m, x, best, 12, order[1])
  const wanted = new Set(top.map((f) => f.index))
  const ngramSpans = new Map<number, Span[]>()
  for (let g = 0; g < grams; g++) {
    const index = gramLog[g * 3]
    const start = gramLog[g * 3 + 1]
    // An agent's own words are not the customer's case, and a field's label ("问题描述：") is not evidence.
    if (!wanted.has(index) || prepared.region[start] === 1 || inFieldLabel(input.text, start)) continue
    const span = { start, end: gramLog[g * 3 + 2] }
    const list = ngramSpans.get(index)
    if (list) list.push(span)
    else ngramSpans.set(index, [span])
  }
  const spans: { span: Span; weight: number }[] = []
  for (const f of top) {
    const name = bag.nameOf(f.index)
    const list =
      name === undefined ? (ngramSpans.get(f.index) ?? []) : explains(name) ? bag.spansOf(f.index) : []
    for (const span of list) spans.push({ span, weight: f.contribution / list.length })
  }
  return {
    type: m.classes[best] as CaseType,
    confidence,
    matched: phrases(input.text, spans),
    scores,
    alternatives: order.slice(0, 3).map((i) => ({ type: m.classes[i] as CaseType, probability: p[i] })),
    uncertain: confidence < LOW_CONFIDENCE,
  }
}

// Who is writing, in what form, or an agent's own words: real signals, but not what an agent
// would call the reason for a case type.
const NOT_AN_EXPLANATION =
  /^(?:a\||f:n?(?:agent_note|email|question|number|business|sender|receiver|threat|repeat|req_help)$)/

function explains(name: string): boolean {
  return !NOT_AN_EXPLANATION.test(name)
}

/** Longest field label the page's case text carries ("问题描述：…", "客户诉求：…"). */
const LABEL_MAX = 12

/** True when `at` sits in the label of a "label：value" line of the case text. */
function inFieldLabel(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1
  for (let i = lineStart; i < text.length && i - lineStart <= LABEL_MAX; i++) {
    const c = text[i]
    if (c === "\n") return false
    if (c === "：" || c === ":") return at < i
  }
  return false
}

function phrases(text: string, spans: { span: Span; weight: number }[]): string[] {
  const sorted = [...spans].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  const merged: { start: number; end: number; weight: number }[] = []
  for (const { span, weight } of sorted) {
    const last = merged[merged.length - 1]
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end)
      last.weight += weight
    } else merged.push({ start: span.start, end: span.end, weight })
  }
  const out: string[] = []
  for (const m of merged.sort((a, b) => b.weight - a.weight)) {
    // Clauses separately; a lone character or punctuation mark explains nothing to an agent.
    for (const part of text.slice(m.start, m.end).split(/[，。！？、,.!?;；:：\s]+/)) {
      if (part.length >= 2 && /[\p{L}\p{N}]/u.test(part) && !out.includes(part) && out.length < 5)
        out.push(part)
    }
    if (out.length === 5) break
  }
  return out
}
