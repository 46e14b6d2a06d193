/**
 * The tone model's features, shared by training and the sidebar: character 1–3-grams of the
 * normalised sentence plus its opening and closing characters (sentence-final particles and
 * openers carry much of the tone: "…吧", "…呗", "那能…吗").
 */
import { FeatureBag, forEachCharNgram } from "../../ml/features"
import { finishHash, fnvSeed, fnvStep, hashString } from "../../ml/rng"

/** Hashed feature space of the tone model. */
export const TONE_DIM = 1 << 18

/** Drops the sentence's own closing punctuation and spaces; keeps what is inside. */
const EDGE = /^[\s，,、；;：:。！？!?…~～]+|[\s，,、；;：:。！？!?…~～]+$/gu

/** Features of one sentence (already normalised). Spans are offsets into `sentence`. */
export function toneFeatures(sentence: string): FeatureBag {
  const bag = new FeatureBag(TONE_DIM)
  forEachCharNgram(sentence, 1, 3, (gram, start, end) => bag.add(`g:${gram}`, 1, { start, end }))
  const core = sentence.replace(EDGE, "")
  const at = sentence.indexOf(core)
  if (core.length > 0) {
    bag.add(`^${core.slice(0, 2)}`, 1, { start: at, end: at + Math.min(2, core.length) })
    const tail = core.slice(-2)
    bag.add(`${tail}$`, 1, { start: at + core.length - tail.length, end: at + core.length })
    bag.add(`${core.slice(-1)}$`, 1, { start: at + core.length - 1, end: at + core.length })
    // Very short replies ("不行", "等着") read differently from the same words inside a long one.
    bag.add(core.length <= 4 ? "len:short" : core.length <= 12 ? "len:mid" : "len:long")
  }
  bag.normalizeL2()
  return bag
}

/** Bucket of a feature name, exactly as `FeatureBag` hashes it. */
const MASK = TONE_DIM - 1

/** FNV-1a state after the "g:" prefix every n-gram feature name starts with. */
const GRAM_PREFIX_STATE = fnvSeed("g:")

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0
}

/**
 * A sentence's features for scoring: the same vector as `toneFeatures(s).vector()`, plus where each
 * n-gram was. The arrays are views of shared scratch buffers: valid until the next call.
 */
export interface FastFeatures {
  indices: Int32Array
  values: Float64Array
  /** Per occurrence: bucket, start, end (n-grams and edge features), in reading order. */
  spans: Int32Array
  spanCount: number
}

/**
 * {@link toneFeatures} without building strings or maps: n-gram hashes are computed incrementally
 * from the characters (FNV-1a extends one unit at a time), counts by sorting bucket numbers. The
 * sidebar scores every sentence of every draft revision with this; a test checks it equals the bag.
 */
export function fastToneFeatures(sentence: string): FastFeatures {
  const len = sentence.length
  // At most 3 n-grams per character plus 3 edge features; one (bucket, start, end) triple each.
  // Scratch buffers are reused: allocating typed arrays per sentence costs more than the scoring.
  const need = 3 * (3 * len + 3)
  if (SPANS.length < need) SPANS = new Int32Array(need * 2)
  const spans = SPANS
  let k = 0
  const touched: number[] = []
  const count = (b: number) => {
    if (COUNTS[b]++ === 0) touched.push(b)
  }
  for (let start = 0; start < len; start++) {
    if (isSpace(sentence.charCodeAt(start))) continue
    let h = GRAM_PREFIX_STATE
    for (let n = 1; n <= 3 && start + n <= len; n++) {
      const code = sentence.charCodeAt(start + n - 1)
      if (isSpace(code)) break
      h = fnvStep(h, code)
      const b = finishHash(h) & MASK
      count(b)
      spans[k++] = b
      spans[k++] = start
      spans[k++] = start + n
    }
  }
  const core = sentence.replace(EDGE, "")
  if (core.length > 0) {
    const at = sentence.indexOf(core)
    const tail = core.slice(-2)
    const edge = (name: string, s: number, e: number) => {
      const b = hashString(name) & MASK
      count(b)
      spans[k++] = b
      spans[k++] = s
      spans[k++] = e
    }
    edge(`^${core.slice(0, 2)}`, at, at + Math.min(2, core.length))
    edge(`${tail}$`, at + core.length - tail.length, at + core.length)
    edge(`${core.slice(-1)}$`, at + core.length - 1, at + core.length)
    count(hashString(core.length <= 4 ? "len:short" : core.length <= 12 ? "len:mid" : "len:long") & MASK)
  }
  if (INDICES.length < touched.length) {
    INDICES = new Int32Array(touched.length * 2)
    VALUES = new Float64Array(touched.length * 2)
  }
  const indices = INDICES.subarray(0, touched.length)
  for (let i = 0; i < touched.length; i++) indices[i] = touched[i]
  indices.sort()
  const values = VALUES.subarray(0, touched.length)
  let sum = 0
  for (let i = 0; i < indices.length; i++) {
    const c = COUNTS[indices[i]]
    values[i] = c
    sum += c * c
  }
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 1
  for (let i = 0; i < indices.length; i++) {
    values[i] *= scale
    COUNTS[indices[i]] = 0
  }
  return { indices, values, spans, spanCount: k / 3 }
}

/** Scratch counts per bucket, always left at zero between calls. */
const COUNTS = new Uint16Array(TONE_DIM)
let SPANS = new Int32Array(3 * 600)
let INDICES = new Int32Array(512)
let VALUES = new Float64Array(512)
