/** Derivations shared by the data script and its test: both read the libraries the same way. */
import * as OpenCC from "opencc-js"
import { pinyin } from "pinyin-pro"

/** Every character OpenCC's variant and traditional tables know, each once, in code order. */
function openccKeys(): string[] {
  // The dictionaries are "key value|key value" strings inside the converter presets.
  const keys = new Set<string>()
  const groups = [OpenCC.Locale.from.tw, OpenCC.Locale.from.hk, OpenCC.Locale.to.cn]
  for (const group of groups)
    for (const dicts of group)
      for (const dict of dicts) {
        const entries = typeof dict === "string" ? dict.split("|").map((e) => e.split(" ")) : dict
        for (const [key] of entries) if (key && [...key].length === 1) keys.add(key)
      }
  return [...keys].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
}

/** Characters OpenCC's simplified → traditional table starts from: already simplified, left alone (么 is not 幺). */
function simplifiedKeys(): Set<string> {
  const keys = new Set<string>()
  for (const dicts of OpenCC.Locale.from.cn)
    for (const dict of dicts) {
      const entries = typeof dict === "string" ? dict.split("|").map((e) => e.split(" ")) : dict
      for (const [key] of entries) if (key && [...key].length === 1) keys.add(key)
    }
  return keys
}

/**
 * "繁简" pairs as one string: BMP characters that OpenCC maps (Taiwan, then Hong Kong forms) to a
 * different single BMP character, except characters that are simplified forms themselves.
 */
export function deriveT2sPairs(): string {
  const fromTw = OpenCC.Converter({ from: "tw", to: "cn" })
  const fromHk = OpenCC.Converter({ from: "hk", to: "cn" })
  const simplified = simplifiedKeys()
  let out = ""
  for (const ch of openccKeys()) {
    if (ch.length !== 1 || simplified.has(ch)) continue
    let simple = fromTw(ch)
    if (simple === ch) simple = fromHk(ch)
    if (simple.length === 1 && simple !== ch) out += ch + simple
  }
  return out
}

/** The 6,763 characters of GB2312 (levels 1 and 2), decoded with the platform's GB18030 decoder. */
export function gb2312Characters(): string[] {
  const decoder = new TextDecoder("gb18030")
  const chars: string[] = []
  for (let hi = 0xb0; hi <= 0xf7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && /\p{Script=Han}/u.test(ch)) chars.push(ch)
    }
  return chars
}

/** "syllable:chars|…", syllables sorted, characters in GB2312 order. */
export function derivePinyinTable(): string {
  const bySyllable = new Map<string, string>()
  for (const ch of gb2312Characters()) {
    const syllable = pinyin(ch, { toneType: "none", type: "array", v: true })[0]
    if (!syllable || !/^[a-z]+$/.test(syllable)) continue
    bySyllable.set(syllable, (bySyllable.get(syllable) ?? "") + ch)
  }
  return [...bySyllable]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([s, chars]) => `${s}:${chars}`)
    .join("|")
}
