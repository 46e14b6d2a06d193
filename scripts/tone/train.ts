/**
 * The tone model's training pipeline, pure and deterministic: the same corpus always gives the
 * same model bytes (the shipped model is checked against it by `model-data.test.ts`).
 *
 * 1. Corpus → normalised sentences → features (the sidebar's own `toneFeatures`).
 * 2. A fixed test split: every fifth core group by hash (its compositions go with it).
 * 3. Grouped 5-fold cross-validation on the rest: out-of-fold scores give the temperature and the
 *    decision threshold (P(not polite) at which at most {@link POLITE_BUDGET} of polite sentences flag).
 * 4. A model trained on the training split is scored on the test split: the per-category figures.
 * 5. The shipped model is trained on everything with the same settings.
 */
import { fitTemperature, formatReliability, reliabilityTable } from "../../src/lib/ml/calibration"
import { confusionMatrix, formatConfusion } from "../../src/lib/ml/cross-validation"
import type { SparseVector } from "../../src/lib/ml/features"
import { type LinearModel, logits, softmax, trainLogReg } from "../../src/lib/ml/logreg"
import { hashString } from "../../src/lib/ml/rng"
import { packModel, unpackModel } from "../../src/lib/ml/serialize"
import { compilePhrasebook } from "../../src/lib/phrasing/compile"
import { DEFAULT_PHRASEBOOK } from "../../src/lib/phrasing/default-phrasebook"
import { normaliseText } from "../../src/lib/phrasing/normalise"
import { TONE_LABELS } from "../../src/lib/phrasing/tone/categories"
import { TONE_DIM, toneFeatures } from "../../src/lib/phrasing/tone/features"
import type { ToneModelData } from "../../src/lib/phrasing/tone/model"
import { type CorpusFile, type CorpusItem, loadCorpus } from "./corpus"

/** Share of polite sentences the threshold may flag on out-of-fold scores. */
export const POLITE_BUDGET = 0.03
const FOLDS = 5
const TRAIN = { epochs: 12, learningRate: 0.4, l2: 1e-5, seed: 7, minDocFreq: 2 }
/** Weight rows kept in the shipped model (the strongest by magnitude): bounds the sidebar bundle. */
export const MAX_ROWS = 8000

interface Prepared {
  items: CorpusItem[]
  x: SparseVector[]
  y: number[]
}

function prepare(files: readonly CorpusFile[]): Prepared {
  const items = loadCorpus(files)
  const homophones = compilePhrasebook(DEFAULT_PHRASEBOOK).homophones
  const x = items.map((item) => toneFeatures(normaliseText(item.text, homophones).text).vector())
  const y = items.map((item) => TONE_LABELS.indexOf(item.label))
  return { items, x, y }
}

/** Class weights: rarer labels count more (square-root balancing keeps polite precision up). */
function weights(y: readonly number[], idx: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const i of idx) counts.set(y[i], (counts.get(y[i]) ?? 0) + 1)
  const max = Math.max(...counts.values())
  return new Map([...counts].map(([c, n]) => [c, Math.sqrt(max / n)]))
}

/** Trains on `idx` and returns the model as it would ship (quantised, pruned), so figures are the shipped model's. */
function fit(p: Prepared, idx: readonly number[]): LinearModel {
  const w = weights(p.y, idx)
  const model = trainLogReg(
    idx.map((i) => ({ x: p.x[i], y: p.y[i], weight: w.get(p.y[i]) })),
    { classes: TONE_LABELS, dim: TONE_DIM, ...TRAIN },
  )
  return unpackModel(packModel(model, { maxRows: MAX_ROWS }))
}

const isTest = (item: CorpusItem) => hashString(`test:${item.group}`) % 5 === 0
const foldOf = (item: CorpusItem) => hashString(`fold:${item.group}`) % FOLDS

/** The lowest threshold that flags at most `budget` of the polite scores. */
function chooseThreshold(politeScores: number[], budget: number): number {
  const sorted = [...politeScores].sort((a, b) => b - a)
  const allowed = Math.floor(sorted.length * budget)
  const t = (sorted[allowed] ?? 0) + 1e-6
  return Number(Math.min(0.95, Math.max(0.3, t)).toFixed(4))
}

interface Scored {
  item: CorpusItem
  truth: number
  p: Float64Array
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : "–")

/** Per-label table: items, caught (flagged as any blunt category), right category, polite flagged. */
function categoryTable(scored: Scored[], threshold: number): string {
  const lines = ["| label | items | flagged as blunt | right category |", "|---|---:|---:|---:|"]
  let bluntAll = 0
  let bluntCaught = 0
  for (let c = 0; c < TONE_LABELS.length; c++) {
    const rows = scored.filter((s) => s.truth === c)
    const flagged = rows.filter((s) => 1 - s.p[0] >= threshold)
    const right = flagged.filter((s) => argmaxBlunt(s.p) === c)
    if (c === 0) {
      lines.push(`| polite (false flags) | ${rows.length} | ${pct(flagged.length, rows.length)} | – |`)
      continue
    }
    bluntAll += rows.length
    bluntCaught += flagged.length
    lines.push(`| ${TONE_LABELS[c]} | ${rows.length} | ${pct(flagged.length, rows.length)} | ${pct(right.length, rows.length)} |`)
  }
  lines.push(`| **all blunt** | ${bluntAll} | **${pct(bluntCaught, bluntAll)}** | |`)
  return lines.join("\n")
}

function argmaxBlunt(p: Float64Array): number {
  let best = 1
  for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c
  return best
}

function slices(scored: Scored[], threshold: number): string {
  const lines = ["| slice | blunt caught | polite flagged |", "|---|---:|---:|"]
  const row = (name: string, keep: (s: Scored) => boolean) => {
    const rows = scored.filter(keep)
    const blunt = rows.filter((s) => s.truth !== 0)
    const polite = rows.filter((s) => s.truth === 0)
    const caught = blunt.filter((s) => 1 - s.p[0] >= threshold).length
    const flagged = polite.filter((s) => 1 - s.p[0] >= threshold).length
    lines.push(`| ${name} | ${pct(caught, blunt.length)} of ${blunt.length} | ${pct(flagged, polite.length)} of ${polite.length} |`)
  }
  for (const r of ["chat", "email", "phone", "note", "sms"]) row(`register ${r}`, (s) => s.item.register === r)
  row("hand-written", (s) => !s.item.composed)
  row("composed (polite frame)", (s) => s.item.composed)
  row("near-misses (NM)", (s) => s.item.source.startsWith("NM"))
  return lines.join("\n")
}

function examples(scored: Scored[], threshold: number): string {
  const missed = scored.filter((s) => s.truth !== 0 && 1 - s.p[0] < threshold && !s.item.composed)
  const falseFlags = scored.filter((s) => s.truth === 0 && 1 - s.p[0] >= threshold)
  const fmt = (s: Scored) =>
    `- ${s.item.text} — ${TONE_LABELS[s.truth]}, P(blunt) ${(1 - s.p[0]).toFixed(2)}${s.truth ? "" : `, as ${TONE_LABELS[argmaxBlunt(s.p)]}`}`
  return [
    `Missed blunt sentences (hand-written, test split; ${missed.length}):`,
    ...missed.map(fmt),
    "",
    `Polite sentences flagged (test split; ${falseFlags.length}):`,
    ...falseFlags.map(fmt),
  ].join("\n")
}

/** The result of a training run. */
export interface ToneTraining {
  data: ToneModelData
  /** Markdown: corpus counts, k-fold figures, test-split figures, misses. */
  report: string
}

/** Runs the whole pipeline on the corpus files. */
export function trainTone(files: readonly CorpusFile[]): ToneTraining {
  const p = prepare(files)
  const all = p.items.map((_, i) => i)
  const trainIdx = all.filter((i) => !isTest(p.items[i]))
  const testIdx = all.filter((i) => isTest(p.items[i]))

  // Out-of-fold logits on the training split.
  const oofLogits: Float64Array[] = new Array(p.items.length)
  const foldAccuracy: number[] = []
  for (let f = 0; f < FOLDS; f++) {
    const tr = trainIdx.filter((i) => foldOf(p.items[i]) !== f)
    const te = trainIdx.filter((i) => foldOf(p.items[i]) === f)
    const model = fit(p, tr)
    let right = 0
    for (const i of te) {
      oofLogits[i] = logits(model, p.x[i])
      if (argmaxAll(oofLogits[i]) === p.y[i]) right++
    }
    foldAccuracy.push(te.length ? right / te.length : 0)
  }
  const temperature = fitTemperature(
    trainIdx.map((i) => oofLogits[i]),
    trainIdx.map((i) => p.y[i]),
  )
  const oof: Scored[] = trainIdx.map((i) => ({ item: p.items[i], truth: p.y[i], p: softmax(oofLogits[i], temperature) }))
  const threshold = chooseThreshold(
    oof.filter((s) => s.truth === 0).map((s) => 1 - s.p[0]),
    POLITE_BUDGET,
  )

  // Held-out test split.
  const splitModel = fit(p, trainIdx)
  const test: Scored[] = testIdx.map((i) => ({
    item: p.items[i],
    truth: p.y[i],
    p: softmax(logits(splitModel, p.x[i]), temperature),
  }))
  const testPred = test.map((s) => (1 - s.p[0] >= threshold ? argmaxBlunt(s.p) : 0))
  const confusion = confusionMatrix(
    test.map((s) => s.truth),
    testPred,
    TONE_LABELS.length,
  )
  const reliability = reliabilityTable(
    test.map((s) => Math.max(...s.p)),
    test.map((s) => argmaxAll(s.p) === s.truth),
  )

  // The shipped model.
  const final = fit(p, all)
  final.temperature = temperature
  const packed = packModel(final, { maxRows: MAX_ROWS })
  const version = `tone-${hashString(`${packed.data}|${threshold}|${temperature}`).toString(16).padStart(8, "0")}`
  const data: ToneModelData = { version, packed, threshold }

  const hand = p.items.filter((i) => !i.composed)
  const countLines = TONE_LABELS.map((l) => {
    const h = hand.filter((i) => i.label === l).length
    return `| ${l} | ${h} | ${p.items.filter((i) => i.label === l).length} |`
  })
  const report = [
    "# Tone model report",
    "",
    `Generated by \`npm run train:tone\` (scripts/train-tone.ts). Model \`${version}\`, ${packed.rows} weight rows, threshold P(not polite) ≥ ${threshold}, temperature ${temperature}.`,
    "",
    "## Corpus",
    "",
    "| label | hand-written | with compositions |",
    "|---|---:|---:|",
    ...countLines,
    `| **total** | ${hand.length} | ${p.items.length} |`,
    "",
    `Test split: ${testIdx.length} items (every fifth core group by hash, with its composition); training split ${trainIdx.length}.`,
    "",
    `## ${FOLDS}-fold cross-validation (training split, grouped by core)`,
    "",
    `Accuracy per fold (8 labels): ${foldAccuracy.map((a) => `${(a * 100).toFixed(1)}%`).join(", ")}.`,
    `The threshold is chosen on these out-of-fold scores so that at most ${POLITE_BUDGET * 100}% of polite sentences flag.`,
    "",
    categoryTable(oof, threshold),
    "",
    "## Test split (model trained on the training split only)",
    "",
    categoryTable(test, threshold),
    "",
    slices(test, threshold),
    "",
    "Confusion (rows truth, columns prediction after the threshold):",
    "",
    "```",
    formatConfusion(TONE_LABELS, confusion),
    "```",
    "",
    "Calibration of the top label's probability (test split):",
    "",
    formatReliability(reliability),
    "",
    "## What the model still misses (test split)",
    "",
    examples(test, threshold),
    "",
  ].join("\n")
  return { data, report }
}

function argmaxAll(v: ArrayLike<number>): number {
  let best = 0
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i
  return best
}
