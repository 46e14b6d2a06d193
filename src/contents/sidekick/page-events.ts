/**
 * The page's own channel: field edits, focus, selection, and navigation (history API, hash, SPAs that
 * rebuild the page). Passive listeners that only note what changed; the work happens later, budgeted.
 */
import { later } from "./lifetime"

/** A mutation that only added or removed our own sidebar host. */
function onlyOwn(r: MutationRecord, own: Element): boolean {
  const nodes = [...r.addedNodes, ...r.removedNodes]
  return nodes.length > 0 && nodes.every((n) => n === own)
}

export function watchPage(opts: {
  signal: AbortSignal
  /** Our sidebar host: its own events and mutations are not the page's. */
  own: () => Element | null
  onField: (e: Event) => void
  onFocus: (target: Element) => void
  /** The selected text changed (at most every 200 ms). */
  onSelection: (text: string) => void
  onUrl: () => void
  /** The page's DOM changed (not only our own host): the nodes it added. */
  onMutation: (added: Node[]) => void
  /** Our host fell out of the page (some CRMs rebuild <html>'s children wholesale). */
  onHostLost: () => void
}): void {
  const { signal } = opts
  const capture = { capture: true, passive: true, signal }
  document.addEventListener("input", opts.onField, capture)
  document.addEventListener("change", opts.onField, capture)
  document.addEventListener(
    "focusin",
    (e) => {
      const target = e.composedPath()[0]
      if (target instanceof Element && !opts.own()?.contains(target)) opts.onFocus(target)
    },
    capture,
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
          opts.onSelection((document.getSelection()?.toString() ?? "").slice(0, 300))
        },
        200,
        signal,
      )
    },
    { passive: true, signal },
  )
  window.addEventListener("popstate", opts.onUrl, { passive: true, signal })
  window.addEventListener("hashchange", opts.onUrl, { passive: true, signal })
  // SPA navigation by history.pushState shows up as DOM changes: check the URL on each batch.
  const watch = new MutationObserver((records) => {
    opts.onUrl()
    const own = opts.own()
    const theirs = records.filter(
      (r) => !own || (r.target !== own && !own.contains(r.target) && !onlyOwn(r, own)),
    )
    if (theirs.length) opts.onMutation(theirs.flatMap((r) => [...r.addedNodes]))
    if (own && !own.isConnected) opts.onHostLost()
  })
  watch.observe(document.documentElement, { childList: true, subtree: true })
  signal.addEventListener("abort", () => watch.disconnect(), { once: true })
}
