const PLAIN = /^[0-9A-Za-z*]*$/

/** Separators allowed inside a split number: spaces (incl. NBSP, ideographic) and hyphens/dashes. */
export function isSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x2d ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xff0d ||
    (code >= 0x2010 && code <= 0x2013)
  )
}

/** Full-width ASCII (U+FF01–FF5E, e.g. ０-９, ＳＦ, ＊) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? " " : s[i]
  }
  return out
}

/**
 * Normalise a raw waybill: full-width to ASCII, upper case, spaces and hyphens removed.
 * A mask (`*`) is kept so that masked numbers stay recognisable as such.
 */
export function normalizeWaybill(raw: string): string {
  if (PLAIN.test(raw)) return raw.toUpperCase()
  const half = toHalfWidth(raw.trim())
  let out = ""
  for (let i = 0; i < half.length; i++) if (!isSeparator(half.charCodeAt(i))) out += half[i]
  return out.toUpperCase()
}
