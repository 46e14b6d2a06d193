/**
 * The deterministic training pipeline behind `npm run train:case`: features → 5-fold
 * cross-validation on the train split → temperature fitted on the out-of-fold scores → the final
 * model on the whole train split → figures on the held-out test split. Pure: corpus in, model and
 * report out (the script does the file I/O; a test re-runs this and compares with the shipped model).
 */
import {
  expectedCalibrationError,
  fitTemperature,
  formatReliability,
  reliabilityTable,
} from "../ml/calibration"
import { argmax, classScores, confusionMatrix, crossValidate, formatConfusion } from "../ml/cross-validation"
import { type SparseVector } from "../ml/features"
import { logits, predictProba, ranked, softmax, trainLogReg, type TrainingExample } from "../ml/logreg"
import { packModel, unpackModel, type PackedModel } from "../ml/serialize"
import { CASE_FEATURE_DIM, caseFeatures, caseInput } from "./case-features"
import { LOW_CONFIDENCE } from "./classify"
import type { CorpusItem } from "./corpus"
import { CASE_TYPES } from "./model"

/** Training settings, fixed so the output is reproducible. */
export const CASE_TRAINING = {
  epochs: 12,
  learningRate: 0.4,
  l2: 1e-5,
  seed: 20261204,
  minDocFreq: 2,
  folds: 5,
  maxRows: 30000,
} as const

/** What one training run produces. */
export interface CaseTrainingResult {
  model: PackedModel
  /** Markdown: corpus counts, k-fold accuracy per type, confusion tables, reliability table. */
  report: string
  cvAccuracy: number
  testAccuracy: number
  testAcceptable: number
  ece: number
  /** Right / right-or-acceptable share on corpus/holdout (NaN when there is none). */
  holdoutAccuracy: number
  holdoutAcceptable: number
}

const featuresOf = (item: CorpusItem): SparseVector => caseFeatures(caseInput(item.text, item.title)).vector()

/** Trains the case-type model from the corpus. Same corpus, same output, byte for byte. */
export function trainCaseModel(items: readonly CorpusItem[]): CaseTrainingResult {
  const classes = [...CASE_TYPES]
  const train = items.filter((i) => i.split === "train")
  const test = items.filter((i) => i.split === "test")
  const label = (i: CorpusItem) => classes.indexOf(i.type)
  const xTrain = train.map(featuresOf)
  const yTrain = train.map(label)

  // Rare types weigh more, so the model does not learn to just say the common ones.
  const count = classes.map((_, c) => yTrain.filter((y) => y === c).length)
  const weightOf = (y: number) => Math.sqrt(train.length / (classes.length * Math.max(1, count[y])))
  const examples: TrainingExample[] = xTrain.map((x, n) => ({ x, y: yTrain[n], weight: weightOf(yTrain[n]) }))
  const opts = { classes, dim: CASE_FEATURE_DIM, ...CASE_TRAINING }
  const fit = (subset: TrainingExample[]) => unpackModel(packModel(trainLogReg(subset, opts), opts))

  const cv = crossValidate(yTrain, CASE_TRAINING.folds, CASE_TRAINING.seed, (tr, te) => {
    const m = fit(tr.map((i) => examples[i]))
    return te.map((i) => logits(m, xTrain[i]))
  })
  const temperature = fitTemperature(cv.scores, yTrain)

  const final = trainLogReg(examples, opts)
  final.temperature = temperature
  const model = packModel(final, opts)
  const shipped = unpackModel(model)

  const cvPred = cv.scores.map((s) => argmax(s))
  const cvMatrix = confusionMatrix(yTrain, cvPred, classes.length)
  const testProba = test.map((i) => predictProba(shipped, featuresOf(i)))
  const testPred = testProba.map((p) => argmax(p))
  const yTest = test.map(label)
  const testMatrix = confusionMatrix(yTest, testPred, classes.length)
  const right = testPred.filter((p, n) => p === yTest[n]).length
  const acceptable = testPred.filter((p, n) => p === yTest[n] || test[n].also.includes(classes[p])).length
  const bins = reliabilityTable(
    testProba.map((p) => Math.max(...p)),
    testPred.map((p, n) => p === yTest[n]),
  )
  const cvBins = reliabilityTable(
    cv.scores.map((z) => Math.max(...softmax(z, temperature))),
    cvPred.map((p, n) => p === yTrain[n]),
  )
  const holdout = items.filter((i) => i.split === "holdout")
  const holdoutPred = holdout.map((i) => classes[argmax(predictProba(shipped, featuresOf(i)))])
  const holdoutRight = holdoutPred.filter((p, n) => p === holdout[n].type).length
  const holdoutOk = holdoutPred.filter(
    (p, n) => p === holdout[n].type || holdout[n].also.includes(p as never),
  ).length
  // The sidebar asks the agent below LOW_CONFIDENCE, showing the two likeliest types: how often is
  // the right type among them?
  const topTwo = (proba: ArrayLike<number>[], truth: number[], keep: (p: number) => boolean) => {
    let n = 0
    let first = 0
    let second = 0
    proba.forEach((p, i) => {
      const order = ranked(p)
      if (!keep(p[order[0]])) return
      n++
      if (order[0] === truth[i]) first++
      else if (order[1] === truth[i]) second++
    })
    return { n, first, second }
  }
  const cvProba = cv.scores.map((z) => softmax(z, temperature))
  const topTwoRows: [string, { n: number; first: number; second: number }][] = [
    [
      `test split, confidence < ${LOW_CONFIDENCE} (asked)`,
      topTwo(testProba, yTest, (c) => c < LOW_CONFIDENCE),
    ],
    [`test split, confidence ≥ ${LOW_CONFIDENCE}`, topTwo(testProba, yTest, (c) => c >= LOW_CONFIDENCE)],
    [`k-fold, confidence < ${LOW_CONFIDENCE} (asked)`, topTwo(cvProba, yTrain, (c) => c < LOW_CONFIDENCE)],
    [`k-fold, confidence ≥ ${LOW_CONFIDENCE}`, topTwo(cvProba, yTrain, (c) => c >= LOW_CONFIDENCE)],
  ]
  const misses = test
    .map((item, n) => ({ item, pred: classes[testPred[n]], p: testProba[n][testPred[n]] }))
    .filter(({ item, pred }) => pred !== item.type)

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const sources = new Map<string, number>()
  for (const i of [...train, ...test]) sources.set(i.source, (sources.get(i.source) ?? 0) + 1)
  const styles = new Map<string, number>()
  for (const i of [...train, ...test]) styles.set(i.style, (styles.get(i.style) ?? 0) + 1)
  const perType = classScores(cvMatrix)
  const testPerType = classScores(testMatrix)
  const report = [
    "# Case-type model: training report",
    "",
    "Written by `npm run train:case` (do not edit by hand).",
    "",
    `Corpus: ${train.length + test.length} items (${train.length} train, ${test.length} test; ${holdout.length} held-out probes besides). Model: ${model.rows} feature rows, temperature ${temperature}.`,
    "",
    "| type | train | test | k-fold recall | k-fold precision | test recall |",
    "|---|---:|---:|---:|---:|---:|",
    ...classes.map(
      (c, i) =>
        `| ${c} | ${count[i]} | ${yTest.filter((y) => y === i).length} | ${pct(perType[i].recall)} | ${pct(perType[i].precision)} | ${pct(testPerType[i].recall)} |`,
    ),
    "",
    `${CASE_TRAINING.folds}-fold cross-validation accuracy (train split): **${pct(cv.accuracy)}** (folds: ${cv.foldAccuracy.map(pct).join(", ")})`,
    "",
    `Test split: **${pct(right / Math.max(1, test.length))}** right, **${pct(acceptable / Math.max(1, test.length))}** right or acceptable.`,
    "",
    holdout.length
      ? `Held-out probes (corpus/holdout, written after training, never trained on): **${holdoutRight} / ${holdout.length}** right, **${holdoutOk} / ${holdout.length}** right or acceptable.\n`
      : "",
    "## Confusion table, k-fold (rows: truth, columns: prediction)",
    "",
    "```",
    formatConfusion(classes, cvMatrix),
    "```",
    "",
    "## Confusion table, test split",
    "",
    "```",
    formatConfusion(classes, testMatrix),
    "```",
    "",
    "## Reliability of `confidence`, test split (temperature fitted on the k-fold scores)",
    "",
    formatReliability(bins),
    "",
    "## Reliability, k-fold out-of-fold scores",
    "",
    formatReliability(cvBins),
    "",
    `## When the model is unsure: the two types the sidebar shows (below ${LOW_CONFIDENCE})`,
    "",
    "| tickets | items | right type first | right type second | in the two shown |",
    "|---|---:|---:|---:|---:|",
    ...topTwoRows.map(
      ([name, r]) =>
        `| ${name} | ${r.n} | ${pct(r.first / Math.max(1, r.n))} | ${pct(r.second / Math.max(1, r.n))} | ${pct((r.first + r.second) / Math.max(1, r.n))} |`,
    ),
    "",
    "## Test items the model gets wrong",
    "",
    ...misses.map(
      ({ item, pred, p }) =>
        `- ${item.type} → ${pred} (${p.toFixed(2)})${item.also.includes(pred as never) ? " (acceptable)" : ""}: ${item.title ? `${item.title} ‖ ` : ""}${item.text}`,
    ),
    "",
    "## Held-out probes the model gets wrong",
    "",
    ...holdout
      .map((item, n) => ({ item, pred: holdoutPred[n] }))
      .filter(({ item, pred }) => pred !== item.type)
      .map(
        ({ item, pred }) =>
          `- ${item.type} → ${pred}${item.also.includes(pred as never) ? " (acceptable)" : ""}: ${item.title ? `${item.title} ‖ ` : ""}${item.text}`,
      ),
    "",
    "## Sources and styles",
    "",
    ...[...sources].map(([s, n]) => `- ${n} × ${s}`),
    "",
    ...[...styles].map(([s, n]) => `- ${n} × style ${s}`),
    "",
  ].join("\n")
  return {
    model,
    report,
    cvAccuracy: cv.accuracy,
    testAccuracy: right / Math.max(1, test.length),
    testAcceptable: acceptable / Math.max(1, test.length),
    ece: expectedCalibrationError(bins),
    holdoutAccuracy: holdoutRight / holdout.length,
    holdoutAcceptable: holdoutOk / holdout.length,
  }
}
