/**
 * Handoff blocks on the ticket page (issue 12): finds the text around each block colleagues wrote into
 * the CRM (history, comments, collapsed entries, same-origin frames) and inserts our own into the
 * internal note box. Raw text only: the sidebar parses and verifies (no zod, no crypto here).
 *
 * Cheap: one native XPath query per document for text nodes that hold the blocks' mark (the page's
 * other text never reaches script), at most `MAX_BLOCKS` blocks of `TEXT_MAX` chars, run only while a
 * sidebar listens, and again at most once a second after the page changed.
 */
import { BLOCK_MARK, MACHINE_TAG } from "~lib/handoff/marks"
import { boxVerdict, type BoxVerdict, type InternalBoxRule, urlMatches } from "~lib/handoff/internal-box"
import type { PageToSidebar, SidebarToPage } from "~lib/protocol/types"

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

/** The CSS selector that names `el` well enough to remember it as the internal box, if any. */
function selectorFor(el: Element): string | undefined {
  const esc = (s: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s)
  if (el.id && !/\d{4,}/.test(el.id)) return `#${esc(el.id)}`
  const name = el.getAttribute("name")
  if (name) return `${el.tagName.toLowerCase()}[name="${name.replace(/["\\]/g, "\\$&")}"]`
  return undefined
}

/**
 * The element that stands for an editor to the CRM's markup: the textarea itself, or for iframe
 * editors (CKEditor 4's `cke_X` around the iframe, TinyMCE's `X_ifr`) the textarea they replaced.
 */
function candidatesOf(target: { el: HTMLElement; frame: HTMLIFrameElement | null }): Element[] {
  const out: Element[] = [target.el]
  if (!target.frame) return out
  out.push(target.frame)
  const doc = target.frame.ownerDocument
  for (let a: Element | null = target.frame, i = 0; a && i < 8; a = a.parentElement, i++) {
    const id = a.id
    const replaced = id.startsWith("cke_")
      ? doc.getElementById(id.slice(4))
      : id.endsWith("_ifr")
        ? doc.getElementById(id.slice(0, -4))
        : null
    if (replaced) out.push(replaced)
  }
  return out
}

function matchesSelector(cands: Element[], selector: string): boolean | null {
  try {
    return cands.some((c) => c.closest(selector) !== null)
  } catch {
    return null // not a valid selector: no sign either way
  }
}

/** On / off / not found, read the ways CRMs show a pressed toggle or selected tab. */
function toggleState(doc: Document, selector: string): boolean | null {
  let el: Element | null
  try {
    el = doc.querySelector(selector)
  } catch {
    return null
  }
  if (!el) return null
  if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) return el.checked
  for (const attr of ["aria-pressed", "aria-checked", "aria-selected"]) {
    const v = el.getAttribute(attr)
    if (v === "true") return true
    if (v === "false") return false
  }
  return /(?:^|[\s_-])(?:active|selected|checked|current|on)(?:$|[\s_-])/i.test(el.className)
}

export interface HandoffHook {
  /** The sidebar connected (or asked again): send the blocks now. */
  refresh(): void
  /** Something on the page changed: send again soon, if the blocks changed. */
  changed(): void
  /** A `post-handoff` request from the sidebar. */
  post(msg: Extract<SidebarToPage, { type: "post-handoff" }>): Promise<PageToSidebar>
}

/**
 * Wires the blocks to the sidebar's port. `docs` gives the top document and the same-origin frames the
 * scanner reads; `target` the focused editor; `insert` the editor bridge's insert.
 */
export function createHandoffHook(opts: {
  signal: AbortSignal
  docs: () => Document[]
  skip: () => Element | null
  listening: () => boolean
  emit: (message: PageToSidebar) => void
  target: () => { el: HTMLElement; frame: HTMLIFrameElement | null } | null
  insert: (text: string) => Promise<{ ok: boolean; error?: string }>
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
    async post(msg) {
      const base = { type: "handoff-post-result" as const, requestId: String(msg.requestId) }
      const target = opts.target()
      if (!target) return { ...base, inserted: false, verdict: "unknown", error: "no editor" }
      const rule: InternalBoxRule = msg.rule ?? {}
      const cands = candidatesOf(target)
      const verdict: BoxVerdict = boxVerdict({
        urlMatches: rule.urlPattern ? urlMatches(rule.urlPattern, location.href) : null,
        selectorMatches: rule.selector ? matchesSelector(cands, rule.selector) : null,
        toggleOn: rule.toggleSelector ? toggleState(document, rule.toggleSelector) : null,
      })
      const suggestion = cands.map(selectorFor).find((s) => s !== undefined)
      const answer = (inserted: boolean, error?: string): PageToSidebar => {
        const r: PageToSidebar = { ...base, inserted, verdict }
        if (error) r.error = error.slice(0, 500)
        if (suggestion) r.suggestion = suggestion.slice(0, 300)
        return r
      }
      // Never into a box not known to be internal unless the agent said so for this very post.
      if (verdict !== "internal" && msg.confirmed !== true) return answer(false)
      const text = String(msg.text ?? "").slice(0, TEXT_MAX)
      const result = await opts.insert(text)
      return answer(result.ok, result.ok ? undefined : (result.error ?? "failed"))
    },
  }
}
