/**
 * Pushes the outbox to the team server: oldest first, `_bulk_docs` in batches, per-document results
 * handled, retry with backoff. Holds no state in memory — everything it needs to resume (the rows,
 * the failure count, when to try next) is in the `OutboxPort`, i.e. the database — so a service
 * worker stopped mid-push loses nothing: an unacknowledged batch is sent again and, ids being
 * deterministic, lands as "already there" instead of as a duplicate. Pure: fetch and clock injected.
 */
import type { BulkResult, CouchClient } from "./couch"
import { CouchError } from "./couch"
import type { TeamConfig } from "./config"
import type { TeamDbRole, TeamDoc } from "./docs"

/** One queued document. */
export interface OutboxRow {
  docId: string
  db: TeamDbRole
  doc: TeamDoc
  queuedAt: number
  /** queued = to send; rejected = the server refused it for good (kept and shown to the admin). */
  state: "queued" | "rejected"
  error?: string
  reason?: string
}

/** The push's memory between runs. */
export interface PushState {
  failures: number
  /** Epoch ms before which an automatic run does nothing (backoff). */
  nextAttemptAt: number
  lastError?: string
  lastSuccessAt?: number
  /** The server said 401: the agent must log in again in Options (the password is never stored). */
  needsLogin: boolean
}

export const INITIAL_PUSH_STATE: PushState = { failures: 0, nextAttemptAt: 0, needsLogin: false }

/** Where the outbox lives (Dexie in the extension, a Map in some tests). */
export interface OutboxPort {
  /** Up to `limit` queued rows, oldest first; with `after`, only rows queued after that `queuedAt`. */
  nextBatch(limit: number, after?: number): Promise<OutboxRow[]>
  /** The server holds these: remove them from the outbox. */
  markSent(docIds: readonly string[]): Promise<void>
  /** The server refused these for good. */
  markRejected(rows: readonly { docId: string; error: string; reason: string }[]): Promise<void>
  readState(): Promise<PushState>
  writeState(state: PushState): Promise<void>
}

export interface PushReport {
  status: "done" | "backoff" | "needs-login" | "failed" | "more"
  /** Accepted now. */
  sent: number
  /** Already on the server (409, or the stand-in's immutable refusal): counted as delivered. */
  alreadyThere: number
  rejected: number
  batches: number
  nextAttemptAt?: number
  error?: string
}

/** Backoff after `failures` consecutive failed runs: 30 s, 1, 2, 4, 8 min, then 15 min. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0
  return Math.min(30_000 * 2 ** (failures - 1), 15 * 60_000)
}

/**
 * True for a per-document result that means "this id is already on the server". CouchDB 3 answers
 * a create over an existing id with `conflict` before running validate_doc_update; the stand-in
 * (express-pouchdb) runs the validator first, which refuses with our own `immutable:` reason. Both
 * mean the same here: ids are content-addressed, so what is there is what we meant to send.
 */
export function isAlreadyThere(r: BulkResult): boolean {
  return (
    "error" in r &&
    (r.error === "conflict" || (r.error === "forbidden" && (r.reason ?? "").startsWith("immutable:")))
  )
}

export interface PushOptions {
  config: Pick<TeamConfig, "batchSize" | "handoffsDb" | "qaDb">
  client: Pick<CouchClient, "bulkDocs">
  outbox: OutboxPort
  now: () => number
  /** Ignore the backoff (the agent pressed "sync now", or just logged in). */
  force?: boolean
  /** At most this many batches in one run, so one worker wake-up stays bounded (default 50). */
  maxBatches?: number
  /** Adds what is computed at send time (the team-key signature of handoffs: `signing.ts`). */
  prepare?: (doc: TeamDoc) => Promise<TeamDoc>
}

/** One push run. Never throws for server trouble: the outcome is in the report and in the state. */
export async function pushOutbox(opts: PushOptions): Promise<PushReport> {
  const { outbox, client, config, now } = opts
  const report: PushReport = { status: "done", sent: 0, alreadyThere: 0, rejected: 0, batches: 0 }
  const state = await outbox.readState()
  if (!opts.force && now() < state.nextAttemptAt) {
    return { ...report, status: "backoff", nextAttemptAt: state.nextAttemptAt }
  }
  if (!opts.force && state.needsLogin) return { ...report, status: "needs-login" }
  const maxBatches = opts.maxBatches ?? 50
  const dbName = (role: TeamDbRole) => (role === "handoffs" ? config.handoffsDb : config.qaDb)

  // Pipelined: the next batch is read while this one travels, and a batch's rows are cleared from
  // the outbox while the next one travels. Both are safe to lose (a worker stopped mid-way): a row
  // not yet cleared is sent again and lands as "already there".
  let marking: Promise<void> = Promise.resolve()
  // The first failure to clear rows (the database gone): no more batches, and it is thrown at the end.
  let markError: { error: unknown } | undefined
  const settle = async () => {
    await marking
    if (markError) throw markError.error
  }
  const fail = async (err: unknown) => {
    await settle()
    return failRun(opts, state, report, err)
  }
  let batch = await outbox.nextBatch(config.batchSize)
  while (report.batches < maxBatches) {
    if (markError) break
    if (batch.length === 0) {
      await settle()
      await outbox.writeState({ failures: 0, nextAttemptAt: 0, needsLogin: false, lastSuccessAt: now() })
      return report
    }
    report.batches++
    const next =
      report.batches < maxBatches
        ? outbox.nextBatch(config.batchSize, batch[batch.length - 1].queuedAt)
        : Promise.resolve([])
    // Settled now so that a failed read cannot go unobserved while this batch is handled.
    next.catch(() => undefined)
    // A batch may hold both databases' documents: one request per database, in queue order.
    for (const role of ["handoffs", "qa"] as const) {
      const rows = batch.filter((r) => r.db === role)
      if (rows.length === 0) continue
      let results: BulkResult[]
      try {
        const prepare = opts.prepare
        const docs = prepare ? await Promise.all(rows.map((r) => prepare(r.doc))) : rows.map((r) => r.doc)
        results = await client.bulkDocs(dbName(role), docs)
      } catch (err) {
        return fail(err)
      }
      const byId = new Map(results.map((r) => [r.id, r]))
      const sent: string[] = []
      const rejected: { docId: string; error: string; reason: string }[] = []
      for (const row of rows) {
        const r = byId.get(row.docId)
        if (!r) continue // no answer for it (partial response): stays queued for the next run
        if ("ok" in r && r.ok) {
          sent.push(row.docId)
          report.sent++
        } else if (isAlreadyThere(r)) {
          sent.push(row.docId)
          report.alreadyThere++
        } else if (
          "error" in r &&
          (r.error === "forbidden" || r.error === "bad_request" || r.error === "unauthorized")
        ) {
          rejected.push({ docId: row.docId, error: r.error, reason: r.reason ?? "" })
          report.rejected++
        }
        // Anything else (e.g. a per-document 5xx-like error) stays queued and is retried.
      }
      marking = marking
        .then(async () => {
          if (markError) return
          await outbox.markSent(sent)
          if (rejected.length) await outbox.markRejected(rejected)
        })
        .catch((error: unknown) => {
          markError ??= { error }
        })
      if (sent.length + rejected.length < rows.length) {
        return fail(new CouchError("server", 0, "some documents got no usable answer"))
      }
    }
    batch = await next
  }
  await settle()
  await outbox.writeState({
    ...state,
    failures: 0,
    nextAttemptAt: 0,
    needsLogin: false,
    lastSuccessAt: now(),
  })
  return { ...report, status: "more" }
}

async function failRun(
  opts: PushOptions,
  state: PushState,
  report: PushReport,
  err: unknown,
): Promise<PushReport> {
  const error = err instanceof Error ? err.message : String(err)
  if (err instanceof CouchError && (err.failure === "unauthorized" || err.failure === "forbidden")) {
    await opts.outbox.writeState({ ...state, needsLogin: true, lastError: error })
    return { ...report, status: "needs-login", error }
  }
  const failures = state.failures + 1
  const nextAttemptAt = opts.now() + backoffMs(failures)
  await opts.outbox.writeState({ ...state, failures, nextAttemptAt, lastError: error })
  return { ...report, status: "failed", error, nextAttemptAt }
}
