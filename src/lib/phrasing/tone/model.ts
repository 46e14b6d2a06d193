/**
 * The tone model at run time: splits a (normalised) draft into sentences and clauses, scores each
 * with the shipped linear model and reports the blunt ones with a category, a confidence and the
 * words that weighed most. Pure; runs in the sidebar, never in the content script.
 */
import { type LinearModel, predictProba, topFeatures } from "../../ml/logreg"
import { type PackedModel, unpackModel } from "../../ml/serialize"
import { SCRIPTS } from "../../scripts/scripts"
import { TONE_CATEGORIES, TONE_LABELS, TONE_RULE_PREFIX, type ToneLabel } from "./categories"
import { toneFeatures } from "./features"

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
  /** Calibrated P(not polite), 0–1. */
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
/** Clause marks inside a sentence: a blunt clause in a polite template is scored on its own too. */
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

/** Scores one span; returns the hit when it is blunt. */
function scoreSpan(model: ToneModel, text: string, start: number, end: number): ToneHit | undefined {
  const sentence = text.slice(start, end)
  const bag = toneFeatures(sentence)
  const x = bag.vector()
  const p = predictProba(model.linear, x)
  const blunt = 1 - p[model.politeIndex]
  if (blunt < model.threshold) return undefined
  let best = 1
  for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c
  const cues: { start: number; end: number }[] = []
  for (const f of topFeatures(model.linear, x, best, 6, model.politeIndex)) {
    for (const span of bag.spansOf(f.index)) {
      const s = start + span.start
      const e = start + span.end
      if (cues.some((c) => s < c.end && e > c.start)) continue
      cues.push({ start: s, end: e })
      break
    }
    if (cues.length === 3) break
  }
  return {
    start,
    end,
    category: TONE_LABELS[best] as Exclude<ToneLabel, "polite">,
    confidence: Math.round(blunt * 100) / 100,
    cues,
  }
}

/**
 * Blunt sentences of `text` (normalised draft text). A sentence is scored whole and, when it has
 * several clauses, clause by clause: the strongest blunt piece is reported over the whole sentence.
 * Linear in the text's length (each sentence and clause is read a bounded number of times).
 */
export function classifyTone(model: ToneModel, text: string): ToneHit[] {
  const sentences: [number, number][] = []
  pieces(text, 0, text.length, SENTENCE_END, sentences)
  const hits: ToneHit[] = []
  for (const [s, e] of sentences) {
    let best = e - s <= MAX_SENTENCE ? scoreSpan(model, text, s, e) : undefined
    const clauses: [number, number][] = []
    pieces(text, s, e, CLAUSE_END, clauses)
    if (clauses.length > 1) {
      for (const [cs, ce] of clauses) {
        if (ce - cs < MIN_CLAUSE) continue
        const hit = scoreSpan(model, text, cs, ce)
        if (hit && (!best || hit.confidence > best.confidence)) best = { ...hit, start: s, end: e }
      }
    }
    if (best) hits.push(best)
  }
  return hits
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
  return { ruleId: `${TONE_RULE_PREFIX}${category}`, message: info.message, replacements: replacements.slice(0, 3) }
}
