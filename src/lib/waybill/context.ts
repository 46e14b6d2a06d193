import { CARRIERS } from "./carriers"
import type { CarrierCode } from "./types"

/** What the surroundings of a number say: label polarity, carriers named nearby, carriers hinted by the CRM. */
export interface Evidence {
  /** 1: labelled as a waybill (运单号…), -1: labelled as something else (订单号, 电话…), 0: none. */
  label: -1 | 0 | 1
  /** Carriers named near the number → weight multiplier. */
  mentions: ReadonlyMap<CarrierCode, number>
  hinted: ReadonlySet<CarrierCode>
}

export const NO_EVIDENCE: Evidence = { label: 0, mentions: new Map(), hinted: new Set() }

const POSITIVE = [
  "运单号",
  "运单编号",
  "运单",
  "快递单号",
  "快递单",
  "物流单号",
  "单号",
  "面单号",
  "快递号",
  "物流号",
  "追踪号",
  "跟踪号",
  "tracking no",
  "tracking number",
  "tracking",
  "awb",
  "waybill",
]
const NEGATIVE = [
  "订单号",
  "订单编号",
  "订单",
  "工单号",
  "工单",
  "退款单号",
  "售后单号",
  "支付单号",
  "交易单号",
  "交易号",
  "流水号",
  "发票号",
  "电话",
  "手机",
  "联系方式",
  "客户编号",
  "客户编码",
  "身份证",
  "月结卡号",
  "会员号",
  "工号",
  "卡号",
  "账号",
  "金额",
  "邮编",
  "qq",
  "微信",
  "order no",
  "order",
  "ticket",
  "tel",
  "phone",
  "mobile",
]

type Entry = { label?: -1 | 1; carrier?: CarrierCode }
const ENTRIES = new Map<string, Entry>()
for (const w of POSITIVE) ENTRIES.set(w, { label: 1 })
for (const w of NEGATIVE) ENTRIES.set(w, { label: -1 })
for (const c of CARRIERS)
  for (const k of c.keywords)
    ENTRIES.set(k.toLowerCase(), { ...ENTRIES.get(k.toLowerCase()), carrier: c.code })

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")
// Longest first, so 订单号 wins over the 单号 inside it.
const KEYWORDS = new RegExp(
  [...ENTRIES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|"),
  "g",
)
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122

interface Hit {
  entry: Entry
  end: number
}

/** Keyword hits inside text[from, to), in order; ASCII keywords must stand as words. */
function scan(text: string, from: number, to: number): Hit[] {
  const hits: Hit[] = []
  if (to <= from) return hits
  // Keywords are stored lower case; lowering the short window beats a case-insensitive alternation.
  const win = text.slice(from, to).toLowerCase()
  KEYWORDS.lastIndex = 0
  for (let m = KEYWORDS.exec(win); m; m = KEYWORDS.exec(win)) {
    const s = from + m.index
    const e = s + m[0].length
    if (isAsciiLetter(m[0].charCodeAt(0)) && isAsciiLetter(text.charCodeAt(s - 1))) continue
    if (isAsciiLetter(m[0].charCodeAt(m[0].length - 1)) && isAsciiLetter(text.charCodeAt(e))) continue
    hits.push({ entry: ENTRIES.get(m[0]) as Entry, end: e })
  }
  return hits
}

/** Label polarity and carrier mentions in a standalone label (a DOM field label or column header). */
export function readLabel(label: string): { label: -1 | 0 | 1; carriers: CarrierCode[] } {
  let polarity: -1 | 0 | 1 = 0
  const carriers: CarrierCode[] = []
  for (const h of scan(label, 0, Math.min(label.length, 200))) {
    if (h.entry.label) polarity = h.entry.label
    if (h.entry.carrier) carriers.push(h.entry.carrier)
  }
  return { label: polarity, carriers }
}

// ASCII keywords must stand as words ("sf" is not in "transfer"); CJK ones may sit inside a longer name.
function containsWord(h: string, k: string): boolean {
  for (let i = h.indexOf(k); i >= 0; i = h.indexOf(k, i + 1)) {
    const ascii = isAsciiLetter(k.charCodeAt(0))
    if (!ascii || (!isAsciiLetter(h.charCodeAt(i - 1)) && !isAsciiLetter(h.charCodeAt(i + k.length))))
      return true
  }
  return false
}

/** Resolve a CRM carrier hint ("顺丰", "SF", "shunfeng", "中通快递") to carrier codes. */
export function resolveHint(hint: string | undefined): Set<CarrierCode> {
  const out = new Set<CarrierCode>()
  const h = hint?.trim().toLowerCase()
  if (!h) return out
  for (const c of CARRIERS) {
    const names = [c.code, c.name, c.nameEn, ...c.aliases].map((s) => s.toLowerCase())
    if (names.includes(h) || c.keywords.some((k) => containsWord(h, k.toLowerCase()))) out.add(c.code)
  }
  for (const c of CARRIERS) if (c.successor && out.has(c.code)) out.add(c.successor)
  return out
}

export const BEFORE = 24
export const AFTER = 10
const MENTION_NEAR = 6
const MENTION_FAR = 3

/**
 * Evidence for a number at text[start, end). `from` bounds the look-back (the end of the previous
 * number, so one number's label does not leak onto the next); the look-ahead stops at the next digit.
 */
export function gatherEvidence(
  text: string,
  start: number,
  end: number,
  from: number,
  base: { label: -1 | 0 | 1; carriers: readonly CarrierCode[]; hinted: ReadonlySet<CarrierCode> },
): Evidence {
  let label = 0 as -1 | 0 | 1
  const mentions = new Map<CarrierCode, number>()
  const before = scan(text, Math.max(from, start - BEFORE), start)
  for (let i = before.length - 1; i >= 0; i--) {
    const { entry } = before[i]
    if (entry.label && label === 0) label = entry.label
    if (entry.carrier && !mentions.has(entry.carrier))
      mentions.set(entry.carrier, mentions.size === 0 ? MENTION_NEAR : MENTION_FAR)
  }
  let to = end
  const limit = Math.min(text.length, end + AFTER)
  while (to < limit && !(text.charCodeAt(to) >= 48 && text.charCodeAt(to) <= 57)) to++
  for (const { entry } of scan(text, end, to))
    if (entry.carrier && !mentions.has(entry.carrier))
      mentions.set(entry.carrier, mentions.size === 0 ? MENTION_NEAR : MENTION_FAR)
  for (const c of base.carriers) mentions.set(c, MENTION_NEAR)
  return { label: label || base.label, mentions, hinted: base.hinted }
}
