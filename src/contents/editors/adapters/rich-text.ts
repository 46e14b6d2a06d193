import type { EditorKind, HighlightSpan } from "~lib/protocol/types"

import { clearRangeHighlights, setRangeHighlights } from "../highlight"
import { rangeFor, readTextModel, selectionOffsets, type TextModel } from "../text-model"
import {
  type EditOutcome,
  type EditorAdapter,
  type Snapshot,
  sameText,
  settle,
  offsetByFrame,
} from "./adapter"
import { execInsertText } from "./text-control"

type Strategy = "exec-insert-text" | "paste" | "beforeinput" | "range-insert"

/**
 * Strategy order per editor, best first (what each editor's undo manager and model are known to see):
 * - CKEditor 4 and TinyMCE take a paste through their clipboard pipeline, which records an undo step;
 *   `execCommand` lands in their DOM (and the submitted value) but their undo managers miss it.
 * - CKEditor 5 only takes input through `beforeinput` (which `execCommand` does not fire in Chromium) and
 *   re-renders away any other DOM change: a paste, or a synthetic `beforeinput` carrying target ranges.
 * - Quill turns the DOM mutations of `execCommand("insertText")` into a user delta (undoable).
 *   Multi-line text goes as a paste, which it splits into lines.
 * - A plain contenteditable has the browser's own undo stack, which only `execCommand` joins.
 */
function strategies(kind: EditorKind, multiline: boolean): Strategy[] {
  switch (kind) {
    case "ckeditor4":
    case "tinymce":
      return ["paste", "exec-insert-text"]
    case "ckeditor5":
      return ["paste", "beforeinput"]
    case "quill":
      return multiline ? ["paste", "exec-insert-text"] : ["exec-insert-text", "paste"]
    default:
      return ["exec-insert-text", "paste", "range-insert"]
  }
}

/** How long to wait for an editor that took the edit to show it (CKEditor 4 pastes asynchronously). */
const SETTLE_MS = { handled: 1500, unhandled: 60 }

export class RichTextAdapter implements EditorAdapter {
  readonly frame: HTMLIFrameElement | null

  constructor(
    readonly el: HTMLElement,
    readonly kind: EditorKind,
    frame: HTMLIFrameElement | null,
  ) {
    this.frame = frame
  }

  private get doc(): Document {
    return this.el.ownerDocument
  }

  private get win(): (Window & typeof globalThis) | null {
    return this.doc.defaultView as (Window & typeof globalThis) | null
  }

  model(): TextModel {
    return readTextModel(this.el)
  }

  read(): Snapshot {
    const model = this.model()
    const snap: Snapshot = { text: model.text, selection: selectionOffsets(model, this.doc.getSelection()) }
    if (model.quoted.length) snap.quoted = model.quoted
    return snap
  }

  async edit(start: number, end: number, text: string): Promise<EditOutcome> {
    const before = this.model().text
    const expected = before.slice(0, start) + text + before.slice(end)
    const readText = () => this.model().text
    this.focus()
    for (const strategy of strategies(this.kind, text.includes("\n"))) {
      // Re-map each time: a strategy that did nothing may still have moved the selection.
      await this.select(start, end)
      const handled = this.run(strategy, text)
      const after = await settle(
        readText,
        expected,
        this.el,
        handled ? SETTLE_MS.handled : SETTLE_MS.unhandled,
      )
      if (after === expected || sameText(after, expected)) return { ok: true, via: strategy }
      // Never try a second strategy on top of a first one that changed something: it would double up.
      if (after !== before)
        return {
          ok: false,
          error: "editor-refused",
          detail: `${strategy}: the editor changed the text differently`,
        }
      // An editor that took the paste may still apply it later; a fallback now could double it.
      if (strategy === "paste" && handled)
        return { ok: false, error: "editor-refused", detail: "paste: handled but the text did not change" }
    }
    return { ok: false, error: "editor-refused", detail: `${this.kind}: no insertion strategy took effect` }
  }

  private focus(): void {
    // An iframe editor needs its window focused first, or the body's focus stays inside a blurred frame.
    if (this.frame) this.win?.focus()
    this.el.focus({ preventScroll: true })
  }

  /** Puts the DOM selection on [start, end) and lets the editor observe it (selectionchange is async). */
  private async select(start: number, end: number): Promise<void> {
    const sel = this.doc.getSelection()
    if (!sel) return
    const range = rangeFor(this.model(), start, end)
    const changed = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.doc.removeEventListener("selectionchange", done)
        resolve()
      }
      const timer = setTimeout(done, 50)
      this.doc.addEventListener("selectionchange", done)
    })
    sel.removeAllRanges()
    sel.addRange(range)
    await changed
  }

  /** Runs one strategy; true when the page took it (command executed, or the paste was handled). */
  private run(strategy: Strategy, text: string): boolean {
    const win = this.win
    switch (strategy) {
      case "exec-insert-text":
        return execInsertText(this.doc, text)
      case "paste": {
        const DT = win?.DataTransfer ?? DataTransfer
        const CE = win?.ClipboardEvent ?? ClipboardEvent
        const data = new DT()
        data.setData("text/plain", text)
        const event = new CE("paste", {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        })
        const target = this.doc.getSelection()?.anchorNode ?? this.el
        ;(target.nodeType === 1 ? target : (target.parentNode ?? this.el)).dispatchEvent(event)
        // A synthetic paste has no default action: it counts only if an editor handled it.
        return event.defaultPrevented
      }
      case "beforeinput": {
        const sel = this.doc.getSelection()
        if (!sel || sel.rangeCount === 0) return false
        const r = sel.getRangeAt(0)
        const SR = win?.StaticRange ?? StaticRange
        const IE = win?.InputEvent ?? InputEvent
        const event = new IE("beforeinput", {
          inputType: "insertText",
          data: text,
          bubbles: true,
          cancelable: true,
          composed: true,
          targetRanges: [new SR(r)],
        })
        this.el.dispatchEvent(event)
        return event.defaultPrevented
      }
      case "range-insert":
        return this.rangeInsert(text)
    }
  }

  /** Last resort for home-grown editors: edit the DOM and announce it; not on the undo stack. */
  private rangeInsert(text: string): boolean {
    const sel = this.doc.getSelection()
    if (!sel || sel.rangeCount === 0) return false
    const range = sel.getRangeAt(0)
    range.deleteContents()
    const frag = this.doc.createDocumentFragment()
    text.split("\n").forEach((line, i) => {
      if (i > 0) frag.append(this.doc.createElement("br"))
      if (line) frag.append(this.doc.createTextNode(line))
    })
    const last = frag.lastChild
    range.insertNode(frag)
    if (last) {
      range.setStartAfter(last)
      range.collapse(true)
      sel.removeAllRanges()
      sel.addRange(range)
    }
    const IE = this.win?.InputEvent ?? InputEvent
    this.el.dispatchEvent(new IE("input", { bubbles: true, inputType: "insertText", data: text }))
    return true
  }

  highlight(spans: HighlightSpan[]): void {
    const model = this.model()
    setRangeHighlights(
      this.doc,
      spans.map((s) => ({ range: rangeFor(model, s.start, s.end), severity: s.severity, muted: s.muted })),
    )
  }

  rectOf(start: number, end: number): { left: number; top: number; bottom: number } | null {
    const rects = rangeFor(this.model(), start, end).getClientRects()
    const r = rects[0]
    return r ? offsetByFrame(this.frame, r) : null
  }

  clearHighlights(): void {
    clearRangeHighlights(this.doc)
  }

  watch(onChange: () => void): () => void {
    // Editors change their DOM without input events (undo, toolbar, autocomplete): watch the subtree.
    const Observer = this.win?.MutationObserver ?? MutationObserver
    const obs = new Observer(onChange)
    obs.observe(this.el, { subtree: true, childList: true, characterData: true })
    return () => obs.disconnect()
  }
}
