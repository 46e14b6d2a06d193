/**
 * The escalation ladder (阶梯联系, manual 九) for the current case: which level to contact now and
 * whom, what to say, and a log of every attempt (做好跟踪工作).
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useMemo, useState, type FormEvent } from "react"

import {
  ATTEMPT_OUTCOMES,
  type AttemptOutcome,
  type CaseRecord,
  type CaseState,
  type CaseType,
  type ContactAttempt,
  type ContactRole,
} from "~lib/cases/model"
import { LADDER } from "~lib/escalation/ladder"
import { formatDuration, nextEscalation, type EscalationDecision } from "~lib/escalation/next-escalation"
import { renderScript } from "~lib/scripts/render"
import { varsFromContext } from "~lib/scripts/slots"
import type { AgentProfile } from "~lib/store/contract"
import type { CasePlace } from "~lib/escalation/case-place"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { lintPhrasing } from "~lib/phrasing/lint"

import { CopyButton } from "../copy-button"
import { primary, type StringKey } from "../i18n"
import { errorMessage, T, useLocale, useT } from "../locale"
import { useServices } from "../services"
import { CasePlacePicker, type CasePlaceState } from "./case-place"
import { useActivePhrasebook } from "../use-active-phrasebook"
import { Field } from "../field"

const DECISION_KEYS: Record<EscalationDecision, StringKey> = {
  start: "decisionStart",
  wait: "decisionWait",
  escalate: "decisionEscalate",
  retry: "decisionRetry",
  exhausted: "decisionExhausted",
}

export const OUTCOME_KEYS: Record<AttemptOutcome, StringKey> = {
  reached: "outcomeReached",
  no_progress: "outcomeNoProgress",
  no_answer: "outcomeNoAnswer",
}

export const ROLE_KEYS: Record<ContactRole, StringKey> = {
  window: "roleWindow",
  site_manager: "roleSiteManager",
  branch_cs: "roleBranchCs",
  company_head: "roleCompanyHead",
  regional_head: "roleRegionalHead",
  hq_dept: "roleHqDept",
}

/** Waiting times move on their own: re-advise this often. */
const TICK_MS = 30_000

export function EscalationPanel(props: {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  profile: AgentProfile | undefined
  /** Outside-complaint threats and repeat contact read from the ticket: they shorten the windows. */
  customer?: CaseState["customer"]
  /** The case's 网点/公司/片区 (saved, or from the page) and how to save the agent's pick. */
  place?: CasePlaceState
  onPlace?: (place: CasePlace) => Promise<void>
}) {
  const { waybill, caseType, record, profile, customer, place, onPlace } = props
  const involved = place ? place.involved : record?.involved
  const { store, now, newId } = useServices()
  const locale = useLocale()
  const t = useT()
  const pick = (b: { zh: string; en: string }) => (locale === "en" ? b.en : b.zh)
  const [at, setAt] = useState(now)
  const [contactName, setContactName] = useState("")
  const [contactId, setContactId] = useState<string | undefined>()
  const [outcome, setOutcome] = useState<AttemptOutcome>("no_answer")
  const [note, setNote] = useState("")
  const [feedback, setFeedback] = useState<{ ok: boolean; message: string } | null>(null)
  const { book } = useActivePhrasebook()
  // Rule 10 (十) for what the agent writes down too: holding goods over internal fees is flagged.
  const noteHeldOverFees = useMemo(
    () => (note.trim() ? lintPhrasing(note, book).filter((f) => f.category === "held-over-fees") : []),
    [note, book],
  )

  useEffect(() => {
    const timer = setInterval(() => setAt(now()), TICK_MS)
    return () => clearInterval(timer)
  }, [now])

  const attempts = useLiveQuery(
    () => (waybill ? store.listAttempts(waybill) : Promise.resolve([] as ContactAttempt[])),
    [store, waybill],
  )
  const contacts = useLiveQuery(() => store.listContacts(), [store])

  if (!waybill)
    return (
      <p className="muted" data-testid="escalation-panel">
        <T k="problemNoWaybill" />
      </p>
    )
  if (!attempts || !contacts)
    return (
      <p className="muted" data-testid="escalation-panel">
        <T k="loading" />
      </p>
    )

  const advice = nextEscalation(
    { waybill, caseType, involved, attempts, customer },
    contacts,
    Math.max(at, now()),
  )
  const script = renderScript(
    advice.scriptId,
    varsFromContext({
      profile,
      waybill: { number: waybill },
      case: { customerName: record?.customerName, ...involved },
      contact: { name: contactName || advice.contacts[0]?.contact.name },
    }),
  )

  const choose = (id: string | undefined, name: string) => {
    setContactId(id)
    setContactName(name)
    setFeedback(null)
    document.getElementById("attempt-note")?.focus()
  }

  const log = async (e: FormEvent) => {
    e.preventDefault()
    if (!contactName.trim()) {
      setFeedback({ ok: false, message: t("attemptNeedsContact") })
      return
    }
    const attempt: ContactAttempt = {
      id: newId(),
      waybill,
      at: now(),
      level: advice.level,
      contactName: contactName.trim().slice(0, 200),
      outcome,
      note: note.trim(),
    }
    if (contactId) attempt.contactId = contactId
    if (profile) attempt.author = { name: profile.name, workId: profile.workId }
    try {
      await store.logAttempt(attempt)
      setNote("")
      setContactId(undefined)
      setContactName("")
      setAt(now())
      setFeedback({ ok: true, message: t("attemptLogged") })
    } catch (error) {
      setFeedback({ ok: false, message: errorMessage(error, locale) })
    }
  }

  return (
    <section className="escalation" data-testid="escalation-panel">
      {place && onPlace && <CasePlacePicker state={place} disabled={!waybill} onSave={onPlace} />}
      <ol className="ladder" aria-label={t("ladder")}>
        {LADDER.map((step) => (
          <li
            key={step.level}
            data-testid="ladder-step"
            className={
              step.level === advice.level ? "current" : step.level < advice.level ? "done" : undefined
            }
            aria-current={step.level === advice.level ? "step" : undefined}
            title={pick(step.description)}
          >
            <span className="ladder-n">{step.level}</span> {pick(step.name)}
          </li>
        ))}
      </ol>

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

      {script.ok && (
        <div className="script">
          <div className="row">
            <strong className="small-text">
              <T k="whatToSay" />
            </strong>
            <CopyButton value={script.text} testid="escalation-script-copy" />
          </div>
          <p className="script-text" data-testid="escalation-script">
            {script.text}
          </p>
        </div>
      )}

      <h3>
        <T k="contactsAtLevel" />
      </h3>
      {contacts.length === 0 && (
        <p className="muted small-text">
          <T k="noContactsLoaded" />
        </p>
      )}
      <ul className="list">
        {advice.contacts.slice(0, 5).map(({ contact, reason }) => (
          <li
            key={contact.id}
            className="list-item"
            data-testid="escalation-next-contact"
            data-contact-id={contact.id}
          >
            <div className="row">
              <span>
                <strong className="contact-name">{contact.name}</strong>{" "}
                <span className="muted small-text">
                  {primary(locale, ROLE_KEYS[contact.role])}
                  {[contact.branch, contact.company, contact.region, contact.department]
                    .filter((x): x is string => Boolean(x))
                    .map((x) => ` · ${x}`)
                    .join("")}
                </span>
              </span>
              <button
                type="button"
                className="small"
                data-testid="escalation-log-this"
                onClick={() => choose(contact.id, contact.name)}
              >
                <T k="logThis" />
              </button>
            </div>
            <div className="small-text contact-details">
              {contact.phone && (
                <span className="phone" data-testid="contact-phone">
                  {contact.phone}
                </span>
              )}
              {contact.phone && <CopyButton value={contact.phone} testid="contact-phone-copy" />}
              {contact.im && (
                <span className="im" data-testid="contact-im">
                  IM {contact.im}
                </span>
              )}
              {contact.im && <CopyButton value={contact.im} testid="contact-im-copy" />}
              {contact.hours && (
                <span className="muted" data-testid="contact-hours">
                  {contact.hours}
                </span>
              )}
            </div>
            <div className="muted small-text">{pick(reason)}</div>
          </li>
        ))}
      </ul>

      <form className="attempt-form" data-testid="escalation-log" onSubmit={(e) => void log(e)}>
        <h3>
          <T k="logAttempt" />
        </h3>
        <div className="field-row">
          <Field label={<T k="contactName" />}>
            <input
              data-testid="attempt-contact"
              value={contactName}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => {
                setContactName(e.target.value)
                setContactId(undefined)
                setFeedback(null)
              }}
            />
          </Field>
          <Field label={<T k="outcome" />}>
            <select
              data-testid="attempt-outcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as AttemptOutcome)}
            >
              {ATTEMPT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(OUTCOME_KEYS[o])}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={<T k="attemptNote" />}>
          <textarea
            id="attempt-note"
            data-testid="attempt-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </Field>
        {noteHeldOverFees.length > 0 && (
          <div className="error held-over-fees" role="alert" data-testid="attempt-rule10">
            <T k="noteHeldOverFees" />: {noteHeldOverFees.map((f) => `“${f.text}”`).join("、")}
            <div className="small-text">
              <T k="heldOverFeesBanner" />
            </div>
          </div>
        )}
        <button type="submit" className="primary" data-testid="attempt-save">
          <T k="save" />
        </button>
        {feedback && (
          <div
            className={feedback.ok ? "ok" : "error"}
            role={feedback.ok ? "status" : "alert"}
            data-testid="attempt-feedback"
          >
            {feedback.message}
          </div>
        )}
      </form>

      <h3>
        <T k="attempts" />
      </h3>
      {attempts.length === 0 && (
        <p className="muted small-text">
          <T k="noAttempts" />
        </p>
      )}
      <ol className="list">
        {[...attempts].reverse().map((a) => (
          <li key={a.id} className="list-item" data-testid="attempt-item">
            <div className="row small-text">
              <span>
                <span className="ladder-n">{a.level}</span> <strong>{a.contactName}</strong> ·{" "}
                <T k={OUTCOME_KEYS[a.outcome]} />
              </span>
              <time className="muted">{formatDateTime(a.at)}</time>
            </div>
            {a.note && <div className="small-text note-text">{a.note}</div>}
            {a.author?.name && (
              <div className="muted small-text">
                {a.author.name}
                {a.author.workId && ` (${a.author.workId})`}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
