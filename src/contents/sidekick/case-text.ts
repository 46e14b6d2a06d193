/**
 * The text classifyCase reads in the sidebar: the ticket title and labelled fields (th/td, dt/dd,
 * label + field), bounded to 2,000 characters. Built only when the page state is rebuilt.
 */
const MAX = 2_000
const MAX_PART = 300

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

/** Title + labelled fields of the documents given (the page and its same-origin frames). */
export function collectCaseText(docs: Document[], skip: Element | null): string {
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

  for (const doc of docs) {
    if (!add(clean(doc.title))) break
    for (const h of doc.querySelectorAll("h1, h2, [class*='title' i], [class*='subject' i]")) {
      if (own(h)) continue
      const t = clean(h.textContent)
      if (t.length <= 120 && !add(t)) break
    }
    let rows = 0
    for (const row of doc.querySelectorAll("tr")) {
      if (++rows > 120 || size >= MAX) break
      const cells = [...row.children].filter((c) => c.tagName === "TD" || c.tagName === "TH")
      for (let i = 0; i + 1 < cells.length; i++) {
        if (isLabelCell(cells[i]) && !isLabelCell(cells[i + 1])) {
          const v = fieldValue(cells[i + 1])
          if (v) add(`${clean(cells[i].textContent).replace(/[:：]$/, "")}：${v}`)
        }
      }
    }
    let n = 0
    for (const dt of doc.querySelectorAll("dt")) {
      if (++n > 60 || size >= MAX) break
      const dd = dt.nextElementSibling
      if (dd?.tagName === "DD") add(`${clean(dt.textContent).replace(/[:：]$/, "")}：${fieldValue(dd)}`)
    }
    n = 0
    for (const label of doc.querySelectorAll("label")) {
      if (++n > 60 || size >= MAX) break
      if (own(label)) continue
      const target = (label as HTMLLabelElement).control
      const v = fieldValue(target)
      if (v) add(`${clean(label.textContent).replace(/[:：]$/, "")}：${v}`)
    }
  }
  return parts.join("\n").slice(0, MAX)
}
