/** The form that logs one contact attempt: whom, the outcome, a note (checked against rule 10). */
import { useState, type FormEvent } from "react"

import { ATTEMPT_OUTCOMES, type AttemptOutcome, type Contact, type ContactAttempt } from "~lib/cases/model"
import type { AgentProfile } from "~lib/store/contract"

import { Field } from "../field"
import { errorMessage, T, useLocale, useT } from "../locale"
import { useServices } from "../services"
import { SelectField } from "../select-field"
import { TextField } from "../text-field"
import { StatusBox, type Status } from "../status-box"
import { OUTCOME_KEYS } from "./escalation-labels"
import { HeldOverFeesAlert, useHeldOverFees } from "./held-over-fees"

/** Whom the attempt being written is with (typed, or chosen from the list), and the last answer. */
export function useAttemptContact() {
  const [contact, setContact] = useState<{ id?: string; name: string }>({ name: "" })
  const [feedback, setFeedback] = useState<Status | null>(null)
  return {
    contact,
    feedback,
    setFeedback,
    /** From the contact list: into the form, and the note gets the focus. */
    choose: (c: Contact) => {
      setContact({ id: c.id, name: c.name })
      setFeedback(null)
      document.getElementById("attempt-note")?.focus()
    },
    /** Typed by the agent: no longer a directory contact. */
    type: (name: string) => {
      setContact({ name })
      setFeedback(null)
    },
    clear: () => setContact({ name: "" }),
  }
}

export function AttemptForm(props: {
  waybill: string
  /** The advised level the attempt is logged at. */
  level: ContactAttempt["level"]
  profile: AgentProfile | undefined
  attempt: ReturnType<typeof useAttemptContact>
  onLogged: () => void
}) {
  const { waybill, level, profile, attempt } = props
  const { contact, feedback, setFeedback } = attempt
  const { store, now, newId } = useServices()
  const locale = useLocale()
  const t = useT()
  const [outcome, setOutcome] = useState<AttemptOutcome>("no_answer")
  const [note, setNote] = useState("")
  const heldOverFees = useHeldOverFees(note)

  const log = async (e: FormEvent) => {
    e.preventDefault()
    if (!contact.name.trim()) {
      setFeedback({ kind: "error", message: t("attemptNeedsContact") })
      return
    }
    const record: ContactAttempt = {
      id: newId(),
      waybill,
      at: now(),
      level,
      contactName: contact.name.trim().slice(0, 200),
      outcome,
      note: note.trim(),
    }
    if (contact.id) record.contactId = contact.id
    if (profile) record.author = { name: profile.name, workId: profile.workId }
    try {
      await store.logAttempt(record)
      setNote("")
      attempt.clear()
      props.onLogged()
      setFeedback({ kind: "ok", message: t("attemptLogged") })
    } catch (error) {
      setFeedback({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <form className="attempt-form" data-testid="escalation-log" onSubmit={(e) => void log(e)}>
      <h3>
        <T k="logAttempt" />
      </h3>
      <div className="field-row">
        <TextField
          label={<T k="contactName" />}
          testid="attempt-contact"
          value={contact.name}
          maxLength={200}
          autoComplete="off"
          onValue={attempt.type}
        />
        <SelectField
          label={<T k="outcome" />}
          testid="attempt-outcome"
          value={outcome}
          choices={ATTEMPT_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_KEYS[o]) }))}
          onChange={setOutcome}
        />
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
      <HeldOverFeesAlert findings={heldOverFees} testid="attempt-rule10" />
      <button type="submit" className="primary" data-testid="attempt-save">
        <T k="save" />
      </button>
      <StatusBox status={feedback} testid="attempt-feedback" />
    </form>
  )
}
