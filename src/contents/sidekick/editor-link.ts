/**
 * The core's handle on the reply editor. The editor code itself is the editor part (editors/part.ts),
 * loaded the first time something may be a reply box (focus in a text field, a contenteditable or a
 * frame) or the sidebar asks for an edit: a page the agent only reads never pays for it.
 */
import type { Draft, HighlightSpan, PageToSidebar, SidebarToPage } from "~lib/protocol/types"

import type { EditorBridge, EditResult, ReplaceRangeRequest } from "../editors/bridge"
import type { EditorPart } from "../editors/part-api"
import { loadPart } from "./parts"

export interface EditorLinkOptions {
  signal: AbortSignal
  /** Our own UI (the sidebar host): never an editor, never a trigger. */
  own: () => Element | null
  post: (message: PageToSidebar) => void
  onKeyDown: (e: KeyboardEvent) => void
}

export interface EditorLink {
  /** A same-origin frame's document (from the scanner): focus in it loads the editor part. */
  frame(doc: Document): void
  /** Focus went to this element: load the editor part if it may be a reply box. */
  focused(el: Element): void
  current(): Draft | null
  highlight(editorId: string, revision: number, spans: HighlightSpan[]): void
  replaceRange(req: ReplaceRangeRequest): Promise<EditResult>
  insertText(req: { editorId?: string; text: string }): Promise<EditResult>
  postHandoff(msg: Extract<SidebarToPage, { type: "post-handoff" }>): Promise<PageToSidebar>
}

/** Elements that may be (or hold) the agent's reply box. */
export function mayBeEditor(el: Element): boolean {
  return (
    (el as HTMLElement).isContentEditable === true || /^(?:TEXTAREA|INPUT|IFRAME|FRAME)$/.test(el.tagName)
  )
}

const NOT_LOADED: EditResult = { ok: false, error: "no-editor" }

export function createEditorLink(opts: EditorLinkOptions): EditorLink {
  const { signal } = opts
  let bridge: EditorBridge | null = null
  let part: EditorPart | null = null
  let pending: Promise<EditorBridge | null> | null = null

  const ensure = (): Promise<EditorBridge | null> => {
    if (bridge) return Promise.resolve(bridge)
    pending ??= loadPart("editor").then((api) => {
      pending = null
      if (!api || signal.aborted) return null
      part = api
      bridge ??= api.createEditorBridge({
        root: document,
        signal,
        onDraft: (draft) => opts.post({ type: "draft", draft }),
        onDraftGone: () => opts.post({ type: "draft-gone" }),
        isOwnElement: (el) => !!opts.own()?.contains(el),
        onKeyDown: opts.onKeyDown,
        onApplyFix: (fix) => opts.post({ type: "apply-fix", ...fix }),
        onSent: (draft, via) =>
          opts.post({ type: "sent", draft, via, customer: api.customerTexts(document, opts.own()) }),
      })
      return bridge
    })
    return pending
  }

  // Focus inside a same-origin editor frame (CKEditor 4, TinyMCE) reaches only that frame's document:
  // each frame document the scanner reaches gets one listener until the part is here. A real browser
  // also blurs the top window then (a headless one may not).
  const trigger = () => void ensure()
  const onBlur = () => {
    const el = document.activeElement
    if (el && (el.tagName === "IFRAME" || el.tagName === "FRAME") && !opts.own()?.contains(el)) trigger()
  }
  window.addEventListener("blur", onBlur, { passive: true, signal })
  // The agent may already be in the reply box when we start.
  const active = document.activeElement
  if (active && active !== document.body && mayBeEditor(active)) trigger()

  return {
    frame(doc) {
      if (!bridge) doc.addEventListener("focusin", trigger, { capture: true, once: true, signal })
    },
    focused(el) {
      if (!bridge && mayBeEditor(el)) void ensure()
    },
    current: () => bridge?.current() ?? null,
    highlight(editorId, revision, spans) {
      // Highlights are for a draft the bridge sent: without the bridge there is none to mark.
      bridge?.highlight(editorId, revision, spans)
    },
    replaceRange: async (req) => (await ensure())?.replaceRange(req) ?? NOT_LOADED,
    insertText: async (req) => (await ensure())?.insertText(req) ?? NOT_LOADED,
    async postHandoff(msg) {
      const b = await ensure()
      if (!b || !part) {
        return {
          type: "handoff-post-result",
          requestId: String(msg.requestId),
          inserted: false,
          verdict: "unknown",
          error: "no-editor",
        }
      }
      return part.postHandoff(msg, b.target(), (text) => b.insertText({ text }))
    },
  }
}
