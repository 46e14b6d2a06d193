/**
 * Sparse feature vectors built from text: hashed character n-grams and named ("structured")
 * features, each remembering where in the text it came from so a prediction can be explained
 * with spans an agent recognises.
 */
import { finishHash, fnvStep, hashString } from "./rng"

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
  // Open addressing over typed arrays (a Map of thousands of n-grams per text made most of the garbage).
  private slots: Int32Array
  private slotValue: Float64Array
  /** Keys in insertion order, and the slot each sits in. */
  private order: Int32Array
  private orderSlot: Int32Array
  private count = 0
  private readonly names = new Map<number, string>()
  private readonly spans = new Map<number, Span[]>()

  /**
   * @param dim the hashed space (a power of two)
   * @param expected about how many distinct features will be added: sized up front, a long text's
   *   bag never rehashes (growing from the default made a tenth of a long ticket's cost)
   */
  constructor(dim: number, expected = 512) {
    if (!Number.isInteger(Math.log2(dim)) || dim < 2)
      throw new Error(`dim must be a power of two, got ${dim}`)
    this.dim = dim
    this.mask = dim - 1
    const keys = Math.max(512, Math.min(expected, 1 << 20))
    const cap = 2 ** Math.ceil(Math.log2(keys * 2))
    this.slots = new Int32Array(cap).fill(-1)
    this.slotValue = new Float64Array(cap)
    this.order = new Int32Array(keys)
    this.orderSlot = new Int32Array(keys)
  }

  /** The bucket `name` falls into. */
  indexOf(name: string): number {
    return hashString(name) & this.mask
  }

  private bump(i: number, value: number): void {
    const cap = this.slots.length
    let at = (Math.imul(i, 0x9e3779b1) >>> 0) & (cap - 1)
    for (;;) {
      const key = this.slots[at]
      if (key === i) {
        this.slotValue[at] += value
        return
      }
      if (key === -1) break
      at = (at + 1) & (cap - 1)
    }
    this.slots[at] = i
    this.slotValue[at] = value
    if (this.count === this.order.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2)
        b.set(a)
        return b
      }
      this.order = grow(this.order)
      this.orderSlot = grow(this.orderSlot)
    }
    this.order[this.count] = i
    this.orderSlot[this.count++] = at
    if (this.count * 2 > cap) this.rehash(cap * 2)
  }

  private rehash(cap: number): void {
    const oldValue = this.slotValue
    this.slots = new Int32Array(cap).fill(-1)
    this.slotValue = new Float64Array(cap)
    for (let n = 0; n < this.count; n++) {
      const key = this.order[n]
      let at = (Math.imul(key, 0x9e3779b1) >>> 0) & (cap - 1)
      while (this.slots[at] !== -1) at = (at + 1) & (cap - 1)
      this.slots[at] = key
      this.slotValue[at] = oldValue[this.orderSlot[n]]
      this.orderSlot[n] = at
    }
  }

  /** Adds `value` to feature `name`, optionally noting the text span it came from. */
  add(name: string, value = 1, span?: Span): void {
    const i = this.indexOf(name)
    this.bump(i, value)
    if (!this.names.has(i)) this.names.set(i, name)
    if (span) {
      const list = this.spans.get(i)
      if (!list) this.spans.set(i, [span])
      else if (list.length < MAX_SPANS_PER_FEATURE) list.push(span)
    }
  }

  /**
   * Adds `value` to bucket `index` directly (from {@link forEachCharNgramHash}): no name or span is
   * kept, which is what makes it cheap; find spans later with the same walk if needed.
   */
  addIndex(index: number, value = 1): void {
    this.bump(index & this.mask, value)
  }

  /** Multiplies every value added so far by `factor` (e.g. before adding unscaled features). */
  scale(factor: number): void {
    for (let n = 0; n < this.count; n++) this.slotValue[this.orderSlot[n]] *= factor
  }

  /**
   * Scales the values added so far to unit Euclidean length (no-op when empty). With `minNorm`,
   * divides by at least that much, so a two-character message does not weigh as much as a
   * paragraph (its probabilities stay nearer the prior).
   */
  normalizeL2(minNorm = 0): void {
    let sum = 0
    for (let n = 0; n < this.count; n++) sum += this.slotValue[this.orderSlot[n]] ** 2
    const norm = Math.max(Math.sqrt(sum), minNorm)
    if (norm > 0) this.scale(1 / norm)
  }

  /** Number of distinct (non-colliding) features. */
  get size(): number {
    return this.count
  }

  /** The first name added into bucket `index`, if any. */
  nameOf(index: number): string | undefined {
    return this.names.get(index)
  }

  /** The spans recorded for bucket `index` (at most four, in the order added). */
  spansOf(index: number): readonly Span[] {
    return this.spans.get(index) ?? []
  }

  /**
   * The bag as a sparse vector with ascending indices. `{ sorted: false }` keeps insertion order,
   * which prediction does not need sorted and is cheaper for long texts.
   */
  vector(opts?: { sorted?: boolean }): SparseVector {
    const n = this.count
    const indices = this.order.slice(0, n)
    const values = new Float64Array(n)
    for (let at = 0; at < n; at++) values[at] = this.slotValue[this.orderSlot[at]]
    if (opts?.sorted === false) return { indices, values }
    const order = Array.from(indices.keys()).sort((a, b) => indices[a] - indices[b])
    return {
      indices: Int32Array.from(order, (i) => indices[i]),
      values: Float64Array.from(order, (i) => values[i]),
    }
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

/**
 * Like {@link forEachCharNgram} but without making strings: emits `hash` equal to
 * `hashString(prefix + gram)` where `seedAt(start)` is `fnvSeed(prefix)` (a different prefix per
 * position marks, e.g., an agent's words). Emits nothing for a position whose seed is NaN.
 */
export function forEachCharNgramHash(
  text: string,
  minN: number,
  maxN: number,
  seedAt: (start: number) => number,
  emit: (hash: number, start: number, end: number) => void,
): void {
  const len = text.length
  for (let start = 0; start < len; start++) {
    if (isSpace(text.charCodeAt(start))) continue
    let h = seedAt(start)
    if (Number.isNaN(h)) continue
    for (let n = 1; n <= maxN && start + n <= len; n++) {
      const code = text.charCodeAt(start + n - 1)
      if (isSpace(code)) break
      h = fnvStep(h, code)
      if (n >= minN) emit(finishHash(h), start, start + n)
    }
  }
}
