/**
 * The team-wide conversation figures on the review page (issue 19): scorecard pass rates per agent
 * and per checklist item, replies sent, and handoffs / takeovers / contact attempts per agent — all
 * from the server's views (the same rows `ratesByAgent` / `ratesByItem` give locally).
 */
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { Phrasebook } from "~lib/phrasing/types"
import type { AgentRateRow, ItemRateRow } from "~lib/qa/aggregate"

import { T } from "../locale"
import { useItemLabel } from "./conversation-review"
import { AgentRatesTable, ItemRatesTable } from "./rate-tables"
import { HeadCells } from "./table-head"

/** What the worker sends along with the audit figures (maps as [key, count] pairs). */
export interface TeamConversationMessage {
  conversations?: { items: ItemRateRow[]; agents: AgentRateRow[]; sent: [string, number][] }
  handoffs?: [string, number][]
}

const KINDS = ["handoff", "takeover", "attempt"] as const

export function TeamConversationTables({
  figures,
  book,
}: {
  figures: TeamConversationMessage
  book: Phrasebook | undefined
}) {
  const itemLabel = useItemLabel(book ?? DEFAULT_PHRASEBOOK)
  const conv = figures.conversations
  const sent = new Map(conv?.sent ?? [])
  const byAgent = new Map<string, Record<(typeof KINDS)[number], number>>()
  for (const [key, n] of figures.handoffs ?? []) {
    const [kind, agent] = key.split("\u0000")
    if (!(KINDS as readonly string[]).includes(kind) || agent === undefined) continue
    const row = byAgent.get(agent) ?? { handoff: 0, takeover: 0, attempt: 0 }
    row[kind as (typeof KINDS)[number]] += n
    byAgent.set(agent, row)
  }
  return (
    <div data-testid="team-qa-conversations">
      <h3>
        <T k="teamQaConversations" />
      </h3>
      <AgentRatesTable
        rows={conv?.agents ?? []}
        sent={sent}
        testid="team-conv-agents"
        rowTestid="team-conv-agent-row"
      />
      <ItemRatesTable
        rows={conv?.items ?? []}
        itemLabel={itemLabel}
        testid="team-conv-items"
        rowTestid="team-conv-item-row"
      />
      <h3>
        <T k="teamQaHandoffs" />
      </h3>
      <table className="qa-table" data-testid="team-handoff-counts">
        <thead>
          <tr>
            <HeadCells
              columns={[
                { k: "convAgent" },
                { k: "teamQaHandoffCount", num: true },
                { k: "teamQaTakeoverCount", num: true },
                { k: "teamQaAttemptCount", num: true },
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {[...byAgent].map(([agent, r]) => (
            <tr key={agent} data-testid="team-handoff-row" data-agent={agent}>
              <td>{agent}</td>
              <td className="num">{r.handoff}</td>
              <td className="num">{r.takeover}</td>
              <td className="num">{r.attempt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
