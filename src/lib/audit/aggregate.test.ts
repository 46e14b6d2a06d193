import { describe, expect, it } from "vitest"

import { byAgent, byDay, byRule, facets, filterEvents, tally } from "./aggregate"
import { auditEvent } from "./audit-event.test-helper"
import type { AuditEvent, AuditOutcome } from "./model"

// 2026-11-20 00:00 in China (UTC+8) is 2026-11-19 16:00 UTC.
const DAY0 = Date.UTC(2026, 10, 19, 16)
const H = 3_600_000

const ev = (outcome: AuditOutcome, overrides: Partial<AuditEvent> = {}): AuditEvent =>
  auditEvent({ at: DAY0 + H, outcome, agentWorkId: "A1", ...overrides })

const categoryOf = (id: string) =>
  id.startsWith("refusal") ? "refusal" : id.startsWith("blame") ? "blame-shifting" : undefined

describe("tally", () => {
  it("counts outcomes and rates over shown", () => {
    const t = tally([
      ev("shown"),
      ev("shown"),
      ev("shown"),
      ev("shown"),
      ev("applied"),
      ev("dismissed"),
      ev("wrong"),
      ev("wrong"),
    ])
    expect(t).toMatchObject({ shown: 4, applied: 1, dismissed: 1, wrong: 2, ignored: 0, edited: 0 })
    expect(t.appliedRate).toBe(0.25)
    expect(t.dismissedRate).toBe(0.25)
    expect(t.wrongRate).toBe(0.5)
    expect(t.ignoredRate).toBe(0)
  })

  it("does not count an apply undone in the CRM as applied, nor a discarded reply as ignored", () => {
    const t = tally([
      ev("shown"),
      ev("shown"),
      ev("shown"),
      ev("applied"),
      ev("applied"),
      ev("reverted"),
      ev("ignored"),
      ev("discarded"),
    ])
    expect(t).toMatchObject({ shown: 3, applied: 1, reverted: 1, ignored: 1, discarded: 1 })
    expect(t.appliedRate).toBeCloseTo(1 / 3)
    expect(t.ignoredRate).toBeCloseTo(1 / 3)
  })

  it("has null rates, not NaN or 0, when nothing was shown", () => {
    const t = tally([ev("wrong")])
    expect(t.wrong).toBe(1)
    expect(t.appliedRate).toBeNull()
    expect(t.wrongRate).toBeNull()
    expect(tally([]).appliedRate).toBeNull()
  })
})

describe("filterEvents", () => {
  const events = [
    ev("shown", { at: DAY0 }),
    ev("applied", { at: DAY0 + 5 * H, agentWorkId: "B2" }),
    ev("shown", { at: DAY0 + 30 * H, ruleId: "blame-ni-qu-zhao", site: "https://t.example.org" }),
    ev("wrong", { at: DAY0 + 50 * H, ruleId: "custom-x" }),
  ]
  it.each([
    ["date range, inclusive", { from: DAY0, to: DAY0 + 5 * H }, ["e1", "e2"]],
    ["agent", { agentWorkId: "B2" }, ["e2"]],
    ["rule", { ruleId: "custom-x" }, ["e4"]],
    ["category", { category: "blame-shifting" as const }, ["e3"]],
    ["outcome", { outcome: "shown" as const }, ["e1", "e3"]],
    ["site", { site: "https://t.example.org" }, ["e3"]],
    ["nothing", {}, ["e1", "e2", "e3", "e4"]],
    ["combined, no match", { agentWorkId: "B2", outcome: "shown" as const }, []],
  ])("by %s", (_name, q, ids) => {
    const fresh = events.map((e, i) => ({ ...e, id: `e${i + 1}` }))
    expect(filterEvents(fresh, q, categoryOf).map((e) => e.id)).toEqual(ids)
  })
})

describe("byRule / byAgent", () => {
  it("groups per rule, most shown first, with the category", () => {
    const rows = byRule(
      [
        ev("shown"),
        ev("applied"),
        ev("shown", { ruleId: "blame-a" }),
        ev("shown", { ruleId: "blame-a" }),
        ev("wrong", { ruleId: "blame-a" }),
      ],
      categoryOf,
    )
    expect(rows.map((r) => [r.ruleId, r.category, r.tally.shown, r.tally.applied, r.tally.wrong])).toEqual([
      ["blame-a", "blame-shifting", 2, 0, 1],
      ["refusal-buxing", "refusal", 1, 1, 0],
    ])
    expect(rows[1].tally.appliedRate).toBe(1)
  })

  it("groups per agent, with the latest name for a work number", () => {
    const rows = byAgent([
      ev("shown", { agentWorkId: "A1", agentName: "旧名", at: DAY0 }),
      ev("dismissed", { agentWorkId: "A1", agentName: "李娜", at: DAY0 + H }),
      ev("shown", { agentWorkId: "B2", agentName: "王强" }),
      ev("shown", { agentWorkId: "B2", agentName: "王强" }),
    ])
    expect(rows.map((r) => [r.agentWorkId, r.agentName, r.tally.shown, r.tally.dismissed])).toEqual([
      ["B2", "王强", 2, 0],
      ["A1", "李娜", 1, 1],
    ])
    expect(rows[1].tally.dismissedRate).toBe(1)
  })
})

describe("byDay", () => {
  it("buckets by local calendar day and fills empty days", () => {
    const rows = byDay(
      [
        ev("shown", { at: DAY0 }), // 2026-11-20 00:00 (UTC+8)
        ev("applied", { at: DAY0 + 24 * H - 1 }), // 2026-11-20 23:59:59.999
        ev("shown", { at: DAY0 + 48 * H }), // 2026-11-22
        ev("shown", { at: DAY0 - 1 }), // 2026-11-19 23:59:59.999
      ],
      { utcOffsetMinutes: 480 },
    )
    expect(rows.map((r) => [r.day, r.tally.shown, r.tally.applied])).toEqual([
      ["2026-11-19", 1, 0],
      ["2026-11-20", 1, 1],
      ["2026-11-21", 0, 0],
      ["2026-11-22", 1, 0],
    ])
    expect(rows[1].start).toBe(DAY0)
    expect(rows[2].tally.appliedRate).toBeNull()
  })

  it("the same instants fall on other days in UTC", () => {
    const rows = byDay([ev("shown", { at: DAY0 })], { utcOffsetMinutes: 0 })
    expect(rows.map((r) => r.day)).toEqual(["2026-11-19"])
  })

  it("covers an explicit range even without events, capped at maxDays (latest kept)", () => {
    expect(byDay([], { utcOffsetMinutes: 480, from: DAY0, to: DAY0 + 2 * 24 * H }).map((r) => r.day)).toEqual(
      ["2026-11-20", "2026-11-21", "2026-11-22"],
    )
    expect(byDay([], { utcOffsetMinutes: 480 })).toEqual([])
    const capped = byDay([], { utcOffsetMinutes: 480, from: DAY0, to: DAY0 + 99 * 24 * H, maxDays: 7 })
    expect(capped).toHaveLength(7)
    expect(capped[6].start).toBe(DAY0 + 99 * 24 * H)
  })
})

describe("facets", () => {
  it("lists distinct agents, rules and sites", () => {
    const f = facets([
      ev("shown"),
      ev("shown", { agentWorkId: "B2", agentName: "王强", ruleId: "x", site: "s" }),
    ])
    expect(f.agents).toEqual([
      { workId: "A1", name: "李娜" },
      { workId: "B2", name: "王强" },
    ])
    expect(f.rules).toEqual(["refusal-buxing", "x"])
    expect(f.sites).toEqual(["https://crm.example.com", "s"])
  })
})
