import { describe, expect, it } from "vitest"

import type { AuditEvent, AuditOutcome } from "../audit/model"
import { createAuditStore } from "./audit-repository"
import { StoreError } from "./errors"
import { freshDb, recordQueries } from "./store.test-helper"

const T0 = 1_700_000_000_000

function event(i: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  const outcomes: AuditOutcome[] = ["shown", "applied", "dismissed", "ignored", "edited", "wrong"]
  return {
    id: `e${i}`,
    at: T0 + i * 1000,
    outcome: outcomes[i % outcomes.length],
    ruleId: i % 2 ? "no-flat-refusal" : "no-blame",
    phrasebookVersion: "1",
    agentWorkId: i % 3 ? "A1" : "B2",
    agentName: "李娜",
    site: i % 4 ? "https://crm.example.com" : "https://ticket.example.org",
    span: { start: 0, end: 2 },
    flagged: "不行",
    excerpt: "不行",
    ...overrides,
  }
}

describe("audit store", () => {
  it("lists by time range newest first, inclusive at both ends, with a limit", async () => {
    const audit = createAuditStore(freshDb().db)
    await audit.addAuditEvents(Array.from({ length: 30 }, (_, i) => event(i)))
    const listed = await audit.listAuditEvents({ from: T0 + 10_000, to: T0 + 20_000 })
    expect(listed.map((e) => e.id)).toEqual(Array.from({ length: 11 }, (_, i) => `e${20 - i}`))
    expect((await audit.listAuditEvents({ from: T0, to: T0 + 99_000 }, 3)).map((e) => e.id)).toEqual([
      "e29",
      "e28",
      "e27",
    ])
    expect(await audit.countAuditEvents({ from: T0 + 10_000, to: T0 + 20_000 })).toBe(11)
    expect(await audit.listAuditEvents({ from: T0 + 5, to: T0 })).toEqual([])
  })

  it("filters by rule via the [ruleId+at] index, and by outcome, agent and site", async () => {
    const { db } = freshDb()
    const log = recordQueries(db)
    const audit = createAuditStore(db)
    const events = Array.from({ length: 60 }, (_, i) => event(i))
    await audit.addAuditEvents(events)
    const range = { from: T0, to: T0 + 60_000 }
    const expectIds = (pred: (e: AuditEvent) => boolean) =>
      events
        .filter(pred)
        .map((e) => e.id)
        .reverse()

    log.length = 0
    const byRule = await audit.listAuditEvents({ ...range, ruleId: "no-blame" })
    expect(byRule.map((e) => e.id)).toEqual(expectIds((e) => e.ruleId === "no-blame"))
    expect(log[0]).toEqual({ table: "auditEvents", index: "[ruleId+at]", rows: 30 })

    const filter = { ...range, ruleId: "no-flat-refusal", outcome: "wrong" as const, agentWorkId: "A1" }
    expect((await audit.listAuditEvents(filter)).map((e) => e.id)).toEqual(
      expectIds((e) => e.ruleId === "no-flat-refusal" && e.outcome === "wrong" && e.agentWorkId === "A1"),
    )
    expect(await audit.countAuditEvents({ ...range, site: "https://ticket.example.org" })).toBe(
      events.filter((e) => e.site === "https://ticket.example.org").length,
    )
  })

  it("stores all of a batch or none of it", async () => {
    const { db } = freshDb()
    const audit = createAuditStore(db)
    await expect(
      audit.addAuditEvents([event(1), event(2, { outcome: "accepted" as never })]),
    ).rejects.toBeInstanceOf(StoreError)
    await expect(audit.addAuditEvents([event(1), event(1)])).rejects.toMatchObject({ code: "invalid" })
    expect(await db.auditEvents.count()).toBe(0)
    await audit.addAuditEvents([])
    expect(await db.auditEvents.count()).toBe(0)
  })
})
