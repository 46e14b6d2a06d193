/** The ladder's steps, what to do now (decision, level, reason, waiting times) and what to say. */
import { LADDER } from "~lib/escalation/ladder"
import { formatDuration, type EscalationAdvice as Advice } from "~lib/escalation/next-escalation"

import { CopyButton } from "../copy-button"
import { primary } from "../i18n"
import { T, useLocale, usePick, useT } from "../locale"
import { DECISION_KEYS } from "./escalation-labels"

/** The six levels, the current one marked (aria-current) and the ones below it done. */
export function LadderSteps({ level }: { level: number }) {
  const t = useT()
  const pick = usePick()
  return (
    <ol className="ladder" aria-label={t("ladder")}>
      {LADDER.map((step) => (
        <li
          key={step.level}
          data-testid="ladder-step"
          className={step.level === level ? "current" : step.level < level ? "done" : undefined}
          aria-current={step.level === level ? "step" : undefined}
          title={pick(step.description)}
        >
          <span className="ladder-n">{step.level}</span> {pick(step.name)}
        </li>
      ))}
    </ol>
  )
}

export function EscalationAdvice({ advice }: { advice: Advice }) {
  const locale = useLocale()
  const pick = usePick()
  return (
    <div
      className={advice.urgent ? "advice urgent" : "advice"}
      data-testid="escalation-advice"
      data-decision={advice.decision}
      data-level={advice.level}
    >
      <div className="row">
        {advice.urgent && (
          <span className="badge urgent" data-testid="escalation-urgent">
            <T k="urgent" />
          </span>
        )}
        <strong data-testid="escalation-decision">
          <T k={DECISION_KEYS[advice.decision]} />
        </strong>
        <span className="muted small-text" data-testid="escalation-level">
          {primary(locale, "level", { n: advice.level })} · {pick(advice.levelName)}
        </span>
      </div>
      <p className="small-text" data-testid="escalation-reason">
        {pick(advice.reason)}
      </p>
      {advice.sinceLastAttemptMs !== null && (
        <p className="small-text" data-testid="escalation-since-last">
          {primary(locale, "sinceLastAttempt", { time: pick(formatDuration(advice.sinceLastAttemptMs)) })}
        </p>
      )}
      {advice.waitBeforeRetryMs > 0 && (
        <p className="small-text">
          {primary(locale, "waitFor", { time: pick(formatDuration(advice.waitBeforeRetryMs)) })}
        </p>
      )}
      {advice.notes.map((n, i) => (
        <p key={i} className="muted small-text">
          {pick(n)}
        </p>
      ))}
    </div>
  )
}

/** The script for this level, rendered with the case's values, to read out or copy. */
export function EscalationScript({ text }: { text: string }) {
  return (
    <div className="script">
      <div className="row">
        <strong className="small-text">
          <T k="whatToSay" />
        </strong>
        <CopyButton value={text} testid="escalation-script-copy" />
      </div>
      <p className="script-text" data-testid="escalation-script">
        {text}
      </p>
    </div>
  )
}
