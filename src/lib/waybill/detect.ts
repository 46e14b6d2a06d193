import { gatherEvidence, readLabel, resolveHint } from "./context"
import { matchesAnyFormat, rank } from "./identify"
import { lookalike } from "./lookalikes"
import { isSeparator, normalizeWaybill } from "./normalize"
import type { CarrierCode, DetectContext, WaybillMatch } from "./types"

// One pass over runs of (full-width) alphanumerics and masks; everything else is classified per run.
const CHUNK_SRC = "[0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A*\\uFF0A]+"
const CHUNK = new RegExp(CHUNK_SRC, "g")
const CHUNK_AT = new RegExp(CHUNK_SRC, "y")
// The rest of a URL or e-mail: up to whitespace, quotes, brackets or CJK text.
const URL_REST = /[^\s"'<>()[\]{}\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]*/y

const MAX_GROUPS = 8
const MIN_LEN = 8
const MAX_LEN = 20
/** The shortest letter-prefixed format (S10, K8+11, BXA+10) has 13 characters. */
const PREFIXED_MIN = 13
/** Digit-only numbers outside this length range are shown only with a label or a carrier named. */
const BARE_MIN = 12
const BARE_MAX = 15

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)
const DIGITS = /^\d+$/
const LETTER_HEAD = /^(?:[A-Z]{1,4}\d{0,13}|1Z[0-9A-Z]{0,14})$/
const LANDLINE_BEFORE = /(?:^|\D)0\d{2,3}(?:[-)）]\s?|\s)$/
const CURRENCY = /[¥￥$€£]\s?$/
const UNIT_AFTER = /^\s?(?:元|块|圆|rmb|cny|usd)/i

/** After a letter prefix come digits (a lone prefix may take the whole rest); later groups are short. */
function letterPartFits(p: string, index: number): boolean {
  if (index === 1) return p.length <= 16 && p.charCodeAt(0) <= 57
  return p.length <= 6
}

interface Base {
  label: -1 | 0 | 1
  carriers: readonly CarrierCode[]
  hinted: ReadonlySet<CarrierCode>
}

function skipUrl(text: string, from: number): number {
  URL_REST.lastIndex = from
  URL_REST.exec(text)
  return Math.max(URL_REST.lastIndex, from + 1)
}

/** Amounts: ¥12.50, 1,234.00, 5000元; also the digits around a decimal point. */
function looksLikeAmount(text: string, start: number, end: number): boolean {
  const p = text.charCodeAt(start - 1)
  if ((p === 46 || p === 44) && isDigit(text.charCodeAt(start - 2))) return true
  const q = text.charCodeAt(end)
  if ((q === 46 || q === 44) && isDigit(text.charCodeAt(end + 1))) return true
  return CURRENCY.test(text.slice(Math.max(0, start - 2), start)) || UNIT_AFTER.test(text.slice(end, end + 4))
}

/**
 * Find waybill numbers in free text (a CRM page, a chat, a ticket dump) in one linear pass.
 * `number` is normalised; `start`/`end` are UTF-16 offsets of the raw span (end exclusive);
 * carriers are ranked best first. Phones, ID cards, dates, timestamps, amounts, masked numbers,
 * numbers inside URLs/e-mails and numbers labelled 订单号/电话/… are left out.
 * `context.label` (a DOM field label next to the value) counts like a label in the text;
 * `context.carrierHint` is the carrier the CRM shows for the record.
 */
export function detectWaybills(text: string, context?: DetectContext): WaybillMatch[] {
  const out: WaybillMatch[] = []
  if (typeof text !== "string" || text.length === 0) return out
  const dom = context?.label ? readLabel(context.label) : { label: 0 as const, carriers: [] }
  const base: Base = { label: dom.label, carriers: dom.carriers, hinted: resolveHint(context?.carrierHint) }
  let lastNumEnd = 0

  const evaluate = (start: number, end: number, n: string): WaybillMatch | undefined => {
    if (!matchesAnyFormat(n)) return undefined
    const ev = gatherEvidence(text, start, end, lastNumEnd, base)
    const r = rank(n, ev)
    if (r.carriers.length === 0) return undefined
    const bare = !r.prefixed && (n.length < BARE_MIN || n.length > BARE_MAX)
    if (bare && !r.strong && ev.label <= 0) return undefined
    return { number: n, start, end, carriers: r.carriers }
  }

  const single = (start: number, end: number): WaybillMatch | undefined => {
    const len = end - start
    if (len < MIN_LEN || len > MAX_LEN) return undefined
    const n = normalizeWaybill(text.slice(start, end))
    if (n.includes("*") || !/\d/.test(n)) return undefined
    if (DIGITS.test(n)) {
      if (looksLikeAmount(text, start, end)) return undefined
      if (n.length <= 8 && LANDLINE_BEFORE.test(text.slice(Math.max(0, start - 7), start))) return undefined
    }
    return evaluate(start, end, n)
  }

  /**
   * A number split by single spaces or hyphens: "SF 1385 6287 16739", "7736-1055-5828-83".
   * Returns the match, or for a run of digit groups that is no waybill the position to skip to,
   * so that no tail of the run is glued into a number of its own.
   */
  const joined = (start: number, end: number): WaybillMatch | number | undefined => {
    const head = normalizeWaybill(text.slice(start, end))
    const numeric = DIGITS.test(head)
    if (numeric ? head.length > 5 : !LETTER_HEAD.test(head)) return undefined
    const parts = [head]
    const ends = [end]
    let sep = -1
    let pos = end
    while (parts.length < MAX_GROUPS) {
      const c = text.charCodeAt(pos)
      if (!isSeparator(c) || (sep >= 0 && c !== sep)) break
      CHUNK_AT.lastIndex = pos + 1
      const m = CHUNK_AT.exec(text)
      if (!m) break
      const p = normalizeWaybill(m[0])
      const prev = parts[parts.length - 1]
      // Conservative: digit groups of 3–5 (a 2-digit group only last); a lone prefix may take the whole rest.
      if (numeric ? !/^\d{2,5}$/.test(p) || prev.length < 3 : !letterPartFits(p, parts.length)) break
      sep = c
      parts.push(p)
      pos = pos + 1 + m[0].length
      ends.push(pos)
      if (!numeric && !/\d/.test(p)) break // letters only: an S10 country code, always last
    }
    if (parts.length < 2) return undefined
    if (numeric) {
      if (/^0\d{2,3}$|^[48]00$/.test(head)) return pos // landline / hotline groups
      const n = parts.join("")
      if (n.length < MIN_LEN || n.length > MAX_LEN || looksLikeAmount(text, start, pos)) return pos
      if (lookalike(n)?.hard) return pos
      return evaluate(start, pos, n) ?? pos
    }
    for (let j = parts.length; j >= 2; j--) {
      const n = parts.slice(0, j).join("")
      if (n.length < PREFIXED_MIN || n.length > MAX_LEN || !matchesAnyFormat(n)) continue
      const e = ends[j - 1]
      const r = rank(n, gatherEvidence(text, start, e, lastNumEnd, base))
      if (r.prefixed && r.carriers.length) return { number: n, start, end: e, carriers: r.carriers }
    }
    return undefined
  }

  /**
   * A number read out one character at a time, as call transcripts write it: "S F 1 4 0 …",
   * "7 3 6-1 2-…" (a letter prefix may stay whole: "SF 1 4 0 …"). Returns the match, or for a run of
   * single characters that is no waybill the position to skip to; undefined when it is no such run.
   */
  const spelled = (start: number, end: number): WaybillMatch | number | undefined => {
    const head = text.slice(start, end)
    if (head.length > 1 && !/^[A-Za-z]+$/.test(head)) return undefined
    let raw = head
    let pos = end
    for (let count = 1; ; count++) {
      let p = pos
      while (p < pos + 2 && isSeparator(text.charCodeAt(p))) p++
      CHUNK_AT.lastIndex = p
      const c = p > pos ? CHUNK_AT.exec(text) : null
      if (!c || c[0].length !== 1) {
        if (count < 8) return undefined
        const n = normalizeWaybill(raw)
        if (n.length < MIN_LEN || n.length > MAX_LEN || lookalike(n)?.hard) return pos
        return evaluate(start, pos, n) ?? pos
      }
      raw += c[0]
      pos = p + 1
    }
  }

  CHUNK.lastIndex = 0
  for (let m = CHUNK.exec(text); m; m = CHUNK.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    const next = text.charCodeAt(end)
    // URLs and e-mails: skip the whole address, numbers inside are ids, not waybills.
    if (
      (next === 58 && text.startsWith("//", end + 1)) ||
      (next === 46 && m[0].toLowerCase() === "www") ||
      next === 64 ||
      text.charCodeAt(start - 1) === 64
    ) {
      CHUNK.lastIndex = skipUrl(text, start)
      continue
    }
    const spelt = m[0].length < 4 && isSeparator(next) ? spelled(start, end) : undefined
    if (typeof spelt === "number") {
      CHUNK.lastIndex = spelt
      continue
    }
    if (spelt) {
      out.push(spelt)
      CHUNK.lastIndex = lastNumEnd = spelt.end
      continue
    }
    if (m[0].length < 2) continue
    const join = isSeparator(next) ? joined(start, end) : undefined
    if (typeof join === "number") {
      CHUNK.lastIndex = join
      continue
    }
    const hit = join ?? single(start, end)
    if (hit) {
      out.push(hit)
      CHUNK.lastIndex = hit.end
      lastNumEnd = hit.end
    } else if (end - start >= 5 && /\d/.test(m[0])) lastNumEnd = end
  }
  return out
}
