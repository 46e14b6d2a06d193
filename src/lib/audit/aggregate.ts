/**
 * Aggregation of the audit trail for QA (质检): filters, counts per outcome, rates, per rule, per
 * agent and per day. Pure: events in, plain rows out.
 */
import type { PhrasingCategory } from "../phrasing/types"
import type { AuditEvent, AuditOutcome } from "./model"

/** What QA narrows the trail to. `from`/`to` are epoch ms, inclusive; unset fields match everything. */
export interface AuditQuery {
  from?: number
  to?: number
  agentWorkId?: string
  ruleId?: string
  category?: PhrasingCategory
  outcome?: AuditOutcome
  site?: string
}

/**
 * Counts per outcome plus rates over `shown`. A rate is null when nothing was shown (no 0/0).
 * `applied` counts fixes that stayed: an apply undone in the CRM (`reverted`) is not counted as applied.
 */
export interface Tally {
  shown: number
  applied: number
  reverted: number
  discarded: number
  dismissed: number
  ignored: number
  edited: number
  wrong: number
  appliedRate: number | null
  dismissedRate: number | null
  ignoredRate: number | null
  wrongRate: number | null
}

export interface RuleRow {
  ruleId: string
  category?: PhrasingCategory
  tally: Tally
}

export interface AgentRow {
  agentWorkId: string
  /** The most recent name seen for this work number. */
  agentName: string
  tally: Tally
}

export interface DayRow {
  /** "YYYY-MM-DD" in the given time zone. */
  day: string
  /** Epoch ms of the day's start. */
  start: number
  tally: Tally
}

const DAY = 86_400_000

/** Keeps the events matching `q`; `categoryOf` maps a rule id to its category (unknown rules never match a category). */
export function filterEvents(
  events: readonly AuditEvent[],
  q: AuditQuery,
  categoryOf: (ruleId: string) => PhrasingCategory | undefined = () => undefined,
): AuditEvent[] {
  return events.filter(
    (e) =>
      (q.from === undefined || e.at >= q.from) &&
      (q.to === undefined || e.at <= q.to) &&
      (q.agentWorkId === undefined || e.agentWorkId === q.agentWorkId) &&
      (q.ruleId === undefined || e.ruleId === q.ruleId) &&
      (q.outcome === undefined || e.outcome === q.outcome) &&
      (q.site === undefined || e.site === q.site) &&
      (q.category === undefined || categoryOf(e.ruleId) === q.category),
  )
}

const rate = (n: number, shown: number): number | null => (shown === 0 ? null : n / shown)

/** Counts and rates of a set of events. */
export function tally(events: readonly AuditEvent[]): Tally {
  const c = { shown: 0, applied: 0, dismissed: 0, ignored: 0, edited: 0, wrong: 0, reverted: 0, discarded: 0 }
  // Knowledge-card inserts are not phrasing suggestions: they have their own table (knowledge.ts).
  for (const e of events) if (e.outcome !== "inserted") c[e.outcome]++
  // Each `reverted` follows the `applied` it undoes.
  c.applied = Math.max(0, c.applied - c.reverted)
  return {
    ...c,
    appliedRate: rate(c.applied, c.shown),
    dismissedRate: rate(c.dismissed, c.shown),
    ignoredRate: rate(c.ignored, c.shown),
    wrongRate: rate(c.wrong, c.shown),
  }
}

function groupBy<K>(events: readonly AuditEvent[], key: (e: AuditEvent) => K): Map<K, AuditEvent[]> {
  const groups = new Map<K, AuditEvent[]>()
  for (const e of events) {
    const k = key(e)
    const list = groups.get(k)
    if (list) list.push(e)
    else groups.set(k, [e])
  }
  return groups
}

/** One row per rule, most shown first (then by id). */
export function byRule(
  events: readonly AuditEvent[],
  categoryOf: (ruleId: string) => PhrasingCategory | undefined = () => undefined,
): RuleRow[] {
  return [...groupBy(events, (e) => e.ruleId)]
    .map(([ruleId, list]) => {
      const row: RuleRow = { ruleId, tally: tally(list) }
      const category = categoryOf(ruleId)
      if (category) row.category = category
      return row
    })
    .sort((a, b) => b.tally.shown - a.tally.shown || a.ruleId.localeCompare(b.ruleId))
}

/** One row per agent (work number), most shown first. */
export function byAgent(events: readonly AuditEvent[]): AgentRow[] {
  return [...groupBy(events, (e) => e.agentWorkId)]
    .map(([agentWorkId, list]) => {
      const latest = list.reduce((a, b) => (b.at > a.at ? b : a))
      return { agentWorkId, agentName: latest.agentName, tally: tally(list) }
    })
    .sort((a, b) => b.tally.shown - a.tally.shown || a.agentWorkId.localeCompare(b.agentWorkId))
}

function dayStart(at: number, offsetMs: number): number {
  return Math.floor((at + offsetMs) / DAY) * DAY - offsetMs
}

function dayLabel(start: number, offsetMs: number): string {
  return new Date(start + offsetMs).toISOString().slice(0, 10)
}

/**
 * One row per calendar day in the time zone `utcOffsetMinutes` east of UTC (480 for China), from
 * `from` to `to` (default: the first and last event), empty days included so a chart has no gaps.
 * At most `maxDays` rows (the latest ones) so a careless range cannot build a huge chart.
 */
export function byDay(
  events: readonly AuditEvent[],
  opts: { utcOffsetMinutes: number; from?: number; to?: number; maxDays?: number },
): DayRow[] {
  const offsetMs = opts.utcOffsetMinutes * 60_000
  if (events.length === 0 && (opts.from === undefined || opts.to === undefined)) return []
  let min = Infinity
  let max = -Infinity
  for (const e of events) {
    min = Math.min(min, e.at)
    max = Math.max(max, e.at)
  }
  const first = dayStart(opts.from ?? min, offsetMs)
  const last = dayStart(opts.to ?? max, offsetMs)
  if (last < first) return []
  const maxDays = opts.maxDays ?? 366
  const begin = Math.max(first, last - (maxDays - 1) * DAY)
  const groups = groupBy(events, (e) => dayStart(e.at, offsetMs))
  const rows: DayRow[] = []
  for (let start = begin; start <= last; start += DAY)
    rows.push({ day: dayLabel(start, offsetMs), start, tally: tally(groups.get(start) ?? []) })
  return rows
}

/** Distinct values QA can filter on, sorted. */
export function facets(events: readonly AuditEvent[]): {
  agents: { workId: string; name: string }[]
  rules: string[]
  sites: string[]
} {
  const agents = new Map<string, string>()
  const rules = new Set<string>()
  const sites = new Set<string>()
  for (const e of events) {
    agents.set(e.agentWorkId, e.agentName)
    rules.add(e.ruleId)
    sites.add(e.site)
  }
  return {
    agents: [...agents]
      .map(([workId, name]) => ({ workId, name }))
      .sort((a, b) => a.workId.localeCompare(b.workId)),
    rules: [...rules].sort(),
    sites: [...sites].sort(),
  }
}
