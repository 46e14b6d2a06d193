/** Per-rule and per-agent tables, and the event list QA drills down into. */
import type { AgentRow, RuleRow, Tally } from "~lib/audit/aggregate"
import type { AuditEvent } from "~lib/audit/model"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { T, useLocale, useT } from "../locale"
import { CATEGORY_LABELS, label, OUTCOME_KEYS, percent } from "./labels"

function TallyHead() {
  return (
    <>
      <th scope="col" className="num">
        <T k="qaShown" />
      </th>
      <th scope="col" className="num">
        <T k="qaAppliedRate" />
      </th>
      <th scope="col" className="num">
        <T k="qaReverted" />
      </th>
      <th scope="col" className="num">
        <T k="qaDismissedRate" />
      </th>
      <th scope="col" className="num">
        <T k="qaIgnoredRate" />
      </th>
      <th scope="col" className="num">
        <T k="qaWrongReports" />
      </th>
    </>
  )
}

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

export function RuleTable({
  rows,
  selected,
  onDrill,
}: {
  rows: RuleRow[]
  selected?: string
  onDrill: (ruleId: string) => void
}) {
  const locale = useLocale()
  const t = useT()
  return (
    <table className="qa-table" aria-label={t("qaByRule")}>
      <thead>
        <tr>
          <th scope="col">
            <T k="qaRule" />
          </th>
          <th scope="col">
            <T k="qaCategory" />
          </th>
          <TallyHead />
          <th scope="col">
            <span className="sr-only">
              <T k="qaShowEvents" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.ruleId}
            data-testid="qa-rule-row"
            data-rule-id={r.ruleId}
            aria-selected={selected === r.ruleId}
            className={selected === r.ruleId ? "selected" : undefined}
          >
            <th scope="row">
              <code>{r.ruleId}</code>
            </th>
            <td>{r.category ? label(locale, CATEGORY_LABELS[r.category]) : "—"}</td>
            <TallyCells tally={r.tally} />
            <td>
              <button
                type="button"
                className="link"
                data-testid="qa-drill-rule"
                onClick={() => onDrill(r.ruleId)}
              >
                <T k="qaShowEvents" />
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function AgentTable({
  rows,
  selected,
  onDrill,
}: {
  rows: AgentRow[]
  selected?: string
  onDrill: (workId: string) => void
}) {
  const t = useT()
  return (
    <table className="qa-table" aria-label={t("qaByAgent")}>
      <thead>
        <tr>
          <th scope="col">
            <T k="qaAgent" />
          </th>
          <TallyHead />
          <th scope="col">
            <span className="sr-only">
              <T k="qaShowEvents" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.agentWorkId}
            data-testid="qa-agent-row"
            data-work-id={r.agentWorkId}
            className={selected === r.agentWorkId ? "selected" : undefined}
          >
            <th scope="row">
              {r.agentName} <span className="muted">{r.agentWorkId}</span>
            </th>
            <TallyCells tally={r.tally} />
            <td>
              <button
                type="button"
                className="link"
                data-testid="qa-drill-agent"
                onClick={() => onDrill(r.agentWorkId)}
              >
                <T k="qaShowEvents" />
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The events behind the numbers, newest first, at most `limit`. */
export function EventList({ events, limit = 200 }: { events: AuditEvent[]; limit?: number }) {
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
            <th scope="col">
              <T k="qaTime" />
            </th>
            <th scope="col">
              <T k="qaOutcome" />
            </th>
            <th scope="col">
              <T k="qaRule" />
            </th>
            <th scope="col">
              <T k="qaAgent" />
            </th>
            <th scope="col">
              <T k="qaFlagged" />
            </th>
            <th scope="col">
              <T k="qaExcerpt" />
            </th>
            <th scope="col">
              <T k="qaFinalText" /> · <T k="qaReason" />
            </th>
            <th scope="col">
              <T k="qaVersion" />
            </th>
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
                <code>{e.ruleId}</code>
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
