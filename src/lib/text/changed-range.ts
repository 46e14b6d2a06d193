/**
 * The one range that differs between two texts, the common prefix and suffix left out: `before`'s
 * [start, end) became `text`. One edit of the reply box, or how far a tracked span moves.
 */
export function changedRange(before: string, after: string): { start: number; end: number; text: string } {
  const max = Math.min(before.length, after.length)
  let start = 0
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let tail = 0
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) }
}
