/**
 * Pinyin initials for search (`bj` → 保价) from the generated one-letter-per-character table.
 * Characters with several readings (行 xíng/háng) match any of their initials.
 */
import { PINYIN_FIRST, PINYIN_INITIALS, PINYIN_POLYPHONES } from "./pinyin-initials.generated"

const POLY: ReadonlyMap<string, string> = new Map(
  PINYIN_POLYPHONES.split(" ").map((entry) => [entry.slice(0, 1), entry.slice(1)]),
)

/** The possible initials of one character: letters and digits stand for themselves; other characters have none. */
export function initialsOfChar(char: string): string {
  const lower = char.toLowerCase()
  if (/^[a-z0-9]$/.test(lower)) return lower
  const poly = POLY.get(char)
  if (poly) return poly
  const i = (char.codePointAt(0) ?? 0) - PINYIN_FIRST
  const letter = i >= 0 && i < PINYIN_INITIALS.length ? PINYIN_INITIALS[i] : "_"
  return letter === "_" ? "" : letter
}

/** At most this many spellings per term: a term of many polyphones would otherwise explode. */
const MAX_SPELLINGS = 16

/**
 * Every initials spelling of `text` (most common reading first), e.g. "银行" → ["yx", "yh"].
 * Characters without initials (punctuation) are skipped.
 */
export function initialsSpellings(text: string): string[] {
  let out = [""]
  for (const char of text) {
    const options = initialsOfChar(char)
    if (!options) continue
    const next: string[] = []
    for (const prefix of out)
      for (const letter of options) if (next.length < MAX_SPELLINGS) next.push(prefix + letter)
    out = next
  }
  return out[0] === "" ? [] : out
}
