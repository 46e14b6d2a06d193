/**
 * The text classifyCase reads in the sidebar: the ticket title and labelled fields (th/td, dt/dd,
 * label + field), bounded to 2,000 characters. Built only when the page state is rebuilt.
 */
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
const isTitle = (el: Element): boolean =>
  el.tagName === "H1" || el.tagName === "H2" || TITLE_CLASS.test(el.getAttribute("class") ?? "")
/** Every element collectCaseText looks for besides rows (the scanner watches for new ones: Scanner.caseEpoch). */
export const CASE_PARTS_SELECTOR = `${CASE_TITLE_SELECTOR}, dt, label`

/** A document's title, dt and label elements in page order (page-state.ts keeps them cached). */
export interface CaseParts {
  titles: Iterable<Element>
  dts: Iterable<Element>
  labels: Iterable<Element>
}

/**
 * Elements looked at for titles, dt and label elements. A ticket's title and fields sit near the top
 * of its page or pane; matching a class-substring selector against every element of a 10,000-row list
 * cost ~20 ms, and each tag-name list goes through the whole page (bench/RESULTS.md). h1 and h2 are
 * found anywhere.
 */
export const PARTS_LOOK = 5_000

function pageOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
}

/**
 * A document's title, dt and label elements in page order, from one walk over its first `PARTS_LOOK`
 * elements; h1/h2 past them too.
 */
export function findCaseParts(doc: Document): CaseParts {
  const titles: Element[] = []
  const dts: Element[] = []
  const labels: Element[] = []
  const parts = { titles, dts, labels }
  const root = doc.body ?? doc.documentElement
  if (!root) return parts
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT)
  let last: Node = root
  let n = 0
  for (let node = walker.nextNode(); node && n < PARTS_LOOK; node = walker.nextNode(), n++) {
    last = node
    const el = node as Element
    if (el.tagName === "DT") dts.push(el)
    else if (el.tagName === "LABEL") labels.push(el)
    else if (isTitle(el)) titles.push(el)
  }
  if (n < PARTS_LOOK) return parts // the whole page was walked
  // Headings past the part walked (inside the last element walked too), by tag name.
  let later: Element[] = []
  for (const tag of ["h1", "h2"])
    for (const h of doc.getElementsByTagName(tag))
      if (last.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) later.push(h)
  if (later.length > 1) later = later.sort(pageOrder)
  if (later.length) parts.titles = titles.concat(later)
  return parts
}

/**
 * A document's elements of one tag in page order, read lazily: the row loop stops after 120, and
 * querySelectorAll would first collect all 10,000 rows of a big list.
 */
function* byTag(doc: Document, tag: string): Generator<Element> {
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

/**
 * Title + labelled fields of the documents given (the page and its same-origin frames).
 * `partsOf` may return a document's title / dt / label elements from a cache.
 */
export function collectCaseText(
  docs: Document[],
  skip: Element | null,
  partsOf: (doc: Document) => CaseParts = findCaseParts,
): string {
  const parts: string[] = []
  const seen = new Set<string>()
  let size = 0
  const add = (s: string): boolean => {
    if (!s || seen.has(s)) return size < MAX
    seen.add(s)
    parts.push(s)
    size += s.length + 1
    return size < MAX
  }
  const own = (el: Element) => !!skip && skip.contains(el)
  const field = (label: string, value: string) => {
    const l = label.replace(/[:：]$/, "")
    return !value || NOISE_LABEL.test(l) ? size < MAX : add(`${l}：${value}`)
  }

  for (const doc of docs) {
    if (!add(clean(doc.title))) break
    const parts = partsOf(doc)
    for (const h of parts.titles) {
      // Titles inside lists and links belong to other tickets (an inbox beside the open one).
      if (own(h) || h.closest(LIST_ITEM)) continue
      const t = clean(h.textContent)
      if (t.length <= 120 && !add(t)) break
    }
    let rows = 0
    const lists = new Map<Element, boolean>()
    for (const row of byTag(doc, "tr")) {
      if (++rows > 120 || size >= MAX) break
      // A list (a header row of column names) holds other tickets' values, not this case's fields.
      const table = row.closest("table")
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
      if (dd?.tagName === "DD") field(clean(dt.textContent), fieldValue(dd))
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
  }
  return parts.join("\n").slice(0, MAX)
}
