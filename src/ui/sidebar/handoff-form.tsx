/**
 * The handoff note form (交接, manual 七). The unsaved draft is kept per waybill in extension storage,
 * so reloading the CRM, switching tickets or a failed save never loses what the agent typed.
 */
import type { KeyboardEvent } from "react"

import { isDraftEmpty } from "~lib/ui-logic/drafts"
import { callbackFromPromise } from "~lib/ui-logic/callback-time"
import { openingTime, parseBusinessHours } from "~lib/ui-logic/business-hours"

import { Field } from "../field"
import { T, useT } from "../locale"
import { useServices } from "../services"
import { TextField } from "../text-field"
import { CaseStatusSelect } from "./case-status-select"
import { CallbackField } from "./handoff-callback"
import { HandoffFeedback } from "./handoff-feedback"
import { HeldOverFeesAlert, useHeldOverFees } from "./held-over-fees"
import { useHandoffNote, type HandoffNoteInput } from "./use-handoff-note"

export type { HandoffPrefill } from "./use-handoff-note"

type NoteTextKey = "problem" | "actionsTaken" | "contacted" | "promise" | "nextStep"

/** One free-text field of the note; the field name is also its label's i18n key. */
function NoteText(props: {
  name: NoteTextKey
  testid: string
  rows: number
  value: string
  onChange: (name: NoteTextKey, value: string) => void
}) {
  return (
    <Field label={<T k={props.name} />} className="wide">
      <textarea
        data-testid={props.testid}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(props.name, e.target.value)}
      />
    </Field>
  )
}

/** Until the profile has a name and work id, notes would go out unsigned: say so, with the way there. */
function ProfileMissing() {
  const { platform } = useServices()
  return (
    <div className="notice" data-testid="profile-missing">
      <T k="profileMissing" />{" "}
      <button type="button" className="link" onClick={() => void platform.openOptions()}>
        <T k="openOptions" />
      </button>
    </div>
  )
}

export function HandoffForm(props: HandoffNoteInput) {
  const { profile, post, latestNote } = props
  const { now } = useServices()
  const t = useT()
  const note = useHandoffNote(props)
  const { draft, set, saving } = note

  const heldOverFees = useHeldOverFees(
    [draft.problem, draft.actionsTaken, draft.contacted, draft.promise, draft.nextStep].join("\n"),
  )

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void note.save()
    }
  }

  // The company's service hours (admin policy): a callback promised outside them gets a warning.
  const hours = parseBusinessHours(profile?.businessHours)
  const promisedAt = draft.promise ? callbackFromPromise(draft.promise, now(), openingTime(hours)) : undefined

  return (
    <form
      className="handoff-form"
      data-testid="handoff-form"
      data-ready={note.ready}
      aria-label={t("handoffTitle")}
      onSubmit={(e) => {
        e.preventDefault()
        void note.save()
      }}
      onKeyDown={onKeyDown}
    >
      <fieldset disabled={!note.ready}>
        <legend>
          <T k="handoffTitle" />
        </legend>
        {profile && (!profile.name || !profile.workId) && <ProfileMissing />}
        <div className="field-row">
          <TextField
            label={<T k="customerName" />}
            testid="handoff-customer-name"
            value={draft.customerName}
            maxLength={200}
            autoComplete="off"
            onValue={(v) => set("customerName", v)}
          />
          <TextField
            label={<T k="customerContact" />}
            testid="handoff-customer-contact"
            value={draft.customerContact}
            maxLength={200}
            autoComplete="off"
            inputMode="tel"
            onValue={(v) => set("customerContact", v)}
          />
        </div>
        <NoteText name="problem" testid="handoff-problem" rows={2} value={draft.problem} onChange={set} />
        <NoteText
          name="actionsTaken"
          testid="handoff-actions"
          rows={2}
          value={draft.actionsTaken}
          onChange={set}
        />
        <NoteText
          name="contacted"
          testid="handoff-contacted"
          rows={2}
          value={draft.contacted}
          onChange={set}
        />
        <NoteText name="promise" testid="handoff-promise" rows={1} value={draft.promise} onChange={set} />
        <CallbackField
          value={draft.callbackLocal}
          onChange={(value) => set("callbackLocal", value)}
          hours={hours}
          hoursText={profile?.businessHours}
        />
        <NoteText name="nextStep" testid="handoff-next-step" rows={1} value={draft.nextStep} onChange={set} />
        <TextField
          label={<T k="handedTo" />}
          fieldClassName="wide"
          testid="handoff-handed-to"
          value={draft.handedTo}
          maxLength={200}
          autoComplete="off"
          placeholder={t("handedToHint")}
          onValue={(v) => set("handedTo", v)}
        />
        {draft.handedTo.trim() && draft.callbackLocal && (
          <label className="field inline small-text">
            <input
              type="checkbox"
              data-testid="handoff-remind-me"
              checked={note.remindMe}
              onChange={(e) => note.setRemindMe(e.target.checked)}
            />{" "}
            <T k="remindMeToo" />
          </label>
        )}
        <div className="form-footer">
          <CaseStatusSelect
            className="inline"
            testid="handoff-status"
            value={draft.status}
            onChange={(status) => set("status", status)}
          />
          <button
            type="submit"
            className="primary"
            data-testid="handoff-save"
            disabled={saving}
            title={t("saveShortcut")}
          >
            <T k={saving ? "saving" : "save"} />
          </button>
          {post && (
            <button
              type="button"
              data-testid="handoff-post"
              disabled={saving || (isDraftEmpty(draft) && !latestNote)}
              title={t("postToTicketHint")}
              onClick={() => void note.save(true)}
            >
              <T k="postToTicket" />
            </button>
          )}
        </div>
        <HeldOverFeesAlert findings={heldOverFees} testid="note-rule10" />
        <HandoffFeedback
          problems={note.problems}
          feedback={note.feedback}
          draftEmpty={isDraftEmpty(draft)}
          promisedAt={promisedAt}
          onCallback={(value) => set("callbackLocal", value)}
          onNoCallback={note.saveWithoutCallback}
        />
      </fieldset>
    </form>
  )
}
