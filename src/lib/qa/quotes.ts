/**
 * Quoted words inside an agent's turn ("您说的“太慢了”我们已经记下") are the customer's, not the
 * agent's: detectors look at a copy with them blanked out. Same length, so offsets still line up.
 */

/** Filler for quoted characters: matched by no detector. */
export const QUOTE_FILLER = "\uFF3F"

/** A quote that does not close within this many characters (or on its line) is left alone. */
const QUOTE_SPAN = 200

const PAIRS: Record<string, string> = { "“": "”", "「": "」", "『": "』", "‘": "’", '"': '"' }

/** Blanks the inside of closed quotations on one line. Linear: each opener looks ahead a bounded span. */
export function maskQuotes(text: string): string {
  let out = ""
  let copied = 0
  // Per closing mark: no such mark lies between an earlier opener and this index (a newline or
  // the look-ahead limit stopped that search), so later openers resume there: linear overall.
  const clean: Record<string, number> = {}
  let i = 0
  while (i < text.length) {
    const close = PAIRS[text[i]]
    if (close === undefined) {
      i++
      continue
    }
    const limit = Math.min(text.length, i + 1 + QUOTE_SPAN)
    let j = Math.max(i + 1, clean[close] ?? 0)
    while (j < limit && text[j] !== close && text[j] !== "\n") j++
    if (j < limit && text[j] === close && j > i + 1) {
      out += text.slice(copied, i + 1) + QUOTE_FILLER.repeat(j - i - 1)
      copied = j
      i = j + 1
    } else {
      if (j > i + 1 && text[j] !== close) clean[close] = j
      i++
    }
  }
  return copied === 0 ? text : out + text.slice(copied)
}
