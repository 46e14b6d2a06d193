/**
 * Colleagues' handoffs and contact attempts for the waybill on screen, from the team server (issue 19),
 * each marked 团队. Fetched on demand when the waybill changes (the worker caches and serves the last
 * copy when offline); renders nothing unless the admin's policy names a team server. Handoffs and
 * takeovers carry the same trust marks as handoffs read from the ticket: checked against the team
 * key here (`verifyTeamEntries`), a forged or altered document is shown as unverified.
 */
import { useEffect, useMemo, useState } from "react"

import type { CaseRecord, HandoffNote } from "~lib/cases/model"
import { entriesFromDocs, mergeTeamTimeline, verifyTeamEntries, type TeamEntry } from "~lib/team/timeline"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { callBackground } from "../background"
import type { StringKey } from "../i18n"
import { T } from "../locale"
import { useServices } from "../services"
import { OUTCOME_KEYS } from "./escalation-labels"
import { TrustMark } from "./note-timeline"
import { useDropReminderWhen } from "./ticket-handoffs"

type View =
  | { kind: "hidden" }
  | { kind: "loading" }
  | { kind: "shown"; entries: TeamEntry[]; staleSince?: number; error?: string }

const FIELDS: { key: "problem" | "actionsTaken" | "contacted" | "promise" | "nextStep"; label: StringKey }[] =
  [
    { key: "problem", label: "problem" },
    { key: "actionsTaken", label: "actionsTaken" },
    { key: "contacted", label: "contacted" },
    { key: "promise", label: "promise" },
    { key: "nextStep", label: "nextStep" },
  ]

/** The worker's error text (a CouchError message) as something an agent can act on. */
export function teamErrorKey(error: string): StringKey | null {
  if (/^(unauthorized|forbidden)\b/.test(error)) return "teamLoginAgain"
  if (/^(network|timeout|server)\b/.test(error)) return "teamUnreachable"
  return null
}

function TeamItem({ entry }: { entry: TeamEntry }) {
  return (
    <li
      className="note team"
      data-testid="team-entry"
      data-doc-id={entry.docId}
      data-kind={entry.kind}
      data-verification={entry.kind === "attempt" ? "" : (entry.verification ?? "")}
    >
      <div className="note-head">
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
        <span className="tag team-badge" data-testid="team-badge">
          <T k="teamBadge" />
        </span>
        {entry.kind === "takeover" && (
          <span className="tag" data-testid="team-takeover">
            <T k="takeOver" />
          </span>
        )}
        <span className="note-author">
          <T k="teamBy" values={{ name: entry.agentName, workId: entry.agent }} />
        </span>
        {entry.kind !== "attempt" && entry.verification === "verified" && (
          <TrustMark verification="verified" />
        )}
      </div>
      {entry.kind !== "attempt" && entry.verification && entry.verification !== "verified" && (
        <TrustMark verification={entry.verification} />
      )}
      {entry.kind !== "attempt" ? (
        <dl>
          {FIELDS.map(({ key, label }) =>
            entry.note[key] ? (
              <div key={key} className="note-field">
                <dt>
                  <T k={label} />
                </dt>
                <dd>{entry.note[key]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      ) : (
        <p className="small-text">
          <strong>{entry.attempt.contactName}</strong> · <T k={OUTCOME_KEYS[entry.attempt.outcome]} />
          {entry.attempt.note && ` — ${entry.attempt.note}`}
        </p>
      )}
    </li>
  )
}

/**
 * A colleague's verified takeover (on the server) of a note this machine wrote drops the reminder the
 * note set here, as a verified takeover block in the ticket does (issue 12). Returns whether it did.
 */
function useDropRemindersTakenOver(
  entries: readonly TeamEntry[],
  localNotes: readonly HandoffNote[],
  record: CaseRecord | undefined,
  me: { workId: string } | undefined,
): boolean {
  const callbackAt = record?.callbackAt
  const workId = me?.workId
  const takenOver = useMemo(() => {
    if (callbackAt === undefined || !workId) return false
    const mine = new Set(
      localNotes.filter((n) => n.author.workId === workId && n.callbackAt === callbackAt).map((n) => n.id),
    )
    return entries.some(
      (e) =>
        e.kind === "takeover" &&
        e.verification === "verified" &&
        e.agent !== workId &&
        e.note.takeoverOf !== undefined &&
        mine.has(e.note.takeoverOf),
    )
  }, [entries, localNotes, callbackAt, workId])
  return useDropReminderWhen(record, takenOver)
}

const NO_ENTRIES: TeamEntry[] = []

export function TeamTimeline({
  waybill,
  localNotes,
  teamKey,
  record,
  me,
}: {
  waybill: string | null
  localNotes: readonly HandoffNote[]
  /** The team key (issue 12) the handoffs are verified with. */
  teamKey?: string
  /** The waybill's case (its pending reminder) and this agent: a verified takeover drops the reminder. */
  record?: CaseRecord
  me?: { workId: string }
}) {
  const { platform } = useServices()
  const [view, setView] = useState<View>({ kind: "hidden" })
  const dropped = useDropRemindersTakenOver(
    view.kind === "shown" ? view.entries : NO_ENTRIES,
    localNotes,
    record,
    me,
  )

  useEffect(() => {
    if (!waybill) {
      setView({ kind: "hidden" })
      return
    }
    let live = true
    setView((v) => (v.kind === "shown" ? v : { kind: "loading" }))
    callBackground(platform, "team.timeline", { waybill })
      .then((r) => {
        if (!live) return
        if (!r.ok && !r.docs) {
          // No policy, no permission, not logged in: the Options panel says so; the sidebar stays quiet.
          setView(
            r.error && /^(off|invalid|needs-permission)$/.test(r.error)
              ? { kind: "hidden" }
              : { kind: "shown", entries: [], error: r.error },
          )
          return
        }
        // Shown only once checked: an entry never shows as trusted before its signature is.
        return verifyTeamEntries(entriesFromDocs(r.docs ?? [], waybill), teamKey || undefined).then(
          (entries) => {
            if (live)
              setView({ kind: "shown", entries, staleSince: r.ok ? undefined : r.fetchedAt, error: r.error })
          },
        )
      })
      .catch(() => live && setView({ kind: "hidden" }))
    return () => {
      live = false
    }
  }, [platform, waybill, teamKey])

  if (view.kind === "hidden" || view.kind === "loading") return null
  // This profile's own notes (pushed earlier) are already in the local timeline.
  const team = mergeTeamTimeline(localNotes, view.entries)
    .filter((e): e is TeamEntry => e.source === "team")
    .reverse() // newest on top, like the local timeline
  return (
    <section
      className="timeline team-timeline"
      aria-labelledby="team-timeline-title"
      data-testid="team-timeline"
    >
      <h2 id="team-timeline-title">
        <T k="teamTimelineTitle" />
      </h2>
      {view.staleSince ? (
        <p className="muted small-text" role="status" data-testid="team-stale">
          <T k="teamOfflineCopy" values={{ at: formatDateTime(view.staleSince) }} />
        </p>
      ) : view.error ? (
        <p className="muted small-text" role="status" data-testid="team-error">
          {teamErrorKey(view.error) ? <T k={teamErrorKey(view.error)!} /> : view.error}
        </p>
      ) : null}
      {dropped && (
        <div className="notice" data-testid="team-reminder-dropped">
          <T k="reminderDropped" />
        </div>
      )}
      {team.length === 0 && !view.error ? (
        <p className="muted small-text">
          <T k="teamNone" />
        </p>
      ) : null}
      <ol className="notes">
        {team.map((e) => (
          <TeamItem key={e.docId} entry={e} />
        ))}
      </ol>
    </section>
  )
}
