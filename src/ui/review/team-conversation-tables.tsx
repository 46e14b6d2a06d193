/**
 * The team-wide conversation figures on the review page (issue 19): scorecard pass rates per agent
 * and per checklist item, replies sent, and handoffs / takeovers / contact attempts per agent — all
 * from the server's views (the same rows `ratesByAgent` / `ratesByItem` give locally).
 */
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { Phrasebook } from "~lib/phrasing/types"
import type { AgentRateRow, ItemRateRow } from "~lib/qa/aggregate"
import type { ItemId } from "~lib/qa/types"

import { T } from "../locale"
import { useItemLabel } from "./conversation-review"
import { percent } from "./labels"

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
  const agentsWithSent = [...new Set([...(conv?.agents.map((a) => a.agentWorkId) ?? []), ...sent.keys()])]
  const rowOf = new Map(conv?.agents.map((a) => [a.agentWorkId, a]) ?? [])
  return (
    <div data-testid="team-qa-conversations">
      <h3>
        <T k="teamQaConversations" />
      </h3>
      <table className="qa-table" data-testid="team-conv-agents">
        <thead>
          <tr>
            <th scope="col">
              <T k="convAgent" />
            </th>
            <th scope="col" className="num">
              <T k="teamQaSent" />
            </th>
            <th scope="col" className="num">
              <T k="convCount" />
            </th>
            <th scope="col" className="num">
              <T k="convPass" />
            </th>
            <th scope="col" className="num">
              <T k="convFail" />
            </th>
            <th scope="col" className="num">
              <T k="convRate" />
            </th>
            <th scope="col" className="num">
              <T k="convScore" />
            </th>
          </tr>
        </thead>
        <tbody>
          {agentsWithSent.map((id) => {
            const a = rowOf.get(id)
            return (
              <tr key={id} data-testid="team-conv-agent-row" data-agent={id}>
                <td>{a?.agentName ? `${a.agentName} (${id})` : id}</td>
                <td className="num">{sent.get(id) ?? 0}</td>
                <td className="num">{a?.conversations ?? 0}</td>
                <td className="num">{a?.pass ?? 0}</td>
                <td className="num">{a?.fail ?? 0}</td>
                <td className="num" data-col="rate">
                  {percent(a?.rate ?? null)}
                </td>
                <td className="num">{percent(a?.meanScore ?? null)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <table className="qa-table" data-testid="team-conv-items">
        <thead>
          <tr>
            <th scope="col">
              <T k="convItem" />
            </th>
            <th scope="col" className="num">
              <T k="convPass" />
            </th>
            <th scope="col" className="num">
              <T k="convFail" />
            </th>
            <th scope="col" className="num">
              <T k="convNa" />
            </th>
            <th scope="col" className="num">
              <T k="convRate" />
            </th>
          </tr>
        </thead>
        <tbody>
          {(conv?.items ?? []).map((i) => (
            <tr key={i.id} data-testid="team-conv-item-row" data-item={i.id}>
              <td>{itemLabel(i.id as ItemId)}</td>
              <td className="num">{i.pass}</td>
              <td className="num">{i.fail}</td>
              <td className="num">{i.na}</td>
              <td className="num" data-col="rate">
                {percent(i.rate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        <T k="teamQaHandoffs" />
      </h3>
      <table className="qa-table" data-testid="team-handoff-counts">
        <thead>
          <tr>
            <th scope="col">
              <T k="convAgent" />
            </th>
            <th scope="col" className="num">
              <T k="teamQaHandoffCount" />
            </th>
            <th scope="col" className="num">
              <T k="teamQaTakeoverCount" />
            </th>
            <th scope="col" className="num">
              <T k="teamQaAttemptCount" />
            </th>
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
