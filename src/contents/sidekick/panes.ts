/**
 * List-and-detail layouts (a webmail's message list beside its preview pane, a ticket queue beside
 * its reading pane): finds the pane that shows the open item, so that the case's number and text
 * come from it and the list's rows are only other numbers. Null on a page without such a layout.
 */
import type { CaseParts, Scope } from "./case-text"

// Rows of a list: a pane inside one is a row's preview snippet, not the reading pane.
const ROW = "li, [role='row'], [role='option'], [role='listitem'], [role='treeitem']"
// Folder trees, menus and headers hold lists too, but never the items an agent opens: by tag or
// role around, by name only on the element itself (an app's root is often called "has-navbar").
const NAV = "nav, header, [role='navigation'], [role='menu'], [role='menubar'], [role='tablist']"
const NAV_NAME = /nav|menu|folder|sidebar/i
const isNav = (el: Element): boolean => !!el.closest(NAV) || NAV_NAME.test(el.getAttribute("class") ?? "")
const PICKABLE = "a[href], [tabindex], [aria-selected], [data-id], [onclick], [role='option'], [role='row']"

/** Where an element's box is (tests pass their own: happy-dom has no layout). */
export type Box = (el: Element) => { left: number; top: number; width: number; height: number }
const layoutBox: Box = (el) => el.getBoundingClientRect()

/** The rows of a list whose items can be opened (links, selectable rows), or 0. */
function openableItems(list: Element): number {
  // Indexed, not copied: a queue may hold 10,000 rows.
  let items: HTMLCollection = list.children
  let from = 0
  if (list.tagName === "TABLE") {
    items = (list as HTMLTableElement).rows
    // A header row, then rows: a queue. A table of label/value pairs has none.
    if (!items[0]?.querySelector("th") && !list.querySelector("thead")) return 0
    from = 1
  }
  const count = items.length - from
  if (count < 3 || isNav(list) || (list.parentElement && isNav(list.parentElement))) return 0
  const role = list.getAttribute("role")
  if (role === "grid" || role === "listbox") return count
  let pickable = 0
  const sample = Math.min(count, 10)
  for (let i = from; i < from + sample; i++)
    if (items[i].matches(PICKABLE) || items[i].querySelector(PICKABLE)) pickable++
  return pickable * 2 >= sample ? count : 0
}

// Rich-text editors (CKEditor 4, TinyMCE, …) edit in an iframe of their own: the reply being
// written, never the item open for reading.
const EDITOR_FRAME = /cke_wysiwyg|tox-edit-area|mce_|editor/i

/** A frame that is a rich-text editor's editing area (by its document's editability or its name). */
function isEditorFrame(el: Element): boolean {
  if (el.tagName !== "IFRAME") return false
  if (EDITOR_FRAME.test(`${el.getAttribute("class") ?? ""} ${el.id}`)) return true
  try {
    const d = (el as HTMLIFrameElement).contentDocument
    return !!d && (d.designMode === "on" || d.body?.isContentEditable === true)
  } catch {
    return false // cross-origin: not read anyway
  }
}

function framesIn(el: Element): Document[] {
  const out: Document[] = []
  const frames = el.tagName === "IFRAME" ? [el] : el.getElementsByTagName("iframe")
  for (const f of frames) {
    if (isEditorFrame(f)) continue
    try {
      const d = (f as HTMLIFrameElement).contentDocument
      if (d?.body) out.push(d)
    } catch {
      // cross-origin: not ours to read
    }
  }
  return out
}

/**
 * The open item's pane: an element named like a preview / reading / detail pane (or a frame) that
 * sits beside a list of openable items, the outermost such and the largest; else the largest
 * sibling of the list's column that is no navigation. Null without a list of openable items.
 */
export function findDetail(parts: CaseParts, host: Element | null, box: Box = layoutBox): Scope | null {
  const ours = (el: Element) => !!host && host.contains(el)
  // Structure first: the layout is read (forcing it, maybe) only on a page that has a list of
  // openable rows and a pane or a column beside it; a plain ticket page or list reads none.
  let list: Element | null = null
  let most = 0
  const lists: Element[] = []
  for (const l of parts.lists.slice(0, 200)) {
    const n = ours(l) ? 0 : openableItems(l)
    if (n === 0) continue
    lists.push(l)
    if (n > most) [list, most] = [l, n]
  }
  if (!list) return null
  const beside = (d: Element) => lists.some((l) => !d.contains(l) && !l.contains(d))
  const named = parts.panes.filter(
    (d) => !ours(d) && !isEditorFrame(d) && !d.parentElement?.closest(ROW) && !isNav(d) && beside(d),
  )
  // Columns beside the list's column, nearest first.
  const columns: [Element, Element][] = []
  for (let col: Element | null = list; col?.parentElement && col.tagName !== "BODY"; col = col.parentElement)
    for (const s of col.parentElement.children) if (s !== col && !ours(s) && !isNav(s)) columns.push([s, col])
  if (named.length === 0 && columns.length === 0) return null

  // Shown and big enough to be a pane: its area, else 0.
  const size = (el: Element) => {
    const r = box(el)
    return r.width >= 160 && r.height >= 60 ? r.width * r.height : 0
  }
  // Side by side: one left of the other, over at least half of the lower one's height.
  const sideBySide = (a: Element, b: Element) => {
    const p = box(a)
    const q = box(b)
    const over = Math.min(p.top + p.height, q.top + q.height) - Math.max(p.top, q.top)
    const apart = p.left + p.width <= q.left + 1 || q.left + q.width <= p.left + 1
    return apart && over >= Math.min(p.height, q.height) / 2
  }
  if (!lists.some((l) => size(l) > 0)) return null
  const ok = named.filter((d) => size(d) > 0)
  const outer = ok.filter((d) => !ok.some((o) => o !== d && o.contains(d)))
  let best: Element | null = null
  let area = 0
  for (const d of outer) if (size(d) > area) [best, area] = [d, size(d)]
  // No pane by name: the largest column beside the list's column (even while it loads, nearly empty),
  // from the nearest level that has one.
  let level: Element | null = null
  for (const [s, col] of columns) {
    if (best && level !== col) break
    const a = size(s)
    if (a > area && sideBySide(s, col)) [best, area, level] = [s, a, col]
  }
  return best ? { el: best, docs: framesIn(best) } : null
}
