/**
 * Normalisation before matching, with an exact offset map back to what the agent typed:
 * 1. per character cluster: NFKC (compatibility ideographs, Kangxi radicals, full-width and circled
 *    letters/digits; CJK punctuation is kept, the matcher treats it as clause marks), zero-width
 *    characters dropped, traditional → simplified (OpenCC's character table, `data/t2s.ts`);
 * 2. separators inside a CJK word dropped ("没 办 法", "不*知*道", "没-办-法");
 * 3. dialect and internet variants rewritten (`variants.ts`: 冇 → 没有, 不造 → 不知道);
 * 4. homophone typos of trigger words corrected through toneless pinyin (`data/pinyin.ts`).
 * Every unit of the normalised text remembers the range of original units it came from, so a hit
 * on the normalised text maps back to the exact characters typed (see {@link toOriginal}).
 * All steps are linear in the text's length.
 */
import { ZERO_WIDTH_CHARS } from "../text/zero-width"
import { Automaton } from "./automaton"
import { PINYIN_GROUPS } from "./data/pinyin"
import { T2S_PAIRS } from "./data/t2s"
import { type Variant, VARIANTS } from "./variants"

/** A normalised draft: `text` is what the matcher reads; unit i came from `original[from[i], to[i])`. */
export interface NormalisedText {
  original: string
  text: string
  from: Int32Array
  to: Int32Array
  /** True when nothing changed (then `text === original` and the map is the identity). */
  identity: boolean
}

/** Maps a non-empty span of the normalised text to the original span it came from. */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (n.identity) return { start, end }
  return { start: n.from[start], end: n.to[end - 1] }
}

// ---- tables -----------------------------------------------------------------------------------

let t2sTable: Uint16Array | undefined
/** Traditional → simplified, 0 = unchanged. Built on first use (a few thousand pairs). */
function t2s(): Uint16Array {
  if (t2sTable) return t2sTable
  const table = new Uint16Array(0x10000)
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2)
    table[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1)
  t2sTable = table
  return table
}

/** First private-use code: syllable k of the pinyin table reads as U+E000 + k in phonetic strings. */
const SYLLABLE_BASE = 0xe000
let syllableTable: Uint16Array | undefined
/** Character → 1 + syllable index (0 = not in the table). */
export function syllables(): Uint16Array {
  if (syllableTable) return syllableTable
  const table = new Uint16Array(0x10000)
  PINYIN_GROUPS.split("|").forEach((group, index) => {
    const chars = group.slice(group.indexOf(":") + 1)
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = index + 1
  })
  syllableTable = table
  return table
}

/** The phonetic form of a string: each known character becomes its syllable's code, others stay. */
export function phonetic(text: string): string {
  const table = syllables()
  const codes = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const s = table[code]
    codes[i] = s ? SYLLABLE_BASE + s - 1 : code
  }
  return decodeUnits(codes, codes.length)
}

/**
 * UTF-16 units to a string, in chunks: fromCharCode takes a bounded argument list. `apply` takes the
 * typed array as it is; a spread (`...codes`) walks it through the iterator protocol, 4× slower (a
 * 2,000-unit draft: 0.055 against 0.013 ms in Node 20), and a draft is decoded two or three times per
 * check. Not TextDecoder: it turns a lone surrogate into U+FFFD.
 */
function decodeUnits(codes: Uint16Array, length: number): string {
  const units = (from: number, to: number): string =>
    String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[])
  if (length <= CHUNK) return units(0, length)
  const parts: string[] = []
  for (let i = 0; i < length; i += CHUNK) parts.push(units(i, Math.min(length, i + CHUNK)))
  return parts.join("")
}

/** 0 = unknown yet, 1 = NFKC leaves the unit alone, 2 = NFKC changes it into something we keep. */
const nfkcState = new Uint8Array(0x10000)

function isCombining(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    code === 0x3099 ||
    code === 0x309a
  )
}

/**
 * NFKC of a cluster, unless it would only turn CJK punctuation or spaces into ASCII ones
 * ("，" → ",", "…" → "..."): those keep their form, the matcher's clause marks are CJK.
 */
function nfkc(cluster: string): string {
  const out = cluster.normalize("NFKC")
  if (out === cluster) return cluster
  if (/^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/.test(out)) return cluster
  return out
}

function stableAlone(code: number): boolean {
  let state = nfkcState[code]
  if (state === 0) {
    const ch = String.fromCharCode(code)
    state = code >= 0xd800 && code <= 0xdfff ? 2 : nfkc(ch) === ch ? 1 : 2
    nfkcState[code] = state
  }
  return state === 1
}

export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  )
}

/** Symbols agents (or filters) put between characters of a word: always dropped between CJK characters. */
const SYMBOL_SEPARATORS = [..."·・•*＊_＿-－|｜/／\\＼"].map((c) => c.charCodeAt(0))
/** Spaces: dropped between CJK characters only when one side is a run of at most two (see below). */
const SPACE_SEPARATORS = [0x20, 0x09, 0x3000, 0xa0]

/** Each UTF-16 unit's class, read once per unit of a draft (a Set look-up per unit cost more than the rest of the step). */
const DROP = 1
const SYMBOL = 2
const SPACE = 4
const CLASS = new Uint8Array(0x10000)
for (const c of ZERO_WIDTH_CHARS) CLASS[c.charCodeAt(0)] |= DROP
for (const c of SYMBOL_SEPARATORS) CLASS[c] |= SYMBOL
for (const c of SPACE_SEPARATORS) CLASS[c] |= SPACE
/** Longest separator run taken as "inside a word". */
const MAX_SEPARATOR_RUN = 2
/**
 * A space between two long CJK runs is the agent's comma ("亲 不好意思 这个件今天到"); between a
 * short run and another it splits a word ("没 办法", "不 知 道").
 */
const SHORT_RUN = 2

/** Growing output with its map, one unit at a time, in typed arrays (a draft can be megabytes). */
class Builder {
  codes: Uint16Array
  from: Int32Array
  to: Int32Array
  length = 0
  private textCache: string | undefined
  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity))
    this.from = new Int32Array(this.codes.length)
    this.to = new Int32Array(this.codes.length)
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow()
    this.codes[this.length] = code
    this.from[this.length] = start
    this.to[this.length] = end
    this.length++
  }
  /** Appends units [start, end) of `input` with their map (room for them is the caller's: capacity). */
  copy(input: Builder, start: number, end: number): void {
    if (end <= start) return
    this.codes.set(input.codes.subarray(start, end), this.length)
    this.from.set(input.from.subarray(start, end), this.length)
    this.to.set(input.to.subarray(start, end), this.length)
    this.length += end - start
  }
  private grow(): void {
    const size = this.codes.length * 2
    const codes = new Uint16Array(size)
    codes.set(this.codes)
    const from = new Int32Array(size)
    from.set(this.from)
    const to = new Int32Array(size)
    to.set(this.to)
    this.codes = codes
    this.from = from
    this.to = to
  }
  /** The units as a string (built once, in chunks: fromCharCode takes a bounded argument list). */
  get text(): string {
    this.textCache ??= decodeUnits(this.codes, this.length)
    return this.textCache
  }
  /** Units written straight into `codes` (same length): drop the cached string. */
  touched(): void {
    this.textCache = undefined
  }
}

const CHUNK = 4096

/** Step 1: clusters through NFKC, zero-width dropped, traditional → simplified. */
function stepCharacters(original: string): Builder {
  const out = new Builder(original.length)
  const table = t2s()
  let i = 0
  while (i < original.length) {
    const code = original.charCodeAt(i)
    if (CLASS[code] & DROP) {
      i++
      continue
    }
    let end = i + 1
    if (code >= 0xd800 && code <= 0xdbff && end < original.length) end++
    while (end < original.length && isCombining(original.charCodeAt(end))) end++
    if (end === i + 1 && stableAlone(code)) {
      out.push(table[code] || code, i, end)
    } else {
      const normalised = nfkc(original.slice(i, end))
      for (let k = 0; k < normalised.length; k++) {
        const c = normalised.charCodeAt(k)
        out.push(table[c] || c, i, end)
      }
    }
    i = end
  }
  return out
}

/**
 * Length of the CJK run from `at` in direction `step` (−1: the run ending there, +1: the run starting
 * there), counted up to SHORT_RUN + 1: only "short or not" is asked.
 */
function hanRun(text: Uint16Array, n: number, at: number, step: -1 | 1): number {
  let k = 0
  for (let i = at; k <= SHORT_RUN && i >= 0 && i < n && isHan(text[i]); i += step) k++
  return k
}

/**
 * Step 2: separators inside CJK words. Reads and writes builders; the map composes directly. Only
 * the runs beside a separator are measured, and a draft with nothing to drop is returned as it is.
 */
function stepSeparators(input: Builder): Builder {
  const text = input.codes
  const n = input.length
  let out: Builder | undefined
  let copied = 0
  let i = 1
  while (i < n) {
    if (!(CLASS[text[i]] & (SYMBOL | SPACE)) || !isHan(text[i - 1])) {
      i++
      continue
    }
    let j = i
    let spaces = false
    while (j < n && j - i < MAX_SEPARATOR_RUN + 1) {
      const c = CLASS[text[j]]
      if (c & SPACE) spaces = true
      else if (!(c & SYMBOL)) break
      j++
    }
    const within = j - i <= MAX_SEPARATOR_RUN && j < n && isHan(text[j])
    if (
      within &&
      (!spaces || hanRun(text, n, i - 1, -1) <= SHORT_RUN || hanRun(text, n, j, 1) <= SHORT_RUN)
    ) {
      out ??= new Builder(n)
      out.copy(input, copied, i)
      copied = j
    }
    i = j
  }
  if (!out) return input
  out.copy(input, copied, n)
  return out
}

/** Compiled variant table: an automaton over the variant forms. */
interface CompiledVariants {
  automaton: Automaton
  list: readonly Variant[]
  notBefore: (RegExp | undefined)[]
  notAfter: (RegExp | undefined)[]
}

let variantsCompiled: CompiledVariants | undefined
function compiledVariants(): CompiledVariants {
  if (variantsCompiled) return variantsCompiled
  variantsCompiled = {
    automaton: new Automaton(VARIANTS.map((v) => v.form)),
    list: VARIANTS,
    notBefore: VARIANTS.map((v) => (v.notBefore ? new RegExp(`(?:${v.notBefore})$`, "u") : undefined)),
    notAfter: VARIANTS.map((v) => (v.notAfter ? new RegExp(`^(?:${v.notAfter})`, "u") : undefined)),
  }
  return variantsCompiled
}

/** How much text a variant's context patterns see on each side. */
const VARIANT_WINDOW = 6

/** Step 3: dialect and internet variants (leftmost, then longest, non-overlapping). */
function stepVariants(input: Builder): Builder {
  const { text } = input
  const v = compiledVariants()
  // Best match starting at each position: the automaton reports by end, so keep the longest per start.
  const bestAt = new Map<number, number>()
  v.automaton.scan(text, (pattern, end) => {
    const start = end - v.automaton.lengths[pattern]
    const before = v.notBefore[pattern]
    if (before && before.test(text.slice(Math.max(0, start - VARIANT_WINDOW), start))) return
    const after = v.notAfter[pattern]
    if (after && after.test(text.slice(end, end + VARIANT_WINDOW))) return
    const prev = bestAt.get(start)
    if (prev === undefined || v.automaton.lengths[prev] < v.automaton.lengths[pattern])
      bestAt.set(start, pattern)
  })
  if (bestAt.size === 0) return input
  const out = new Builder(input.length + bestAt.size)
  let i = 0
  while (i < text.length) {
    const pattern = bestAt.get(i)
    if (pattern !== undefined) {
      const end = i + v.automaton.lengths[pattern]
      const replacement = v.list[pattern].to
      for (let k = 0; k < replacement.length; k++)
        out.push(replacement.charCodeAt(k), input.from[i], input.to[end - 1])
      i = end
      continue
    }
    out.push(input.codes[i], input.from[i], input.to[i])
    i++
  }
  return out
}

/** Homophone correction data for one list of words (trigger segments of a phrasebook). */
export interface HomophoneIndex {
  automaton: Automaton | undefined
  words: string[]
}

/** Shortest word corrected by sound: two-character words collide with real words far too often (步行/不行). */
export const HOMOPHONE_MIN = 3

/**
 * Builds the sound index of `words` (trigger segments). Only words of at least {@link HOMOPHONE_MIN}
 * characters whose every character has a known reading take part.
 */
export function buildHomophoneIndex(words: Iterable<string>): HomophoneIndex {
  const table = syllables()
  const keep: string[] = []
  const seen = new Set<string>()
  for (const w of words) {
    if (w.length < HOMOPHONE_MIN || seen.has(w)) continue
    let known = true
    for (let i = 0; i < w.length && known; i++) known = table[w.charCodeAt(i)] !== 0
    if (!known) continue
    seen.add(w)
    keep.push(w)
  }
  // Several words may share a sound; the automaton keeps the first, `wordsBySound` the rest.
  const sounds = keep.map(phonetic)
  const unique: string[] = []
  const index = new Map<string, number>()
  const words2: string[] = []
  sounds.forEach((s, k) => {
    if (index.has(s)) return
    index.set(s, unique.length)
    unique.push(s)
    words2.push(keep[k])
  })
  return { automaton: unique.length ? new Automaton(unique) : undefined, words: words2 }
}

/**
 * Step 4: a run that sounds like a trigger word and differs from it in exactly one CJK character is
 * taken as that word mistyped (没半法 → 没办法, 不只道 → 不知道). In place, one unit for one unit.
 * In a three-character word the first character must match: "记什么" is a word, not 急什么.
 */
function stepHomophones(input: Builder, index: HomophoneIndex): Builder {
  if (!index.automaton) return input
  const { text } = input
  const sound = phonetic(text)
  const automaton = index.automaton
  const fixes: { start: number; word: string }[] = []
  automaton.scan(sound, (pattern, end) => {
    const word = index.words[pattern]
    const start = end - word.length
    let diff = -1
    for (let k = 0; k < word.length; k++) {
      if (text.charCodeAt(start + k) === word.charCodeAt(k)) continue
      if (diff >= 0 || !isHan(text.charCodeAt(start + k))) return
      diff = k
    }
    if (diff < 0 || (word.length === HOMOPHONE_MIN && diff === 0)) return
    fixes.push({ start, word })
  })
  if (fixes.length === 0) return input
  let last = -1
  for (const { start, word } of fixes.sort((a, b) => a.start - b.start || b.word.length - a.word.length)) {
    if (start < last) continue
    for (let k = 0; k < word.length; k++) input.codes[start + k] = word.charCodeAt(k)
    last = start + word.length
  }
  input.touched()
  return input
}

/**
 * Normalises a draft for matching (see the file comment). `homophones` is the sound index of the
 * phrasebook's trigger words; without it typos are not corrected.
 */
export function normaliseText(original: string, homophones?: HomophoneIndex): NormalisedText {
  let b = stepCharacters(original)
  b = stepSeparators(b)
  b = stepVariants(b)
  if (homophones) b = stepHomophones(b, homophones)
  const text = b.text
  const identity = text === original
  return {
    original,
    text,
    from: identity ? EMPTY : b.from.subarray(0, b.length),
    to: identity ? EMPTY : b.to.subarray(0, b.length),
    identity,
  }
}

const EMPTY = new Int32Array(0)
