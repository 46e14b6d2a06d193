/**
 * One lifetime per copy of the content script. It ends on teardown, when the extension is reloaded
 * or updated ("Extension context invalidated": `chrome.runtime.id` is gone), and when a newer copy is
 * injected into the same page (a marker on <html> plus an event tells the old copy to stop; the
 * copies live in different JS worlds, so the DOM is the only thing they share).
 *
 * The page sees that DOM too and can dispatch the same event. So a live copy only obeys a stop
 * event whose token the new copy first wrote to extension storage (`chrome.storage.local`, which
 * page scripts cannot read or write); the token is single-use and expires. A copy whose extension
 * context is already gone obeys any stop event: it is dead anyway, the event only cleans it up.
 */

export const MARKER = "csSidekick" // <html data-cs-sidekick="…">
export const STOP_EVENT = "cs-sidekick:stop"
/** Storage key prefix of a pending handover; the token follows. */
export const HANDOVER_KEY = "csSidekickHandover:"
const HANDOVER_TTL_MS = 30_000

export interface Lifetime {
  readonly signal: AbortSignal
  /** False once the lifetime ended or the extension context is gone. A query: it ends nothing. */
  alive(): boolean
  /** Ends the lifetime if the extension context is gone (reloaded, updated, removed); returns alive(). */
  check(): boolean
  end(reason: string): void
}

export function createLifetime(doc: Document = document): Lifetime {
  const controller = new AbortController()
  const token = randomToken()
  const handoverKey = HANDOVER_KEY + token
  // An older copy leaves its marker, or at least its sidebar host (a page may strip attributes).
  const hadOlderCopy =
    doc.documentElement.dataset[MARKER] !== undefined || doc.getElementById("cs-sidekick-host") !== null
  doc.documentElement.dataset[MARKER] = token
  doc.addEventListener(
    STOP_EVENT,
    (e) => {
      const detail = (e as CustomEvent<unknown>).detail
      if (detail === token || typeof detail !== "string" || controller.signal.aborted) return
      if (!globalThis.chrome?.runtime?.id) return end("context invalidated")
      void isGenuineHandover(detail).then((genuine) => {
        if (genuine) end("replaced")
      })
    },
    { signal: controller.signal },
  )
  // Tell an older copy (possibly from a previous version of the extension) to stop, then take over.
  if (hadOlderCopy) void announce()

  async function announce(): Promise<void> {
    try {
      await chrome.storage.local.set({ [handoverKey]: Date.now() })
    } catch {
      // No storage (context gone): an older copy of the same extension is gone too.
    }
    if (controller.signal.aborted) return
    doc.dispatchEvent(new CustomEvent(STOP_EVENT, { detail: token }))
    // Single use: whoever answered removed it; if nobody did, it must not linger for a replay.
    setTimeout(() => {
      try {
        void chrome.storage.local.remove(handoverKey).catch(() => undefined)
      } catch {
        // the extension context is gone; so is every copy that could use the token
      }
    }, HANDOVER_TTL_MS)
  }

  function end(reason: string): void {
    if (controller.signal.aborted) return
    controller.abort(reason)
    if (doc.documentElement.dataset[MARKER] === token) delete doc.documentElement.dataset[MARKER]
  }

  // After an extension reload this copy is orphaned: every chrome.* call would throw.
  const contextGone = () => !globalThis.chrome?.runtime?.id

  function alive(): boolean {
    return !controller.signal.aborted && !contextGone()
  }

  function check(): boolean {
    if (!controller.signal.aborted && contextGone()) end("context invalidated")
    return alive()
  }

  return { signal: controller.signal, alive, check, end }
}

function randomToken(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** Whether a stop event's token was written to extension storage by a newer copy (and is fresh). Consumes it. */
async function isGenuineHandover(token: string): Promise<boolean> {
  if (!/^[0-9a-f]{32}$/.test(token)) return false
  const key = HANDOVER_KEY + token
  try {
    const found = (await chrome.storage.local.get(key))[key]
    if (typeof found !== "number" || Math.abs(Date.now() - found) > HANDOVER_TTL_MS) return false
    await chrome.storage.local.remove(key)
    return true
  } catch {
    return false
  }
}

/** setTimeout tied to a signal. */
export function later(fn: () => void, ms: number, signal: AbortSignal): void {
  if (signal.aborted) return
  const id = setTimeout(fn, ms)
  signal.addEventListener("abort", () => clearTimeout(id), { once: true })
}

interface PostTask {
  postTask(fn: () => void, options: { priority: "background"; signal: AbortSignal }): Promise<void>
}

/**
 * Runs `fn` soon, after anything more urgent (input, rendering, the page's own tasks): a
 * background-priority task where the browser has `scheduler.postTask`, else a timeout. Not
 * requestIdleCallback: a busy CRM page may have no idle periods at all, and then each ≤ 4 ms slice
 * would wait for the callback's timeout.
 */
export function soon(fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return
  const scheduler = (globalThis as { scheduler?: PostTask }).scheduler
  if (scheduler?.postTask) {
    scheduler.postTask(fn, { priority: "background", signal }).catch(() => undefined) // aborted
  } else {
    later(fn, 0, signal)
  }
}
