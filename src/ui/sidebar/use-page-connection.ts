/**
 * The sidebar's link to the CRM page's content script: which tab, may we show anything, and the
 * latest validated page state. Reconnects with backoff when the port drops (navigation, reload).
 */
import { useCallback, useEffect, useRef, useState } from "react"

import { pageToSidebarSchema, sidebarToPageSchema } from "~lib/protocol/schema"
import {
  SIDEBAR_PORT,
  type Draft,
  type EditAnswer,
  type EditErrorCode,
  type PageState,
  type PageToSidebar,
  type SidebarMode,
  type SidebarToPage,
} from "~lib/protocol/types"
import { backoffDelay, webOrigin } from "~lib/ui-logic/page"

import { callBackground } from "../background"
import type { Platform, PortLike } from "../platform"

export type Connection =
  | { kind: "checking" }
  /** In-page frame not vouched for by the worker (e.g. framed by another website): show nothing. */
  | { kind: "not-allowed" }
  /** Side panel: the active tab is not a web page. */
  | { kind: "no-page" }
  /** Side panel: the active tab's site is not enabled. */
  | { kind: "site-disabled"; origin: string }
  | { kind: "connecting"; tabId: number; origin: string }
  | { kind: "connected"; tabId: number; origin: string; state: PageState }

interface Target {
  tabId: number
  origin: string
}

/** Finds the tab to talk to, or why there is none. */
async function resolveTarget(platform: Platform, mode: SidebarMode): Promise<Target | Connection> {
  if (mode === "inpage") {
    const who = await callBackground(platform, "sidebar.whoami", {})
    if (!who.allowed || who.tabId === null || who.origin === null) return { kind: "not-allowed" }
    return { tabId: who.tabId, origin: who.origin }
  }
  const tab = await platform.activeTab()
  const origin = webOrigin(tab?.url)
  if (!tab || !origin) return { kind: "no-page" }
  const status = await callBackground(platform, "site.status", { origin })
  if (!status.enabled || !status.granted) return { kind: "site-disabled", origin }
  return { tabId: tab.id, origin }
}

const isTarget = (x: Target | Connection): x is Target => "tabId" in x && !("kind" in x)

/** The page's answer to an edit request (`replace-range` / `insert-text`). */
/** The page's answer to an edit (the editor's own words in `detail` are shown only inside the generic message). */
export type EditOutcome = EditAnswer

/** The page's answer to `post-handoff`. */
export interface PostOutcome {
  inserted: boolean
  verdict: "internal" | "public" | "unknown"
  error?: EditErrorCode
  suggestion?: string
}

/** An edit request without its id: the hook numbers them and matches the answers. */
export type EditRequest =
  | Omit<Extract<SidebarToPage, { type: "replace-range" }>, "requestId">
  | Omit<Extract<SidebarToPage, { type: "insert-text" }>, "requestId">

/** How long an edit may take before the sidebar gives up waiting (the editor is gone or frozen). */
const EDIT_TIMEOUT_MS = 8_000

/** The CRM sent a reply (validated message). */
/** A fix applied from the page's finding card (see `apply-fix`). */
export interface CardFix {
  editorId: string
  revision: number
  start: number
  end: number
  seq: number
}

export type SentMessage = Extract<PageToSidebar, { type: "sent" }>

export function usePageConnection(platform: Platform, mode: SidebarMode) {
  // Whoever records sent replies (the case workspace) listens here; the port outlives it.
  const sentListeners = useRef(new Set<(message: SentMessage) => void>())
  const onSent = useCallback((listener: (message: SentMessage) => void) => {
    sentListeners.current.add(listener)
    return () => {
      sentListeners.current.delete(listener)
    }
  }, [])
  const [connection, setConnection] = useState<Connection>({ kind: "checking" })
  const [draft, setDraft] = useState<Draft | null>(null)
  // Alt+1..3 pressed in the CRM's editor; `seq` makes each press a new value.
  const [shortcut, setShortcut] = useState<{ index: number; seq: number } | null>(null)
  // The fix applied from the card on an underline in the CRM's editor; `seq` makes each a new value.
  const [cardFix, setCardFix] = useState<CardFix | null>(null)
  // Raw texts of the handoff blocks on the page (parsed and verified by the timeline).
  const [handoffTexts, setHandoffTexts] = useState<{ texts: string[]; truncated: boolean } | null>(null)
  const pendingPosts = useRef(new Map<string, (outcome: PostOutcome) => void>())
  const portRef = useRef<PortLike | null>(null)
  const pending = useRef(new Map<string, (outcome: EditOutcome) => void>())
  const nextRequest = useRef(1)
  // Bumped by tab switches in side-panel mode to re-resolve the target.
  const [generation, setGeneration] = useState(0)
  const targetTab = useRef<number | null>(null)

  useEffect(() => {
    if (mode !== "sidepanel") return
    return platform.onTabChange((tabId, change) => {
      // Background tabs finish loading all the time; only our tab's navigation matters.
      if (change === "activated" || tabId === targetTab.current) setGeneration((g) => g + 1)
    })
  }, [platform, mode])

  useEffect(() => {
    let disposed = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let failures = 0
    let port: PortLike | null = null

    const connect = (target: Target) => {
      if (disposed) return
      try {
        port = platform.connectToTab(target.tabId, SIDEBAR_PORT, 0)
      } catch {
        port = null
        retry(target)
        return
      }
      const current = port
      portRef.current = current
      current.onMessage.addListener((raw) => {
        if (disposed || port !== current) return
        // Page text is untrusted and the page could be hostile: only well-formed states get in.
        const parsed = pageToSidebarSchema.safeParse(raw)
        if (!parsed.success) return
        failures = 0
        const message = parsed.data
        if (message.type === "page-state")
          setConnection({ kind: "connected", ...target, state: message.state })
        else if (message.type === "draft") setDraft(message.draft)
        else if (message.type === "draft-gone") setDraft(null)
        else if (message.type === "shortcut")
          setShortcut((s) => ({ index: message.index, seq: (s?.seq ?? 0) + 1 }))
        else if (message.type === "apply-fix") {
          const { editorId, revision, start, end } = message
          setCardFix((s) => ({ editorId, revision, start, end, seq: (s?.seq ?? 0) + 1 }))
        } else if (message.type === "sent") for (const listener of sentListeners.current) listener(message)
        else if (message.type === "handoff-blocks")
          setHandoffTexts({ texts: message.texts, truncated: message.truncated })
        else if (message.type === "handoff-post-result") {
          const done = pendingPosts.current.get(message.requestId)
          pendingPosts.current.delete(message.requestId)
          done?.(message)
        } else {
          const done = pending.current.get(message.requestId)
          pending.current.delete(message.requestId)
          if (message.draft) setDraft(message.draft)
          done?.({ ok: message.ok, error: message.error, detail: message.detail, draft: message.draft })
        }
      })
      current.onDisconnect.addListener(() => {
        if (disposed || port !== current) return
        port = null
        portRef.current = null
        setDraft(null)
        failPending("disconnected")
        setConnection((c) => (c.kind === "connected" ? { kind: "connecting", ...target } : c))
        retry(target)
      })
      try {
        current.postMessage({ type: "hello" } satisfies SidebarToPage)
      } catch {
        // Port already closed: onDisconnect schedules the retry.
      }
    }

    const failPending = (error: EditErrorCode) => {
      const waiting = [...pending.current.values()]
      pending.current.clear()
      for (const done of waiting) done({ ok: false, error })
      const posts = [...pendingPosts.current.values()]
      pendingPosts.current.clear()
      for (const done of posts) done({ inserted: false, verdict: "unknown", error })
    }

    const retry = (target: Target) => {
      if (disposed) return
      timer = setTimeout(() => connect(target), backoffDelay(failures++))
    }

    const start = async () => {
      let resolved: Target | Connection
      try {
        resolved = await resolveTarget(platform, mode)
      } catch {
        // The worker may be starting up; an in-page frame must stay neutral until it answers.
        resolved = mode === "inpage" ? { kind: "not-allowed" } : { kind: "no-page" }
        if (!disposed) timer = setTimeout(() => void start(), backoffDelay(failures++))
      }
      if (disposed) return
      if (!isTarget(resolved)) {
        targetTab.current = null
        setConnection(resolved)
        return
      }
      targetTab.current = resolved.tabId
      setConnection((c) =>
        // Same tab re-checked: keep showing its last state while the port comes back.
        c.kind === "connected" && c.tabId === resolved.tabId && c.origin === resolved.origin
          ? c
          : { kind: "connecting", ...resolved },
      )
      connect(resolved)
    }

    void start()
    return () => {
      disposed = true
      if (timer) clearTimeout(timer)
      try {
        port?.disconnect()
      } catch {
        // The extension context is gone; the port with it.
      }
      portRef.current = null
      setDraft(null)
      failPending("disconnected")
    }
  }, [platform, mode, generation])

  const send = useCallback((message: SidebarToPage) => {
    if (!sidebarToPageSchema.safeParse(message).success) return false
    try {
      portRef.current?.postMessage(message)
      return portRef.current !== null
    } catch {
      return false
    }
  }, [])

  /** Sends an edit to the page and resolves with its `edit-result` (or a local failure). */
  const edit = useCallback(
    (request: EditRequest): Promise<EditOutcome> => {
      const requestId = `edit-${nextRequest.current++}`
      return new Promise<EditOutcome>((resolve) => {
        const timer = setTimeout(() => {
          pending.current.delete(requestId)
          resolve({ ok: false, error: "timeout" })
        }, EDIT_TIMEOUT_MS)
        pending.current.set(requestId, (outcome) => {
          clearTimeout(timer)
          resolve(outcome)
        })
        if (!send({ ...request, requestId } as SidebarToPage)) {
          pending.current.delete(requestId)
          clearTimeout(timer)
          resolve({ ok: false, error: "not-connected" })
        }
      })
    },
    [send],
  )

  /** Asks the page to insert a handoff block into the focused box (if it is the internal one). */
  const postHandoff = useCallback(
    (request: Omit<Extract<SidebarToPage, { type: "post-handoff" }>, "requestId" | "type">) => {
      const requestId = `post-${nextRequest.current++}`
      return new Promise<PostOutcome>((resolve) => {
        const timer = setTimeout(() => {
          pendingPosts.current.delete(requestId)
          resolve({ inserted: false, verdict: "unknown", error: "timeout" })
        }, EDIT_TIMEOUT_MS)
        pendingPosts.current.set(requestId, (outcome) => {
          clearTimeout(timer)
          resolve(outcome)
        })
        if (!send({ type: "post-handoff", requestId, ...request })) {
          pendingPosts.current.delete(requestId)
          clearTimeout(timer)
          resolve({ inserted: false, verdict: "unknown", error: "not-connected" })
        }
      })
    },
    [send],
  )

  return { connection, send, draft, edit, shortcut, cardFix, onSent, handoffTexts, postHandoff }
}
