/**
 * The text classifyCase reads in the sidebar: the ticket title and labelled fields (th/td, dt/dd,
 * label + field), bounded to 2,000 characters. Built only when the page state is rebuilt.
 */
import type { PageFacts } from "~lib/protocol/types"

import { theadRow } from "./dom-labels"

const MAX = 2_000
const MAX_PART = 300
const LIST_ITEM = "li, a, nav, aside, [role='listitem'], [role='option'], [role='row'], [role='navigation']"
// Fields that say who / where / how much, not what the case is about: their words ("寄件人",
// "已保价") would only mislead the classifier.
const NOISE_LABEL =
  /寄件|收件|发件|联系|电话|手机|地址|价值|金额|运费|重量|体积|件数|时间|日期|受理人|处理人|坐席|工号|姓名|单号|编号|网点|承运|token/i

/** Elements whose text is a title. */
export const CASE_TITLE_SELECTOR = "h1, h2, [class*='title' i], [class*='subject' i]"
/** The same test in code, for a walk: `matches()` per element costs ~3× this (bench/RESULTS.md). */
const TITLE_CLASS = /title|subject/i
/** Every element collectCaseText looks for besides rows (the scanner watches for new ones: Scanner.caseEpoch). */
export const CASE_PARTS_SELECTOR = `${CASE_TITLE_SELECTOR}, dt, label, iframe, ul, ol, table, [class*='preview' i], [class*='detail' i], [class*='reading' i], [class*='timeline' i], [class*='track' i]`

/** A document's title, dt and label elements in page order (page-state.ts keeps them cached). */
export interface CaseParts {
  titles: Iterable<Element>
  dts: Iterable<Element>
  labels: Iterable<Element>
  /** Elements named like a reading / preview / detail pane, and frames (panes.ts). */
  panes: Element[]
  /** Elements that may be a list of items: tables, ul/ol, role=grid/listbox/list, class *list*. */
  lists: Element[]
  /** Elements named like a tracking timeline (facts: the latest scan). */
  tracks: Element[]
}

// Names of panes, lists and timelines as web apps write them in class / id attributes.
const PANE = /preview|reading|reader|detail|viewer|conversation|message-?view|mail-?view|ticket-?view/i
const LIST = /list|queue|inbox|grid/i
const TRACK = /timeline|track|trace|route|logistic/i
const NAMED = new RegExp(`${PANE.source}|${LIST.source}|${TRACK.source}`, "i")
const LIST_TAGS = new Set(["TABLE", "UL", "OL"])
const LIST_ROLES = new Set(["grid", "listbox", "list", "tree", "table"])

/**
 * Elements looked at for titles, dt and label elements. A ticket's title and fields sit near the top
 * of its page or pane; matching a class-substring selector against every element of a 10,000-row list
 * cost ~20 ms, and each tag-name list goes through the whole page (bench/RESULTS.md). h1 and h2 are
 * found anywhere.
 */
export const PARTS_LOOK = 5_000
/**
 * A container with more children than HEAD + TAIL (a queue's rows, a long flat history) is read at
 * its first HEAD and last TAIL children only: its middle holds more of the same, and the fields after
 * a long list are still reached. A list's rows hold no title, field label or pane of the open case (a
 * parcel's scans are read by `trackRows`, not here): 30 at each end cost the 10,000-row page ~700
 * elements per walk, 100 cost ~2,400.
 */
export const WIDE_HEAD = 30
export const WIDE_TAIL = 30

function pageOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
}

/**
 * A document's title, dt and label elements in page order, from one walk over at most `PARTS_LOOK`
 * elements (wide containers read at both ends); h1/h2 and frames past or between them too.
 */
export function findCaseParts(doc: Document): CaseParts {
  const titles: Element[] = []
  const dts: Element[] = []
  const labels: Element[] = []
  const panes: Element[] = []
  const lists: Element[] = []
  const tracks: Element[] = []
  const parts: CaseParts = { titles, dts, labels, panes, lists, tracks }
  const root = doc.body ?? doc.documentElement
  if (!root) return parts
  // Sibling index at each depth of the walk, to skip the middle of wide containers.
  const at: number[] = []
  let index = 0
  let n = 0
  let capped = false
  let el: Element | null = root.firstElementChild
  while (el) {
    if (++n > PARTS_LOOK) {
      capped = true
      break
    }
    const tag = el.tagName
    const cls = el.getAttribute("class") ?? ""
    if (tag === "DT") dts.push(el)
    else if (tag === "LABEL") labels.push(el)
    else if (tag === "H1" || tag === "H2" || TITLE_CLASS.test(cls)) titles.push(el)
    const names = el.id ? `${cls} ${el.id}` : cls
    // One test for most elements, which are named nothing of the kind.
    const named = names !== "" && NAMED.test(names)
    if ((named && PANE.test(names)) || tag === "IFRAME" || tag === "FRAME") panes.push(el)
    if (LIST_TAGS.has(tag) || (named && LIST.test(names)) || LIST_ROLES.has(el.getAttribute("role") ?? ""))
      lists.push(el)
    if (named && TRACK.test(names)) tracks.push(el)
    // Next: the first child, else the next sibling (past a wide container's middle), else climb.
    const child = el.firstElementChild
    if (child) {
      at.push(index)
      index = 0
      el = child
      continue
    }
    for (;;) {
      const parent: Element | null = el.parentElement
      let next = el.nextElementSibling
      if (next && ++index === WIDE_HEAD && parent && parent.childElementCount > WIDE_HEAD + WIDE_TAIL) {
        next = parent.lastElementChild
        for (let i = 1; next && i < WIDE_TAIL; i++) next = next.previousElementSibling
      }
      if (next) {
        el = next
        break
      }
      if (!parent || parent === root || at.length === 0) {
        el = null
        break
      }
      el = parent
      index = at.pop()!
    }
  }
  // The walk reached the end of the page (a wide container's skipped middle holds its rows, not the
  // case's heading or pane). Else: headings and frames after where it stopped, by tag name — each a
  // walk of the whole document (~6 ms on a 10,000-row page), frames only if the window has any.
  if (!capped) return parts
  const seen = new Set<Element>([...titles, ...panes])
  const more = (tags: string[]) => {
    const out: Element[] = []
    for (const tag of tags) for (const h of doc.getElementsByTagName(tag)) if (!seen.has(h)) out.push(h)
    return out
  }
  const frames = (doc.defaultView?.frames.length ?? 1) > 0 ? more(["iframe"]) : []
  if (frames.length) parts.panes = panes.concat(frames).sort(pageOrder)
  const heads = more(["h1", "h2"])
  if (heads.length) parts.titles = titles.concat(heads).sort(pageOrder)
  return parts
}

/**
 * A document's elements of one tag in page order, read lazily: the row loop stops after 120, and
 * querySelectorAll would first collect all 10,000 rows of a big list.
 */
function* byTag(doc: Document | Element, tag: string): Generator<Element> {
  const live = doc.getElementsByTagName(tag)
  for (let i = 0, el = live.item(0); el; el = live.item(++i)) yield el
}

function clean(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_PART)
}

function isLabelCell(cell: Element): boolean {
  const t = clean(cell.textContent)
  return cell.tagName === "TH" || (t.length > 0 && t.length <= 12 && /[:：]$/.test(t))
}

/** A table with a header row of three or more column names (cached per call). */
function isList(table: Element, cache: Map<Element, boolean>): boolean {
  let list = cache.get(table)
  if (list === undefined) {
    const head = theadRow(table)
    list = !!head && head.children.length >= 3
    cache.set(table, list)
  }
  return list
}

function fieldValue(el: Element | null): string {
  if (!el) return ""
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  ) {
    if (el instanceof HTMLInputElement && el.type === "hidden") return ""
    return clean(el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent : el.value)
  }
  const field = el.querySelector(
    "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select",
  )
  return field ? fieldValue(field) : clean(el.textContent)
}

/** Name / phone / address / tracking fields and tracking rows, raw (the sidebar reads them: lib/page/facts). */
export type RawFacts = PageFacts

/** Where the open item of a list-and-detail page is (panes.ts): only its text is read. */
export interface Scope {
  el: Element
  /** Same-origin frames inside it (a preview iframe): read whole. */
  docs: Document[]
}

// Labels of the fields the sidebar prefills from (customer, phone, addresses, tracking, branch).
const FACT_LABEL =
  /姓名|客户|联系人|收件|寄件|收货|发件|电话|手机|联系方式|地址|状态|物流|轨迹|位置|所在地|扫描|最新|网点|营业点|营业部|站点/
// Fields that state what the case is about.
const PROBLEM_LABEL = /问题|分类|类型|诉求|描述|原因/
// A table of scans: a time column beside a status / place column.
const TRACK_HEAD = /时间/
const TRACK_COLS = /状态|描述|详情|轨迹|内容|地点|位置|信息|记录/
// Not the message: the agent's own reply, quoted older mails, controls, the tracking timeline, and
// titles, field tables and labels (read above as such, the parties' fields left out).
const NOT_BODY =
  "[contenteditable], textarea, input, select, button, blockquote, script, style, noscript, template, [class*='timeline' i], [class*='track' i], table, dl, label, h1, h2, h3, h4"

/** More rows than a parcel's scans ever have: a list of tickets or orders, not this case's tracking. */
const TRACK_ROWS_MAX = 80

function trackRows(table: Element, out: string[][]): void {
  const head = theadRow(table) ?? table.querySelector("tr")
  const names = head ? [...head.children].map((c) => clean(c.textContent)) : []
  if (!names.some((n) => TRACK_HEAD.test(n)) || !names.some((n) => TRACK_COLS.test(n))) return
  const rows = (table as HTMLTableElement).rows
  // Indexed up to the limit, not copied: a queue of 10,000 rows would be walked whole.
  if (rows.item(TRACK_ROWS_MAX) !== null) return
  for (let i = 0, row = rows.item(0); row && out.length < 30; row = rows.item(++i)) {
    if (row === head) continue
    const cells = [...row.cells]
      .slice(0, 8)
      .map((c, i) => `${names[i] ?? ""}：${clean(c.textContent)}`.slice(0, MAX_PART))
    out.push(cells)
  }
}

/**
 * Title + labelled fields of the documents given (the page and its same-origin frames), and the
 * raw facts beside them. `partsOf` may return a document's title / dt / label elements from a cache.
 * With a `scope` (the open item's pane), only what lies in it is read, its message text included.
 */
export function collectCase(
  docs: Document[],
  skip: Element | null,
  partsOf: (doc: Document) => CaseParts = findCaseParts,
  scope?: Scope | null,
): { text: string; facts: RawFacts } {
  const parts: string[] = []
  const facts: RawFacts = { fields: [], track: [] }
  const seen = new Set<string>()
  let size = 0
  const add = (s: string): boolean => {
    if (!s || seen.has(s)) return size < MAX
    seen.add(s)
    parts.push(s)
    size += s.length + 1
    return size < MAX
  }
  const own = (el: Element) => (!!skip && skip.contains(el)) || (!!scope && !inScope(el))
  const inScope = (el: Element) => scope!.docs.includes(el.ownerDocument) || scope!.el.contains(el)
  let stated = false
  const field = (label: string, value: string) => {
    const l = label.replace(/[:：]$/, "")
    stated ||= !!value && PROBLEM_LABEL.test(l)
    if (value && FACT_LABEL.test(l) && facts.fields.length < 40) facts.fields.push([l.slice(0, 80), value])
    return !value || NOISE_LABEL.test(l) ? size < MAX : add(`${l}：${value}`)
  }

  for (const doc of docs) {
    if (scope && !scope.docs.includes(doc) && scope.el.ownerDocument !== doc) continue
    if ((!scope || scope.docs.includes(doc)) && !add(clean(doc.title))) break
    const parts = partsOf(doc)
    for (const h of parts.titles) {
      // Titles inside lists and links belong to other tickets (an inbox beside the open one).
      if (own(h) || h.closest(LIST_ITEM)) continue
      const t = clean(h.textContent)
      if (t.length <= 120 && !add(t)) break
    }
    let rows = 0
    const lists = new Map<Element, boolean>()
    const rowsOf = scope && !scope.docs.includes(doc) ? scope.el : doc
    for (const row of byTag(rowsOf, "tr")) {
      if (++rows > 120 || size >= MAX) break
      // A list (a header row of column names) holds other tickets' values, not this case's fields.
      const table = row.closest("table")
      if (table && !lists.has(table) && facts.track.length === 0 && !own(table)) trackRows(table, facts.track)
      if (table && isList(table, lists)) continue
      const cells = [...row.children].filter((c) => c.tagName === "TD" || c.tagName === "TH")
      for (let i = 0; i + 1 < cells.length; i++) {
        if (isLabelCell(cells[i]) && !isLabelCell(cells[i + 1])) {
          field(clean(cells[i].textContent), fieldValue(cells[i + 1]))
        }
      }
    }
    let n = 0
    for (const dt of parts.dts) {
      if (++n > 60 || size >= MAX) break
      const dd = dt.nextElementSibling
      if (dd?.tagName === "DD" && !own(dt)) field(clean(dt.textContent), fieldValue(dd))
    }
    n = 0
    for (const label of parts.labels) {
      if (++n > 60 || size >= MAX) break
      if (own(label)) continue
      // <label for> / a wrapped control, else the value shown right after the label.
      const target = (label as HTMLLabelElement).control ?? label.nextElementSibling
      if (target && !own(target) && !target.closest(LIST_ITEM))
        field(clean(label.textContent), fieldValue(target))
    }
    // A timeline of scans (li or div items, newest first or last: the sidebar compares their times).
    for (const t of parts.tracks) {
      if (facts.track.length > 0 || own(t)) continue
      const lis = t.getElementsByTagName("li")
      for (const item of lis.length ? lis : t.children)
        if (facts.track.length < 30) facts.track.push([clean(item.textContent)])
    }
  }
  // The open item's own words (a message in a preview pane), after its title and fields, unless a
  // field already states the problem (the CRM's own words for the case).
  if (scope && !stated) {
    for (const root of [scope.el, ...scope.docs.map((d) => d.body)]) {
      if (!root) continue
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let t = walker.nextNode(); t && size < MAX; t = walker.nextNode()) {
        const p = t.parentElement
        if (p && !p.closest(NOT_BODY) && !(skip && skip.contains(p))) add(clean(t.textContent))
      }
    }
  }
  return { text: parts.join("\n").slice(0, MAX), facts }
}

/** The case text alone (see collectCase). */
export function collectCaseText(
  docs: Document[],
  skip: Element | null,
  partsOf: (doc: Document) => CaseParts = findCaseParts,
): string {
  return collectCase(docs, skip, partsOf).text
}
