/**
 * The team outbox over Dexie: rows are added in the same transaction as the local write they mirror
 * (`enqueueTeamDocs`), so a record is never stored without its queued copy or the other way round;
 * the service worker drains them through `createOutboxPort` (the replicator's `OutboxPort`).
 */
import type { Transaction } from "dexie"

import { TEAM_KINDS, toTeamDoc, type AuthorContext, type TeamKindName, type TeamRecord } from "../team/docs"
import { INITIAL_PUSH_STATE, type OutboxPort, type OutboxRow, type PushState } from "../team/replicator"
import type { SidekickDB } from "./db"

const ENABLED_KEY = "enabled"
const PUSH_KEY = "push"

/** The `teamMeta` "enabled" row: present while the admin's policy names a team server. */
export interface TeamEnabled {
  since: number
}

/** Tables a write transaction must include to enqueue. */
export const outboxTables = (db: SidekickDB) => [db.outbox, db.teamMeta, db.settings]

/**
 * Inside a running rw transaction over `outboxTables(db)` (plus the record's own table): queues one
 * document per record when team sync is on, else does nothing. Deterministic ids make a second
 * enqueue of the same record a no-op.
 */
export async function enqueueTeamDocs<K extends TeamKindName>(
  db: SidekickDB,
  kind: K,
  records: readonly TeamRecord<K>[],
  queuedAt: number,
): Promise<number> {
  if (records.length === 0) return 0
  const enabled = await db.teamMeta.get(ENABLED_KEY)
  if (!enabled) return 0
  const row = await db.settings.get("settings")
  const profile: AuthorContext = (row?.key === "settings" ? row.value.profile : undefined) ?? {
    workId: "",
    name: "",
  }
  const author: AuthorContext = { workId: profile.workId ?? "", name: profile.name ?? "" }
  if (!author.workId) return 0
  const spec = TEAM_KINDS[kind] as unknown as { agent(r: TeamRecord<K>, fallback: string): string }
  // Only the agent's own records travel (an imported colleague's trail would be refused anyway).
  const own = records.filter((r) => spec.agent(r, author.workId) === author.workId)
  // Strictly increasing queuedAt keeps the push order the write order, even within one millisecond.
  const last = await db.outbox
    .where("[state+queuedAt]")
    .between(["queued", -Infinity], ["queued", Infinity])
    .last()
  const base = Math.max(queuedAt, (last?.queuedAt ?? -Infinity) + 1)
  const rows: OutboxRow[] = own.map((record, i) => {
    const doc = toTeamDoc(kind, record, author)
    return { docId: doc._id, db: TEAM_KINDS[kind].db, doc, queuedAt: base + i, state: "queued" }
  })
  // A row already there (same content queued before) keeps its place in the queue.
  const existing = await db.outbox.bulkGet(rows.map((r) => r.docId))
  const fresh = rows.filter((_, i) => !existing[i])
  await db.outbox.bulkPut(fresh)
  return fresh.length
}

/** Is team sync on (the worker found a valid policy)? */
export async function isTeamEnabled(db: SidekickDB): Promise<boolean> {
  return (await db.teamMeta.get(ENABLED_KEY)) !== undefined
}

/**
 * Switches team sync on or off (the worker calls it with what the policy says). Switching on for the
 * first time queues the agent's existing handoffs, takeovers, attempts, own audit events and
 * conversation turns (`workId`).
 */
export async function setTeamEnabled(
  db: SidekickDB,
  on: boolean,
  now: number,
): Promise<{ backfilled: number }> {
  return db.transaction(
    "rw",
    [db.outbox, db.teamMeta, db.settings, db.notes, db.attempts, db.auditEvents, db.conversationTurns],
    async (tx: Transaction) => {
      void tx
      const was = await db.teamMeta.get(ENABLED_KEY)
      if (!on) {
        if (was) await db.teamMeta.delete(ENABLED_KEY)
        return { backfilled: 0 }
      }
      if (was) return { backfilled: 0 }
      await db.teamMeta.put({ key: ENABLED_KEY, value: { since: now } satisfies TeamEnabled })
      const row = await db.settings.get("settings")
      const workId = row?.key === "settings" ? row.value.profile.workId : ""
      if (!workId) return { backfilled: 0 }
      const notes = (await db.notes.toArray()).filter((n) => n.author.workId === workId)
      const attempts = (await db.attempts.toArray()).filter((a) => !a.author || a.author.workId === workId)
      const events = await db.auditEvents.where("agentWorkId").equals(workId).toArray()
      const turns = (await db.conversationTurns.toArray()).filter((t) => t.agentWorkId === workId)
      // Scorecards are not backfilled: they need the checklist in force at each send (see README).
      const backfilled =
        (await enqueueTeamDocs(
          db,
          "handoff",
          notes.filter((n) => !n.takeoverOf),
          now,
        )) +
        (await enqueueTeamDocs(
          db,
          "takeover",
          notes.filter((n) => n.takeoverOf),
          now,
        )) +
        (await enqueueTeamDocs(db, "attempt", attempts, now)) +
        (await enqueueTeamDocs(db, "audit", events, now)) +
        (await enqueueTeamDocs(db, "turn", turns, now))
      return { backfilled }
    },
  )
}

/** The replicator's view of the outbox. */
export function createOutboxPort(db: SidekickDB): OutboxPort {
  return {
    nextBatch(limit, after) {
      return db.outbox
        .where("[state+queuedAt]")
        .between(["queued", after ?? -Infinity], ["queued", Infinity], after === undefined, true)
        .limit(limit)
        .toArray()
    },
    async markSent(docIds) {
      if (docIds.length) await db.outbox.bulkDelete([...docIds])
    },
    async markRejected(rows) {
      await db.transaction("rw", db.outbox, async () => {
        for (const r of rows)
          await db.outbox.update(r.docId, { state: "rejected", error: r.error, reason: r.reason })
      })
    },
    async readState() {
      const row = await db.teamMeta.get(PUSH_KEY)
      return { ...INITIAL_PUSH_STATE, ...(row?.value as Partial<PushState> | undefined) }
    },
    async writeState(state) {
      await db.teamMeta.put({ key: PUSH_KEY, value: state })
    },
  }
}

/** Counts for the Options page: how much waits, how much the server refused (with the reasons). */
export async function outboxSummary(
  db: SidekickDB,
  limit = 20,
): Promise<{ queued: number; rejected: number; rejections: { docId: string; reason: string }[] }> {
  const queued = await db.outbox
    .where("[state+queuedAt]")
    .between(["queued", -Infinity], ["queued", Infinity])
    .count()
  const rejectedRows = await db.outbox
    .where("[state+queuedAt]")
    .between(["rejected", -Infinity], ["rejected", Infinity])
    .toArray()
  return {
    queued,
    rejected: rejectedRows.length,
    rejections: rejectedRows
      .slice(0, limit)
      .map((r) => ({ docId: r.docId, reason: `${r.error ?? ""}: ${r.reason ?? ""}` })),
  }
}

/** Puts refused rows back in the queue (the admin fixed the account or the server). */
export async function requeueRejected(db: SidekickDB): Promise<number> {
  return db.outbox
    .where("[state+queuedAt]")
    .between(["rejected", -Infinity], ["rejected", Infinity])
    .modify({ state: "queued" })
}
