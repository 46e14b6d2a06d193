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
import { type LinearModel, logits, trainLogReg } from "../../src/lib/ml/logreg"
import { hashString } from "../../src/lib/ml/rng"
import { packModel, unpackModel } from "../../src/lib/ml/serialize"
import { compilePhrasebook } from "../../src/lib/phrasing/compile"
import { DEFAULT_PHRASEBOOK } from "../../src/lib/phrasing/default-phrasebook"
import { checkDraft } from "../../src/lib/phrasing/check"
import { lintPhrasing } from "../../src/lib/phrasing/lint"
import { normaliseText } from "../../src/lib/phrasing/normalise"
import { maskQuoted, quotedRanges } from "../../src/lib/phrasing/quoted"
import { TONE_LABELS } from "../../src/lib/phrasing/tone/categories"
import { TONE_DIM, toneFeatures } from "../../src/lib/phrasing/tone/features"
import {
  scoreSentences,
  type ToneModel,
  type ToneModelData,
  toneSentences,
} from "../../src/lib/phrasing/tone/model"
import { type CorpusFile, type CorpusItem, loadCorpus } from "./corpus"

/** Share of polite sentences the threshold may flag on out-of-fold scores. */
export const POLITE_BUDGET = 0.045
const FOLDS = 5
const TRAIN = { epochs: 12, learningRate: 0.4, l2: 1e-4, seed: 7, minDocFreq: 2 }
/** Weight rows kept in the shipped model (the strongest by magnitude): bounds the sidebar bundle. */
export const MAX_ROWS = 8000

/** One training example: a sentence of an item, as the sidebar cuts and normalises drafts. */
interface Example {
  item: number
  x: SparseVector
  y: number
}

interface Prepared {
  items: CorpusItem[]
  /** Normalised texts, as the sidebar sees them. */
  texts: string[]
  /** Item labels. */
  y: number[]
  /** Examples per item. */
  examples: Example[][]
}

/**
 * A greeting or sign-off standing as its own sentence ("感谢您的理解。", "祝您生活愉快！"). Inside a blunt
 * line it is the agent's polite template, not the blunt core: labelled polite, or the model learns
 * the sign-offs of blunt e-mails as blunt.
 */
const POLITE_FORMULA =
  /^(?:(?:您好|你好|亲亲?|尊敬的客户(?:您好)?)[！!，,~]?|(?:非常)?感谢您?的?(?:理解|支持|耐心|配合|来信|反馈|耐心等待)(?:[与和](?:支持|配合|理解))?|敬请谅解|请您谅解|谢谢(?:您)?(?:的)?(?:理解|配合|支持)?|祝您?生活愉快|此致[，,]?敬礼|如有(?:疑问|其他问题)[^。！？]*联系[^。！？]*)[。！!~]*$/u

function prepare(files: readonly CorpusFile[]): Prepared {
  const items = loadCorpus(files)
  const homophones = compilePhrasebook(DEFAULT_PHRASEBOOK).homophones
  // The customer's quoted mail below a reply is not the agent's: blanked as the sidebar does.
  const own = items.map((item) => maskQuoted(item.text, quotedRanges(item.text)))
  const texts = own.map((text) => normaliseText(text, homophones).text)
  const y = items.map((item) => TONE_LABELS.indexOf(item.label))
  // Each sentence of an item is an example: the core's sentences carry the item's label, the
  // polite frame's own sentences ("您好，感谢您的来信。") are polite.
  const examples = items.map((item, i) =>
    toneSentences(own[i]).map(([s, e]): Example => {
      const core = s < item.coreEnd && e > item.coreStart
      const text = normaliseText(own[i].slice(s, e), homophones).text
      const label = core && !POLITE_FORMULA.test(text) ? y[i] : 0
      return { item: i, x: toneFeatures(text).vector(), y: label }
    }),
  )
  return { items, texts, y, examples }
}

/** Class weights: rarer labels count more (square-root balancing keeps polite precision up). */
function weights(examples: readonly Example[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const ex of examples) counts.set(ex.y, (counts.get(ex.y) ?? 0) + 1)
  const max = Math.max(...counts.values())
  return new Map([...counts].map(([c, n]) => [c, Math.sqrt(max / n)]))
}

/** Trains on `idx` and returns the model as it would ship (quantised, pruned), so figures are the shipped model's. */
function fit(p: Prepared, idx: readonly number[]): LinearModel {
  const examples = idx.flatMap((i) => p.examples[i])
  const w = weights(examples)
  const model = trainLogReg(
    examples.map((ex) => ({ x: ex.x, y: ex.y, weight: w.get(ex.y) })),
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
  return Number(Math.min(0.99, Math.max(0.3, t)).toFixed(4))
}

/** An item scored the way the sidebar scores a draft: its bluntest sentence or clause. */
interface Scored {
  item: CorpusItem
  truth: number
  blunt: number
  category: number
}

/** Scores item `i` with `linear` exactly as `classifyTone` would (sentences, gated clauses). */
function runtimeScore(p: Prepared, i: number, linear: LinearModel): Scored {
  const model: ToneModel = { version: "", threshold: 2, linear, politeIndex: 0 }
  let blunt = 0
  let category = 1
  for (const hit of scoreSentences(model, p.texts[i])) {
    if (hit.confidence > blunt) {
      blunt = hit.confidence
      category = TONE_LABELS.indexOf(hit.category)
    }
  }
  return { item: p.items[i], truth: p.y[i], blunt, category }
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : "–")

/** Per-label table: items, caught (flagged as any blunt category), right category, polite flagged. */
function categoryTable(scored: Scored[], threshold: number): string {
  const lines = ["| label | items | flagged as blunt | right category |", "|---|---:|---:|---:|"]
  let bluntAll = 0
  let bluntCaught = 0
  for (let c = 0; c < TONE_LABELS.length; c++) {
    const rows = scored.filter((s) => s.truth === c)
    const flagged = rows.filter((s) => s.blunt >= threshold)
    const right = flagged.filter((s) => s.category === c)
    if (c === 0) {
      lines.push(`| polite (false flags) | ${rows.length} | ${pct(flagged.length, rows.length)} | – |`)
      continue
    }
    bluntAll += rows.length
    bluntCaught += flagged.length
    lines.push(
      `| ${TONE_LABELS[c]} | ${rows.length} | ${pct(flagged.length, rows.length)} | ${pct(right.length, rows.length)} |`,
    )
  }
  lines.push(`| **all blunt** | ${bluntAll} | **${pct(bluntCaught, bluntAll)}** | |`)
  return lines.join("\n")
}

function slices(scored: Scored[], threshold: number): string {
  const lines = ["| slice | blunt caught | polite flagged |", "|---|---:|---:|"]
  const row = (name: string, keep: (s: Scored) => boolean) => {
    const rows = scored.filter(keep)
    const blunt = rows.filter((s) => s.truth !== 0)
    const polite = rows.filter((s) => s.truth === 0)
    const caught = blunt.filter((s) => s.blunt >= threshold).length
    const flagged = polite.filter((s) => s.blunt >= threshold).length
    lines.push(
      `| ${name} | ${pct(caught, blunt.length)} of ${blunt.length} | ${pct(flagged, polite.length)} of ${polite.length} |`,
    )
  }
  for (const r of ["chat", "email", "phone", "note", "sms"])
    row(`register ${r}`, (s) => s.item.register === r)
  row("hand-written", (s) => !s.item.composed)
  row("composed (polite frame)", (s) => s.item.composed)
  row("near-misses (NM)", (s) => s.item.source.startsWith("NM"))
  return lines.join("\n")
}

/** Rules alone vs rules + model, as the sidebar checks a draft (test split). */
function productTable(scored: Scored[], tone: ToneModel): string {
  const lines = ["| label | items | rules alone | rules + model |", "|---|---:|---:|---:|"]
  const totals = { n: 0, rules: 0, both: 0 }
  for (let c = 0; c < TONE_LABELS.length; c++) {
    const rows = scored.filter((s) => s.truth === c)
    const rules = rows.filter((s) => lintPhrasing(s.item.text).length > 0).length
    const both = rows.filter((s) => checkDraft(s.item.text, { tone }).length > 0).length
    const name = c === 0 ? "polite (false flags)" : TONE_LABELS[c]
    lines.push(`| ${name} | ${rows.length} | ${pct(rules, rows.length)} | ${pct(both, rows.length)} |`)
    if (c > 0) {
      totals.n += rows.length
      totals.rules += rules
      totals.both += both
    }
  }
  lines.push(
    `| **all blunt** | ${totals.n} | ${pct(totals.rules, totals.n)} | **${pct(totals.both, totals.n)}** |`,
  )
  return lines.join("\n")
}

function examples(scored: Scored[], threshold: number): string {
  const missed = scored.filter((s) => s.truth !== 0 && s.blunt < threshold && !s.item.composed)
  const falseFlags = scored.filter((s) => s.truth === 0 && s.blunt >= threshold)
  const fmt = (s: Scored) =>
    `- ${s.item.text} — ${TONE_LABELS[s.truth]}, P(blunt) ${s.blunt.toFixed(2)}${s.truth ? "" : `, as ${TONE_LABELS[s.category]}`}`
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
  const oofLogits: Float64Array[] = []
  const oofLabels: number[] = []
  const foldAccuracy: number[] = []
  const foldModels: LinearModel[] = []
  for (let f = 0; f < FOLDS; f++) {
    const tr = trainIdx.filter((i) => foldOf(p.items[i]) !== f)
    const te = trainIdx.filter((i) => foldOf(p.items[i]) === f)
    const model = fit(p, tr)
    foldModels.push(model)
    let right = 0
    let count = 0
    for (const i of te)
      for (const ex of p.examples[i]) {
        const z = logits(model, ex.x)
        oofLogits.push(z)
        oofLabels.push(ex.y)
        count++
        if (argmaxAll(z) === ex.y) right++
      }
    foldAccuracy.push(count ? right / count : 0)
  }
  const temperature = fitTemperature(oofLogits, oofLabels)
  for (const m of foldModels) m.temperature = temperature
  const oof: Scored[] = trainIdx.map((i) => runtimeScore(p, i, foldModels[foldOf(p.items[i])]))
  const threshold = chooseThreshold(
    oof.filter((s) => s.truth === 0).map((s) => s.blunt),
    POLITE_BUDGET,
  )

  // Held-out test split.
  const splitModel = fit(p, trainIdx)
  splitModel.temperature = temperature
  const test: Scored[] = testIdx.map((i) => runtimeScore(p, i, splitModel))
  const testPred = test.map((s) => (s.blunt >= threshold ? s.category : 0))
  const confusion = confusionMatrix(
    test.map((s) => s.truth),
    testPred,
    TONE_LABELS.length,
  )
  // Calibration of the sentence-level P(not polite) the finding shows as its confidence.
  const reliability = reliabilityTable(
    test.map((s) => Math.max(s.blunt, 1 - s.blunt)),
    test.map((s) => s.blunt >= 0.5 === (s.truth !== 0)),
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
    `Test split: ${testIdx.length} items (every fifth core group by hash, with its composition); training split ${trainIdx.length}. Items are scored as the sidebar scores a draft: its bluntest sentence.`,
    "",
    `## ${FOLDS}-fold cross-validation (training split, grouped by core)`,
    "",
    `Sentence accuracy per fold (8 labels): ${foldAccuracy.map((a) => `${(a * 100).toFixed(1)}%`).join(", ")}.`,
    `The threshold is chosen on these out-of-fold scores so that at most ${POLITE_BUDGET * 100}% of polite sentences flag.`,
    "",
    categoryTable(oof, threshold),
    "",
    "## Test split (model trained on the training split only)",
    "",
    "The model alone:",
    "",
    categoryTable(test, threshold),
    "",
    slices(test, threshold),
    "",
    "What the agent sees — the phrasebook's rules alone, and rules + model (a draft counts as flagged when it gets any finding):",
    "",
    productTable(test, { version: "split", threshold, linear: splitModel, politeIndex: 0 }),
    "",
    "Confusion (rows truth, columns prediction after the threshold):",
    "",
    "```",
    formatConfusion(TONE_LABELS, confusion),
    "```",
    "",
    "Calibration of the shown confidence, P(not polite) (test split; a bin holds max(P, 1 − P)):",
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
