/**
 * Handoff blocks on the ticket page (issue 12): finds the text around each block colleagues wrote into
 * the CRM (history, comments, collapsed entries, same-origin frames). Raw text only: the sidebar parses
 * and verifies (no zod, no crypto here). Writing our own block is the editor part's (handoff-post.ts).
 *
 * Cheap: one native XPath query per document for text nodes that hold the blocks' mark (the page's
 * other text never reaches script), at most `MAX_BLOCKS` blocks of `TEXT_MAX` chars, run only while a
 * sidebar listens, and again at most once a second after the page changed.
 */
import { BLOCK_MARK, MACHINE_TAG } from "~lib/handoff/marks"
import type { PageToSidebar } from "~lib/protocol/types"

import { later } from "./lifetime"
import { measure } from "./perf"

const TEXT_MAX = 12_000
const MAX_BLOCKS = 400
/** Ancestors climbed from a block's first line to the element holding the whole block. */
const CLIMB_MAX = 8
/** Following siblings gathered when the block's lines are loose siblings in a long history. */
const SIBLINGS_MAX = 40
const QUERY = `.//text()[contains(., "${BLOCK_MARK}")]`

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

/** The texts around every handoff block in these documents, in page order, each block's element once. */
export function findHandoffTexts(
  docs: readonly Document[],
  skip: Element | null,
): { texts: string[]; truncated: boolean } {
  const seen = new Set<Element>()
  const texts: string[] = []
  let truncated = false
  for (const doc of docs) {
    const root = doc.body
    if (!root || !root.textContent?.includes(BLOCK_MARK)) continue
    let hits: XPathResult
    try {
      hits = doc.evaluate(QUERY, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null)
    } catch {
      continue
    }
    for (let i = 0; i < hits.snapshotLength; i++) {
      const parent = hits.snapshotItem(i)?.parentElement
      if (!parent || (skip && skip.contains(parent)) || parent.closest("script, style, textarea, template"))
        continue
      if (inEditable(parent)) continue
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
  }
  return { texts, truncated }
}

export interface HandoffHook {
  /** The sidebar connected (or asked again): send the blocks now. */
  refresh(): void
  /** Something on the page changed: send again soon, if the blocks changed. */
  changed(): void
}

/**
 * Wires the blocks to the sidebar's port. `docs` gives the top document and the same-origin frames the
 * scanner reads.
 */
export function createHandoffHook(opts: {
  signal: AbortSignal
  docs: () => Document[]
  skip: () => Element | null
  listening: () => boolean
  emit: (message: PageToSidebar) => void
}): HandoffHook {
  let last = ""
  let queued = false
  let lastRun = 0

  const send = (force: boolean) => {
    if (!opts.listening() || opts.signal.aborted) return
    const t0 = performance.now()
    const found = findHandoffTexts(opts.docs(), opts.skip())
    measure("cs-sidekick:handoff-blocks", t0, performance.now() - t0)
    lastRun = performance.now()
    const key = found.texts.join("\u0000")
    if (!force && key === last) return
    last = key
    opts.emit({ type: "handoff-blocks", texts: found.texts, truncated: found.truncated })
  }

  return {
    refresh: () => send(true),
    changed() {
      if (queued || !opts.listening()) return
      queued = true
      // At most once a second, and never in the same task as the change (the CRM is still rendering).
      const wait = Math.max(300, 1_000 - (performance.now() - lastRun))
      later(
        () => {
          queued = false
          send(false)
        },
        wait,
        opts.signal,
      )
    },
  }
}
