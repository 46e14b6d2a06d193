/**
 * Finds the label next to a value in the DOM: label[for], aria-label(ledby), placeholder, the
 * preceding cell / sibling / <dt>, the table's column header, and field names like "mailNo".
 * Only called for nodes that already contain a candidate number, so it may walk a little.
 */
import { cleanLabel, labelFromFieldName } from "~lib/page/labels"

const MAX_LABEL_TEXT = 40

function shortText(el: Element | null | undefined): string {
  if (!el) return ""
  const t = (el.textContent ?? "").trim()
  return t.length > 0 && t.length <= MAX_LABEL_TEXT ? t : ""
}

/** Visible text of a short label-ish element that does not itself hold digits-only values. */
function labelText(el: Element | null | undefined): string {
  const t = shortText(el)
  // A run of 5+ digits is a value (a label cell together with its number), not a label.
  return /[\p{L}]/u.test(t) && !/\d{5}/.test(t) ? cleanLabel(t) : ""
}

const isLabelFor = (el: Element, id: string): boolean =>
  el.tagName === "LABEL" && (el as HTMLLabelElement).htmlFor === id

/**
 * The `<label for>` of a field, looked for around it: the siblings (and their children) of the field
 * and of its first ancestors, where forms put them (label + input, a label cell beside the field's
 * cell, a form item's label beside the control's wrappers, a floating label after the input).
 * Not the field's `labels` list: the browser finds those by going through the whole page (~2 ms per
 * field on a 10,000-row list), and a label far from its field is rare; the surroundings are read next.
 */
function forLabel(field: Element, id: string): Element | null {
  let el: Element | null = field
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    for (const next of [false, true]) {
      let sib = next ? el.nextElementSibling : el.previousElementSibling
      for (let k = 0; sib && k < 3; k++, sib = next ? sib.nextElementSibling : sib.previousElementSibling) {
        if (isLabelFor(sib, id)) return sib
        const kids = sib.children
        for (let i = 0; i < kids.length && i < 6; i++) if (isLabelFor(kids[i], id)) return kids[i]
      }
    }
    if (el.tagName === "FORM" || el.tagName === "BODY") break
  }
  return null
}

function fieldLabel(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const root = el.getRootNode() as Document | ShadowRoot
  if (el.id) {
    const t = labelText(forLabel(el, el.id))
    if (t) return t
  }
  const wrapping = el.closest("label")
  if (wrapping) {
    const t = cleanLabel(
      [...wrapping.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join(" "),
    )
    if (t) return t
  }
  const aria = el.getAttribute("aria-label")
  if (aria) return cleanLabel(aria)
  const ids = el.getAttribute("aria-labelledby")
  if (ids) {
    const t = cleanLabel(
      ids
        .split(/\s+/)
        .map((id) => (root as Document).getElementById?.(id)?.textContent ?? "")
        .join(" "),
    )
    if (t) return t
  }
  const near = contextLabel(el)
  if (near) return near
  const placeholder = el.getAttribute("placeholder")
  if (placeholder) return cleanLabel(placeholder)
  return labelFromFieldName(el.getAttribute("name")) || labelFromFieldName(el.id)
}

// Header rows by table, for one scanner slice: a list of 10,000 rows asks for the same header
// 10,000 times. The DOM cannot change during a slice (it runs synchronously), so nothing goes stale.
let headRows = new Map<Element, Element | null>()

/** Forgets the cached header rows (the scanner calls this at the start of each slice). */
export function resetLabelCache(): void {
  if (headRows.size > 0) headRows = new Map()
}

/**
 * The first row of a table's <thead>, from its children (a `:scope > thead > tr` query goes through
 * every row of a 10,000-row table that has no <thead>).
 */
export function theadRow(table: Element): Element | null {
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName !== "THEAD") continue
    for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (r.tagName === "TR") return r
    return null
  }
  return null
}

/** The table column header for a cell: <thead>'s th at the same index, or the first row's th. */
function columnHeader(cell: Element): string {
  const table = cell.closest("table")
  const row = cell.parentElement
  if (!table || !row) return ""
  let index = 0
  for (let e = cell.previousElementSibling; e; e = e.previousElementSibling) index++
  let headRow = headRows.get(table)
  if (headRow === undefined) {
    headRow = theadRow(table) ?? table.querySelector("tr")
    headRows.set(table, headRow)
  }
  if (!headRow || headRow === row) return ""
  const head = headRow.children[index]
  return head && (head.tagName === "TH" || headRow.parentElement?.tagName === "THEAD") ? labelText(head) : ""
}

/** Label from the surroundings of an element: previous cell / sibling / dt, then column header. */
function contextLabel(start: Element): string {
  let el: Element | null = start
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    if (el.tagName === "TD" || el.tagName === "TH") {
      const prev = labelText(el.previousElementSibling)
      if (prev) return prev
      return columnHeader(el)
    }
    if (el.tagName === "DD") {
      let dt = el.previousElementSibling
      while (dt && dt.tagName !== "DT") dt = dt.previousElementSibling
      return labelText(dt)
    }
    const prev = labelText(el.previousElementSibling)
    if (prev) return prev
    if (el.tagName === "BODY" || el.tagName === "TR" || el.tagName === "LI") break
  }
  return ""
}

/** The label for a text node's value (the text itself may carry one too; detectWaybills reads that). */
export function labelForText(node: Text): string {
  const parent = node.parentElement
  if (!parent) return ""
  // A text node preceded by a label inside the same element ("<b>运单号：</b>SF…").
  const prevSibling = node.previousSibling
  if (prevSibling && prevSibling.nodeType === Node.ELEMENT_NODE) {
    const t = labelText(prevSibling as Element)
    if (t) return t
  }
  return contextLabel(parent)
}

export function labelForField(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  return fieldLabel(el)
}

const TITLE_SELECTOR =
  "h1, h2, [class*='title' i], [class*='subject' i], [class*='headline' i], [id*='title' i], [role='heading']"

export { TITLE_SELECTOR }
