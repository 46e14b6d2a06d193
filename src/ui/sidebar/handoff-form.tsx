/**
 * The handoff note form (交接, manual 七). The unsaved draft is kept per waybill in extension storage,
 * so reloading the CRM, switching tickets or a failed save never loses what the agent typed.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react"

import { CASE_STATUSES, type CaseRecord, type CaseType } from "~lib/cases/model"
import { lintPhrasing } from "~lib/phrasing/lint"
import type { AgentProfile } from "~lib/store/contract"
import { cleanContent, renderBlock } from "~lib/handoff/block"
import { noteToBlock } from "~lib/handoff/note"
import { signBlock } from "~lib/handoff/sign"
import type { HandoffNote } from "~lib/cases/model"
import {
  callbackFromPromise,
  fromLocalInputValue,
  quickCallbackAt,
  toLocalInputValue,
  type QuickCallback,
} from "~lib/ui-logic/callback-time"
import { EMPTY_DRAFT, isDraftEmpty, type NoteDraft } from "~lib/ui-logic/drafts"
import { buildNote, draftAfterSave, noteBodyEmpty, type NoteProblem } from "~lib/ui-logic/note-form"
import { openingTime, outsideBusinessHours, parseBusinessHours } from "~lib/ui-logic/business-hours"

import { callBackground } from "../background"
import { primary, type StringKey } from "../i18n"
import { errorMessage, T, useLocale, useT } from "../locale"
import { useServices } from "../services"
import { STATUS_KEYS } from "./case-panel"
import type { PostResult } from "./handoff-post"
import { useActivePhrasebook } from "../use-active-phrasebook"
import { Field } from "../field"
import { useStoredDraft } from "./use-stored-draft"

/** Values handed over from another tab (e.g. the reply promised a callback); `token` makes each one new. */
export interface HandoffPrefill {
  token: number
  promise?: string
  callbackLocal?: string
  /** Read from the ticket page (page-facts.tsx): they fill only fields the agent left empty. */
  customerName?: string
  customerContact?: string
  actionsTaken?: string
}

const orPrefill = (typed: string, given: string | undefined) => (typed.trim() ? typed : (given ?? typed))

const PROBLEM_KEYS: Record<NoteProblem, StringKey> = {
  noWaybill: "problemNoWaybill",
  emptyNote: "problemEmptyNote",
  badCallback: "problemBadCallback",
  callbackPast: "problemCallbackPast",
  tooLong: "problemTooLong",
  promiseNoCallback: "problemPromiseNoCallback",
}

const QUICK: { kind: QuickCallback; key: StringKey; testid: string }[] = [
  { kind: "plus30m", key: "plus30m", testid: "callback-plus30m" },
  { kind: "plus2h", key: "plus2h", testid: "callback-plus2h" },
  { kind: "tomorrowMorning", key: "tomorrowMorning", testid: "callback-tomorrow" },
]

type Feedback =
  | { kind: "saved" }
  | { kind: "error"; message: string }
  | { kind: "warning"; key: StringKey }
  | { kind: "posted" }
  | { kind: "post-error"; key: StringKey }
  | null

/** Renders a saved note as the block written into the ticket, signed with the team key if set. */
export async function blockTextFor(note: HandoffNote, teamKey: string | undefined): Promise<string> {
  const content = cleanContent(noteToBlock(note))
  return renderBlock(content, await signBlock(content, teamKey || undefined))
}

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

export function HandoffForm(props: {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  /** Undefined while settings load: saving waits, so no note goes out unsigned by accident. */
  profile: AgentProfile | undefined
  pageUrl?: string
  prefill?: HandoffPrefill | null
  /** Inserts a block into the CRM's internal note box (absent: no Post button, e.g. in tests). */
  post?: (text: string) => Promise<PostResult>
  teamKey?: string
  /** The newest note of this waybill written here: posted when the form is empty. */
  latestNote?: HandoffNote
}) {
  const { waybill, caseType, record, profile, pageUrl, prefill, post, teamKey, latestNote } = props
  const { store, platform, now, newId } = useServices()
  const locale = useLocale()
  const t = useT()
  const [problems, setProblems] = useState<NoteProblem[]>([])
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [saving, setSaving] = useState(false)
  const [remindMe, setRemindMe] = useState(false)
  const [allowNoCallback, setAllowNoCallback] = useState(false)
  const recordRef = useRef(record)
  recordRef.current = record

  // The draft of this waybill (a fresh one starts with the case's current status); a new waybill clears
  // what the form said about the last one.
  const { draft, setDraft, loadedFor, forget } = useStoredDraft(waybill, () => ({
    ...EMPTY_DRAFT,
    status: recordRef.current?.status ?? "open",
  }))
  useEffect(() => {
    setProblems([])
    setFeedback(null)
  }, [waybill])

  // A prefill lands once the waybill's draft is loaded, without overwriting what the agent typed.
  const applied = useRef<number | null>(null)
  useEffect(() => {
    if (!prefill || applied.current === prefill.token || !waybill || loadedFor !== waybill) return
    applied.current = prefill.token
    setDraft((d) => ({
      ...d,
      promise: d.promise.trim() ? d.promise : (prefill.promise ?? ""),
      customerName: orPrefill(d.customerName, prefill.customerName),
      customerContact: orPrefill(d.customerContact, prefill.customerContact),
      actionsTaken: orPrefill(d.actionsTaken, prefill.actionsTaken),
      callbackLocal: prefill.callbackLocal ?? d.callbackLocal,
    }))
  }, [prefill, waybill, loadedFor])

  // Rule 10 (十): a note that holds goods over internal fees is flagged before it is saved.
  const { book } = useActivePhrasebook()
  const noteText = [draft.problem, draft.actionsTaken, draft.contacted, draft.promise, draft.nextStep].join(
    "\n",
  )
  const heldOverFees = useMemo(
    () => lintPhrasing(noteText, book).filter((f) => f.category === "held-over-fees"),
    [noteText, book],
  )

  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setProblems([])
    setFeedback((f) => (f?.kind === "saved" || f?.kind === "posted" ? null : f))
    if (key === "promise" || key === "callbackLocal") setAllowNoCallback(false)
  }

  const postNote = async (note: HandoffNote) => {
    if (!post) return
    const result = await post(await blockTextFor(note, teamKey))
    if (result.kind === "inserted") setFeedback({ kind: "posted" })
    else if (result.kind === "error") setFeedback({ kind: "post-error", key: result.message })
  }

  const save = async (andPost = false, noCallbackOk = allowNoCallback) => {
    if (saving || !waybill || loadedFor !== waybill || !profile) return
    // Post with no note in the form (the customer's name and contact prefilled from the page are no
    // note): the newest note written here goes into the ticket.
    if (andPost && noteBodyEmpty(draft) && latestNote) {
      setSaving(true)
      setFeedback(null)
      await postNote(latestNote)
      setSaving(false)
      return
    }
    const result = buildNote(draft, {
      id: newId(),
      now: now(),
      waybill,
      author: { name: profile.name, workId: profile.workId },
      caseType,
      pageUrl,
      allowNoCallback: noCallbackOk,
      remindMe,
      self: [profile.name, profile.workId],
    })
    if (!result.ok) {
      setProblems(result.problems)
      return
    }
    setSaving(true)
    setFeedback(null)
    try {
      await store.addNote(result.note)
    } catch (error) {
      // Nothing was written (one transaction); the draft stays in the form and in storage.
      setFeedback({ kind: "error", message: errorMessage(error, locale) })
      setSaving(false)
      return
    }
    const next = draftAfterSave(draft)
    setDraft(next)
    forget()
    setFeedback({ kind: "saved" })
    setAllowNoCallback(false)
    setRemindMe(false)
    if (result.note.callbackAt !== undefined && result.note.remind !== false) {
      try {
        await callBackground(platform, "callbacks.sync", {})
      } catch {
        setFeedback({ kind: "warning", key: "reminderFailed" })
      }
    }
    if (andPost) await postNote(result.note)
    setSaving(false)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void save()
    }
  }

  const callbackMs = fromLocalInputValue(draft.callbackLocal)
  // The company's service hours (admin policy): a callback promised outside them gets a warning.
  const hours = parseBusinessHours(profile?.businessHours)
  const promisedAt = draft.promise ? callbackFromPromise(draft.promise, now(), openingTime(hours)) : undefined
  const disabled = !waybill || loadedFor !== waybill || !profile

  return (
    <form
      className="handoff-form"
      data-testid="handoff-form"
      data-ready={!disabled}
      aria-label={t("handoffTitle")}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      onKeyDown={onKeyDown}
    >
      <fieldset disabled={disabled}>
        <legend>
          <T k="handoffTitle" />
        </legend>
        {profile && (!profile.name || !profile.workId) && (
          <div className="notice" data-testid="profile-missing">
            <T k="profileMissing" />{" "}
            <button type="button" className="link" onClick={() => void platform.openOptions()}>
              <T k="openOptions" />
            </button>
          </div>
        )}
        <div className="field-row">
          <Field label={<T k="customerName" />}>
            <input
              data-testid="handoff-customer-name"
              value={draft.customerName}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => set("customerName", e.target.value)}
            />
          </Field>
          <Field label={<T k="customerContact" />}>
            <input
              data-testid="handoff-customer-contact"
              value={draft.customerContact}
              maxLength={200}
              autoComplete="off"
              inputMode="tel"
              onChange={(e) => set("customerContact", e.target.value)}
            />
          </Field>
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
        <div className="field wide">
          <label className="label" htmlFor="handoff-callback">
            <T k="callbackAt" />
          </label>
          <div className="callback-row">
            <input
              id="handoff-callback"
              type="datetime-local"
              data-testid="handoff-callback"
              value={draft.callbackLocal}
              onChange={(e) => set("callbackLocal", e.target.value)}
            />
            {QUICK.map((q) => (
              <button
                key={q.kind}
                type="button"
                className="small"
                data-testid={q.testid}
                onClick={() =>
                  set("callbackLocal", toLocalInputValue(quickCallbackAt(q.kind, now(), openingTime(hours))))
                }
              >
                {primary(locale, q.key)}
              </button>
            ))}
            {draft.callbackLocal && (
              <button type="button" className="small link" onClick={() => set("callbackLocal", "")}>
                <T k="clearCallback" />
              </button>
            )}
          </div>
          {callbackMs !== undefined && (
            <span className="muted small-text" data-testid="handoff-callback-preview">
              {new Date(callbackMs).toLocaleString(locale === "en" ? "en-GB" : "zh-CN", {
                weekday: "short",
                month: "numeric",
                day: "numeric",
                hour: "2-digit",
                minute: "2-digit",
              })}
            </span>
          )}
          {callbackMs !== undefined && hours && outsideBusinessHours(callbackMs, hours) && (
            <span className="notice small-text" data-testid="handoff-outside-hours">
              <T k="callbackOutsideHours" values={{ hours: profile?.businessHours ?? "" }} />
            </span>
          )}
        </div>
        <NoteText name="nextStep" testid="handoff-next-step" rows={1} value={draft.nextStep} onChange={set} />
        <Field label={<T k="handedTo" />} className="wide">
          <input
            data-testid="handoff-handed-to"
            value={draft.handedTo}
            maxLength={200}
            autoComplete="off"
            placeholder={t("handedToHint")}
            onChange={(e) => set("handedTo", e.target.value)}
          />
        </Field>
        {draft.handedTo.trim() && draft.callbackLocal && (
          <label className="field inline small-text">
            <input
              type="checkbox"
              data-testid="handoff-remind-me"
              checked={remindMe}
              onChange={(e) => setRemindMe(e.target.checked)}
            />{" "}
            <T k="remindMeToo" />
          </label>
        )}
        <div className="form-footer">
          <label className="field inline">
            <span className="label">
              <T k="caseStatus" />
            </span>
            <select
              data-testid="handoff-status"
              value={draft.status}
              onChange={(e) => set("status", e.target.value as NoteDraft["status"])}
            >
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(STATUS_KEYS[status])}
                </option>
              ))}
            </select>
          </label>
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
              onClick={() => void save(true)}
            >
              <T k="postToTicket" />
            </button>
          )}
        </div>
        {heldOverFees.length > 0 && (
          <div className="error held-over-fees" role="alert" data-testid="note-rule10">
            <T k="noteHeldOverFees" />: {heldOverFees.map((f) => `“${f.text}”`).join("、")}
            <div className="small-text">
              <T k="heldOverFeesBanner" />
            </div>
          </div>
        )}
        <div aria-live="polite" className="feedback">
          {problems.map((p) => (
            <div
              key={p}
              className="error"
              role="alert"
              data-testid="handoff-problem-message"
              data-problem={p}
            >
              <T k={PROBLEM_KEYS[p]} />
              {p === "promiseNoCallback" && (
                <div className="actions">
                  {promisedAt !== undefined && (
                    <button
                      type="button"
                      className="small"
                      data-testid="handoff-callback-from-promise"
                      onClick={() => set("callbackLocal", toLocalInputValue(promisedAt))}
                    >
                      {primary(locale, "setCallbackFromPromise", {
                        time: toLocalInputValue(promisedAt).replace("T", " "),
                      })}
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    data-testid="handoff-no-callback"
                    onClick={() => {
                      setAllowNoCallback(true)
                      setProblems([])
                    }}
                  >
                    {primary(locale, "saveWithoutCallback")}
                  </button>
                </div>
              )}
            </div>
          ))}
          {feedback?.kind === "error" && (
            <div className="error" role="alert" data-testid="handoff-error">
              <T k="saveFailed" />: {feedback.message}
            </div>
          )}
          {feedback?.kind === "warning" && (
            <div className="notice" data-testid="handoff-warning">
              <T k={feedback.key} />
            </div>
          )}
          {feedback?.kind === "saved" && (
            <div className="ok" data-testid="handoff-saved">
              <T k="saved" />
            </div>
          )}
          {feedback?.kind === "posted" && (
            <div className="ok" data-testid="handoff-posted">
              <T k="postInserted" />
            </div>
          )}
          {feedback?.kind === "post-error" && (
            <div className="error" role="alert" data-testid="handoff-post-error">
              <T k={feedback.key} />
            </div>
          )}
          {!feedback && !problems.length && !isDraftEmpty(draft) && (
            <div className="muted small-text">
              <T k="draftKept" /> · <T k="saveShortcut" />
            </div>
          )}
        </div>
      </fieldset>
    </form>
  )
}
