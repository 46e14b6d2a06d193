/**
 * Earlier messages quoted inside the reply box are not the agent's words: e-mail replies carry the
 * customer's mail above or below the agent's text. This finds them in the plain draft text so they
 * are neither linted nor counted in QA:
 * - lines starting with ">" / "＞" (plain-text quoting, either position);
 * - an attribution header — "在 2026年12月3日 14:02，张三 <a@b.com> 写道：", "On Wed, … wrote:",
 *   "-----原始邮件-----", "-----Original Message-----", "------------------ 原始邮件 ------------------",
 *   or an Outlook block "发件人：… / From: …" followed by 发送时间/Sent/日期/Date within three lines —
 *   quotes everything from the header to the end (mail clients put the quote last).
 * Rich editors mark `<blockquote>` ranges themselves (the bridge sends them with the draft).
 */

/** A quoted range of the draft, `end` exclusive. */
export interface TextRange {
  start: number
  end: number
}

/** "在…写道：" / "On … wrote:" on one line (Gmail may wrap "wrote:" onto the next line). */
const WROTE = /^\s*(?:(?:在|于).{0,120}写道\s*[:：]|on\s.{0,200}\bwrote\s*:)\s*$/iu
const SEPARATOR =
  /^\s*(?:-{2,}\s*(?:原始邮件|原邮件|Original Message|转发的?邮件|Forwarded message)\s*-{2,}|_{8,})\s*$/iu
const FROM_LINE = /^\s*(?:发件人|From)\s*[:：]/iu
const SENT_LINE = /^\s*(?:发送时间|发送日期|日期|时间|Sent|Date)\s*[:：]/iu
const QUOTE_LINE = /^\s*[>＞]/u

/** Lines of `text` with their offsets (the newline belongs to the line it ends). */
function lines(text: string): { start: number; end: number; body: string }[] {
  const out: { start: number; end: number; body: string }[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf("\n", start)
    const end = nl < 0 ? text.length : nl + 1
    out.push({ start, end, body: text.slice(start, nl < 0 ? text.length : nl) })
    start = end
  }
  return out
}

/** The quoted ranges of a draft, sorted and merged. Linear in the text's length. */
export function quotedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = []
  const all = lines(text)
  for (let i = 0; i < all.length; i++) {
    const line = all[i]
    const header =
      WROTE.test(line.body) ||
      SEPARATOR.test(line.body) ||
      // "On Wed, 3 Dec 2026, Zhang <a@b.com>" then "wrote:" alone on the next line.
      (/^\s*on\s/iu.test(line.body) && i + 1 < all.length && /^\s*wrote\s*:\s*$/iu.test(all[i + 1].body)) ||
      (FROM_LINE.test(line.body) && all.slice(i + 1, i + 4).some((l) => SENT_LINE.test(l.body)))
    if (header) {
      ranges.push({ start: line.start, end: text.length })
      break
    }
    if (QUOTE_LINE.test(line.body)) ranges.push({ start: line.start, end: line.end })
  }
  return mergeRanges(ranges)
}

/** Sorts and merges overlapping or touching ranges; drops empty ones. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const out: TextRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else out.push({ start: r.start, end: r.end })
  }
  return out
}

/**
 * The draft with quoted ranges blanked: each quoted unit becomes "\n", so offsets stay the same and
 * no rule window, guard or model sentence reaches across into the agent's own words.
 */
export function maskQuoted(text: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return text
  let out = ""
  let at = 0
  for (const r of ranges) {
    const start = Math.max(at, Math.min(r.start, text.length))
    const end = Math.min(text.length, r.end)
    if (end <= start) continue
    out += text.slice(at, start) + "\n".repeat(end - start)
    at = end
  }
  return out + text.slice(at)
}
