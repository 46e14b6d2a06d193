/**
 * Multinomial logistic regression over sparse hashed features, trained by AdaGrad with L2
 * in a seeded, fixed order: the same examples and options always give the same weights.
 */
import type { SparseVector } from "./features"
import { seededRandom, shuffleInPlace } from "./rng"

/** One labelled training item: `y` is the index of its class in `classes`. */
export interface TrainingExample {
  x: SparseVector
  y: number
  /** Sample weight (default 1), e.g. to balance rare classes. */
  weight?: number
}

/** Training options. Defaults suit a few thousand short texts. */
export interface TrainOptions {
  classes: readonly string[]
  /** Size of the hashed feature space the vectors were built in. */
  dim: number
  /** Passes over the data (default 20). */
  epochs?: number
  /** AdaGrad base step (default 0.5). */
  learningRate?: number
  /** L2 penalty applied to the weights an example touches (default 1e-4). */
  l2?: number
  /** Seed of the per-epoch shuffle (default 1). */
  seed?: number
  /** Features seen in fewer training items than this get no weight (default 1). */
  minDocFreq?: number
}

/** A trained linear model: per-class bias, one weight row per feature that has any weight. */
export interface LinearModel {
  classes: readonly string[]
  dim: number
  bias: Float64Array
  /** feature index → weight per class. */
  rows: Map<number, Float64Array>
  /** Divides the logits before the softmax; fitted by `fitTemperature` (1 = uncalibrated). */
  temperature: number
}

/** Trains a model on `examples`. Pure and deterministic; throws on an empty set or a bad label. */
export function trainLogReg(examples: readonly TrainingExample[], opts: TrainOptions): LinearModel {
  const k = opts.classes.length
  if (k < 2) throw new Error("need at least two classes")
  if (examples.length === 0) throw new Error("no training examples")
  const epochs = opts.epochs ?? 20
  const lr = opts.learningRate ?? 0.5
  const l2 = opts.l2 ?? 1e-4
  const minDocFreq = opts.minDocFreq ?? 1

  // Compact ids for the features that occur often enough, in ascending index order.
  const docFreq = new Map<number, number>()
  for (const ex of examples) {
    if (!Number.isInteger(ex.y) || ex.y < 0 || ex.y >= k) throw new Error(`bad label ${ex.y}`)
    for (const i of ex.x.indices) docFreq.set(i, (docFreq.get(i) ?? 0) + 1)
  }
  const kept = [...docFreq.entries()]
    .filter(([, n]) => n >= minDocFreq)
    .map(([i]) => i)
    .sort((a, b) => a - b)
  const compact = new Map<number, number>()
  kept.forEach((idx, n) => compact.set(idx, n))

  // Each example's features as compact ids, dropped features removed.
  const data = examples.map((ex) => {
    const ids: number[] = []
    const vals: number[] = []
    ex.x.indices.forEach((idx, n) => {
      const c = compact.get(idx)
      if (c !== undefined) {
        ids.push(c)
        vals.push(ex.x.values[n])
      }
    })
    return { ids, vals, y: ex.y, w: ex.weight ?? 1 }
  })

  const w = new Float64Array(kept.length * k)
  const gw = new Float64Array(kept.length * k)
  const b = new Float64Array(k)
  const gb = new Float64Array(k)
  const z = new Float64Array(k)
  const order = data.map((_, n) => n)
  const random = seededRandom(opts.seed ?? 1)
  const eps = 1e-8

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random)
    for (const n of order) {
      const { ids, vals, y, w: sw } = data[n]
      for (let c = 0; c < k; c++) z[c] = b[c]
      for (let f = 0; f < ids.length; f++) {
        const base = ids[f] * k
        const v = vals[f]
        for (let c = 0; c < k; c++) z[c] += w[base + c] * v
      }
      softmaxInPlace(z)
      for (let c = 0; c < k; c++) {
        const g = (z[c] - (c === y ? 1 : 0)) * sw
        gb[c] += g * g
        b[c] -= (lr * g) / Math.sqrt(gb[c] + eps)
        for (let f = 0; f < ids.length; f++) {
          const at = ids[f] * k + c
          const gf = g * vals[f] + l2 * w[at]
          gw[at] += gf * gf
          w[at] -= (lr * gf) / Math.sqrt(gw[at] + eps)
        }
      }
    }
  }

  const rows = new Map<number, Float64Array>()
  kept.forEach((idx, n) => {
    const row = w.slice(n * k, n * k + k)
    if (row.some((v) => v !== 0)) rows.set(idx, row)
  })
  return { classes: [...opts.classes], dim: opts.dim, bias: b, rows, temperature: 1 }
}

/** A model's rows laid out for fast lookup: bucket → row offset + 1 (0 = no row), weights packed. */
interface DenseRows {
  slot: Int32Array
  weights: Float64Array
}
const DENSE = new WeakMap<LinearModel, DenseRows | null>()
// Up to 2^22 buckets (16 MB of offsets) the table is worth it; beyond, Map lookups.
const DENSE_MAX_DIM = 1 << 22

/** Whether a model of `dim` buckets gets the dense lookup table. */
export const denseFits = (dim: number): boolean => dim <= DENSE_MAX_DIM && Number.isInteger(dim) && dim > 0

/**
 * A model given in the dense layout (`slot[idx]` = row number + 1, `weights` row after row, `order[r]` =
 * the feature index of row r), as a decoder produces it: no per-row arrays are made unless someone
 * reads `rows` (training and packing do; prediction and explanations do not).
 */
export function denseModel(
  head: Omit<LinearModel, "rows">,
  slot: Int32Array,
  weights: Float64Array,
  order: Int32Array,
): LinearModel {
  const k = head.classes.length
  let rows: Map<number, Float64Array> | undefined
  const model: LinearModel = {
    ...head,
    get rows() {
      rows ??= rowViews(order, weights, k)
      return rows
    },
  }
  DENSE.set(model, { slot, weights })
  return model
}

/** Row r of `weights` (k per row) as feature `order[r]`'s weights: views, no copies. */
export function rowViews(order: Int32Array, weights: Float64Array, k: number): Map<number, Float64Array> {
  return new Map(Array.from(order, (idx, r) => [idx, weights.subarray(r * k, r * k + k)]))
}

/** The weights of feature `idx` per class, or undefined when it has none. */
export function rowOf(model: LinearModel, idx: number): Float64Array | undefined {
  const dense = denseRows(model)
  if (!dense) return model.rows.get(idx)
  const k = model.classes.length
  const at = idx >= 0 && idx < dense.slot.length ? dense.slot[idx] - 1 : -1
  return at < 0 ? undefined : dense.weights.subarray(at * k, at * k + k)
}

function denseRows(model: LinearModel): DenseRows | null {
  let d = DENSE.get(model)
  if (d !== undefined) return d
  d = null
  if (denseFits(model.dim)) {
    const k = model.classes.length
    const slot = new Int32Array(model.dim)
    const weights = new Float64Array(model.rows.size * k)
    let r = 0
    let ok = true
    for (const [idx, row] of model.rows) {
      if (idx < 0 || idx >= model.dim) {
        ok = false
        break
      }
      slot[idx] = r + 1
      weights.set(row, r * k)
      r++
    }
    if (ok) d = { slot, weights }
  }
  DENSE.set(model, d)
  return d
}

/**
 * Raw class scores (before temperature and softmax). The first call on a model builds a lookup
 * table of its rows (the model's rows must not change afterwards).
 */
export function logits(model: LinearModel, x: SparseVector): Float64Array {
  const k = model.classes.length
  const z = Float64Array.from(model.bias)
  const dense = denseRows(model)
  for (let n = 0; n < x.indices.length; n++) {
    const v = x.values[n]
    if (dense) {
      const at = dense.slot[x.indices[n]] - 1
      if (at < 0) continue
      const base = at * k
      for (let c = 0; c < k; c++) z[c] += dense.weights[base + c] * v
    } else {
      const row = model.rows.get(x.indices[n])
      if (!row) continue
      for (let c = 0; c < k; c++) z[c] += row[c] * v
    }
  }
  return z
}

/** Softmax of `scores / temperature`, numerically stable. Returns a new array. */
export function softmax(scores: ArrayLike<number>, temperature = 1): Float64Array {
  const out = Float64Array.from(scores, (s) => s / temperature)
  softmaxInPlace(out)
  return out
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity
  for (const v of z) if (v > max) max = v
  let sum = 0
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max)
    sum += z[c]
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum
}

/** Class probabilities for `x`, using the model's calibrated temperature. */
export function predictProba(model: LinearModel, x: SparseVector): Float64Array {
  return softmax(logits(model, x), model.temperature)
}

/** Class indices ordered by descending probability (ties: lower index first). */
export function ranked(probabilities: ArrayLike<number>): number[] {
  return Array.from(probabilities, (_, c) => c).sort((a, b) => probabilities[b] - probabilities[a] || a - b)
}

/** One feature's share in a decision. */
export interface Contribution {
  index: number
  value: number
  /** value × weight for the class (minus the weight for `against`, when given). */
  contribution: number
}

function better(contribution: number, index: number, than: Contribution): boolean {
  return contribution > than.contribution || (contribution === than.contribution && index < than.index)
}

/**
 * The features that pushed `x` towards class `cls` the most (positive contributions only,
 * strongest first). With `against`, contributions are measured relative to that class.
 */
export function topFeatures(
  model: LinearModel,
  x: SparseVector,
  cls: number,
  limit: number,
  against?: number,
): Contribution[] {
  const out: Contribution[] = []
  const k = model.classes.length
  const dense = denseRows(model)
  for (let n = 0; n < x.indices.length; n++) {
    let wgt: number
    if (dense) {
      const at = dense.slot[x.indices[n]] - 1
      if (at < 0) continue
      wgt = dense.weights[at * k + cls] - (against === undefined ? 0 : dense.weights[at * k + against])
    } else {
      const row = model.rows.get(x.indices[n])
      if (!row) continue
      wgt = row[cls] - (against === undefined ? 0 : row[against])
    }
    const contribution = wgt * x.values[n]
    if (contribution <= 0 || limit <= 0) continue
    // A bounded, sorted list: long texts have thousands of positive contributions.
    const worst = out[out.length - 1]
    if (out.length === limit && !better(contribution, x.indices[n], worst)) continue
    let at = out.length
    while (at > 0 && better(contribution, x.indices[n], out[at - 1])) at--
    out.splice(at, 0, { index: x.indices[n], value: x.values[n], contribution })
    if (out.length > limit) out.pop()
  }
  return out
}
