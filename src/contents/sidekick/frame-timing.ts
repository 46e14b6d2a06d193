/**
 * When the sidebar's frame is created. The frame is the extension's page in an iframe: its process boots
 * React, the models and the database, and the page's own renderer pays for embedding another process's
 * frame (bench/RESULTS.md, stop 14). So the frame comes when the page has nothing better to do:
 *
 * - once the page is shown: a ticket opened in a background tab boots no sidebar until the agent looks;
 * - and has had no long task for {@link QUIET_MS} (a CRM that renders in bursts after its load event
 *   finishes first), at most {@link MAX_WAIT_MS} after it was shown (a page that is never quiet);
 * - or at once when the agent acts on the page — a key, a click —, or presses the toolbar button
 *   or the shortcut: then they are about to need it.
 *
 * Until then nothing of ours is shown (the host appears once the sidebar in its frame is ready, see
 * host.ts); the page's scan runs as before, and the page state is built only once the sidebar asks.
 */

/** Quiet time (no long task on the page) before the frame is created without the agent asking. */
export const QUIET_MS = 1_000
/** The frame is created at the latest this long after the page was shown. */
export const MAX_WAIT_MS = 5_000

/**
 * Events by which the agent acts on the page (captured, passive: never delayed or stopped). Not focus:
 * the agent moves focus with a click or a key, and a CRM that focuses its own search box after
 * rendering is not the agent asking for anything.
 */
const ACTS = ["pointerdown", "keydown"] as const

/**
 * Why the frame is wanted now: the page became quiet (or waited long enough), or the agent acted and is
 * about to look at the sidebar.
 */
export type FrameWanted = "quiet" | "act"

/** Resolves when the sidebar's frame should be created (never, if `signal` aborts first). */
export function whenFrameWanted(opts: {
  signal: AbortSignal
  doc?: Document
  quietMs?: number
  maxWaitMs?: number
}): Promise<FrameWanted> {
  const doc = opts.doc ?? document
  const quietMs = opts.quietMs ?? QUIET_MS
  const maxWaitMs = opts.maxWaitMs ?? MAX_WAIT_MS
  return new Promise((resolve) => {
    if (opts.signal.aborted) return
    const stop = new AbortController()
    let quiet: ReturnType<typeof setTimeout> | undefined
    let deadline: ReturnType<typeof setTimeout> | undefined
    let observer: PerformanceObserver | undefined
    const go = (why: FrameWanted) => {
      if (stop.signal.aborted) return
      stop.abort()
      resolve(why)
    }
    const act = () => go("act")
    const shown = () => doc.visibilityState !== "hidden"
    const armQuiet = () => {
      clearTimeout(quiet)
      if (shown()) quiet = setTimeout(go, quietMs, "quiet")
    }
    const armDeadline = () => {
      clearTimeout(deadline)
      if (shown()) deadline = setTimeout(go, maxWaitMs, "quiet")
    }
    stop.signal.addEventListener("abort", () => {
      clearTimeout(quiet)
      clearTimeout(deadline)
      observer?.disconnect()
    })
    opts.signal.addEventListener("abort", () => stop.abort(), { once: true, signal: stop.signal })
    for (const type of ACTS)
      doc.addEventListener(type, act, { capture: true, passive: true, signal: stop.signal })
    doc.addEventListener(
      "visibilitychange",
      () => {
        armQuiet()
        armDeadline()
      },
      { signal: stop.signal },
    )
    // Every long task of the page starts the quiet time again.
    if (
      typeof PerformanceObserver === "function" &&
      PerformanceObserver.supportedEntryTypes?.includes("longtask")
    ) {
      observer = new PerformanceObserver(armQuiet)
      observer.observe({ type: "longtask" })
    }
    armQuiet()
    armDeadline()
  })
}
