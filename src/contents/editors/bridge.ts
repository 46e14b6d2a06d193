import type {
  Draft,
  EditAnswer,
  HighlightSpan,
  InsertTextRequest,
  ReplaceRangeRequest,
} from "~lib/protocol/types"

import { type EditOutcome, type EditorAdapter, isAttached } from "./adapters/adapter"
import { RichTextAdapter } from "./adapters/rich-text"
import { TextControlAdapter } from "./adapters/text-control"
import { findEditor } from "./detect"
import { removeHighlightSheet } from "./highlight"
import { closeOnEscapeIn, createFindingCard, type FindingCard } from "./finding-card"
import { isSendKey, SEND_DEDUPE_MS, sendButtonOf } from "./send-watch"

export interface EditorBridgeOptions {
  root: Document
  signal: AbortSignal
  onDraft(d: Draft): void
  onDraftGone(): void
  /** At most one draft per this many ms while the agent types (the first one at once); default 50. */
  debounceMs?: number
  /** Our own UI (the sidebar host): never an editor. */
  isOwnElement?(el: Element): boolean
  /** Keydowns (capture phase) in every document the bridge watches, editor iframes included. */
  onKeyDown?(e: KeyboardEvent): void
  /** The CRM's own send of the reply (its text just before the CRM clears the box). */
  onSent?(draft: Draft, via: "submit" | "click" | "key"): void
  /**
   * A click on an underline in the reply box, or Alt+Enter with the caret in one: the span (as the
   * sidebar sent it) and where it is drawn. Without it, and with `onApplyFix`, the bridge shows its
   * own finding card there.
   */
  onUnderline?(hit: UnderlineHit): void
  /** The agent applied the fix on the finding card (the sidebar applies it, for that revision). */
  onApplyFix?(fix: { editorId: string; revision: number; start: number; end: number }): void
}

export interface UnderlineHit {
  editorId: string
  revision: number
  span: HighlightSpan
  rect: { left: number; top: number; bottom: number }
  via: "click" | "key"
  /** The editor's document (an iframe's for CKEditor 4 / TinyMCE): Esc there closes the card too. */
  doc: Document
}

export interface EditResult extends EditAnswer {
  /** Which strategy made the edit (diagnostics). */
  via?: string
}

// The requests are the port messages' own shapes (one home: the protocol).
export type { InsertTextRequest, ReplaceRangeRequest }

export interface EditorBridge {
  replaceRange(req: ReplaceRangeRequest): Promise<EditResult>
  insertText(req: InsertTextRequest): Promise<EditResult>
  highlight(editorId: string, revision: number, spans: HighlightSpan[]): void
  current(): Draft | null
  /** The focused (or last focused) editor's element and iframe, while it is on the page. */
  target(): { el: HTMLElement; frame: HTMLIFrameElement | null } | null
}

/** Per-editor state the bridge keeps between reads. */
interface Tracked {
  id: string
  adapter: EditorAdapter
  text: string
  selection: Draft["selection"]
  revision: number
  quoted?: Draft["quoted"]
  /** The spans last drawn, and for which revision. */
  spans?: HighlightSpan[]
  spansRevision?: number
  /** Typing took the marks down (they would drift); up again if the text comes back the same. */
  marksDown?: boolean
}

/**
 * Follows the agent's focus to the reply editor, reports its draft (debounced), and performs edits
 * and highlights on request. Every listener and observer ends with `signal`.
 */
export function createEditorBridge(opts: EditorBridgeOptions): EditorBridge {
  const { root, signal } = opts
  // Leading edge + trailing send, not a plain debounce: a 120 ms debounce alone already spent the
  // whole 100 ms keystroke-to-finding budget (bench/browser.bench.ts). The first change after a
  // quiet spell goes out in the next task; changes within the window are coalesced into one send
  // at its end, so a fast typist still costs at most 1000 / debounceMs reads and messages a second.
  const debounceMs = opts.debounceMs ?? 50
  // Ids live in our memory, never as attributes on the CRM's DOM.
  const byElement = new WeakMap<Element, Tracked>()
  const byId = new Map<string, WeakRef<Tracked>>()
  const docs = new WeakMap<Document, AbortController>()
  const frames = new WeakSet<HTMLIFrameElement>()
  const touchedDocs = new Set<WeakRef<Document>>()
  let nextId = 1
  let current: Tracked | null = null
  let stopWatching: (() => void) | null = null
  let lastDraft: Draft | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastFlush = -Infinity
  const cancel = (): void => {
    clearTimeout(timer)
    timer = undefined
  }

  const frameOf = (doc: Document): HTMLIFrameElement | null => {
    if (doc === root) return null
    try {
      const fe = doc.defaultView?.frameElement
      return fe && fe.tagName.toUpperCase() === "IFRAME" ? (fe as HTMLIFrameElement) : null
    } catch {
      return null
    }
  }

  const track = (target: Element): Tracked | null => {
    const found = findEditor(target)
    if (!found || opts.isOwnElement?.(found.el)) return null
    const known = byElement.get(found.el)
    if (known) return known
    const frame = frameOf(found.el.ownerDocument)
    const adapter =
      found.kind === "textarea" || found.kind === "input"
        ? new TextControlAdapter(found.el as HTMLTextAreaElement, found.kind, frame)
        : new RichTextAdapter(found.el, found.kind, frame)
    const snap = adapter.read()
    const t: Tracked = {
      id: `editor-${nextId++}`,
      adapter,
      text: snap.text,
      selection: snap.selection,
      revision: 1,
      quoted: snap.quoted,
    }
    byElement.set(found.el, t)
    byId.set(t.id, new WeakRef(t))
    touchedDocs.add(new WeakRef(found.el.ownerDocument))
    return t
  }

  const draftOf = (t: Tracked): Draft => ({
    editorId: t.id,
    kind: t.adapter.kind,
    text: t.text,
    selection: t.selection,
    revision: t.revision,
    ...(t.quoted ? { quoted: t.quoted } : {}),
  })

  /** Reads the editor now; bumps the revision (and drops highlights) if the text moved on. */
  const refresh = (t: Tracked): void => {
    const snap = t.adapter.read()
    if (snap.text !== t.text) {
      t.text = snap.text
      t.quoted = snap.quoted
      t.revision++
      t.adapter.clearHighlights()
    } else if (t.marksDown && t.spans?.length && t.spansRevision === t.revision) {
      // Select all + retype the same words: no new revision, so no new marks would come from the sidebar.
      t.adapter.highlight(t.spans)
    }
    t.marksDown = false
    t.selection = snap.selection ?? t.selection
  }

  const emit = (t: Tracked): void => {
    const d = draftOf(t)
    const same =
      lastDraft &&
      lastDraft.editorId === d.editorId &&
      lastDraft.revision === d.revision &&
      lastDraft.selection?.start === d.selection?.start &&
      lastDraft.selection?.end === d.selection?.end
    if (same) return
    lastDraft = d
    opts.onDraft(d)
  }

  const gone = (): void => {
    current?.adapter.clearHighlights()
    stopWatching?.()
    stopWatching = null
    current = null
    cancel()
    if (lastDraft) {
      lastDraft = null
      opts.onDraftGone()
    }
  }

  const flush = (): void => {
    cancel()
    lastFlush = performance.now()
    if (!current) return
    if (!isAttached(current.adapter)) return gone()
    refresh(current)
    emit(current)
  }

  const schedule = (): void => {
    if (timer !== undefined) return // a send is due; it reads the editor then, not now
    // Not synchronously: the editor's own handlers of this event may not have run yet.
    timer = setTimeout(flush, Math.max(0, lastFlush + debounceMs - performance.now()))
  }

  const focusOn = (t: Tracked): void => {
    if (current !== t) {
      current?.adapter.clearHighlights()
      stopWatching?.()
      current = t
      stopWatching = t.adapter.watch(schedule)
    }
    flush()
  }

  const consider = (target: Element): void => {
    if (current && !isAttached(current.adapter)) gone()
    if (target.tagName.toUpperCase() === "IFRAME") {
      // Focus went into a same-origin editor iframe: its document has its own events.
      const doc = attachFrame(target as HTMLIFrameElement, false)
      if (doc?.activeElement) consider(doc.activeElement)
      return
    }
    const t = track(target)
    if (t) focusOn(t)
  }

  const onFocusIn = (e: Event): void => {
    // composedPath()[0] reaches into the page's open shadow roots.
    const target = (e.composedPath()[0] ?? e.target) as Element | null
    if (target && target.nodeType === 1) consider(target)
  }

  const isCurrentTarget = (e: Event): boolean => {
    if (!current) return false
    const target = e.composedPath()[0] as Node | undefined
    return !!target && (target === current.adapter.el || current.adapter.el.contains(target))
  }

  const onInput = (e: Event): void => {
    if (!isCurrentTarget(e)) return
    // Marks would drift while the text changes; the sidebar sends new ones for the new revision.
    if (current) {
      current.adapter.clearHighlights()
      current.marksDown = true
    }
    schedule()
  }

  const onSelectionChange = (e: Event): void => {
    // Fired at the document, or (newer Chromium) at the text control itself.
    const n = e.target as Node | null
    const doc = n?.nodeType === 9 ? n : n?.ownerDocument
    if (current && doc === current.adapter.el.ownerDocument) schedule()
  }

  // The CRM's send: what the box holds at that moment goes to onSent, once per text and moment.
  let lastSentText = ""
  let lastSentAt = -Infinity
  const sent = (via: "submit" | "click" | "key"): void => {
    const t = current
    if (!t || !opts.onSent || !isAttached(t.adapter)) return
    refresh(t)
    const now = performance.now()
    if (!t.text.trim() || (t.text === lastSentText && now - lastSentAt < SEND_DEDUPE_MS)) return
    lastSentText = t.text
    lastSentAt = now
    opts.onSent(draftOf(t), via)
  }
  const onSubmit = (e: Event): void => {
    const form = e.target as Element | null
    const el = current?.adapter.el
    if (!form || !el) return
    const frame = frameOf(el.ownerDocument)
    if (form.contains(el) || (frame && form.contains(frame))) sent("submit")
  }
  const onClick = (e: Event): void => {
    if (current && sendButtonOf(e.composedPath()[0] as Element | null)) sent("click")
  }
  const onSendKey = (e: KeyboardEvent): void => {
    if (isSendKey(e) && isCurrentTarget(e)) sent("key")
  }

  // The finding card: a click on an underline, or Alt+Enter with the caret in one.
  const onApplyFix = opts.onApplyFix
  let card: FindingCard | null = null
  const showCard = (hit: UnderlineHit): void => {
    if (!onApplyFix) return
    card ??= createFindingCard({ doc: root, signal, onApply: (f) => onApplyFix(f) })
    const { span } = hit
    card.show(
      {
        editorId: hit.editorId,
        revision: hit.revision,
        start: span.start,
        end: span.end,
        severity: span.severity,
        reason: span.reason ?? "",
        ...(span.fix ? { fix: span.fix } : {}),
      },
      hit.rect,
      hit.via === "key",
    )
  }
  const onUnderline = opts.onUnderline ?? (onApplyFix ? showCard : undefined)
  const underline = (e: Event, via: "click" | "key"): boolean => {
    const t = current
    if (!t || !onUnderline || !isCurrentTarget(e)) return false
    refresh(t)
    const sel = t.selection
    if (!sel || sel.start !== sel.end || t.spansRevision !== t.revision) return false
    const span = t.spans?.find((s) => !s.muted && s.reason && s.start <= sel.start && sel.start <= s.end)
    const rect = span && t.adapter.rectOf(span.start, span.end)
    if (!span || !rect) return false
    onUnderline({
      editorId: t.id,
      revision: t.revision,
      span,
      rect,
      via,
      doc: t.adapter.el.ownerDocument,
    })
    return true
  }
  const onUnderlineClick = (e: Event): void => void underline(e, "click")
  const onUnderlineKey = (e: KeyboardEvent): void => {
    if (e.key !== "Enter" || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return
    if (underline(e, "key")) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  function attachDoc(doc: Document): void {
    docs.get(doc)?.abort()
    const ac = new AbortController()
    docs.set(doc, ac)
    const o = { capture: true, signal: AbortSignal.any([signal, ac.signal]) }
    doc.addEventListener("focusin", onFocusIn, o)
    doc.addEventListener("input", onInput, o)
    doc.addEventListener("selectionchange", onSelectionChange, o)
    if (opts.onKeyDown) doc.addEventListener("keydown", opts.onKeyDown, o)
    if (onUnderline) {
      doc.addEventListener("click", onUnderlineClick, o)
      doc.addEventListener("keydown", onUnderlineKey, o)
      // Esc in an editor iframe closes the card (it listens on the top document itself).
      if (doc !== root)
        closeOnEscapeIn(
          doc,
          {
            get open() {
              return card?.open ?? false
            },
            close: () => card?.close(),
          },
          o.signal,
        )
    }
    if (opts.onSent) {
      doc.addEventListener("submit", onSubmit, o)
      doc.addEventListener("click", onClick, o)
      doc.addEventListener("keydown", onSendKey, o)
    }
    // Focus inside an iframe never reaches the parent document's listeners, so editor iframes
    // (CKEditor 4, TinyMCE) are attached as they appear. The callback only looks for iframes and
    // checks that the current editor is still on the page.
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver
    const obs = new Observer((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue
          const el = n as Element
          if (el.tagName.toUpperCase() === "IFRAME") attachFrame(el as HTMLIFrameElement, false)
          else if (el.firstElementChild)
            for (const f of el.getElementsByTagName("iframe")) attachFrame(f, false)
        }
      }
      if (current && !isAttached(current.adapter)) gone()
    })
    obs.observe(doc.documentElement ?? doc, { childList: true, subtree: true })
    o.signal.addEventListener("abort", () => obs.disconnect(), { once: true })
    for (const f of doc.getElementsByTagName("iframe")) attachFrame(f, false)
  }

  function attachFrame(frame: HTMLIFrameElement, reload: boolean): Document | null {
    let doc: Document | null = null
    try {
      doc = frame.contentDocument // null or throws for cross-origin frames: not ours to read
    } catch {
      return null
    }
    if (!doc) return null
    if (reload || !docs.has(doc)) attachDoc(doc)
    if (!frames.has(frame)) {
      frames.add(frame)
      // Editors write their iframe with document.open(), which drops listeners: re-attach on each load.
      frame.addEventListener("load", () => attachFrame(frame, true), { signal })
    }
    return doc
  }

  attachDoc(root)
  signal.addEventListener(
    "abort",
    () => {
      cancel()
      current?.adapter.clearHighlights()
      stopWatching?.()
      for (const ref of touchedDocs) {
        const d = ref.deref()
        if (d) removeHighlightSheet(d)
      }
      current = null
    },
    { once: true },
  )
  // The agent may already be in an editor when we start.
  if (root.activeElement) consider(root.activeElement)

  const lookup = (editorId: string | undefined): Tracked | null => {
    const t = editorId ? (byId.get(editorId)?.deref() ?? null) : current
    return t && isAttached(t.adapter) ? t : null
  }

  const afterEdit = (t: Tracked, outcome: EditOutcome): EditResult => {
    refresh(t)
    if (current === t) {
      cancel()
      emit(t)
    }
    return {
      ok: outcome.ok,
      error: outcome.error,
      detail: outcome.detail,
      via: outcome.via,
      draft: draftOf(t),
    }
  }

  // One edit at a time: a second request waits for the first to be verified.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    replaceRange: (req) =>
      serial(async () => {
        if (signal.aborted) return { ok: false, error: "stopped" }
        const t = lookup(req.editorId)
        if (!t) return { ok: false, error: "no-editor" }
        refresh(t)
        const { start, end } = req
        if (req.revision !== t.revision) return { ok: false, error: "stale-revision", draft: draftOf(t) }
        if (start > end || t.text.slice(start, end) !== req.expected) {
          return { ok: false, error: "range-mismatch", draft: draftOf(t) }
        }
        return afterEdit(t, await t.adapter.edit(start, end, req.text))
      }),

    insertText: (req) =>
      serial(async () => {
        if (signal.aborted) return { ok: false, error: "stopped" }
        const t = lookup(req.editorId)
        if (!t) return { ok: false, error: "no-editor" }
        const known = t.text
        const snap = t.adapter.read()
        // The live caret if the editor still has one; else where it was when we last read it.
        const sel = snap.selection ?? (snap.text === known ? t.selection : null)
        const at = sel ?? { start: snap.text.length, end: snap.text.length }
        refresh(t)
        return afterEdit(t, await t.adapter.edit(at.start, at.end, req.text))
      }),

    highlight(editorId, revision, spans) {
      const t = lookup(editorId)
      if (!t || signal.aborted) return
      refresh(t)
      if (t.revision !== revision) return // drawn for text that is no longer there
      const valid = spans.filter((s) => s.start >= 0 && s.end <= t.text.length && s.start < s.end)
      t.spans = valid
      t.spansRevision = revision
      // A card for words that are no longer there goes.
      if (card?.shown && (card.shown.editorId !== editorId || card.shown.revision !== revision)) card.close()
      if (valid.length === 0) t.adapter.clearHighlights()
      else t.adapter.highlight(valid)
    },

    current: () => lastDraft,

    target() {
      const t = lookup(undefined)
      return t ? { el: t.adapter.el, frame: t.adapter.frame } : null
    },
  }
}
