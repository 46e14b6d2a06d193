/** All handoff notes of one waybill, newest on top, live across tabs and windows (Dexie liveQuery). */
import { CASE_TYPE_LABELS, type ContactAttempt, type HandoffNote } from "~lib/cases/model"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import type { StringKey } from "../i18n"
import { T, useLocale } from "../locale"
import { STATUS_KEYS } from "./case-panel"
import { OUTCOME_KEYS } from "./escalation-panel"

/** A logged ladder contact, shown among the notes so the next shift sees every step (九: 做好跟踪工作). */
function AttemptItem({ attempt }: { attempt: ContactAttempt }) {
  return (
    <li className="note attempt" data-testid="timeline-attempt" data-attempt-id={attempt.id}>
      <div className="note-head">
        <time dateTime={new Date(attempt.at).toISOString()}>{formatDateTime(attempt.at)}</time>
        {attempt.author?.name && (
          <span className="note-author">
            {attempt.author.name}
            {attempt.author.workId && <span className="muted"> ({attempt.author.workId})</span>}
          </span>
        )}
      </div>
      <div className="note-tags">
        <span className="tag">
          <T k="timelineAttempt" /> · <span className="ladder-n">{attempt.level}</span>
        </span>
        <span className={`tag outcome-${attempt.outcome}`}>
          <T k={OUTCOME_KEYS[attempt.outcome]} />
        </span>
      </div>
      <p className="small-text">
        <strong>{attempt.contactName}</strong>
        {attempt.note && ` — ${attempt.note}`}
      </p>
    </li>
  )
}

const FIELDS: { key: keyof HandoffNote; label: StringKey }[] = [
  { key: "problem", label: "problem" },
  { key: "actionsTaken", label: "actionsTaken" },
  { key: "contacted", label: "contacted" },
  { key: "promise", label: "promise" },
  { key: "nextStep", label: "nextStep" },
]

function NoteItem({ note }: { note: HandoffNote }) {
  const locale = useLocale()
  const customer = [note.customerName, note.customerContact].filter(Boolean).join(" · ")
  return (
    <li className="note" data-testid="handoff-note" data-note-id={note.id}>
      <div className="note-head">
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDateTime(note.createdAt)}</time>
        <span className="note-author" data-testid="handoff-note-author">
          {note.author.name || <T k="unknownAuthor" />}
          {note.author.workId && (
            <span className="muted">
              {" "}
              (<T k="workId" /> {note.author.workId})
            </span>
          )}
        </span>
      </div>
      <div className="note-tags">
        {note.caseType && (
          <span className="tag">{CASE_TYPE_LABELS[note.caseType][locale === "en" ? "en" : "zh"]}</span>
        )}
        {note.status && (
          <span className={`tag status-${note.status}`}>
            <T k={STATUS_KEYS[note.status]} />
          </span>
        )}
        {customer && <span className="tag">{customer}</span>}
      </div>
      <dl>
        {FIELDS.map(({ key, label }) => {
          const value = note[key]
          if (typeof value !== "string" || !value) return null
          return (
            <div key={key} className="note-field">
              <dt>
                <T k={label} />
              </dt>
              <dd>{value}</dd>
            </div>
          )
        })}
        {note.callbackAt !== undefined && (
          <div className="note-field callback">
            <dt>
              <T k="callbackAt" />
            </dt>
            <dd>{formatDateTime(note.callbackAt)}</dd>
          </div>
        )}
      </dl>
    </li>
  )
}

export function NoteTimeline({
  notes,
  attempts = [],
}: {
  notes: readonly HandoffNote[] | undefined
  /** Ladder contacts of the same waybill, merged in by time. */
  attempts?: readonly ContactAttempt[]
}) {
  type Entry = { at: number; note?: HandoffNote; attempt?: ContactAttempt }
  const entries: Entry[] = [
    ...(notes ?? []).map((note) => ({ at: note.createdAt, note })),
    ...attempts.map((attempt) => ({ at: attempt.at, attempt })),
  ].sort((a, b) => b.at - a.at)
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        <T k="timeline" />{" "}
        <span className="muted small-text">
          (<T k="newestFirst" />)
        </span>
      </h2>
      {notes && notes.length === 0 && attempts.length === 0 && (
        <p className="muted" data-testid="handoff-empty">
          <T k="noNotes" />
        </p>
      )}
      <ol className="notes">
        {entries.map((e) =>
          e.note ? (
            <NoteItem key={e.note.id} note={e.note} />
          ) : (
            <AttemptItem key={e.attempt!.id} attempt={e.attempt!} />
          ),
        )}
      </ol>
    </section>
  )
}
