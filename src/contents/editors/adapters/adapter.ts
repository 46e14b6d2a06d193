import type { EditAnswer, EditorKind, HighlightSpan } from "~lib/protocol/types"

export interface Snapshot {
  text: string
  selection: { start: number; end: number } | null
  /** `<blockquote>` ranges of `text` (quoted earlier messages), when there are any. */
  quoted?: { start: number; end: number }[]
}

/** An adapter's edit: the page's answer without the draft (the bridge reads that after the edit). */
export interface EditOutcome extends Omit<EditAnswer, "draft"> {
  /** The strategy that made the edit, for diagnostics ("exec-insert-text", "paste", …). */
  via?: string
}

/** One reply editor on the page: reads its plain text and edits it so the host app registers it. */
export interface EditorAdapter {
  readonly kind: EditorKind
  /** The textarea/input, or the editing host. */
  readonly el: HTMLElement
  /** The iframe holding the editor's document, for iframe editors. */
  readonly frame: HTMLIFrameElement | null
  read(): Snapshot
  /** Replaces [start, end) of the current text with `text`, then checks that it took. */
  edit(start: number, end: number, text: string): Promise<EditOutcome>
  highlight(spans: HighlightSpan[]): void
  clearHighlights(): void
  /** Where [start, end) is drawn, in the top document's viewport (for the finding card). */
  rectOf(start: number, end: number): { left: number; top: number; bottom: number } | null
  /** Calls `onChange` when the text may have changed by other means than input events. */
  watch(onChange: () => void): () => void
}

/** Still on the page (for iframe editors: the iframe too, and it still shows this document). */
export function isAttached(a: EditorAdapter): boolean {
  if (!a.el.isConnected) return false
  return !a.frame || (a.frame.isConnected && a.frame.contentDocument === a.el.ownerDocument)
}

/**
 * Resolves with `read()` once it returns `expected`, or after `timeoutMs` (editors that apply a
 * paste asynchronously, like CKEditor 4, need a moment). Woken by DOM mutations, not polling.
 */
export function settle(
  read: () => string,
  expected: string,
  target: Node,
  timeoutMs: number,
): Promise<string> {
  const now = read()
  if (now === expected || timeoutMs <= 0) return Promise.resolve(now)
  const Observer = target.ownerDocument?.defaultView?.MutationObserver ?? MutationObserver
  return new Promise((resolve) => {
    let done = false
    const finish = () => {
      if (done) return
      done = true
      obs.disconnect()
      clearTimeout(timer)
      resolve(read())
    }
    const obs = new Observer(() => {
      if (read() === expected) finish()
    })
    obs.observe(target, { subtree: true, childList: true, characterData: true, attributes: false })
    const timer = setTimeout(finish, timeoutMs)
  })
}

/** Whitespace-insensitive comparison: editors may turn a space into nbsp or trim a trailing newline. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim()
  return norm(a) === norm(b)
}

/** A rect inside an editor iframe, moved into the top document's viewport. */
export function offsetByFrame(
  frame: HTMLIFrameElement | null,
  r: { left: number; top: number; bottom: number },
): { left: number; top: number; bottom: number } {
  if (!frame) return { left: r.left, top: r.top, bottom: r.bottom }
  const f = frame.getBoundingClientRect()
  const x = f.left + frame.clientLeft
  const y = f.top + frame.clientTop
  return { left: r.left + x, top: r.top + y, bottom: r.bottom + y }
}
