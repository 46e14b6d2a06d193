/**
 * CS Sidekick's content script (registered per enabled site by the service worker, never declared
 * in the manifest). Thin glue that composes one module per channel: the page (page-events.ts), the
 * sidebar's port (sidebar-port.ts), the service worker (worker-channel.ts) and the reply editor
 * (editor-link.ts, whose code is a part loaded on demand). No React, zod or database here (the page's
 * origin must never see our data).
 */
import type { PageState, SiteConfig } from "~lib/protocol/types"
import { siteCovers } from "~lib/page/origin"
import { detectWaybills } from "~lib/waybill/detect"

import { createEditorLink } from "./editor-link"
import { createHandoffHook } from "./handoff-blocks"
import { type FrameWanted, whenFrameWanted } from "./frame-timing"
import { mountSidebarHost, type SidebarHost } from "./host"
import { createLifetime, later, type Lifetime, soon } from "./lifetime"
import { watchPage } from "./page-events"
import { buildPageState } from "./page-state"
import { type Detect, Scanner } from "./scanner"
import { openSidebarPorts } from "./sidebar-port"
import { ask, listenToWorker } from "./worker-channel"

const detect: Detect = (text, context) => detectWaybills(text, context)

/**
 * This copy's key for its own sidebar frame, put in the frame URL's fragment. The page cannot read
 * it (the frame sits in a closed shadow root), so a sidebar page that anyone else frames on this
 * site (web-accessible resources can be framed by any page) cannot connect to us.
 */
const FRAME_KEY = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
  b.toString(16).padStart(2, "0"),
).join("")

/**
 * Resolves once the page's own load work is done: its load event (or 3 s at most, for a page whose
 * images keep loading), then an idle moment (at most 500 ms later). Nothing of ours competes with the
 * CRM's first render and scripts, on a busy machine least of all.
 */
function pageSettled(): Promise<void> {
  return new Promise((resolve) => {
    let done = false
    const idle = () => {
      if (done) return
      done = true
      if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 500 })
      else setTimeout(resolve, 0)
    }
    if (document.readyState === "complete") return idle()
    window.addEventListener("load", idle, { once: true })
    setTimeout(idle, 3_000)
  })
}

/** Resolves once the page's HTML is parsed (at once when injected into a page that already is). */
function parsed(): Promise<void> {
  if (document.readyState !== "loading") return Promise.resolve()
  return new Promise((resolve) =>
    document.addEventListener("DOMContentLoaded", () => resolve(), { once: true }),
  )
}

/**
 * Registered at `document_start` (background/content-script.ts): a script Chrome runs at
 * `document_idle` holds the page's load event back until it has run (~10 % of the 10,000-row page's
 * load beside a busy CPU, bench/RESULTS.md stop 18); one that runs before the parse does not. So this
 * copy only asks for the site's config at the start (the service worker wakes while the page loads)
 * and touches nothing of the page before its HTML is parsed.
 */
async function boot(): Promise<void> {
  if (window.top !== window) return // same-origin frames are scanned from the top frame
  const configAsked = ask<SiteConfig>("site.config")
  await parsed()
  const life = createLifetime()
  // Listening from here: a click while the page finishes loading asks for the sidebar too.
  const frameWantedAt = whenFrameWanted({ signal: life.signal })
  const [config] = await Promise.all([configAsked, pageSettled()])
  if (!config || !life.check() || !siteCovers(config.origin, location.origin)) {
    life.end("site not enabled")
    return
  }
  run(life, config, frameWantedAt)
}

function run(life: Lifetime, initial: SiteConfig, frameWantedAt: Promise<FrameWanted>): void {
  const { signal } = life
  let config = initial
  let host: SidebarHost | null = null
  let agentChoice: string | null = null
  let focused: Element | null = null
  let selectionText = ""
  let lastUrl = location.href
  let lastSent = ""
  let stateQueued = false
  let framesSeen = 0
  const own = () => host?.element ?? null

  // The sidebar going away (its port disconnects, its frame reloads with an error page) is often the
  // first sign that the extension was reloaded or removed; the context may be invalidated a moment
  // later, so look again until it is clear.
  const checkContext = () => {
    if (life.check())
      for (const ms of [100, 1_000, 5_000, 15_000, 30_000]) later(() => life.check(), ms, signal)
  }

  const scanner = new Scanner({
    detect,
    signal,
    carrierHint: config.carrierHint,
    skip: own,
    onChange: () => {
      queueState()
      // A same-origin frame (a ticket history shown in an iframe) was read: look for blocks in it too.
      if (scanner.frameDocs.size !== framesSeen) {
        framesSeen = scanner.frameDocs.size
        handoffs.changed()
      }
    },
    schedule: (fn) => soon(fn, signal),
    onFrame: (doc) => editors.frame(doc),
  })

  // --- the page state ---
  // The item open in a list-and-detail page's reading pane: the agent's pick was for the one before.
  let openItem: string | undefined
  const state = (): PageState => {
    const s = build()
    if (s.item === openItem) return s
    const was = openItem
    openItem = s.item
    if (was === undefined || !agentChoice) return s
    agentChoice = null
    return build()
  }
  const build = (): PageState =>
    buildPageState({
      scanner,
      detect,
      doc: document,
      frames: [...scanner.frameDocs],
      host: own(),
      pinnedSelector: config.pinnedSelector,
      carrierHint: config.carrierHint,
      agentChoice,
      focused,
      selectionText,
    })
  // Built ahead while the page was quiet (before the sidebar's frame booted), until anything changes.
  let prepared: PageState | null = null
  const sendState = (force = false) => {
    if (!life.check() || !sidebars.listening()) return
    const s = prepared ?? state()
    prepared = null
    const json = JSON.stringify(s)
    if (!force && json === lastSent) return
    lastSent = json
    sidebars.post({ type: "page-state", state: s })
  }
  // Rebuilt at most every 150 ms, and only after something changed.
  function queueState(): void {
    prepared = null
    if (stateQueued) return
    stateQueued = true
    later(
      () => {
        stateQueued = false
        sendState()
      },
      150,
      signal,
    )
  }

  // --- the sidebar's port ---
  // Alt+1..3 in the reply editor applies the sidebar's first finding's suggestion 1..3. Taken from the
  // CRM only while the sidebar shows findings for exactly this draft; otherwise the keys pass through.
  let marked: { editorId: string; revision: number } | null = null
  const onEditorKey = (e: KeyboardEvent): void => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !marked) return
    const digit = /^(?:Digit|Numpad)([1-3])$/.exec(e.code)
    const target = e.composedPath()[0] as HTMLElement | undefined
    if (!digit || !target || !(target.isContentEditable || /^(?:TEXTAREA|INPUT)$/.test(target.tagName)))
      return
    const draft = editors.current()
    if (!draft || draft.editorId !== marked.editorId || draft.revision !== marked.revision) return
    e.preventDefault()
    e.stopPropagation()
    sidebars.post({ type: "shortcut", action: "apply-suggestion", index: Number(digit[1]) - 1 })
  }

  const sidebars = openSidebarPorts({
    signal,
    frameKey: FRAME_KEY,
    onGone: checkContext,
    onMessage(msg, reply) {
      if (!life.check()) return
      switch (msg.type) {
        case "hello": {
          host?.reveal()
          sendState(true)
          handoffs.refresh()
          const draft = editors.current()
          if (draft) reply({ type: "draft", draft })
          break
        }
        case "select-waybill":
          agentChoice = msg.number
          prepared = null
          sendState()
          break
        case "rescan":
          scanner.start(document)
          handoffs.refresh(true)
          break
        case "set-collapsed":
          host?.setCollapsed(msg.collapsed)
          break
        case "replace-range":
        case "insert-text": {
          const { requestId } = msg
          const done = msg.type === "replace-range" ? editors.replaceRange(msg) : editors.insertText(msg)
          void done
            .catch((err: unknown) => ({
              ok: false,
              error: "failed" as const,
              detail: String(err),
              draft: undefined,
            }))
            .then((r) => {
              if (!life.alive()) return
              reply({
                type: "edit-result",
                requestId,
                ok: r.ok,
                ...(r.error ? { error: r.error } : {}),
                ...(r.detail ? { detail: r.detail.slice(0, 500) } : {}),
                ...(r.draft ? { draft: r.draft } : {}),
              })
            })
          break
        }
        case "post-handoff":
          void editors.postHandoff(msg).then((r) => life.alive() && reply(r))
          break
        case "highlight":
          editors.highlight(msg.editorId, msg.revision, msg.spans)
          marked = msg.spans.length > 0 ? { editorId: msg.editorId, revision: msg.revision } : null
          break
      }
    },
  })

  // The agent's reply editor: drafts go to the sidebar, edits and highlights come back.
  const editors = createEditorLink({ signal, own, post: sidebars.post, onKeyDown: onEditorKey })

  // Handoff blocks in the ticket (issue 12): raw texts to the sidebar.
  const handoffs = createHandoffHook({
    signal,
    docs: () => [document, ...scanner.frameDocs],
    skip: own,
    listening: sidebars.listening,
    emit: sidebars.post,
  })

  // The sidebar's frame comes when the page is quiet or the agent acts (frame-timing.ts). When the page
  // is quiet, what the sidebar asks for first (the page state, the handoff blocks) is read before its
  // frame boots, not while it boots: the page's thread and the sidebar's process never compete for
  // a core then (bench/RESULTS.md, stop 15). When the agent acts, the frame comes at once.
  let frameWanted = false
  const wantFrame = () => {
    frameWanted = true
    host?.loadFrame()
  }
  void frameWantedAt.then((why) => {
    if (!life.check()) return
    if (why === "act") return wantFrame()
    prepared = state()
    handoffs.prepare(wantFrame)
  })
  const showHost = (show: boolean) => {
    if (show && !host) {
      host = mountSidebarHost({
        src: `${chrome.runtime.getURL("tabs/sidebar.html")}#k=${FRAME_KEY}`,
        signal,
        onFrameLoad: checkContext,
      })
      if (frameWanted) host.loadFrame()
    } else if (!show && host) {
      host.remove()
      host = null
    }
  }

  // --- the service worker ---
  listenToWorker({
    signal,
    onToggle: () => {
      wantFrame()
      host?.toggle()
    },
    onTeardown: () => life.end("teardown"),
    onMode: (mode) => life.check() && showHost(mode === "inpage"),
    onConfig(c) {
      if (!life.check()) return
      if (!c || !siteCovers(c.origin, location.origin)) return life.end("site disabled")
      const rescan = c.pinnedSelector !== config.pinnedSelector || c.carrierHint !== config.carrierHint
      config = c
      showHost(c.sidebarMode !== "sidepanel")
      if (rescan) {
        scanner.carrierHint = c.carrierHint
        scanner.start(document)
      }
    },
  })

  // --- the page ---
  const checkUrl = () => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    agentChoice = null // a new ticket: the agent's pick was for the old one
    selectionText = ""
    scanner.start(document)
    queueState()
  }
  watchPage({
    signal,
    own,
    onField: scanner.onFieldEvent,
    onFocus(target) {
      focused = target
      editors.focused(target)
      scanner.refreshField(target)
      queueState()
    },
    onSelection(text) {
      if (text === selectionText) return
      selectionText = text
      queueState()
    },
    onUrl: checkUrl,
    // Our own panel coming and going is no reason to look for handoff blocks again.
    onMutation: (added) => handoffs.changed(added),
    onHostLost: () => host?.reattach(),
  })

  signal.addEventListener(
    "abort",
    () => {
      host?.remove()
      host = null
    },
    { once: true },
  )

  showHost(config.sidebarMode !== "sidepanel")
  scanner.start(document)
}

void boot()
