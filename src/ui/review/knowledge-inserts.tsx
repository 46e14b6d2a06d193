/** The review page's table of knowledge-card answers agents inserted: per card, with drill-down. */
import type { KnowledgeRow } from "~lib/audit/knowledge"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { HeadCells, type Column } from "./table-head"

const COLUMNS: Column[] = [
  { k: "qaKnowledgeCard" },
  { k: "qaInserts", num: true },
  { k: "qaAgentsCount", num: true },
  { k: "qaLastInsert" },
  { k: "qaPackVersions" },
]

export function KnowledgeInsertTable({
  rows,
  selected,
  onDrill,
}: {
  rows: KnowledgeRow[]
  selected?: string
  onDrill: (ruleId: string) => void
}) {
  return (
    <table className="qa-table" data-testid="qa-knowledge-table">
      <thead>
        <tr>
          <HeadCells columns={COLUMNS} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const ruleId = `knowledge:${r.cardId}`
          return (
            <tr
              key={r.cardId}
              data-testid="qa-knowledge-row"
              data-card-id={r.cardId}
              className={selected === ruleId ? "selected" : undefined}
            >
              <td>
                <button type="button" className="link" onClick={() => onDrill(ruleId)}>
                  {r.title}
                </button>{" "}
                <code className="muted">{r.cardId}</code>
              </td>
              <td className="num" data-col="inserts">
                {r.inserts}
              </td>
              <td className="num">{r.agents}</td>
              <td>{formatDateTime(r.lastAt)}</td>
              <td>{r.versions.join("、")}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
