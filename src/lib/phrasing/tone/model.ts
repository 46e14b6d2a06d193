/**
 * The tone model at run time: splits a (normalised) draft into sentences and clauses, scores each
 * with the shipped linear model and reports the blunt ones with a category, a confidence and the
 * words that weighed most. Pure; runs in the sidebar, never in the content script.
 */
import { rowOf, type LinearModel } from "../../ml/logreg"
import { type PackedModel, unpackModel } from "../../ml/serialize"
import { SCRIPTS } from "../../scripts/scripts"
import { TONE_CATEGORIES, TONE_LABELS, TONE_RULE_PREFIX, type ToneLabel } from "./categories"
import { type FastFeatures, fastToneFeatures } from "./features"

/** What the training script ships: the packed model, its decision threshold and its version. */
export interface ToneModelData {
  /** "tone-YYYY.M.D-<hash>": goes into the phrasebook version of every audit event. */
  version: string
  packed: PackedModel
  /** A sentence is blunt when P(not polite) ≥ this (chosen on out-of-fold scores, see REPORT.md). */
  threshold: number
}

/** One blunt sentence (or clause) the model found. Offsets are into the text it was given. */
export interface ToneHit {
  start: number
  end: number
  category: Exclude<ToneLabel, "polite">
  /** Calibrated P(not polite), 0–1 (unrounded; round for display). */
  confidence: number
  /** The n-grams that pushed most towards the category, as spans of the text, strongest first. */
  cues: { start: number; end: number }[]
}

/** A loaded model, ready to score. */
export interface ToneModel {
  version: string
  threshold: number
  linear: LinearModel
  politeIndex: number
}

/** Unpacks shipped model data (once per data object). */
export function loadToneModel(data: ToneModelData): ToneModel {
  const linear = unpackModel(data.packed)
  const labels = linear.classes as readonly string[]
  if (labels.length !== TONE_LABELS.length || TONE_LABELS.some((l, i) => labels[i] !== l))
    throw new Error(`tone model classes ${labels.join(",")} do not match ${TONE_LABELS.join(",")}`)
  return { version: data.version, threshold: data.threshold, linear, politeIndex: 0 }
}

/** Ends a sentence for the model (as for the rules) plus ";" — e-mails chain clauses with it. */
const SENTENCE_END = /[。！？!?\n；;]/u
/** Clause marks: a sentence too long to score whole is scored clause by clause. */
const CLAUSE_END = /[，,]/u
/** Clauses shorter than this are not scored alone ("亲", "好的"): too little to judge. */
const MIN_CLAUSE = 4
/** Sentences longer than this are scored by clauses only (a pasted paragraph without stops). */
const MAX_SENTENCE = 160

/** [start, end) spans of the non-blank pieces of `text[from, to)` cut at `sep`. */
function pieces(text: string, from: number, to: number, sep: RegExp, out: [number, number][]): void {
  let start = from
  for (let i = from; i <= to; i++) {
    if (i < to && !sep.test(text[i])) continue
    let s = start
    let e = i
    while (s < e && /\s/u.test(text[s])) s++
    while (e > s && /\s/u.test(text[e - 1])) e--
    if (e > s) out.push([s, e])
    start = i + 1
  }
}

/** Something to judge: a letter, digit or CJK character (a lone "~" or "……" is not a sentence). */
const WORDY = /[\p{L}\p{N}]/u

/**
 * The sentences the model judges, as [start, end) spans of `text`: cut at sentence ends and ";",
 * trimmed, pieces without a letter dropped. Training cuts its corpus the same way.
 */
export function toneSentences(text: string): [number, number][] {
  const all: [number, number][] = []
  pieces(text, 0, text.length, SENTENCE_END, all)
  const out: [number, number][] = []
  for (const [s, e] of all) {
    let end = e
    // The sentence still being typed (no stop after it, at the end of the draft): a short trailing
    // clause is half a word ("好的，你", "明白，我也") — judge the sentence without it.
    if (e === text.trimEnd().length && !STOPPED.test(text.slice(s, e))) {
      const comma = Math.max(text.lastIndexOf("，", e - 1), text.lastIndexOf(",", e - 1))
      if (comma >= s && wordy(text, comma + 1, e) < MIN_WORDY + 1) end = comma
    }
    if (wordy(text, s, end) >= MIN_WORDY) out.push([s, end])
  }
  return out
}

/** Fewer letters than this is too little to judge ("等", "好的"): rules cover the short blunt replies. */
export const MIN_WORDY = 3
/** A sentence that ends with a stop (or a closing particle mark) is finished. */
const STOPPED = /[。！？!?~～…]\s*$/u

function wordy(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (WORDY.test(text[i])) n++
  return n
}

const Z = new Float64Array(TONE_LABELS.length)

/** Softmax(logits / temperature) into a shared scratch array (as `predictProba`, without allocating). */
function probabilities(model: ToneModel, f: FastFeatures): Float64Array {
  const { bias, rows, temperature } = model.linear
  const k = Z.length
  for (let c = 0; c < k; c++) Z[c] = bias[c]
  for (let n = 0; n < f.indices.length; n++) {
    const row = rows.get(f.indices[n])
    if (!row) continue
    const v = f.values[n]
    for (let c = 0; c < k; c++) Z[c] += row[c] * v
  }
  let max = -Infinity
  for (let c = 0; c < k; c++) {
    Z[c] /= temperature
    if (Z[c] > max) max = Z[c]
  }
  let sum = 0
  for (let c = 0; c < k; c++) {
    Z[c] = Math.exp(Z[c] - max)
    sum += Z[c]
  }
  for (let c = 0; c < k; c++) Z[c] /= sum
  return Z
}

/** Scores one span: P(not polite), the likeliest blunt category and its cues. */
function scoreSpan(model: ToneModel, text: string, start: number, end: number): ToneHit {
  const f = fastToneFeatures(text.slice(start, end))
  const p = probabilities(model, f)
  const blunt = 1 - p[model.politeIndex]
  let best = 1
  for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c
  return {
    start,
    end,
    category: TONE_LABELS[best] as Exclude<ToneLabel, "polite">,
    confidence: blunt,
    // Cues are worth computing only for what will be shown.
    cues: blunt >= model.threshold ? cuesOf(model, f, best, start) : [],
  }
}

/**
 * The n-grams that pushed most towards `cls` rather than polite (positive contributions, strongest
 * first), as non-overlapping spans of the text, at most three.
 */
function cuesOf(
  model: ToneModel,
  f: FastFeatures,
  cls: number,
  offset: number,
): { start: number; end: number }[] {
  const weight = new Map<number, number>()
  f.indices.forEach((index, n) => {
    const row = rowOf(model.linear, index)
    if (row) weight.set(index, (row[cls] - row[model.politeIndex]) * f.values[n])
  })
  const strongest = [...weight].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  const cues: { start: number; end: number }[] = []
  for (const [index] of strongest.slice(0, 6)) {
    for (let k = 0; k < f.spanCount; k++) {
      if (f.spans[3 * k] !== index) continue
      const s = offset + f.spans[3 * k + 1]
      const e = offset + f.spans[3 * k + 2]
      if (cues.some((c) => s < c.end && e > c.start)) continue
      cues.push({ start: s, end: e })
      break
    }
    if (cues.length === 3) break
  }
  return cues
}

/**
 * Every sentence of `text` with its score. Sentences are scored whole (clauses alone misread
 * "如果这样不行，…" as a refusal; the corpus teaches blunt clauses inside polite templates at the
 * sentence level); a sentence longer than {@link MAX_SENTENCE} (a pasted paragraph without stops) is
 * scored by its clauses and reported whole. Linear in the text's length.
 */
export function scoreSentences(model: ToneModel, text: string): ToneHit[] {
  const out: ToneHit[] = []
  const sentences = toneSentences(text)
  for (const [s, e] of sentences) {
    if (e - s <= MAX_SENTENCE) {
      out.push(scoreSpan(model, text, s, e))
      continue
    }
    const clauses: [number, number][] = []
    pieces(text, s, e, CLAUSE_END, clauses)
    let best: ToneHit | undefined
    for (const [cs, ce] of clauses) {
      if (ce - cs < MIN_CLAUSE) continue
      const hit = scoreSpan(model, text, cs, Math.min(ce, cs + MAX_SENTENCE))
      if (!best || hit.confidence > best.confidence) best = { ...hit, start: s, end: e }
    }
    if (best) out.push(best)
  }
  return out
}

/** The blunt sentences of `text` (normalised draft text): those scoring at or above the threshold. */
export function classifyTone(model: ToneModel, text: string): ToneHit[] {
  return scoreSentences(model, text).filter((h) => h.confidence >= model.threshold)
}

/** Script text as a replacement: optional `[…]` segments dropped, `{slot}`s kept for the agent. */
function scriptText(id: string): string | undefined {
  const script = SCRIPTS.find((s) => s.id === id)
  return script?.text.replace(/\[[^\]]*\]/gu, "")
}

/** The rule id, message and replacements a model finding of `category` carries. */
export function toneFindingInfo(category: Exclude<ToneLabel, "polite">): {
  ruleId: string
  message: { zh: string; en: string }
  replacements: string[]
} {
  const info = TONE_CATEGORIES[category]
  const replacements = [info.replacement]
  for (const id of info.scripts) {
    const text = scriptText(id)
    if (text && !replacements.includes(text)) replacements.push(text)
  }
  return {
    ruleId: `${TONE_RULE_PREFIX}${category}`,
    message: info.message,
    replacements: replacements.slice(0, 3),
  }
}
