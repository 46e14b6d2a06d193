/**
 * The in-page sidebar: a light-DOM host (`#cs-sidekick-host`, fixed on the right, `all: initial`)
 * with a closed shadow root holding the extension's sidebar page in an iframe, a collapse tab and a
 * drag handle on the left edge. The frame is created by `loadFrame()` (when the page is quiet or the
 * agent acts, frame-timing.ts) and the host shown by `reveal()`, once the sidebar in it is ready. It
 * overlays the page, or on a site where the agent chose "push" it narrows the page (a margin on
 * <html>). Width and push are remembered per site.
 *
 * The host is a manual popover shown in the browser's **top layer**. Measured on a 10,000-row list
 * (bench/RESULTS.md): any box added to the page's own tree after its first paint — a fixed element
 * with max z-index, even a 1 px one, under <html> or <body> — costs a paint-property walk of the whole
 * page (~55 ms); a top-layer box hangs off the viewport and costs none. Where popovers are not
 * supported it falls back to a fixed element with max z-index. It is not shown (no box at all) until
 * its remembered width and collapsed state are read, so the page lays it out once.
 */
import { SIDEBAR_LAYOUT_KEY, type SidebarLayout } from "~lib/protocol/types"

import { closedShadowHost } from "./shadow-host"

const HOST_ID = "cs-sidekick-host"
// The width before it was remembered per site (still read as this site's default).
const WIDTH_KEY = "sidebarWidth"
const COLLAPSED_KEY = "sidebarCollapsed"
const MIN_WIDTH = 280
const MAX_WIDTH = 900
const DEFAULT_WIDTH = 380

const CSS = `
:host { all: initial; }
.panel { position: absolute; inset: 0; display: flex; background: #fff; box-shadow: -2px 0 8px rgba(0,0,0,.18); }
.panel[hidden] { display: none; }
iframe { flex: 1; width: 100%; height: 100%; border: 0; display: block; background: #fff; color-scheme: normal; }
.handle { position: absolute; left: -3px; top: 0; bottom: 0; width: 6px; cursor: ew-resize; z-index: 1; touch-action: none; }
.handle:hover, .handle.dragging { background: rgba(31,111,209,.35); }
.tab { position: absolute; top: 96px; left: -28px; width: 28px; min-height: 64px; padding: 8px 0; margin: 0; box-sizing: border-box; white-space: nowrap; line-height: 28px;
  border: 1px solid #c9d3df; border-right: 0; border-radius: 6px 0 0 6px; background: #1f6fd1; color: #fff;
  font: 600 12px/1.2 system-ui, "Microsoft YaHei", sans-serif; cursor: pointer; writing-mode: vertical-rl; }
.tab:focus-visible { outline: 2px solid #f5a623; }
.dragging-cover { position: absolute; inset: 0; }
`

export interface SidebarHost {
  readonly element: HTMLElement
  /** Creates the sidebar's frame (once; see frame-timing); the host stays hidden while it boots. */
  loadFrame(): void
  /** The sidebar said hello (or its frame loaded): the host is shown. */
  reveal(): void
  setCollapsed(collapsed: boolean): void
  toggle(): void
  /** Puts the host back after the page removed it (some CRMs rebuild <html>'s children). */
  reattach(): void
  remove(): void
}

const clampWidth = (w: number, viewport: number) =>
  Math.round(Math.max(MIN_WIDTH, Math.min(w, MAX_WIDTH, Math.max(MIN_WIDTH, viewport - 120))))

export function mountSidebarHost(opts: {
  src: string
  signal: AbortSignal
  doc?: Document
  /** Each time the frame (re)loads, e.g. with an error page when the extension went away. */
  onFrameLoad?: () => void
}): SidebarHost {
  const doc = opts.doc ?? document
  doc.getElementById(HOST_ID)?.remove() // left by an older copy
  const { host, shadow } = closedShadowHost(doc, CSS)
  host.id = HOST_ID
  host.dataset.testid = "sidekick-sidebar"
  let width = DEFAULT_WIDTH
  let collapsed = false
  let push = false
  const layoutKey = SIDEBAR_LAYOUT_KEY + (doc.defaultView?.location.origin ?? "")
  const root = doc.documentElement
  const pageMargin = root.style.getPropertyValue("margin-right")
  const pagePriority = root.style.getPropertyPriority("margin-right")
  // Push: the page's own box narrows by the sidebar's width (undone when collapsed or removed).
  const applyPush = () => {
    if (push && visible() && !collapsed) root.style.setProperty("margin-right", `${width}px`, "important")
    else if (pageMargin) root.style.setProperty("margin-right", pageMargin, pagePriority)
    else root.style.removeProperty("margin-right")
  }
  let ready = false // no box until the remembered width/collapsed state is read
  // …and until the sidebar in the frame is ready (see reveal): the page lays the host out once.
  let revealed = false
  const visible = () => ready && revealed
  // The top layer where the browser has popovers (manual: no light dismiss, no Esc).
  const topLayer = typeof host.showPopover === "function"
  if (topLayer) host.popover = "manual"
  const applyStyle = () => {
    host.style.cssText =
      "all: initial !important; position: fixed !important; inset: 0 0 auto auto !important;" +
      " margin: 0 !important; height: 100vh !important; z-index: 2147483647 !important;" +
      " overflow: visible !important; contain: size layout style !important;" +
      ` width: ${collapsed ? 0 : width}px !important;` +
      (visible() ? " display: block !important;" : " display: none !important;")
    host.dataset.collapsed = String(collapsed)
    host.dataset.push = String(push)
    applyPush()
  }
  const show = () => {
    if (!visible() || !topLayer || !host.isConnected) return
    try {
      if (!host.matches(":popover-open")) host.showPopover()
    } catch {
      // not shown as a popover (e.g. the document is going away): it is still a fixed element
    }
  }

  const panel = doc.createElement("div")
  panel.className = "panel"
  // The frame boots in the undisplayed host: every step of an embedded page's load (its navigation,
  // its first picture, its size) makes the page repaint the frame's box, and on a page of 10,000 rows
  // each repaint walks the whole document (~15 ms; bench/RESULTS.md, stop 14). Undisplayed, it has no
  // box to repaint; the host is shown once, with the sidebar ready in it.
  let frame: HTMLIFrameElement | null = null
  const reveal = () => {
    if (revealed || !frame) return
    revealed = true
    render()
    show()
  }
  const loadFrame = () => {
    if (frame || opts.signal.aborted) return
    frame = doc.createElement("iframe")
    frame.src = opts.src
    frame.title = "客服助手 CS Sidekick"
    frame.allow = "clipboard-write"
    frame.addEventListener("load", reveal, { signal: opts.signal })
    if (opts.onFrameLoad) frame.addEventListener("load", opts.onFrameLoad, { signal: opts.signal })
    panel.append(frame)
  }
  const handle = doc.createElement("div")
  handle.className = "handle"
  handle.title = "拖动调整宽度 / Drag to resize"
  const tab = doc.createElement("button")
  tab.type = "button"
  tab.className = "tab"
  panel.append(handle)
  shadow.append(panel, tab)

  const render = () => {
    applyStyle()
    panel.hidden = collapsed
    tab.textContent = collapsed ? "客服助手" : "收起 ›"
    tab.title = collapsed ? "展开客服助手 / Show CS Sidekick" : "收起 / Hide"
    tab.setAttribute("aria-expanded", String(!collapsed))
  }
  const save = () => {
    chrome.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => undefined)
  }
  const saveWidth = () => {
    chrome.storage.local
      .get(layoutKey)
      .then((r) => chrome.storage.local.set({ [layoutKey]: { ...(r[layoutKey] as object), width } }))
      .catch(() => undefined)
  }
  const readLayout = (l: SidebarLayout | undefined) => {
    if (typeof l?.width === "number") width = clampWidth(l.width, doc.defaultView?.innerWidth ?? 1280)
    push = l?.push === true
  }
  // The sidebar's push/overlay switch (and another tab's drag) arrive through storage.
  const onLayout = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !(layoutKey in changes) || dragFrom) return
    readLayout(changes[layoutKey].newValue as SidebarLayout | undefined)
    render()
  }
  chrome.storage.onChanged.addListener(onLayout)
  opts.signal.addEventListener("abort", () => chrome.storage.onChanged.removeListener(onLayout))
  const setCollapsed = (c: boolean) => {
    if (c === collapsed) return
    collapsed = c
    render()
    save()
  }
  tab.addEventListener("click", () => setCollapsed(!collapsed), { signal: opts.signal })

  // Resize from the left edge; pointer capture keeps the moves even over the iframe.
  let dragFrom: { x: number; width: number } | null = null
  handle.addEventListener(
    "pointerdown",
    (e) => {
      dragFrom = { x: e.clientX, width }
      handle.setPointerCapture(e.pointerId)
      handle.classList.add("dragging")
      if (frame) frame.style.pointerEvents = "none"
      e.preventDefault()
    },
    { signal: opts.signal },
  )
  handle.addEventListener(
    "pointermove",
    (e) => {
      if (!dragFrom) return
      width = clampWidth(dragFrom.width + (dragFrom.x - e.clientX), doc.defaultView?.innerWidth ?? 1280)
      applyStyle()
    },
    { signal: opts.signal },
  )
  const endDrag = () => {
    if (!dragFrom) return
    dragFrom = null
    handle.classList.remove("dragging")
    if (frame) frame.style.pointerEvents = ""
    saveWidth()
  }
  handle.addEventListener("pointerup", endDrag, { signal: opts.signal })
  handle.addEventListener("pointercancel", endDrag, { signal: opts.signal })

  render()
  doc.documentElement.append(host)
  chrome.storage.local
    .get([WIDTH_KEY, COLLAPSED_KEY, layoutKey])
    .then((r) => {
      if (typeof r[WIDTH_KEY] === "number")
        width = clampWidth(r[WIDTH_KEY], doc.defaultView?.innerWidth ?? 1280)
      readLayout(r[layoutKey] as SidebarLayout | undefined)
      if (typeof r[COLLAPSED_KEY] === "boolean") collapsed = r[COLLAPSED_KEY]
    })
    .catch(() => undefined)
    .finally(() => {
      if (opts.signal.aborted) return
      ready = true
      render()
      show()
    })

  return {
    element: host,
    loadFrame,
    reveal,
    setCollapsed,
    toggle: () => setCollapsed(!collapsed),
    reattach: () => {
      if (host.isConnected) return
      doc.documentElement.append(host)
      show()
    },
    remove: () => {
      host.remove()
      push = false
      applyPush()
    },
  }
}
