/**
 * Sparse feature vectors built from text: hashed character n-grams and named ("structured")
 * features, each remembering where in the text it came from so a prediction can be explained
 * with spans an agent recognises.
 */
import { hashString } from "./rng"

/** A sparse vector: parallel arrays of feature indices (ascending, unique) and values. */
export interface SparseVector {
  indices: Int32Array
  values: Float64Array
}

/** A text span `[start, end)` in the string the features were read from. */
export interface Span {
  start: number
  end: number
}

const MAX_SPANS_PER_FEATURE = 4

/**
 * Accumulates features by name into a hashed space of `dim` buckets (a power of two).
 * Adding the same name twice adds the values. Names and spans are kept for explanations only.
 */
export class FeatureBag {
  readonly dim: number
  private readonly mask: number
  private readonly values = new Map<number, number>()
  private readonly names = new Map<number, string>()
  private readonly spans = new Map<number, Span[]>()

  constructor(dim: number) {
    if (!Number.isInteger(Math.log2(dim)) || dim < 2)
      throw new Error(`dim must be a power of two, got ${dim}`)
    this.dim = dim
    this.mask = dim - 1
  }

  /** The bucket `name` falls into. */
  indexOf(name: string): number {
    return hashString(name) & this.mask
  }

  /** Adds `value` to feature `name`, optionally noting the text span it came from. */
  add(name: string, value = 1, span?: Span): void {
    const i = this.indexOf(name)
    this.values.set(i, (this.values.get(i) ?? 0) + value)
    if (!this.names.has(i)) this.names.set(i, name)
    if (span) {
      const list = this.spans.get(i)
      if (!list) this.spans.set(i, [span])
      else if (list.length < MAX_SPANS_PER_FEATURE) list.push(span)
    }
  }

  /** Multiplies every value added so far by `factor` (e.g. before adding unscaled features). */
  scale(factor: number): void {
    for (const [i, v] of this.values) this.values.set(i, v * factor)
  }

  /** Scales the values added so far to unit Euclidean length (no-op when empty). */
  normalizeL2(): void {
    let sum = 0
    for (const v of this.values.values()) sum += v * v
    if (sum > 0) this.scale(1 / Math.sqrt(sum))
  }

  /** Number of distinct (non-colliding) features. */
  get size(): number {
    return this.values.size
  }

  /** The first name added into bucket `index`, if any. */
  nameOf(index: number): string | undefined {
    return this.names.get(index)
  }

  /** The spans recorded for bucket `index` (at most four, in the order added). */
  spansOf(index: number): readonly Span[] {
    return this.spans.get(index) ?? []
  }

  /** The bag as a sparse vector with ascending indices. */
  vector(): SparseVector {
    const keys = [...this.values.keys()].sort((a, b) => a - b)
    const indices = new Int32Array(keys.length)
    const values = new Float64Array(keys.length)
    keys.forEach((k, n) => {
      indices[n] = k
      values[n] = this.values.get(k) ?? 0
    })
    return { indices, values }
  }
}

/**
 * Calls `emit(gram, start, end)` for every character n-gram of `text` with `minN ≤ n ≤ maxN`.
 * Whitespace ends a run: n-grams never span it (so "没 有" and "没有" differ only by the gap).
 */
export function forEachCharNgram(
  text: string,
  minN: number,
  maxN: number,
  emit: (gram: string, start: number, end: number) => void,
): void {
  const len = text.length
  for (let start = 0; start < len; start++) {
    if (isSpace(text.charCodeAt(start))) continue
    for (let n = minN; n <= maxN && start + n <= len; n++) {
      if (isSpace(text.charCodeAt(start + n - 1))) break
      emit(text.slice(start, start + n), start, start + n)
    }
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0
}
