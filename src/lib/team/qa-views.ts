/**
 * Team-wide QA figures from the views of `design.ts`: which view ranges to ask for, and how the
 * reduced rows fold into the same Tally / rule / agent / day rows the local aggregation
 * (`audit/aggregate.ts`) computes from events. Pure.
 */
import type { AgentRow, DayRow, RuleRow, Tally } from "../audit/aggregate"
import { AUDIT_OUTCOMES, type AuditOutcome } from "../audit/model"
import type { AgentRateRow, ItemRateRow } from "../qa/aggregate"
import { ITEM_IDS, type ItemId } from "../qa/types"

const DAY = 86_400_000

/** One row of a grouped `_count` view. */
export interface CountRow {
  key: unknown[]
  value: number
}

/** One row of the `agent-name` view grouped at level 2 (`_stats` value). */
export interface StatsRow {
  key: unknown[]
  value: { max: number }
}

// Knowledge-card inserts are not phrasing suggestions: counted apart, as in `aggregate.tally`.
type CountedOutcome = Exclude<AuditOutcome, "inserted">
type Counts = Record<CountedOutcome, number>

const zero = (): Counts => ({ shown: 0, applied: 0, dismissed: 0, ignored: 0, edited: 0, wrong: 0 })
const isOutcome = (v: unknown): v is CountedOutcome =>
  typeof v === "string" && v !== "inserted" && (AUDIT_OUTCOMES as readonly string[]).includes(v)

/** The Tally of counted outcomes, rates over `shown` exactly as `aggregate.tally` gives them. */
export function tallyFromCounts(c: Counts): Tally {
  const rate = (n: number) => (c.shown === 0 ? null : n / c.shown)
  return {
    ...c,
    appliedRate: rate(c.applied),
    dismissedRate: rate(c.dismissed),
    ignoredRate: rate(c.ignored),
    wrongRate: rate(c.wrong),
  }
}

/** "YYYY-MM-DD" of `at` in the zone `utcOffsetMinutes` east of UTC (the views' day key). */
export function dayKey(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** startkey / endkey of a day-first view for the period [from, to] (inclusive, epoch ms). */
export function dayRange(
  from: number,
  to: number,
  utcOffsetMinutes: number,
): { startkey: unknown[]; endkey: unknown[] } {
  return { startkey: [dayKey(from, utcOffsetMinutes)], endkey: [dayKey(to, utcOffsetMinutes), {}] }
}

function foldBy(rows: readonly CountRow[], part: number): Map<string, Counts> {
  const out = new Map<string, Counts>()
  for (const row of rows) {
    const name = row.key[part]
    const outcome = row.key[row.key.length - 1]
    if (typeof name !== "string" || !isOutcome(outcome) || typeof row.value !== "number") continue
    const counts = out.get(name) ?? zero()
    counts[outcome] += row.value
    out.set(name, counts)
  }
  return out
}

/** The rows of the views, as `TeamQaClient` fetched them (grouped at the key's full length). */
export interface QaViewRows {
  dayOutcome: CountRow[]
  dayRuleOutcome: CountRow[]
  dayAgentOutcome: CountRow[]
  agentNames: StatsRow[]
}

/** Team figures in the shapes of the local aggregation. */
export interface TeamQaFigures {
  total: Tally
  rules: RuleRow[]
  agents: AgentRow[]
  days: DayRow[]
}

/**
 * Folds the view rows into figures. Days are listed from the first to the last day with data
 * (empty days included, like `byDay`), at most `maxDays`; `dayStartOf` maps a day key to its epoch ms.
 */
export function foldQaViews(
  rows: QaViewRows,
  opts: { utcOffsetMinutes: number; maxDays?: number },
): TeamQaFigures {
  const total = zero()
  for (const counts of foldBy(rows.dayOutcome, 0).values())
    for (const o of AUDIT_OUTCOMES) if (o !== "inserted") total[o] += counts[o]

  const rules = [...foldBy(rows.dayRuleOutcome, 1)]
    .map(([ruleId, c]): RuleRow => ({ ruleId, tally: tallyFromCounts(c) }))
    .sort((a, b) => b.tally.shown - a.tally.shown || a.ruleId.localeCompare(b.ruleId))

  const latestName = new Map<string, { name: string; at: number }>()
  for (const row of rows.agentNames) {
    const [agent, name] = row.key
    if (typeof agent !== "string" || typeof name !== "string") continue
    const seen = latestName.get(agent)
    if (!seen || row.value.max > seen.at) latestName.set(agent, { name, at: row.value.max })
  }
  const agents = [...foldBy(rows.dayAgentOutcome, 1)]
    .map(([agentWorkId, c]): AgentRow => ({
      agentWorkId,
      agentName: latestName.get(agentWorkId)?.name ?? "",
      tally: tallyFromCounts(c),
    }))
    .sort((a, b) => b.tally.shown - a.tally.shown || a.agentWorkId.localeCompare(b.agentWorkId))

  const byDay = foldBy(rows.dayOutcome, 0)
  const offsetMs = opts.utcOffsetMinutes * 60_000
  const starts = [...byDay.keys()].map((d) => Date.parse(`${d}T00:00:00Z`) - offsetMs).sort((a, b) => a - b)
  const days: DayRow[] = []
  if (starts.length > 0) {
    const last = starts[starts.length - 1]
    const first = Math.max(starts[0], last - ((opts.maxDays ?? 366) - 1) * DAY)
    for (let start = first; start <= last; start += DAY) {
      const day = new Date(start + offsetMs).toISOString().slice(0, 10)
      days.push({ day, start, tally: tallyFromCounts(byDay.get(day) ?? zero()) })
    }
  }
  return { total: tallyFromCounts(total), rules, agents, days }
}

/** Reads the team-wide QA figures of [from, to] through the views (QA role only: members read all). */
export async function fetchTeamQa(
  client: {
    view<R>(db: string, ddoc: string, view: string, params?: Record<string, unknown>): Promise<{ rows: R[] }>
  },
  config: { qaDb: string; utcOffsetMinutes: number },
  period: { from: number; to: number },
): Promise<TeamQaFigures> {
  const range = dayRange(period.from, period.to, config.utcOffsetMinutes)
  const grouped = { ...range, group: true }
  const [dayOutcome, dayRuleOutcome, dayAgentOutcome, agentNames] = await Promise.all([
    client.view<CountRow>(config.qaDb, "sidekick", "day-outcome", grouped),
    client.view<CountRow>(config.qaDb, "sidekick", "day-rule-outcome", grouped),
    client.view<CountRow>(config.qaDb, "sidekick", "day-agent-outcome", grouped),
    client.view<StatsRow>(config.qaDb, "sidekick", "agent-name", { group: true }),
  ])
  return foldQaViews(
    {
      dayOutcome: dayOutcome.rows,
      dayRuleOutcome: dayRuleOutcome.rows,
      dayAgentOutcome: dayAgentOutcome.rows,
      agentNames: agentNames.rows,
    },
    { utcOffsetMinutes: config.utcOffsetMinutes },
  )
}

/** One row of a grouped `_sum` view whose value is an array of numbers. */
export interface SumRow {
  key: unknown[]
  value: number[]
}

/** Conversation figures from the scorecard views, in the shapes of `qa/aggregate.ts`. */
export interface TeamConversationFigures {
  items: ItemRateRow[]
  agents: AgentRateRow[]
}

const passRate = (pass: number, fail: number): number | null =>
  pass + fail === 0 ? null : pass / (pass + fail)

/**
 * Folds the `day-item` and `day-agent-card` rows (grouped at full key length, days folded away here)
 * into the rows `ratesByItem` and `ratesByAgent` give for the same conversations scored as ended.
 * Agent names come from the `agent-name` rows.
 */
export function foldScorecardViews(rows: {
  dayItem: SumRow[]
  dayAgentCard: SumRow[]
  agentNames?: StatsRow[]
}): TeamConversationFigures {
  const items = new Map<ItemId, ItemRateRow>(
    ITEM_IDS.map((id) => [id, { id, pass: 0, fail: 0, na: 0, rate: null }]),
  )
  for (const row of rows.dayItem) {
    const item = items.get(row.key[1] as ItemId)
    if (!item || !Array.isArray(row.value)) continue
    item.pass += row.value[0] ?? 0
    item.fail += row.value[1] ?? 0
    item.na += row.value[2] ?? 0
  }
  const names = new Map<string, { name: string; at: number }>()
  for (const row of rows.agentNames ?? []) {
    const [agent, name] = row.key
    if (typeof agent !== "string" || typeof name !== "string" || !name) continue
    const seen = names.get(agent)
    if (!seen || row.value.max > seen.at) names.set(agent, { name, at: row.value.max })
  }
  const agents = new Map<string, number[]>()
  for (const row of rows.dayAgentCard) {
    const agent = row.key[1]
    if (typeof agent !== "string" || !Array.isArray(row.value)) continue
    const sum = agents.get(agent) ?? [0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 6; i++) sum[i] += row.value[i] ?? 0
    agents.set(agent, sum)
  }
  return {
    items: [...items.values()].map((r) => ({ ...r, rate: passRate(r.pass, r.fail) })),
    agents: [...agents]
      .filter(([, s]) => s[3] > 0)
      .map(([agentWorkId, [pass, fail, na, conversations, scoreSum, scored]]): AgentRateRow => {
        const row: AgentRateRow = {
          agentWorkId,
          conversations,
          pass,
          fail,
          na,
          rate: passRate(pass, fail),
          meanScore: scored > 0 ? scoreSum / scored : null,
        }
        const name = names.get(agentWorkId)?.name
        if (name) row.agentName = name
        return row
      })
      .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.agentWorkId.localeCompare(b.agentWorkId)),
  }
}

/** Counts per (first key part after the day) and agent, days folded away: sent replies, handoffs… */
export function foldDayCounts(rows: readonly CountRow[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const row of rows) {
    if (typeof row.value !== "number") continue
    const key = row.key.slice(1).map(String).join("\u0000")
    out.set(key, (out.get(key) ?? 0) + row.value)
  }
  return out
}

type ViewClient = {
  view<R>(db: string, ddoc: string, view: string, params?: Record<string, unknown>): Promise<{ rows: R[] }>
}

/**
 * Team-wide conversation QA of the conversations started in [from, to]: scorecard rates per item and
 * agent, and sent replies per agent (`agent` → count), through the views.
 */
export async function fetchTeamConversations(
  client: ViewClient,
  config: { qaDb: string; utcOffsetMinutes: number },
  period: { from: number; to: number },
): Promise<TeamConversationFigures & { sent: Map<string, number> }> {
  const grouped = { ...dayRange(period.from, period.to, config.utcOffsetMinutes), group: true }
  const [dayItem, dayAgentCard, sent, agentNames] = await Promise.all([
    client.view<SumRow>(config.qaDb, "sidekick", "day-item", grouped),
    client.view<SumRow>(config.qaDb, "sidekick", "day-agent-card", grouped),
    client.view<CountRow>(config.qaDb, "sidekick", "day-agent-sent", grouped),
    client.view<StatsRow>(config.qaDb, "sidekick", "agent-name", { group: true }),
  ])
  return {
    ...foldScorecardViews({
      dayItem: dayItem.rows,
      dayAgentCard: dayAgentCard.rows,
      agentNames: agentNames.rows,
    }),
    sent: foldDayCounts(sent.rows),
  }
}

/** Handoffs, takeovers and contact attempts per kind and agent ("kind\0agent" → count) in [from, to]. */
export async function fetchTeamHandoffCounts(
  client: ViewClient,
  config: { handoffsDb: string; utcOffsetMinutes: number },
  period: { from: number; to: number },
): Promise<Map<string, number>> {
  const grouped = { ...dayRange(period.from, period.to, config.utcOffsetMinutes), group: true }
  const res = await client.view<CountRow>(config.handoffsDb, "sidekick", "day-kind-agent", grouped)
  return foldDayCounts(res.rows)
}
