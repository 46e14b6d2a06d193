import type { EditorKind, HighlightSpan } from "~lib/protocol/types"

import { showOverlay, type OverlayHandle } from "../overlay"
import { MAX_DRAFT_CHARS } from "../text-model"
import { type EditOutcome, type EditorAdapter, type Snapshot, offsetByFrame } from "./adapter"

type TextControl = HTMLTextAreaElement | HTMLInputElement

/**
 * Prototype value setter of the element's own realm. React and Vue wrap `value` on the instance to
 * track it; the prototype setter bypasses that, so the following input event reads as a change.
 */
function nativeValueSetter(el: TextControl): ((v: string) => void) | null {
  const win = el.ownerDocument.defaultView
  const proto = el.tagName.toUpperCase() === "TEXTAREA" ? win?.HTMLTextAreaElement : win?.HTMLInputElement
  const set = proto && Object.getOwnPropertyDescriptor(proto.prototype, "value")?.set
  return set ? (v: string) => set.call(el, v) : null
}

/** `execCommand` is deprecated but still the only way into the native undo stack; it may be missing. */
export function execInsertText(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === "function" && doc.execCommand("insertText", false, text)
  } catch {
    return false
  }
}

export class TextControlAdapter implements EditorAdapter {
  readonly frame: HTMLIFrameElement | null
  private overlay: OverlayHandle | null = null

  constructor(
    readonly el: TextControl,
    readonly kind: EditorKind,
    frame: HTMLIFrameElement | null,
  ) {
    this.frame = frame
  }

  read(): Snapshot {
    const text = this.el.value.slice(0, MAX_DRAFT_CHARS)
    const s = this.el.selectionStart
    const e = this.el.selectionEnd
    const clamp = (n: number) => Math.min(n, text.length)
    return { text, selection: s === null || e === null ? null : { start: clamp(s), end: clamp(e) } }
  }

  async edit(start: number, end: number, text: string): Promise<EditOutcome> {
    const el = this.el
    const before = el.value
    const expected = before.slice(0, start) + text + before.slice(end)
    el.focus({ preventScroll: true })
    el.setSelectionRange(start, end)

    // 1. The browser's own editing: fires beforeinput/input (React/Vue see it) and joins native undo.
    execInsertText(el.ownerDocument, text)
    if (el.value === expected) return { ok: true, via: "exec-insert-text" }
    if (el.value !== before)
      return { ok: false, error: "editor-refused", detail: "the editor changed the text differently" }

    // 2. Native setter + input event: the framework sees it; native undo does not.
    const set = nativeValueSetter(el)
    if (set) {
      set(expected)
      el.setSelectionRange(start + text.length, start + text.length)
      const Ev = el.ownerDocument.defaultView?.InputEvent ?? InputEvent
      el.dispatchEvent(new Ev("input", { bubbles: true, inputType: "insertText", data: text }))
      if (el.value === expected) return { ok: true, via: "value-setter" }
    }
    return { ok: false, error: "editor-refused", detail: "the text field did not accept the text" }
  }

  highlight(spans: HighlightSpan[]): void {
    this.clearHighlights()
    if (spans.length > 0) this.overlay = showOverlay(this.el, spans)
  }

  rectOf(start: number, end: number): { left: number; top: number; bottom: number } | null {
    const r = this.overlay?.rectOf(start, end)
    if (!r) return null
    return offsetByFrame(this.frame, r)
  }

  clearHighlights(): void {
    this.overlay?.remove()
    this.overlay = null
  }

  watch(): () => void {
    // Typing arrives as input events, which the bridge already listens to.
    return () => {}
  }
}
