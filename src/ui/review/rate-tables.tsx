/**
 * The conversation checklist's pass rates per agent and per item: one pair of tables for the local
 * figures (with drill-down) and the team server's (with replies sent per agent).
 */
import { emptyAgentRate, type AgentRateRow, type ItemRateRow } from "~lib/qa/aggregate"
import type { ItemId } from "~lib/qa/types"

import { percent } from "./labels"
import { HeadCells, type Column } from "./table-head"

const AGENT_RATE_COLUMNS: Column[] = [
  { k: "convCount", num: true },
  { k: "convPass", num: true },
  { k: "convFail", num: true },
  { k: "convRate", num: true },
  { k: "convScore", num: true },
]

/** "李娜 (A1)", or the work id alone; "—" for a missing work id. */
function agentText(row: Pick<AgentRateRow, "agentName" | "agentWorkId">): string {
  const id = row.agentWorkId || "—"
  return row.agentName ? `${row.agentName} (${id})` : id
}

export function AgentRatesTable(props: {
  rows: AgentRateRow[]
  testid: string
  rowTestid: string
  /** Team figures: replies sent per agent, a column of its own (agents who only sent get a row). */
  sent?: Map<string, number>
  /** Local figures: the agent's name drills down to their conversations. */
  onDrill?: (agentWorkId: string) => void
}) {
  const { sent, onDrill } = props
  const byId = new Map(props.rows.map((r) => [r.agentWorkId, r]))
  const ids = sent ? [...new Set([...byId.keys(), ...sent.keys()])] : [...byId.keys()]
  return (
    <table className="qa-table" data-testid={props.testid}>
      <thead>
        <tr>
          <HeadCells
            columns={[
              { k: "convAgent" },
              ...(sent ? [{ k: "teamQaSent", num: true } as const] : []),
              ...AGENT_RATE_COLUMNS,
            ]}
          />
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => {
          const a = byId.get(id) ?? emptyAgentRate(id)
          return (
            <tr key={id} data-testid={props.rowTestid} data-agent={id}>
              <td>
                {onDrill ? (
                  <button
                    type="button"
                    className="link"
                    data-testid="conv-drill-agent"
                    onClick={() => onDrill(id)}
                  >
                    {agentText(a)}
                  </button>
                ) : (
                  agentText(a)
                )}
              </td>
              {sent && <td className="num">{sent.get(id) ?? 0}</td>}
              <td className="num">{a.conversations}</td>
              <td className="num">{a.pass}</td>
              <td className="num">{a.fail}</td>
              <td className="num" data-col="rate">
                {percent(a.rate)}
              </td>
              <td className="num">{percent(a.meanScore)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

const ITEM_RATE_COLUMNS: Column[] = [
  { k: "convItem" },
  { k: "convPass", num: true },
  { k: "convFail", num: true },
  { k: "convNa", num: true },
  { k: "convRate", num: true },
]

export function ItemRatesTable(props: {
  rows: ItemRateRow[]
  itemLabel: (id: ItemId) => string
  testid: string
  rowTestid: string
  /** Local figures: an item's failures drill down to the conversations that failed it. */
  onDrillFailures?: (id: ItemId) => void
}) {
  const { onDrillFailures } = props
  return (
    <table className="qa-table" data-testid={props.testid}>
      <thead>
        <tr>
          <HeadCells columns={ITEM_RATE_COLUMNS} />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((i) => (
          <tr key={i.id} data-testid={props.rowTestid} data-item={i.id}>
            <td>{props.itemLabel(i.id)}</td>
            <td className="num">{i.pass}</td>
            <td className="num">
              {onDrillFailures ? (
                <button
                  type="button"
                  className="link"
                  data-testid="conv-drill-item"
                  disabled={!i.fail}
                  onClick={() => onDrillFailures(i.id)}
                >
                  {i.fail}
                </button>
              ) : (
                i.fail
              )}
            </td>
            <td className="num">{i.na}</td>
            <td className="num" data-col="rate">
              {percent(i.rate)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
