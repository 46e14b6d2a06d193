/**
 * Chooses the current waybill of a CRM page from what the content script saw, and ranks the rest.
 * Pure: the scanner's tallies in, the candidates for `PageState` out.
 *
 * Order (first that applies wins): the agent's own choice → the admin's pinned selector → a field
 * labelled 运单号 / 快递单号 / 物流单号 / Tracking No. → the ticket title → the selection → the
 * focused element's neighbourhood → the most frequent number.
 *
 * On a list-and-detail page (`detail` given: the numbers of the item open in the reading pane),
 * every rule after the pinned field looks at the open item's numbers only: the list's rows are
 * other items, listed after them but never chosen by themselves.
 */
import type { CandidateSource, CarrierGuess, WaybillCandidate } from "../protocol/types"
import { labelKind } from "./labels"

export interface Tally {
  number: string
  carriers: CarrierGuess[]
  sources: ReadonlySet<CandidateSource>
  /** Visible occurrences (hidden inputs add at most one). */
  count: number
  label?: string
  /** Order of first sighting on the page (document order of the first scan, then arrival). */
  firstSeen: number
}

export interface ChooseInput {
  tallies: Tally[]
  /** The agent picked this one in the sidebar (until the ticket changes). */
  agentChoice?: string | null
  /** Numbers near the focused element, nearest first. */
  nearFocus?: string[]
  /** Numbers in the current selection, in order. */
  inSelection?: string[]
  /** At most this many candidates (PageState allows 20). */
  limit?: number
  /** The numbers of the item open in a list-and-detail page's reading pane, in page order. */
  detail?: string[]
}

export interface ChooseResult {
  current: string | null
  currentReason: string
  candidates: WaybillCandidate[]
}

const MAX_CANDIDATES = 20

function bestConfidence(t: Tally): number {
  let best = 0
  for (const c of t.carriers) if (c.confidence > best) best = c.confidence
  return best
}

/** Higher is better: used to rank the list and to break ties inside a rule. */
function score(t: Tally, focusRank: Map<string, number>, selection: Set<string>): number {
  const kind = labelKind(t.label)
  let s = 0
  if (t.sources.has("pinned")) s += 1000
  if (kind === "waybill") s += 500
  if (t.sources.has("title")) s += 250
  if (selection.has(t.number)) s += 120
  const f = focusRank.get(t.number)
  if (f !== undefined) s += 100 - Math.min(f, 50)
  if (kind === "other-number") s -= 400
  s += Math.min(t.count, 50) * 2
  s += bestConfidence(t) * 10
  return s
}

const NO_FOCUS = new Map<string, number>()
const NO_SELECTION = new Set<string>()

/**
 * A tally's score without the focus and selection bonuses: the content script keeps its best few
 * tallies by this score as they change, so that a page with 10,000 numbers is not re-ranked whole.
 */
export function baseScore(t: Tally): number {
  return score(t, NO_FOCUS, NO_SELECTION)
}

function byScore(focusRank: Map<string, number>, selection: Set<string>) {
  return (a: Tally, b: Tally) =>
    score(b, focusRank, selection) - score(a, focusRank, selection) || a.firstSeen - b.firstSeen
}

/** Picks the current waybill and ranks the candidates (see the file comment for the order). */
export function chooseCurrent(input: ChooseInput): ChooseResult {
  const limit = Math.min(input.limit ?? MAX_CANDIDATES, MAX_CANDIDATES)
  const tallies = input.tallies.filter((t) => t.count > 0 || t.sources.size > 0)
  const byNumber = new Map(tallies.map((t) => [t.number, t]))
  const focusRank = new Map((input.nearFocus ?? []).map((n, i) => [n, i]))
  const selection = new Set(input.inSelection ?? [])
  const open = input.detail ? new Set(input.detail) : null
  const inOpen = (t: Tally) => !open || open.has(t.number)
  const scored = byScore(focusRank, selection)
  // The open item's numbers first, then the rest of the page.
  const rank = (a: Tally, b: Tally) => Number(inOpen(b)) - Number(inOpen(a)) || scored(a, b)
  const sorted = [...tallies].sort(rank)
  const own = tallies.filter(inOpen)

  let current: string | null = null
  let reason = "none"
  const pick = (list: Tally[], why: string): boolean => {
    if (list.length === 0) return false
    current = [...list].sort(rank)[0].number
    reason = why
    return true
  }

  // The selected or focused number, if it is on the page (and in the open item).
  const firstOnPage = (numbers: string[] | undefined) =>
    (numbers ?? [])
      .flatMap((n) => byNumber.get(n) ?? [])
      .filter(inOpen)
      .slice(0, 1)

  const agent = input.agentChoice ?? null
  if (agent) {
    current = agent
    reason = "agent"
  } else if (
    !pick(
      tallies.filter((t) => t.sources.has("pinned")),
      "pinned",
    ) &&
    !pick(
      own.filter((t) => labelKind(t.label) === "waybill"),
      "label",
    ) &&
    !pick(
      own.filter((t) => t.sources.has("title")),
      "title",
    ) &&
    !pick(firstOnPage(input.inSelection), "selection") &&
    !pick(firstOnPage(input.nearFocus), "focus")
  ) {
    // Last resort: the most frequent plausible number (numbers labelled as orders/phones do not count).
    const plausible = own.filter((t) => labelKind(t.label) !== "other-number")
    const top = [...plausible].sort((a, b) => b.count - a.count || rank(a, b))[0]
    if (top) {
      current = top.number
      reason = "frequency"
    }
  }

  const ordered: Tally[] = []
  const chosen = current === null ? undefined : byNumber.get(current)
  if (chosen) ordered.push(chosen)
  for (const t of sorted) if (t !== chosen) ordered.push(t)

  const candidates = ordered.slice(0, limit).map(toCandidate)
  // The agent's choice may not be on the page (typed in the sidebar): list it anyway.
  if (current !== null && !chosen) {
    candidates.unshift({ number: current, carriers: [], sources: [], count: 0 })
    if (candidates.length > limit) candidates.pop()
  }
  return { current, currentReason: reason, candidates }
}

function toCandidate(t: Tally): WaybillCandidate {
  const c: WaybillCandidate = {
    number: t.number,
    carriers: t.carriers.slice(0, 25),
    sources: [...t.sources].slice(0, 7),
    count: Math.max(0, Math.round(t.count)),
  }
  if (t.label) c.label = t.label.slice(0, 80)
  return c
}
