/**
 * Honest evaluation of a small model: stratified k-fold splits from a seed, out-of-fold scores,
 * accuracy, a confusion table and per-class precision/recall, as numbers and as printable text.
 */
import { seededRandom, shuffleInPlace } from "./rng"

/**
 * Assigns each item a fold `0..k-1` so that every class is spread evenly over the folds.
 * Deterministic for a given seed.
 */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): number[] {
  if (k < 2) throw new Error("k must be at least 2")
  const random = seededRandom(seed)
  const folds = new Array<number>(labels.length).fill(0)
  const byClass = new Map<number, number[]>()
  labels.forEach((y, i) => {
    const list = byClass.get(y)
    if (list) list.push(i)
    else byClass.set(y, [i])
  })
  // Continue the round-robin across classes so small classes do not all start at fold 0.
  let next = 0
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const i of shuffleInPlace(byClass.get(y) ?? [], random)) {
      folds[i] = next
      next = (next + 1) % k
    }
  }
  return folds
}

/** The result of {@link crossValidate}. */
export interface CrossValidation {
  /** Each item's scores from the model that did not see it in training. */
  scores: Float64Array[]
  /** Each item's fold. */
  folds: number[]
  /** Accuracy (argmax of the scores) per fold. */
  foldAccuracy: number[]
  /** Accuracy over all items. */
  accuracy: number
}

/**
 * k-fold cross-validation. `fitPredict(train, test)` trains on the item indices `train` and
 * returns one score array (logits or probabilities) per index of `test`, in that order.
 */
export function crossValidate(
  labels: readonly number[],
  k: number,
  seed: number,
  fitPredict: (train: number[], test: number[]) => ArrayLike<number>[],
): CrossValidation {
  const folds = stratifiedFolds(labels, k, seed)
  const scores = new Array<Float64Array>(labels.length)
  const foldAccuracy: number[] = []
  for (let f = 0; f < k; f++) {
    const train: number[] = []
    const test: number[] = []
    folds.forEach((g, i) => (g === f ? test : train).push(i))
    const out = fitPredict(train, test)
    if (out.length !== test.length) throw new Error("fitPredict returned the wrong number of score arrays")
    let right = 0
    test.forEach((i, n) => {
      scores[i] = Float64Array.from(out[n])
      if (argmax(scores[i]) === labels[i]) right++
    })
    foldAccuracy.push(test.length ? right / test.length : 0)
  }
  const right = labels.filter((y, i) => argmax(scores[i]) === y).length
  return { scores, folds, foldAccuracy, accuracy: labels.length ? right / labels.length : 0 }
}

/** Index of the largest value (first on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i
  return best
}

/** `matrix[truth][predicted]` counts. */
export function confusionMatrix(
  truth: readonly number[],
  predicted: readonly number[],
  classCount: number,
): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0))
  truth.forEach((t, i) => m[t][predicted[i]]++)
  return m
}

/** Per-class scores read from a confusion matrix. */
export interface ClassScore {
  support: number
  precision: number
  recall: number
  f1: number
}

/** Precision, recall and F1 for each class of `matrix[truth][predicted]`. */
export function classScores(matrix: readonly (readonly number[])[]): ClassScore[] {
  return matrix.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0)
    const predicted = matrix.reduce((a, r) => a + r[c], 0)
    const tp = row[c]
    const precision = predicted ? tp / predicted : 0
    const recall = support ? tp / support : 0
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
    return { support, precision, recall, f1 }
  })
}

/** The confusion matrix as a fixed-width text table, rows = truth, columns = prediction, with recall. */
export function formatConfusion(classes: readonly string[], matrix: readonly (readonly number[])[]): string {
  const scores = classScores(matrix)
  const width = Math.max(6, ...classes.map(displayWidth)) + 1
  const pad = (s: string, w = width) => " ".repeat(Math.max(0, w - displayWidth(s))) + s
  const lines = [pad("truth\\pred") + classes.map((c) => pad(c)).join("") + pad("recall", 8)]
  matrix.forEach((row, t) => {
    lines.push(
      pad(classes[t]) +
        row.map((n) => pad(String(n))).join("") +
        pad(`${(scores[t].recall * 100).toFixed(1)}%`, 8),
    )
  })
  lines.push(pad("precision") + scores.map((s) => pad(`${(s.precision * 100).toFixed(1)}%`)).join(""))
  return lines.join("\n")
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1
  return w
}
