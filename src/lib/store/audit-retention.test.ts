import { describe, expect, it } from "vitest"

import { auditEvent } from "../audit/audit-event.test-helper"
import { createAuditStore } from "./audit-repository"
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  normalizeRetentionDays,
  purgeAuditEventsBefore,
  retentionCutoff,
} from "./audit-retention"
import { freshDb } from "./store.test-helper"

const DAY = 86_400_000
const NOW = 1_800_000_000_000

// Retention looks at the time only.
const ev = (id: string, at: number) => auditEvent({ id, at })

describe("audit retention", () => {
  it("deletes events older than the cutoff and keeps the rest", async () => {
    const { db } = freshDb()
    const audit = createAuditStore(db)
    await audit.addAuditEvents([
      ev("old", NOW - 181 * DAY),
      ev("edge", NOW - 180 * DAY),
      ev("new", NOW - DAY),
    ])
    expect(await purgeAuditEventsBefore(db, retentionCutoff(NOW, 180))).toBe(1)
    const left = await audit.listAuditEvents({ from: 0, to: NOW })
    expect(left.map((e) => e.id).sort()).toEqual(["edge", "new"])
    expect(await purgeAuditEventsBefore(db, retentionCutoff(NOW, 180))).toBe(0)
  })

  it.each([
    [30, 30],
    [0, DEFAULT_AUDIT_RETENTION_DAYS],
    [-5, DEFAULT_AUDIT_RETENTION_DAYS],
    [1.5, DEFAULT_AUDIT_RETENTION_DAYS],
    ["90", DEFAULT_AUDIT_RETENTION_DAYS],
    [undefined, DEFAULT_AUDIT_RETENTION_DAYS],
    [99_999, DEFAULT_AUDIT_RETENTION_DAYS],
  ])("normalizes a stored setting %j to %i days", (value, days) => {
    expect(normalizeRetentionDays(value)).toBe(days)
    expect(retentionCutoff(NOW, value as number)).toBe(NOW - days * DAY)
  })
})
