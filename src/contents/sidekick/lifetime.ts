/**
 * One lifetime per copy of the content script. It ends on teardown, when the extension is reloaded
 * or updated ("Extension context invalidated": `chrome.runtime.id` is gone), and when a newer copy is
 * injected into the same page (a marker on <html> plus an event tells the old copy to stop; the
 * copies live in different JS worlds, so the DOM is the only thing they share).
 */

export const MARKER = "csSidekick" // <html data-cs-sidekick="…">
const STOP_EVENT = "cs-sidekick:stop"

export interface Lifetime {
  readonly signal: AbortSignal
  /** False once the lifetime ended; checks the extension context too. */
  alive(): boolean
  end(reason: string): void
}

export function createLifetime(doc: Document = document): Lifetime {
  const controller = new AbortController()
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  // Tell an older copy (possibly from a previous version of the extension) to stop, then take over.
  doc.dispatchEvent(new CustomEvent(STOP_EVENT, { detail: token }))
  doc.documentElement.dataset[MARKER] = token
  doc.addEventListener(
    STOP_EVENT,
    (e) => {
      if ((e as CustomEvent<unknown>).detail !== token) end("replaced")
    },
    { signal: controller.signal },
  )

  function end(reason: string): void {
    if (controller.signal.aborted) return
    controller.abort(reason)
    if (doc.documentElement.dataset[MARKER] === token) delete doc.documentElement.dataset[MARKER]
  }

  function alive(): boolean {
    if (controller.signal.aborted) return false
    // After an extension reload this copy is orphaned: every chrome.* call would throw.
    if (!globalThis.chrome?.runtime?.id) {
      end("context invalidated")
      return false
    }
    return true
  }

  return { signal: controller.signal, alive, end }
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
