/**
 * Retention of the audit trail: events older than the configured number of days are deleted.
 * The purge runs when the QA review page opens and when the setting is saved on the options page
 * (both extension pages: the database is never opened from a content script).
 */
import type { SidekickDB } from "./db"
import { guard } from "./errors"

/** chrome.storage.local key of the retention setting (days). */
export const AUDIT_RETENTION_KEY = "auditRetentionDays"
export const DEFAULT_AUDIT_RETENTION_DAYS = 180
export const MIN_AUDIT_RETENTION_DAYS = 1
export const MAX_AUDIT_RETENTION_DAYS = 3650

const DAY = 86_400_000

/** A stored setting as a whole number of days in range; anything else gives the default. */
export function normalizeRetentionDays(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) return DEFAULT_AUDIT_RETENTION_DAYS
  if (value < MIN_AUDIT_RETENTION_DAYS || value > MAX_AUDIT_RETENTION_DAYS)
    return DEFAULT_AUDIT_RETENTION_DAYS
  return value
}

/** Events strictly before this instant are past retention. */
export function retentionCutoff(now: number, days: number): number {
  return now - normalizeRetentionDays(days) * DAY
}

/** Deletes events with `at` < `cutoff` through the `at` index; returns how many went. */
export function purgeAuditEventsBefore(db: SidekickDB, cutoff: number): Promise<number> {
  return guard(() =>
    db.transaction("rw", db.auditEvents, () => db.auditEvents.where("at").below(cutoff).delete()),
  )
}
