/**
 * CS Sidekick's content script (registered per enabled site by the service worker, never declared
 * in the manifest). Thin glue: scans the page for waybills, hosts the sidebar frame and answers the
 * sidebar's port. No React, zod or database here (the page's origin must never see our data).
 */
import type {
  BackgroundToPage,
  PageState,
  PageToSidebar,
  SidebarToPage,
  SiteConfig,
} from "~lib/protocol/types"
import { SIDEBAR_MODE_KEY, SIDEBAR_PORT, WAYBILL_SHAPE } from "~lib/protocol/types"
import { siteCovers } from "~lib/page/origin"
import { detectWaybills } from "~lib/waybill/detect"

import { createEditorBridge } from "../editors/bridge"
import { customerTexts } from "./customer-turns"
import { createHandoffHook } from "./handoff-blocks"
import { mountSidebarHost, type SidebarHost } from "./host"
import { createLifetime, later, type Lifetime, soon } from "./lifetime"
import { buildPageState } from "./page-state"
import { type Detect, Scanner } from "./scanner"

const detect: Detect = (text, context) => detectWaybills(text, context)

function ask<T>(name: string): Promise<T | null> {
  return chrome.runtime.sendMessage({ name, body: {} }).then(
    (r: unknown) => (r ?? null) as T | null,
    () => null,
  )
}

/**
 * This copy's key for its own sidebar frame, put in the frame URL's fragment. The page cannot read
 * it (the frame sits in a closed shadow root), so a sidebar page that anyone else frames on this
 * site (web-accessible resources can be framed by any page) cannot connect to us.
 */
const FRAME_KEY = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
  b.toString(16).padStart(2, "0"),
).join("")

/** A port from our own sidebar frame or the side panel, nothing else. */
function trustedPort(port: chrome.runtime.Port): boolean {
  const sender = port.sender
  if (port.name !== SIDEBAR_PORT || sender?.id !== chrome.runtime.id) return false
  const url = sender.url ?? ""
  if (!/^(chrome|moz)-extension:\/\//.test(url)) return false
  // The side panel is not web-accessible (no page can frame it); our in-page frame carries the key.
  if (new URL(url).pathname === "/sidepanel.html") return true
  return url.endsWith(`#k=${FRAME_KEY}`)
}

async function boot(): Promise<void> {
  if (window.top !== window) return // same-origin frames are scanned from the top frame
  const life = createLifetime()
  const config = await ask<SiteConfig>("site.config")
  if (!config || !life.alive() || !siteCovers(config.origin, location.origin)) {
    life.end("site not enabled")
    return
  }
  run(life, config)
}

/** A mutation that only added or removed our own sidebar host. */
function onlyOwn(r: MutationRecord, own: Element): boolean {
  const nodes = [...r.addedNodes, ...r.removedNodes]
  return nodes.length > 0 && nodes.every((n) => n === own)
}

function run(life: Lifetime, initial: SiteConfig): void {
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
  const ports = new Set<chrome.runtime.Port>()

  const scanner = new Scanner({
    detect,
    signal,
    carrierHint: config.carrierHint,
    skip: () => host?.element ?? null,
    onChange: () => {
      queueState()
      // A same-origin frame (a ticket history shown in an iframe) was read: look for blocks in it too.
      if (scanner.frameDocs.size !== framesSeen) {
        framesSeen = scanner.frameDocs.size
        handoffs.changed()
      }
    },
    schedule: (fn) => soon(fn, signal),
  })

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
      host: host?.element ?? null,
      pinnedSelector: config.pinnedSelector,
      carrierHint: config.carrierHint,
      agentChoice,
      focused,
      selectionText,
    })

  const post = (message: PageToSidebar) => {
    for (const port of ports) {
      try {
        port.postMessage(message)
      } catch {
        ports.delete(port)
      }
    }
  }

  const send = (force = false) => {
    if (!life.alive() || ports.size === 0) return
    const s = state()
    const json = JSON.stringify(s)
    if (!force && json === lastSent) return
    lastSent = json
    post({ type: "page-state", state: s })
  }

  // Alt+1..3 in the reply editor applies the sidebar's first finding's suggestion 1..3. Taken from the
  // CRM only while the sidebar shows findings for exactly this draft; otherwise the keys pass through.
  let marked: { editorId: string; revision: number } | null = null
  function onEditorKey(e: KeyboardEvent): void {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !marked) return
    const digit = /^(?:Digit|Numpad)([1-3])$/.exec(e.code)
    const target = e.composedPath()[0] as HTMLElement | undefined
    if (!digit || !target || !(target.isContentEditable || /^(?:TEXTAREA|INPUT)$/.test(target.tagName)))
      return
    const draft = editors.current()
    if (!draft || draft.editorId !== marked.editorId || draft.revision !== marked.revision) return
    e.preventDefault()
    e.stopPropagation()
    post({ type: "shortcut", action: "apply-suggestion", index: Number(digit[1]) - 1 })
  }

  // The agent's reply editor: drafts go to the sidebar, edits and highlights come back.
  const editors = createEditorBridge({
    root: document,
    signal,
    onDraft: (draft) => post({ type: "draft", draft }),
    onDraftGone: () => post({ type: "draft-gone" }),
    isOwnElement: (el) => !!host?.element.contains(el),
    onKeyDown: onEditorKey,
    onSent: (draft, via) =>
      post({ type: "sent", draft, via, customer: customerTexts(document, host?.element ?? null) }),
  })

  // Handoff blocks in the ticket (issue 12): raw texts to the sidebar, our block into the internal box.
  const handoffs = createHandoffHook({
    signal,
    docs: () => [document, ...scanner.frameDocs],
    skip: () => host?.element ?? null,
    listening: () => ports.size > 0,
    emit: post,
    target: () => editors.target(),
    insert: (text) => editors.insertText({ text }),
  })

  // Rebuilt at most every 150 ms, and only after something changed.
  function queueState(): void {
    if (stateQueued) return
    stateQueued = true
    later(
      () => {
        stateQueued = false
        send()
      },
      150,
      signal,
    )
  }

  const checkUrl = () => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    agentChoice = null // a new ticket: the agent's pick was for the old one
    selectionText = ""
    scanner.start(document)
    queueState()
  }

  const showHost = (show: boolean) => {
    if (show && !host) {
      host = mountSidebarHost({
        src: `${chrome.runtime.getURL("tabs/sidebar.html")}#k=${FRAME_KEY}`,
        signal,
        onFrameLoad: checkContext,
      })
    } else if (!show && host) {
      host.remove()
      host = null
    }
  }

  // The sidebar going away (its port disconnects, its frame reloads with an error page) is often the
  // first sign that the extension was reloaded or removed; the context may be invalidated a moment
  // later, so look again until it is clear.
  function checkContext(): void {
    if (life.alive()) for (const ms of [100, 1_000, 5_000]) later(() => life.alive(), ms, signal)
  }

  // --- the sidebar's port ---
  const onConnect = (port: chrome.runtime.Port) => {
    if (!trustedPort(port) || !life.alive()) return
    ports.add(port)
    port.onDisconnect.addListener(() => {
      ports.delete(port)
      // A disconnect is often the first sign that the extension was reloaded or removed, but the
      // context may be invalidated a moment after it: look again until it is clear.
      checkContext()
    })
    port.onMessage.addListener((raw: unknown) => onSidebarMessage(raw as SidebarToPage, port))
  }
  const onSidebarMessage = (msg: SidebarToPage, port: chrome.runtime.Port) => {
    if (!life.alive() || typeof msg !== "object" || msg === null) return
    switch (msg.type) {
      case "hello": {
        send(true)
        handoffs.refresh()
        const draft = editors.current()
        if (draft) port.postMessage({ type: "draft", draft } satisfies PageToSidebar)
        break
      }
      case "select-waybill":
        if (typeof msg.number === "string" && WAYBILL_SHAPE.test(msg.number)) {
          agentChoice = msg.number
          send()
        }
        break
      case "rescan":
        scanner.start(document)
        handoffs.refresh()
        break
      case "set-collapsed":
        if (typeof msg.collapsed === "boolean") host?.setCollapsed(msg.collapsed)
        break
      case "replace-range":
      case "insert-text": {
        const { requestId } = msg
        if (typeof requestId !== "string") break
        const done =
          msg.type === "replace-range"
            ? editors.replaceRange(msg)
            : editors.insertText({ editorId: msg.editorId, text: String(msg.text ?? "") })
        void done
          .catch((err: unknown) => ({
            ok: false,
            error: "failed" as const,
            detail: String(err),
            draft: undefined,
          }))
          .then((r) => {
            const result: PageToSidebar = { type: "edit-result", requestId, ok: r.ok }
            if (r.error) result.error = r.error
            if (r.detail) result.detail = r.detail.slice(0, 500)
            if (r.draft) result.draft = r.draft
            if (life.alive()) port.postMessage(result)
          })
        break
      }
      case "post-handoff":
        void handoffs.post(msg).then((r) => life.alive() && port.postMessage(r))
        break
      case "highlight":
        if (Array.isArray(msg.spans)) {
          editors.highlight(msg.editorId, msg.revision, msg.spans)
          marked =
            msg.spans.length > 0 ? { editorId: String(msg.editorId), revision: Number(msg.revision) } : null
        }
        break
      default:
        break
    }
  }
  chrome.runtime.onConnect.addListener(onConnect)

  // --- the service worker ---
  const onMessage = (raw: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id || sender.tab || !life.alive()) return
    const msg = raw as BackgroundToPage
    if (msg?.type === "toggle-sidebar") {
      if (host) host.toggle()
    } else if (msg?.type === "teardown") {
      life.end("teardown")
    } else if (msg?.type === "site-config-changed") {
      void ask<SiteConfig>("site.config").then((c) => {
        if (!life.alive()) return
        if (!c || !siteCovers(c.origin, location.origin)) return life.end("site disabled")
        const rescan = c.pinnedSelector !== config.pinnedSelector || c.carrierHint !== config.carrierHint
        config = c
        showHost(c.sidebarMode !== "sidepanel")
        if (rescan) {
          scanner.carrierHint = c.carrierHint
          scanner.start(document)
        }
      })
    }
  }
  chrome.runtime.onMessage.addListener(onMessage)

  const onStorage = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    const mode = changes[SIDEBAR_MODE_KEY]?.newValue
    if (area === "local" && (mode === "inpage" || mode === "sidepanel") && life.alive())
      showHost(mode === "inpage")
  }
  chrome.storage.onChanged.addListener(onStorage)

  // --- the page ---
  const opts = { capture: true, passive: true, signal }
  document.addEventListener("input", scanner.onFieldEvent, opts)
  document.addEventListener("change", scanner.onFieldEvent, opts)
  document.addEventListener(
    "focusin",
    (e) => {
      const target = e.composedPath()[0]
      if (!(target instanceof Element) || host?.element.contains(target)) return
      focused = target
      scanner.refreshField(target)
      queueState()
    },
    opts,
  )
  let selectionTimer = false
  document.addEventListener(
    "selectionchange",
    () => {
      if (selectionTimer) return
      selectionTimer = true
      later(
        () => {
          selectionTimer = false
          const text = (document.getSelection()?.toString() ?? "").slice(0, 300)
          if (text === selectionText) return
          selectionText = text
          queueState()
        },
        200,
        signal,
      )
    },
    { passive: true, signal },
  )
  window.addEventListener("popstate", checkUrl, { passive: true, signal })
  window.addEventListener("hashchange", checkUrl, { passive: true, signal })
  // SPA navigation by history.pushState shows up as DOM changes: check the URL on each batch.
  const urlWatch = new MutationObserver((records) => {
    checkUrl()
    // Our own panel coming and going is no reason to look for handoff blocks again.
    const own = host?.element
    if (records.some((r) => !own || (r.target !== own && !own.contains(r.target) && !onlyOwn(r, own))))
      handoffs.changed()
    // Some CRMs rebuild <html>'s children wholesale: put the panel back.
    if (host && !host.element.isConnected) host.reattach()
  })
  urlWatch.observe(document.documentElement, { childList: true, subtree: true })

  signal.addEventListener(
    "abort",
    () => {
      urlWatch.disconnect()
      chrome.runtime.onConnect.removeListener(onConnect)
      chrome.runtime.onMessage.removeListener(onMessage)
      chrome.storage.onChanged.removeListener(onStorage)
      for (const port of ports) {
        try {
          port.disconnect()
        } catch {
          // the extension context is already gone
        }
      }
      ports.clear()
      host?.remove()
      host = null
    },
    { once: true },
  )

  showHost(config.sidebarMode !== "sidepanel")
  scanner.start(document)
}

void boot()
