/**
 * Handoff blocks on the ticket page (issue 12): finds the text around each block colleagues wrote into
 * the CRM (history, comments, collapsed entries, same-origin frames). Raw text only: the sidebar parses
 * and verifies (no zod, no crypto here). Writing our own block is the editor part's (handoff-post.ts).
 *
 * Cheap: the page's text is read in budgeted slices for the blocks' mark, once (while the page is
 * quiet, before the sidebar's frame boots, or when a sidebar connects) and then only what the page
 * adds; at most `MAX_BLOCKS` blocks of `TEXT_MAX` chars.
 */
import { BLOCK_MARK, MACHINE_TAG } from "~lib/handoff/marks"
import type { PageToSidebar } from "~lib/protocol/types"

import { later, soon } from "./lifetime"
import { measure } from "./perf"

const TEXT_MAX = 12_000
const MAX_BLOCKS = 400
/** Ancestors climbed from a block's first line to the element holding the whole block. */
const CLIMB_MAX = 8
/** Following siblings gathered when the block's lines are loose siblings in a long history. */
const SIBLINGS_MAX = 40

/** Inside an editable area: the agent's own unsent text, not the ticket's history. */
function inEditable(el: Element): boolean {
  return (
    el.ownerDocument.body?.isContentEditable === true ||
    el.closest('[contenteditable="true"], [contenteditable=""]') !== null
  )
}

/** The element whose text holds the whole block starting in `start`, and that text. */
function blockText(start: Element): { el: Element; text: string } {
  let best: { el: Element; text: string } = { el: start, text: start.textContent ?? "" }
  let el: Element | null = start
  for (let i = 0; el && i < CLIMB_MAX; i++) {
    const text = el.textContent ?? ""
    if (text.length > TEXT_MAX) break
    best = { el, text }
    const at = text.indexOf(BLOCK_MARK)
    if (at >= 0 && text.indexOf(MACHINE_TAG, at) >= 0) return best
    if (el.parentElement === el.ownerDocument.body) break
    el = el.parentElement
  }
  // Lines as loose siblings (a flat history): read on through the next siblings to the machine line.
  let text = best.text
  let next = best.el.nextSibling
  for (let i = 0; next && i < SIBLINGS_MAX && text.length < TEXT_MAX; i++, next = next.nextSibling) {
    const part = next.textContent ?? ""
    text += next.nodeType === 1 ? `\n${part}` : part
    if (part.includes(MACHINE_TAG) || part.includes(BLOCK_MARK)) break
  }
  return { el: best.el, text: text.slice(0, TEXT_MAX) }
}

/** The texts around the blocks whose mark is in these text nodes (page order), each block's element once. */
export function blockTexts(
  marks: readonly Text[],
  skip: Element | null,
): { texts: string[]; truncated: boolean } {
  const seen = new Set<Element>()
  const texts: string[] = []
  let truncated = false
  for (const mark of marks) {
    const parent = mark.parentElement
    if (!parent || !mark.isConnected || (skip && skip.contains(parent))) continue
    if (parent.closest("script, style, textarea, template") || inEditable(parent)) continue
    // A block already read as part of an earlier one's element (a quoted reply inside a comment).
    let inside = false
    for (let a: Element | null = parent; a && !inside; a = a.parentElement) inside = seen.has(a)
    if (inside) continue
    if (texts.length >= MAX_BLOCKS) {
      truncated = true
      break
    }
    const { el, text } = blockText(parent)
    seen.add(el)
    texts.push(text)
  }
  return { texts, truncated }
}

/** Page order across documents: the documents' order first, then their own. */
function inPageOrder(marks: Iterable<Text>, docs: readonly Document[]): Text[] {
  const rank = (t: Text) => {
    const i = docs.indexOf(t.ownerDocument)
    return i < 0 ? docs.length : i
  }
  return [...marks].sort((a, b) => {
    const d = rank(a) - rank(b)
    if (d !== 0 || a === b) return d
    return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  })
}

export interface HandoffHook {
  /**
   * Reads the page for blocks before any sidebar listens (while the page is quiet, before the sidebar's
   * frame boots: the two never compete for the CPU); `done` once read. From then on what the page adds is
   * read as it comes, so a sidebar that connects is sent the blocks without reading the page again.
   */
  prepare(done: () => void): void
  /**
   * A sidebar connected: sends the blocks (read now unless prepared). `anew`: the agent asked to look
   * again, so the page is read in full whatever was read before.
   */
  refresh(anew?: boolean): void
  /** The page changed (these nodes added; or a frame appeared): read what is new, send if the blocks changed. */
  changed(added?: Iterable<Node>): void
}

/** Text nodes walked one by one per slice before the clock is read again. */
const STEP = 64
const BUDGET_MS = 4
/** A subtree with at most this much text and the mark in it is walked node by node; a longer one is split. */
const SMALL_TEXT = 4_000

/**
 * Wires the blocks to the sidebar's port. `docs` gives the top document and the same-origin frames the
 * scanner reads. The mark is looked for by the browser, not node by node in JS: a subtree's text
 * (`textContent`) is asked once, and only a subtree whose text holds the mark is split into its
 * children, down to small ones walked node by node. A page without blocks costs one
 * native read of its text (a 10,000-row page: ~7 ms, against ~40 ms for a JS walk of its 110,000 text
 * nodes); slices of at most ~4 ms otherwise. Only once prepared or while a sidebar listens; after that
 * only what the page adds is read, and the blocks are sent again at most once a second.
 */
export function createHandoffHook(opts: {
  signal: AbortSignal
  docs: () => Document[]
  skip: () => Element | null
  listening: () => boolean
  emit: (message: PageToSidebar) => void
}): HandoffHook {
  const { signal } = opts
  const marks = new Set<Text>()
  const walkedDocs = new WeakSet<Document>()
  let work: Node[] = []
  let walker: TreeWalker | null = null
  let walking = false
  let force = false
  let last = ""
  let queued = false
  let lastRun = 0
  // Read once and kept up to date since (prepare or a sidebar listening): a new sidebar needs no re-read.
  let tracking = false
  // The blocks' texts as last collected, until the page changes.
  let found: { texts: string[]; truncated: boolean } | null = null
  let onRead: (() => void)[] = []

  const collect = () => {
    const t0 = performance.now()
    for (const m of marks) if (!m.isConnected) marks.delete(m)
    found = blockTexts(inPageOrder(marks, opts.docs()), opts.skip())
    measure("cs-sidekick:handoff-blocks", t0, performance.now() - t0)
    lastRun = performance.now()
    return found
  }

  const send = () => {
    if (!opts.listening() || signal.aborted) return
    const blocks = found ?? collect()
    const key = blocks.texts.join("\u0000")
    if (!force && key === last) return
    force = false
    last = key
    opts.emit({ type: "handoff-blocks", texts: blocks.texts, truncated: blocks.truncated })
  }

  /** The page was read through: collect the blocks now if no sidebar will be sent them yet. */
  const readThrough = () => {
    if (onRead.length && !opts.listening()) collect()
    const waiting = onRead
    onRead = []
    for (const done of waiting) done()
  }

  /** One piece of work: a text node or a subtree. */
  const look = (item: Node) => {
    if (!item.isConnected) return
    if (item.nodeType === Node.TEXT_NODE) {
      if ((item as Text).data.includes(BLOCK_MARK)) marks.add(item as Text)
      return
    }
    const text = item.nodeType === Node.DOCUMENT_NODE ? null : item.textContent
    if (text !== null && !text.includes(BLOCK_MARK)) return
    if (text !== null && text.length <= SMALL_TEXT) {
      walker = (item.ownerDocument ?? (item as Document)).createTreeWalker(item, NodeFilter.SHOW_TEXT)
      return
    }
    // Its children, each asked for its own text in turn (in page order: the work is a stack).
    const kids = item.childNodes
    for (let i = kids.length - 1; i >= 0; i--) work.push(kids[i])
  }

  const slice = () => {
    if (signal.aborted) return
    const t0 = performance.now()
    const deadline = t0 + BUDGET_MS
    let steps = 0
    for (;;) {
      if (walker) {
        const n = walker.nextNode() as Text | null
        if (!n) walker = null
        else if (n.data.includes(BLOCK_MARK)) marks.add(n)
        if (++steps % STEP !== 0) continue
      } else {
        // Each piece may be a native read of a large subtree's text: the clock after every one.
        const item = work.pop()
        if (!item) break
        look(item)
      }
      if (performance.now() >= deadline) break
    }
    measure("cs-sidekick:handoff-read", t0, performance.now() - t0)
    if (walker || work.length) return soon(slice, signal)
    walking = false
    readThrough()
    if (force) send()
    else schedule()
  }

  const read = (nodes: Iterable<Node>) => {
    found = null
    for (const n of nodes) work.push(n)
    if (walking) return
    walking = true
    soon(slice, signal)
  }

  /** The whole page (top document and same-origin frames), from the start. */
  const readAll = () => {
    tracking = true
    marks.clear()
    work = []
    walker = null
    const docs = opts.docs()
    for (const d of docs) walkedDocs.add(d)
    read(docs.map((d) => d.body ?? d.documentElement).filter((r): r is HTMLElement => !!r))
  }

  // At most once a second, and never in the same task as the change (the CRM is still rendering).
  const schedule = () => {
    if (queued) return
    queued = true
    later(
      () => {
        queued = false
        send()
      },
      Math.max(300, 1_000 - (performance.now() - lastRun)),
      signal,
    )
  }

  return {
    prepare(done) {
      if (signal.aborted) return
      onRead.push(done)
      if (!tracking) readAll()
      else if (!walking) readThrough()
    },
    refresh(anew = false) {
      if (!opts.listening()) return
      force = true
      if (anew || !tracking) readAll()
      else if (!walking) send()
    },
    changed(added) {
      if (!opts.listening() && !tracking) return
      found = null
      const fresh: Node[] = []
      for (const d of opts.docs())
        if (!walkedDocs.has(d)) {
          walkedDocs.add(d)
          if (d.documentElement) fresh.push(d.documentElement)
        }
      if (added) for (const n of added) fresh.push(n)
      if (fresh.length) read(fresh)
      else if (!walking && opts.listening()) schedule()
    },
  }
}
