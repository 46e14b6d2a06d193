/**
 * The sidebar's channel: ports from our own sidebar frame (carrying this copy's key) or the side panel,
 * nothing else. Each message is checked against the contract (`SidebarToPage`) by hand before it is
 * acted on (no zod in the content script); anything else is dropped.
 */
import type { PageToSidebar, SidebarToPage } from "~lib/protocol/types"
import { SIDEBAR_PORT, WAYBILL_SHAPE } from "~lib/protocol/types"

type Message = Record<string, unknown>
const isStr = (v: unknown, max = 20_000): v is string => typeof v === "string" && v.length <= max
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)
const isOptStr = (v: unknown, max?: number) => v === undefined || isStr(v, max)
const SEVERITIES = new Set(["forbidden", "warning", "hint"])

const CHECKS: { [T in SidebarToPage["type"]]: (m: Message) => boolean } = {
  hello: () => true,
  rescan: () => true,
  "select-waybill": (m) => isStr(m.number, 40) && WAYBILL_SHAPE.test(m.number),
  "set-collapsed": (m) => typeof m.collapsed === "boolean",
  "replace-range": (m) =>
    isStr(m.requestId, 100) &&
    isStr(m.editorId, 100) &&
    isNum(m.revision) &&
    isNum(m.start) &&
    isNum(m.end) &&
    isStr(m.expected) &&
    isStr(m.text),
  "insert-text": (m) => isStr(m.requestId, 100) && isOptStr(m.editorId, 100) && isStr(m.text),
  highlight: (m) =>
    isStr(m.editorId, 100) &&
    isNum(m.revision) &&
    Array.isArray(m.spans) &&
    m.spans.length <= 500 &&
    m.spans.every(
      (s: Message) => !!s && isNum(s.start) && isNum(s.end) && SEVERITIES.has(s.severity as string),
    ),
  "post-handoff": (m) => {
    const rule = m.rule as Message | null
    return (
      isStr(m.requestId, 100) &&
      isStr(m.text) &&
      typeof m.confirmed === "boolean" &&
      typeof rule === "object" &&
      rule !== null &&
      isOptStr(rule.urlPattern, 500) &&
      isOptStr(rule.selector, 500) &&
      isOptStr(rule.toggleSelector, 500)
    )
  },
}

/** The message if it is one the contract has, with the fields its type needs; else null. */
export function readSidebarMessage(raw: unknown): SidebarToPage | null {
  if (typeof raw !== "object" || raw === null) return null
  const m = raw as Message
  const check = Object.hasOwn(CHECKS, m.type as string) ? CHECKS[m.type as SidebarToPage["type"]] : null
  return check?.(m) ? (m as unknown as SidebarToPage) : null
}

export interface SidebarPorts {
  /** Whether any sidebar listens. */
  listening(): boolean
  /** To every connected sidebar. */
  post(message: PageToSidebar): void
}

/**
 * Accepts our sidebars' ports for as long as `signal` lives. `frameKey` is this copy's key in the
 * in-page frame's URL; `onGone` runs when a port goes away (often the first sign of an extension reload).
 */
export function openSidebarPorts(opts: {
  signal: AbortSignal
  frameKey: string
  onMessage: (msg: SidebarToPage, reply: (m: PageToSidebar) => void) => void
  onGone: () => void
}): SidebarPorts {
  const ports = new Set<chrome.runtime.Port>()

  const trusted = (port: chrome.runtime.Port): boolean => {
    const sender = port.sender
    if (port.name !== SIDEBAR_PORT || sender?.id !== chrome.runtime.id) return false
    const url = sender.url ?? ""
    if (!/^(chrome|moz)-extension:\/\//.test(url)) return false
    // The side panel is not web-accessible (no page can frame it); our in-page frame carries the key.
    if (new URL(url).pathname === "/sidepanel.html") return true
    return url.endsWith(`#k=${opts.frameKey}`)
  }

  const send = (port: chrome.runtime.Port, message: PageToSidebar) => {
    try {
      port.postMessage(message)
    } catch {
      ports.delete(port)
    }
  }

  const onConnect = (port: chrome.runtime.Port) => {
    if (opts.signal.aborted || !trusted(port)) return
    ports.add(port)
    port.onDisconnect.addListener(() => {
      ports.delete(port)
      opts.onGone()
    })
    port.onMessage.addListener((raw: unknown) => {
      const msg = readSidebarMessage(raw)
      if (msg && !opts.signal.aborted) opts.onMessage(msg, (m) => send(port, m))
    })
  }
  chrome.runtime.onConnect.addListener(onConnect)
  opts.signal.addEventListener(
    "abort",
    () => {
      chrome.runtime.onConnect.removeListener(onConnect)
      for (const port of ports) {
        try {
          port.disconnect()
        } catch {
          // the extension context is already gone
        }
      }
      ports.clear()
    },
    { once: true },
  )

  return {
    listening: () => ports.size > 0,
    post(message) {
      for (const port of ports) send(port, message)
    },
  }
}
