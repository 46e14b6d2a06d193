/**
 * All handoff notes of one waybill, newest on top, live across tabs and windows (Dexie liveQuery):
 * this machine's notes merged with the handoff blocks read from the ticket (issue 12), one entry per
 * note id, each marked with its source (本机 / 工单), author, time and verification state.
 */
import { CASE_TYPE_LABELS, type ContactAttempt, type HandoffNote } from "~lib/cases/model"
import type { FieldKey } from "~lib/handoff/block"
import { type CheckedBlock, parseAuthorLine, type TimelineEntry } from "~lib/handoff/note"
import type { Verification } from "~lib/handoff/sign"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import type { StringKey } from "../i18n"
import { T, usePick } from "../locale"
import { STATUS_KEYS } from "./case-status-select"
import { OUTCOME_KEYS } from "./escalation-labels"

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
  { key: "handedTo", label: "handedTo" },
]

/** The block's fields shown for a note read from the ticket (plain text only, never markup). */
const REMOTE_FIELDS: { key: FieldKey; label: StringKey }[] = [
  { key: "customer", label: "customerName" },
  { key: "problem", label: "problem" },
  { key: "actionsTaken", label: "actionsTaken" },
  { key: "contacted", label: "contacted" },
  { key: "promise", label: "promise" },
  { key: "callback", label: "callbackAt" },
  { key: "nextStep", label: "nextStep" },
  { key: "handedTo", label: "handedTo" },
]

const WARNING: Record<Exclude<Verification, "verified" | "other-waybill">, StringKey> = {
  "no-key": "verifyNoKey",
  unsigned: "verifyUnsigned",
  "bad-signature": "verifyBad",
  partial: "verifyPartial",
}

/** The trust mark of a handoff (from the ticket or, issue 19, the team server): ✓ 已验证 or the warning. */
export function TrustMark({ verification }: { verification: Verification }) {
  if (verification === "verified")
    return (
      <span className="tag ok" data-testid="handoff-verified">
        ✓ <T k="verified" />
      </span>
    )
  if (verification === "other-waybill") return null
  return (
    <div className="notice small-text" role="note" data-testid="handoff-unverified" data-state={verification}>
      ⚠ <T k={WARNING[verification]} /> <T k="verifyWarning" />
    </div>
  )
}

function VerificationBadge({ checked }: { checked: CheckedBlock }) {
  return <TrustMark verification={checked.verification} />
}

function LocalFields({ note }: { note: HandoffNote }) {
  return (
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
  )
}

function RemoteFields({ checked }: { checked: CheckedBlock }) {
  const { block } = checked
  return (
    <dl>
      {REMOTE_FIELDS.map(({ key, label }) => {
        const value = block.fields[key]
        if (!value) return null
        return (
          <div key={key} className={key === "callback" ? "note-field callback" : "note-field"}>
            <dt>
              <T k={label} />
            </dt>
            <dd data-field={key}>
              {value}
              {block.cut === key && (
                <span className="muted">
                  {" "}
                  <T k="partialField" />
                </span>
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

function EntryItem(props: {
  entry: TimelineEntry
  onTakeOver?: (entry: TimelineEntry) => void
  takenHere: boolean
}) {
  const { entry, onTakeOver, takenHere } = props
  const pick = usePick()
  const note = entry.local
  const remote = entry.remote
  const remoteAuthor = remote ? parseAuthorLine(remote.block.fields.author) : undefined
  const author = note?.author ?? remoteAuthor
  const takenBy = entry.takenOver ? parseAuthorLine(entry.takenOver.block.fields.author) : undefined
  const canTakeOver =
    !note &&
    remote &&
    remote.block.kind === "handoff" &&
    remote.block.completeness === "complete" &&
    remote.block.callbackAt !== undefined &&
    !takenHere &&
    onTakeOver
  const customer = note ? [note.customerName, note.customerContact].filter(Boolean).join(" · ") : ""
  return (
    <li
      className={remote && !note ? "note remote" : "note"}
      data-testid={remote && !note ? "handoff-remote" : "handoff-note"}
      data-note-id={entry.id}
      data-source={[note ? "local" : "", remote ? "ticket" : ""].filter(Boolean).join(" ")}
      data-verification={remote?.verification ?? ""}
    >
      <div className="note-head">
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
        <span className="note-author" data-testid="handoff-note-author">
          {author?.name || <T k="unknownAuthor" />}
          {author?.workId && (
            <span className="muted">
              {" "}
              (<T k="workId" /> {author.workId})
            </span>
          )}
        </span>
      </div>
      <div className="note-tags">
        {note && (
          <span className="tag source" data-testid="handoff-source-local">
            <T k="sourceLocal" />
          </span>
        )}
        {remote && (
          <span className="tag source" data-testid="handoff-source-ticket">
            <T k="sourceTicket" />
            {entry.copies > 1 && (
              <>
                {" "}
                · <T k="handoffCopies" values={{ n: entry.copies }} />
              </>
            )}
          </span>
        )}
        {remote && remote.verification === "verified" && <VerificationBadge checked={remote} />}
        {note?.caseType && <span className="tag">{pick(CASE_TYPE_LABELS[note.caseType])}</span>}
        {note?.status && (
          <span className={`tag status-${note.status}`}>
            <T k={STATUS_KEYS[note.status]} />
          </span>
        )}
        {customer && <span className="tag">{customer}</span>}
        {note?.takeoverOf && (
          <span className="tag">
            <T k="takeOver" />
          </span>
        )}
      </div>
      {remote && remote.verification !== "verified" && <VerificationBadge checked={remote} />}
      {note ? <LocalFields note={note} /> : remote && <RemoteFields checked={remote} />}
      {entry.takenOver && (
        <div
          className="notice small-text"
          data-testid="handoff-taken-over"
          data-verification={entry.takenOver.verification}
        >
          <T k="takenOverBy" values={{ who: takenBy?.name || "?" }} />
          {takenBy?.workId ? ` (${takenBy.workId})` : ""}
          {entry.takenOver.verification !== "verified" && <T k="takenOverUnverified" />}
        </div>
      )}
      {takenHere && (
        <div className="ok small-text" data-testid="handoff-taken-here">
          <T k="takenOverHere" />
        </div>
      )}
      {canTakeOver && (
        <div className="actions">
          <button
            type="button"
            className="small"
            data-testid="handoff-takeover"
            onClick={() => onTakeOver(entry)}
          >
            <T k="takeOver" />
          </button>
          <span className="muted small-text">
            <T k="takeOverHint" />
          </span>
        </div>
      )}
    </li>
  )
}

export function NoteTimeline({
  notes,
  attempts = [],
  entries,
  otherWaybill = 0,
  truncated = false,
  onTakeOver,
  takenHere = [],
}: {
  notes: readonly HandoffNote[] | undefined
  /** Ladder contacts of the same waybill, merged in by time. */
  attempts?: readonly ContactAttempt[]
  /** Local notes merged with blocks read from the ticket; without it, the local notes alone. */
  entries?: readonly TimelineEntry[]
  otherWaybill?: number
  truncated?: boolean
  onTakeOver?: (entry: TimelineEntry) => void
  /** Ids of ticket handoffs taken over on this machine. */
  takenHere?: readonly string[]
}) {
  type Row = { at: number; entry?: TimelineEntry; attempt?: ContactAttempt }
  const list: readonly TimelineEntry[] =
    entries ?? (notes ?? []).map((note) => ({ id: note.id, at: note.createdAt, local: note, copies: 0 }))
  const rows: Row[] = [
    ...list.map((entry) => ({ at: entry.at, entry })),
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
      {notes && list.length === 0 && attempts.length === 0 && (
        <p className="muted" data-testid="handoff-empty">
          <T k="noNotes" />
        </p>
      )}
      {otherWaybill > 0 && (
        <p className="muted small-text" data-testid="handoff-other-waybill">
          <T k="otherWaybillBlocks" values={{ n: otherWaybill }} />
        </p>
      )}
      {truncated && (
        <p className="muted small-text">
          <T k="blocksTruncated" />
        </p>
      )}
      <ol className="notes">
        {rows.map((r) =>
          r.entry ? (
            <EntryItem
              key={r.entry.id}
              entry={r.entry}
              onTakeOver={onTakeOver}
              takenHere={takenHere.includes(r.entry.id)}
            />
          ) : (
            <AttemptItem key={r.attempt!.id} attempt={r.attempt!} />
          ),
        )}
      </ol>
    </section>
  )
}
