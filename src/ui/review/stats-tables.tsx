/** Per-rule and per-agent tables, and the event list QA drills down into. */
import type { ReactNode } from "react"

import type { AgentRow, RuleRow, Tally } from "~lib/audit/aggregate"
import type { AuditEvent } from "~lib/audit/model"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { T, useLocale, useT } from "../locale"
import { CATEGORY_LABELS, label, OUTCOME_KEYS, percent } from "./labels"
import { HeadCells, type Column } from "./table-head"

const TALLY_COLUMNS: Column[] = [
  { k: "qaShown", num: true },
  { k: "qaAppliedRate", num: true },
  { k: "qaReverted", num: true },
  { k: "qaDismissedRate", num: true },
  { k: "qaIgnoredRate", num: true },
  { k: "qaWrongReports", num: true },
]

const EVENT_COLUMNS: Column[] = [
  { k: "qaTime" },
  { k: "qaOutcome" },
  { k: "qaRule" },
  { k: "qaAgent" },
  { k: "qaFlagged" },
  { k: "qaExcerpt" },
  {
    label: (
      <>
        <T k="qaFinalText" /> · <T k="qaReason" />
      </>
    ),
  },
  { k: "qaVersion" },
]

function TallyCells({ tally }: { tally: Tally }) {
  return (
    <>
      <td className="num" data-col="shown">
        {tally.shown}
      </td>
      <td className="num" data-col="applied-rate">
        {percent(tally.appliedRate)}
      </td>
      <td className="num" data-col="reverted">
        {tally.reverted}
      </td>
      <td className="num" data-col="dismissed-rate">
        {percent(tally.dismissedRate)}
      </td>
      <td className="num" data-col="ignored-rate">
        {percent(tally.ignoredRate)}
      </td>
      <td className="num" data-col="wrong">
        {tally.wrong}
      </td>
    </>
  )
}

/**
 * One stats table: a row per key with its tally and a drill-down button; the selected row is marked
 * (`aria-selected` and the class) the same way in every table.
 */
function TallyTable<R>(props: {
  label: string
  rows: R[]
  keyOf: (row: R) => string
  selected?: string
  onDrill: (key: string) => void
  /** The header cells before the tally columns. */
  head: ReactNode
  /** The cells before the tally (the first one a row header). */
  cells: (row: R) => ReactNode
  tally: (row: R) => Tally
  rowTestId: string
  drillTestId: string
  /** Data attributes that name the row for tests and styles. */
  rowData: (row: R) => Record<`data-${string}`, string>
}) {
  return (
    <table className="qa-table" aria-label={props.label}>
      <thead>
        <tr>
          {props.head}
          <HeadCells columns={TALLY_COLUMNS} />
          <th scope="col">
            <span className="sr-only">
              <T k="qaShowEvents" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const key = props.keyOf(r)
          const selected = props.selected === key
          return (
            <tr
              key={key}
              data-testid={props.rowTestId}
              {...props.rowData(r)}
              aria-selected={selected}
              className={selected ? "selected" : undefined}
            >
              {props.cells(r)}
              <TallyCells tally={props.tally(r)} />
              <td>
                <button
                  type="button"
                  className="link"
                  data-testid={props.drillTestId}
                  onClick={() => props.onDrill(key)}
                >
                  <T k="qaShowEvents" />
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** A rule's Chinese title with its id as a small detail below (the id alone when no title is known). */
function RuleName({ id, titleOf }: { id: string; titleOf?: (id: string) => string }) {
  const title = titleOf?.(id) ?? id
  if (title === id) return <code>{id}</code>
  return (
    <>
      <span data-testid="qa-rule-title">{title}</span>
      <div className="muted small-text">
        <code>{id}</code>
      </div>
    </>
  )
}

export function RuleTable({
  titleOf,
  ...props
}: {
  rows: RuleRow[]
  selected?: string
  onDrill: (ruleId: string) => void
  /** Rule id → Chinese title (from the book in force). */
  titleOf?: (id: string) => string
}) {
  const locale = useLocale()
  const t = useT()
  return (
    <TallyTable
      {...props}
      label={t("qaByRule")}
      keyOf={(r) => r.ruleId}
      tally={(r) => r.tally}
      rowTestId="qa-rule-row"
      drillTestId="qa-drill-rule"
      rowData={(r) => ({ "data-rule-id": r.ruleId })}
      head={<HeadCells columns={[{ k: "qaRule" }, { k: "qaCategory" }]} />}
      cells={(r) => (
        <>
          <th scope="row">
            <RuleName id={r.ruleId} titleOf={titleOf} />
          </th>
          <td>{r.category ? label(locale, CATEGORY_LABELS[r.category]) : "—"}</td>
        </>
      )}
    />
  )
}

export function AgentTable(props: {
  rows: AgentRow[]
  selected?: string
  onDrill: (workId: string) => void
}) {
  const t = useT()
  return (
    <TallyTable
      {...props}
      label={t("qaByAgent")}
      keyOf={(r) => r.agentWorkId}
      tally={(r) => r.tally}
      rowTestId="qa-agent-row"
      drillTestId="qa-drill-agent"
      rowData={(r) => ({ "data-work-id": r.agentWorkId })}
      head={<HeadCells columns={[{ k: "qaAgent" }]} />}
      cells={(r) => (
        <th scope="row">
          {r.agentName} <span className="muted">{r.agentWorkId}</span>
        </th>
      )}
    />
  )
}

/** The events behind the numbers, newest first, at most `limit`. */
export function EventList({
  events,
  limit = 200,
  titleOf,
}: {
  events: AuditEvent[]
  limit?: number
  titleOf?: (id: string) => string
}) {
  const t = useT()
  const newest = [...events].sort((a, b) => b.at - a.at).slice(0, limit)
  return (
    <>
      {events.length > limit ? (
        <p className="muted">
          <T k="qaMoreEvents" values={{ n: limit }} />
        </p>
      ) : null}
      <table className="qa-table qa-events" aria-label={t("qaEvents")}>
        <thead>
          <tr>
            <HeadCells columns={EVENT_COLUMNS} />
          </tr>
        </thead>
        <tbody>
          {newest.map((e) => (
            <tr key={e.id} data-testid="qa-event-row" data-outcome={e.outcome} data-rule-id={e.ruleId}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>
                <span className={`qa-outcome qa-outcome-${e.outcome}`}>
                  <T k={OUTCOME_KEYS[e.outcome]} />
                </span>
              </td>
              <td>
                <RuleName id={e.ruleId} titleOf={titleOf} />
              </td>
              <td>
                {e.agentName} <span className="muted">{e.agentWorkId}</span>
                <div className="muted small-text">
                  {e.site}
                  {e.waybill ? ` · ${e.waybill}` : ""}
                </div>
              </td>
              <td>
                <mark>{e.flagged}</mark>
              </td>
              <td className="qa-excerpt">{e.excerpt}</td>
              <td className="qa-excerpt">
                {e.replacement ? <div className="small-text">→ {e.replacement}</div> : null}
                {e.finalText ? <div>{e.finalText}</div> : null}
                {e.reason ? <div className="qa-reason">{e.reason}</div> : null}
              </td>
              <td>{e.phrasebookVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
