/**
 * Team-wide QA figures on the review page (issue 19): for a user whose team-server role is QA, the
 * same tables and chart as the local trail, computed by the server's views (`_count` reduces by day,
 * rule, agent, outcome) so the page stays fast at millions of events. Whole days of the period.
 * Renders nothing unless the admin's policy names a team server.
 */
import { useEffect, useState } from "react"

import type { Phrasebook } from "~lib/phrasing/types"
import type { TeamStatus } from "~lib/protocol/types"
import type { TeamQaFigures } from "~lib/team/qa-views"

import { callBackground } from "../background"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import { percent, ruleTitles } from "./labels"
import { RateChart } from "./rate-chart"
import { AgentTable, RuleTable } from "./stats-tables"
import { TeamConversationTables, type TeamConversationMessage } from "./team-conversation-tables"

export function TeamQaPanel({ from, to, book }: { from: number; to: number; book?: Phrasebook }) {
  const { platform } = useServices()
  const locale = useLocale()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [figures, setFigures] = useState<(TeamQaFigures & TeamConversationMessage) | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    callBackground(platform, "team.status", {}).then(setStatus, () => setStatus(null))
  }, [platform])

  // The period by calendar day: `to` defaults to "now" and moves on every render.
  const period = `${new Date(from).toDateString()}|${new Date(to).toDateString()}`
  useEffect(() => setFigures(null), [period])

  if (!status || status.state === "off") return null

  const load = async () => {
    setBusy(true)
    setError(null)
    try {
      const r = await callBackground(platform, "team.qa", { from, to })
      if (r.ok) setFigures(r.figures as TeamQaFigures & TeamConversationMessage)
      else setError(r.error ?? "")
    } catch (err) {
      setError(errorMessage(err, locale))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="qa-section" aria-labelledby="team-qa-title" data-testid="team-qa">
      <h2 id="team-qa-title">
        <T k="teamQaTitle" />
      </h2>
      {status.state === "ok" && !status.isQa ? (
        <p className="muted" data-testid="team-qa-not-qa">
          <T k="teamQaNotQa" />
        </p>
      ) : (
        <button
          type="button"
          onClick={() => void load()}
          disabled={busy || status.state !== "ok"}
          data-testid="team-qa-load"
        >
          <T k="teamQaLoad" />
        </button>
      )}
      {error ? (
        <div className="error" role="alert" data-testid="team-qa-error">
          {error === "not-qa" ? <T k="teamQaNotQa" /> : error}
        </div>
      ) : null}
      {figures ? (
        <div data-testid="team-qa-figures">
          <p data-testid="team-qa-totals">
            <T
              k="teamQaTotals"
              values={{
                shown: figures.total.shown,
                applied: percent(figures.total.appliedRate),
                ignored: percent(figures.total.ignoredRate),
                wrong: percent(figures.total.wrongRate),
              }}
            />
          </p>
          <RateChart days={figures.days} />
          <div className="qa-columns">
            <div>
              <h3>
                <T k="teamQaRules" />
              </h3>
              <RuleTable
                rows={figures.rules}
                onDrill={() => undefined}
                titleOf={book ? ruleTitles(book) : undefined}
              />
            </div>
            <div>
              <h3>
                <T k="teamQaAgents" />
              </h3>
              <AgentTable rows={figures.agents} onDrill={() => undefined} />
            </div>
          </div>
          <TeamConversationTables figures={figures} book={book} />
        </div>
      ) : null}
    </section>
  )
}
