/** Audit events: append in batches, read back by time range and the fields QA filters on. */
import type { Collection } from "dexie"

import type { AuditEvent, AuditOutcome } from "../audit/model"
import { auditEventSchema } from "../audit/schema"
import type { SidekickDB } from "./db"
import { purgeAuditEventsBefore } from "./audit-retention"
import { guard, StoreError } from "./errors"
import { compact, parseOrThrow } from "./normalize"
import { enqueueTeamDocs, outboxTables } from "./outbox"

/** Which events to read: `from` and `to` are epoch ms, both inclusive; the rest must match exactly. */
export interface AuditFilter {
  from: number
  to: number
  ruleId?: string
  outcome?: AuditOutcome
  agentWorkId?: string
  site?: string
}

const DEFAULT_LIST_LIMIT = 500

/** Reads and writes audit events. */
export interface AuditStore {
  /** Validates every event first, then stores them all in one transaction (or none). */
  addAuditEvents(events: readonly AuditEvent[]): Promise<void>
  /** Matching events, newest first, at most `limit` (default 500). */
  listAuditEvents(filter: AuditFilter, limit?: number): Promise<AuditEvent[]>
  countAuditEvents(filter: AuditFilter): Promise<number>
  /** Deletes events with `at` < `cutoff` (retention); returns how many went. */
  purgeBefore(cutoff: number): Promise<number>
}

/** Creates the audit repository over `db`. */
export function createAuditStore(db: SidekickDB, options: { now?: () => number } = {}): AuditStore {
  const now = options.now ?? Date.now
  // The [ruleId+at] index answers "this rule, this period" directly; otherwise the `at` index bounds the scan.
  const select = (f: AuditFilter): Collection<AuditEvent, string> => {
    const base = f.ruleId
      ? db.auditEvents.where("[ruleId+at]").between([f.ruleId, f.from], [f.ruleId, f.to], true, true)
      : db.auditEvents.where("at").between(f.from, f.to, true, true)
    const { outcome, agentWorkId, site } = f
    if (outcome === undefined && agentWorkId === undefined && site === undefined) return base
    return base.filter(
      (e) =>
        (outcome === undefined || e.outcome === outcome) &&
        (agentWorkId === undefined || e.agentWorkId === agentWorkId) &&
        (site === undefined || e.site === site),
    )
  }

  return {
    async addAuditEvents(input) {
      const events = input.map((e) => compact(parseOrThrow(auditEventSchema, e)))
      if (new Set(events.map((e) => e.id)).size !== events.length)
        throw new StoreError("invalid", { detail: "duplicate id" })
      if (events.length === 0) return
      await guard(() =>
        db.transaction("rw", [db.auditEvents, ...outboxTables(db)], async () => {
          await db.auditEvents.bulkPut(events)
          // Same transaction: the team copies (masked as stored) are queued exactly when stored.
          await enqueueTeamDocs(db, "audit", events, now())
        }),
      )
    },

    listAuditEvents(filter, limit = DEFAULT_LIST_LIMIT) {
      if (filter.to < filter.from || limit <= 0) return Promise.resolve([])
      return guard(() => select(filter).reverse().limit(limit).toArray())
    },

    countAuditEvents(filter) {
      if (filter.to < filter.from) return Promise.resolve(0)
      return guard(() => select(filter).count())
    },

    purgeBefore: (cutoff) => purgeAuditEventsBefore(db, cutoff),
  }
}
