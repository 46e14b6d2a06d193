/**
 * A plain-text view of a contenteditable root that maps text offsets to DOM points and back.
 * Blocks and `<br>` become "\n"; a `<br>` that only keeps an empty line open (the filler editors put
 * in `<p><br></p>`) adds nothing; editor caret fillers (zero-width characters) are skipped; nbsp reads
 * as a space. Offsets are UTF-16 code units, like `String.prototype.slice`.
 */

export const MAX_DRAFT_CHARS = 20_000

/** A run of characters of one text node (split where filler characters were skipped). */
interface TextItem {
  kind: "text"
  start: number
  length: number
  node: Text
  nodeOffset: number
}

/** The DOM point of the start of a line that may hold no text (an empty paragraph, after a `<br>`). */
interface AnchorItem {
  kind: "anchor"
  start: number
  container: Node
  offset: number
}

type Item = TextItem | AnchorItem

export interface TextModel {
  root: Element
  text: string
  /** True when the content went past MAX_DRAFT_CHARS and `text` was cut. */
  truncated: boolean
  /** Ranges of `text` inside a `<blockquote>`: an e-mail reply's quoted message, not the agent's words. */
  quoted: { start: number; end: number }[]
  items: Item[]
}

export interface DomPoint {
  node: Node
  offset: number
}

const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
])

const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD"])

// Caret containers and fillers: CKEditor 5 (U+2060 x7), TinyMCE (U+FEFF), Quill cursor (U+FEFF), U+200B.
const FILLER = /[\u200b\u2060\ufeff]/

const ELEMENT_NODE = 1
const TEXT_NODE = 3

function isElement(n: Node): n is Element {
  return n.nodeType === ELEMENT_NODE
}

function isText(n: Node): n is Text {
  return n.nodeType === TEXT_NODE
}

export function isBlock(n: Node): boolean {
  return isElement(n) && BLOCK_TAGS.has(n.tagName.toUpperCase())
}

/** Editor-internal elements that are not part of the user's text. */
function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true
  return (
    el.getAttribute("data-mce-bogus") === "all" ||
    el.hasAttribute("data-cke-hidden-sel") ||
    el.hasAttribute("data-cke-temp") ||
    el.classList.contains("ql-clipboard")
  )
}

/** Source-formatting whitespace between blocks (e.g. "\n    " between `<p>`s): not text. */
function isFormattingWhitespace(t: Text): boolean {
  if (!/^[ \t\n\r]*$/.test(t.data)) return false
  if (t.data.length === 0) return true
  const prev = t.previousSibling
  const next = t.nextSibling
  return (!prev || isBlock(prev)) && (!next || isBlock(next))
}

function hasContent(n: Node): boolean {
  if (isText(n)) return n.data.replace(new RegExp(FILLER.source, "g"), "").length > 0
  if (!isElement(n) || isSkipped(n)) return false
  const tag = n.tagName.toUpperCase()
  if (tag === "BR" || tag === "IMG") return true
  for (let c = n.firstChild; c; c = c.nextSibling) if (hasContent(c)) return true
  return false
}

/** A `<br>` with nothing after it in its block only keeps the line open (browsers and editors add them). */
function isTrailingBr(br: Element, root: Element): boolean {
  for (let n: Node = br; n !== root;) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (isBlock(s)) return true
      if (hasContent(s)) return false
    }
    const parent = n.parentNode
    if (!parent || parent === root || isBlock(parent)) return true
    n = parent
  }
  return true
}

function indexOf(n: Node): number {
  let i = 0
  for (let s = n.previousSibling; s; s = s.previousSibling) i++
  return i
}

/** Builds the text model of `root` (bounded to `limit` characters). */
export function readTextModel(root: Element, limit = MAX_DRAFT_CHARS): TextModel {
  const items: Item[] = []
  const quoted: { start: number; end: number }[] = []
  let text = ""
  let truncated = false
  let lineOpen = false
  let anyLine = false
  let breakPending = false

  const full = () => {
    if (text.length >= limit) truncated = true
    return truncated
  }

  const openLine = (container: Node, offset: number) => {
    if (breakPending && anyLine) text += "\n"
    breakPending = false
    lineOpen = true
    anyLine = true
    items.push({ kind: "anchor", start: text.length, container, offset })
  }

  const addText = (t: Text) => {
    const data = t.data
    let i = 0
    while (i < data.length && !full()) {
      while (i < data.length && FILLER.test(data[i])) i++
      let j = i
      while (j < data.length && !FILLER.test(data[j])) j++
      if (j > i) {
        if (!lineOpen) openLine(t, i)
        const room = limit - text.length
        const end = Math.min(j, i + room)
        if (end < j) truncated = true
        items.push({ kind: "text", start: text.length, length: end - i, node: t, nodeOffset: i })
        text += data.slice(i, end).replace(/\u00a0/g, " ")
      }
      i = j
    }
  }

  const visit = (n: Node) => {
    if (full()) return
    if (isText(n)) {
      if (!isFormattingWhitespace(n)) addText(n)
      return
    }
    if (!isElement(n) || isSkipped(n)) return
    const tag = n.tagName.toUpperCase()
    if (tag === "BR") {
      const parent = n.parentNode as Node
      if (isTrailingBr(n, root)) {
        if (!lineOpen) openLine(parent, indexOf(n))
        return
      }
      if (!lineOpen) openLine(parent, indexOf(n))
      text += "\n"
      lineOpen = false
      breakPending = false
      openLine(parent, indexOf(n) + 1)
      return
    }
    const block = isBlock(n)
    if (block) {
      if (anyLine) breakPending = true
      lineOpen = false
    }
    const linesBefore = items.length
    const quoteStart = tag === "BLOCKQUOTE" ? text.length : -1
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c)
    if (quoteStart >= 0 && text.length > quoteStart) quoted.push({ start: quoteStart, end: text.length })
    if (block) {
      // An empty block is still a line the agent can put the caret on.
      if (items.length === linesBefore && !full()) openLine(n, 0)
      lineOpen = false
      breakPending = anyLine
    }
  }

  for (let c = root.firstChild; c; c = c.nextSibling) visit(c)
  if (text.length > limit) text = text.slice(0, limit)
  return { root, text, truncated, items, quoted }
}

/** The DOM point at text offset `offset` (clamped), preferring a point inside a text node. */
export function offsetToPoint(model: TextModel, offset: number): DomPoint {
  const o = Math.max(0, Math.min(offset, model.text.length))
  let anchor: AnchorItem | null = null
  for (const item of model.items) {
    if (item.start > o) break
    if (item.kind === "text") {
      if (o <= item.start + item.length)
        return { node: item.node, offset: item.nodeOffset + (o - item.start) }
    } else if (item.start === o) anchor = item
  }
  if (anchor) return { node: anchor.container, offset: anchor.offset }
  // Past the last item (e.g. an empty root): the end of the root.
  return { node: model.root, offset: model.root.childNodes.length }
}

/** A DOM Range over [start, end) of the model's text. */
export function rangeFor(model: TextModel, start: number, end: number): Range {
  const doc = model.root.ownerDocument
  const range = doc.createRange()
  const a = offsetToPoint(model, start)
  const b = offsetToPoint(model, end)
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
}

/** The text offset of a DOM point, or null when the point is outside the model's root. */
export function pointToOffset(model: TextModel, node: Node, offset: number): number | null {
  if (node !== model.root && !model.root.contains(node)) return null
  if (isText(node)) {
    let best: number | null = null
    for (const item of model.items) {
      if (item.kind !== "text" || item.node !== node) continue
      if (offset < item.nodeOffset) return best ?? item.start
      if (offset <= item.nodeOffset + item.length) return item.start + (offset - item.nodeOffset)
      best = item.start + item.length
    }
    if (best !== null) return best
  }
  // Element point (or a text node we skipped): the last item that starts at or before it.
  const probe = model.root.ownerDocument.createRange()
  probe.setStart(node, offset)
  let result = 0
  for (const item of model.items) {
    const [n, o] = item.kind === "text" ? [item.node, item.nodeOffset] : [item.container, item.offset]
    if (probe.comparePoint(n, o) > 0) {
      // A point before the first item of its own block (e.g. `(p, 0)`) is that line's start.
      if (blockOf(node, model.root) === blockOf(n, model.root)) result = item.start
      break
    }
    result = item.kind === "text" ? item.start + item.length : item.start
  }
  return result
}

function blockOf(n: Node, root: Element): Node {
  let cur: Node | null = n
  while (cur && cur !== root && !isBlock(cur)) cur = cur.parentNode
  return cur ?? root
}

/** The selection of `doc` as offsets into the model, or null when it is not inside the root. */
export function selectionOffsets(
  model: TextModel,
  sel: Selection | null,
): { start: number; end: number } | null {
  if (!sel || sel.rangeCount === 0) return null
  const r = sel.getRangeAt(0)
  const a = pointToOffset(model, r.startContainer, r.startOffset)
  const b = pointToOffset(model, r.endContainer, r.endOffset)
  if (a === null || b === null) return null
  return { start: Math.min(a, b), end: Math.max(a, b) }
}
