/**
 * The text classifyCase reads in the sidebar: the ticket title and labelled fields (th/td, dt/dd,
 * label + field), bounded to 2,000 characters. Built only when the page state is rebuilt.
 */
const MAX = 2_000
const MAX_PART = 300
const LIST_ITEM = "li, a, nav, aside, [role='listitem'], [role='option'], [role='row'], [role='navigation']"
// Fields that say who / where / how much, not what the case is about: their words ("寄件人",
// "已保价") would only mislead the classifier.
const NOISE_LABEL =
  /寄件|收件|发件|联系|电话|手机|地址|价值|金额|运费|重量|体积|件数|时间|日期|受理人|处理人|坐席|工号|姓名|单号|编号|网点|承运|token/i

/** Elements whose text is a title. */
export const CASE_TITLE_SELECTOR = "h1, h2, [class*='title' i], [class*='subject' i]"
/** Every element collectCaseText looks for besides rows (the scanner watches for new ones: Scanner.caseEpoch). */
export const CASE_PARTS_SELECTOR = `${CASE_TITLE_SELECTOR}, dt, label`

/** A document's title, dt and label elements in page order (page-state.ts keeps them cached). */
export interface CaseParts {
  titles: Iterable<Element>
  dts: Iterable<Element>
  labels: Iterable<Element>
}

export function findCaseParts(doc: Document): CaseParts {
  return {
    titles: [...doc.querySelectorAll(CASE_TITLE_SELECTOR)],
    dts: [...doc.getElementsByTagName("dt")],
    labels: [...doc.getElementsByTagName("label")],
  }
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
    for (const row of byTag(doc, "tr")) {
      if (++rows > 120 || size >= MAX) break
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
