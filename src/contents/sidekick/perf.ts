/**
 * User Timing entries from the content script, visible in the page's performance timeline (DevTools,
 * `npm run bench`). Few and cheap: two marks per scan, one measure per page-state build and one per
 * slice that overran its budget by far.
 */
export function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, { detail })
  } catch {
    // no User Timing here (old test environments): the entries are only for measuring
  }
}

export function measure(name: string, start: number, duration: number): void {
  try {
    performance.measure(name, { start, duration })
  } catch {
    // as in mark()
  }
}
