/**
 * The customer's facts already on the ticket page: name, phone, addresses and the latest tracking
 * scan, read from the labelled fields and tracking rows the content script sends raw (`PageFacts`).
 * Pure: the sidebar shows them and prefills the handoff form and script slots with them.
 */
import type { PageFacts } from "../protocol/types"

/** One tracking scan: when, where, what. */
export interface TrackScan {
  /** As written on the page, e.g. "2024-11-03 08:15:22". */
  time?: string
  location?: string
  status: string
}

export interface CustomerFacts {
  name?: string
  /** A mobile or landline number as shown (it may be masked by the CRM already). */
  phone?: string
  addresses: { kind: "to" | "from" | "other"; text: string }[]
  latest?: TrackScan
  /** The branch (网点/营业点/站点) the ticket names in a labelled field, as written. */
  branch?: string
}

// Whose field it is, best first: the customer's own, a contact person, the receiver, the sender.
const WHO = [/客户|顾客|用户|来电|联系/, /收件|收货/, /寄件|发件/, /./]
const NAME_LABEL = /姓名|名称|称呼|联系人$|收件人$|收货人$|寄件人$|发件人$|^客户$/
const PHONE_LABEL = /电话|手机|联系方式|号码/
const ADDRESS_LABEL = /地址/
const STATUS_LABEL = /物流状态|最新|当前状态|轨迹|快件状态/
// The branch's own field ("责任网点", "派件营业点"), not its phone, address, code or opening hours.
const BRANCH_LABEL = /网点|营业点|营业部|站点/
const NOT_BRANCH_LABEL = /电话|手机|地址|时间|编码|代码|编号|工号|负责人|联系人/
// Like a name, but a branch may carry digits ("3号站点") and brackets; never a bare number.
const BRANCH = /^(?=.*[\p{L}])[\p{L}\d·()（）\-\s]{2,40}$/u
const PHONE = /(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?[\d*]{4}){2}|0\d{2,3}-?\d{7,8}/
// A person's or a company's name: letters (CJK or Latin, masks), no digits, not a placeholder.
const NAME = /^[\p{L}*＊·.\s]{1,30}$/u
const EMPTY = /^(?:-+|无|暂无|未知|n\/a|null)$/i
const TIME = /(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?/
const PLACE_HEAD = /地点|位置|城市|所在地|网点|站点/
const STATUS_HEAD = /状态|描述|详情|轨迹|内容|信息|记录|动态/
const BRACKET = /[【[]([^】\]]{2,30})[】\]]/

const rank = (label: string): number => WHO.findIndex((re) => re.test(label))

function best(fields: [string, string][], label: RegExp, value: (v: string) => string | undefined) {
  let found: string | undefined
  let at = Infinity
  for (const [l, v] of fields) {
    const got = label.test(l) && !EMPTY.test(v.trim()) ? value(v.trim()) : undefined
    if (got && rank(l) < at) [found, at] = [got, rank(l)]
  }
  return found
}

/** A sortable key for a scan time ("2024-11-03 08:15" → 202411030815), years missing count as equal. */
function timeKey(m: RegExpExecArray): number {
  const [, y, mo, d, h, mi, s] = m
  return (
    ((((Number(y ?? 0) * 100 + Number(mo)) * 100 + Number(d)) * 100 + Number(h)) * 100 + Number(mi)) * 100 +
    Number(s ?? 0)
  )
}

/** One tracking row (table cells "列名：值", or one timeline item's text) as a scan. */
export function readScan(cells: string[]): (TrackScan & { key: number }) | null {
  let time: string | undefined
  let key = -1
  let location: string | undefined
  const words: string[] = []
  for (const cell of cells) {
    const cut = cell.indexOf("：")
    const head = cells.length > 1 && cut >= 0 ? cell.slice(0, cut) : ""
    const text = (head ? cell.slice(cut + 1) : cell).trim()
    if (!text) continue
    const m = TIME.exec(text)
    if (m && key < 0) {
      time = m[0]
      key = timeKey(m)
    }
    if (PLACE_HEAD.test(head)) location = text
    else if (!head || STATUS_HEAD.test(head)) {
      // What is left beside the time, unless only its label ("时间：").
      const rest = (m ? text.replace(m[0], "") : text).trim().replace(/^\S{0,8}[:：]$/, "")
      if (rest) words.push(rest)
    }
  }
  const status = words.join(" ").slice(0, 200)
  if (!status) return null
  location ??= BRACKET.exec(status)?.[1]
  return { status, key, ...(time ? { time } : {}), ...(location ? { location } : {}) }
}

/** The customer's facts from the page's raw fields and tracking rows (nothing found: empty). */
export function readFacts(raw: PageFacts | undefined | null): CustomerFacts {
  const facts: CustomerFacts = { addresses: [] }
  if (!raw) return facts
  // A branch's own fields ("网点名称", "网点电话") are not the customer's.
  const people = raw.fields.filter(([l]) => !BRANCH_LABEL.test(l))
  const name = best(people, NAME_LABEL, (v) => (NAME.test(v) && !PHONE_LABEL.test(v) ? v : undefined))
  if (name) facts.name = name
  const phone = best(people, PHONE_LABEL, (v) => PHONE.exec(v)?.[0].replace(/[- ]/g, ""))
  if (phone) facts.phone = phone
  const branch = raw.fields.find(
    ([l, v]) =>
      BRANCH_LABEL.test(l) && !NOT_BRANCH_LABEL.test(l) && !EMPTY.test(v.trim()) && BRANCH.test(v.trim()),
  )
  if (branch) facts.branch = branch[1].trim()
  const seen = new Set<string>()
  for (const [l, v] of raw.fields) {
    if (!ADDRESS_LABEL.test(l) || EMPTY.test(v.trim()) || seen.has(v)) continue
    seen.add(v)
    const who = rank(l)
    facts.addresses.push({ kind: who === 1 ? "to" : who === 2 ? "from" : "other", text: v })
  }
  // The latest scan: the newest time among the rows (timelines run either way), else the first row.
  let latest: (TrackScan & { key: number }) | null = null
  for (const row of raw.track) {
    const scan = readScan(row)
    if (scan && (!latest || scan.key > latest.key)) latest = scan
  }
  if (!latest) {
    const status = raw.fields.find(([l, v]) => STATUS_LABEL.test(l) && !EMPTY.test(v.trim()))
    if (status) latest = readScan([status[1]])
  }
  if (latest) {
    const { key: _, ...scan } = latest
    facts.latest = scan
  }
  return facts
}

/** A phone number with its middle digits hidden ("13305716284" → "133****6284"). */
export function maskPhone(phone: string): string {
  if (/[*＊]/.test(phone)) return phone // masked by the CRM already
  const digits = phone.replace(/\D/g, "")
  if (digits.length < 7) return phone.replace(/\d/g, "*")
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** A scan as one line for a note or a script: "2024-11-03 08:15 杭州市 已到达…". */
export function scanLine(scan: TrackScan): string {
  const place = scan.location && !scan.status.includes(scan.location) ? scan.location : ""
  return [scan.time, place, scan.status].filter(Boolean).join(" ")
}
