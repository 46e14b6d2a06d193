/**
 * Full-width to half-width and lower case, one UTF-16 unit for one so that offsets found in the
 * result point into the original text. Only characters outside ASCII and the common CJK block are
 * looked at (NFKC per character is slow, and tickets are mostly those two).
 */
export function foldSameLength(s: string): string {
  let out = ""
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c >= 0x4e00 && c <= 0x9fff) || (c < 0x80 && !(c >= 65 && c <= 90))) continue
    const n = s[i].normalize("NFKC").toLowerCase()
    if (n.length !== 1 || n === s[i]) continue
    out += s.slice(from, i) + n
    from = i + 1
  }
  return from === 0 ? s : out + s.slice(from)
}
