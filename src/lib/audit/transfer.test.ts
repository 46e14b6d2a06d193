import { describe, expect, it } from "vitest"

import { auditEvent } from "./audit-event.test-helper"
import type { AuditEvent } from "./model"
import { auditEventsToCsv, auditEventsToJson, parseAuditImports } from "./transfer"

const ev = (id: string, overrides: Partial<AuditEvent> = {}): AuditEvent =>
  auditEvent({ id, agentWorkId: "A1", excerpt: "不行，这个", ...overrides })

const file = (name: string, events: unknown[]) => ({
  name,
  data: JSON.parse(auditEventsToJson(events as AuditEvent[], 1)) as unknown,
})

describe("auditEventsToCsv", () => {
  it("writes a bilingual header and defuses formula-like cells", () => {
    const csv = auditEventsToCsv([ev("e1", { excerpt: '=HYPERLINK("http://x")', reason: '+1 客户说, "好"' })])
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
    expect(lines[0].startsWith("编号 / id,时间 / time,结果 / outcome")).toBe(true)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(lines[1]).toContain(`"'+1 客户说, ""好"""`)
    expect(lines[1]).not.toMatch(/,=/)
    expect(lines[1]).toContain("2025-11-20T00:53:20.000Z")
  })
})

describe("parseAuditImports", () => {
  it("round-trips an export", () => {
    const events = [ev("e1"), ev("e2", { outcome: "wrong", reason: "客户原话" })]
    const r = parseAuditImports([file("a.json", events)])
    expect(r).toEqual({ ok: true, events, duplicates: 0, perFile: [{ name: "a.json", events: 2 }] })
  })

  it("merges several agents' files and drops exact duplicates by id", () => {
    const r = parseAuditImports([
      file("a.json", [ev("e1"), ev("e2"), ev("e1")]),
      file("b.json", [ev("e3", { agentWorkId: "B2" }), { ...ev("e2") }]),
    ])
    expect(r.ok && r.events.map((e) => e.id)).toEqual(["e1", "e2", "e3"])
    expect(r.ok && r.duplicates).toBe(2)
    expect(r.ok && r.perFile).toEqual([
      { name: "a.json", events: 2 },
      { name: "b.json", events: 1 },
    ])
  })

  it("accepts a bare array of events", () => {
    const r = parseAuditImports([{ name: "x.json", data: [ev("e1")] }])
    expect(r.ok && r.events).toHaveLength(1)
  })

  it("is all-or-nothing with row-level bilingual problems naming the file", () => {
    const r = parseAuditImports([
      file("a.json", [ev("e1")]),
      file("b.json", [
        ev("e2"),
        { ...ev("e3"), outcome: "accepted" },
        { ...ev("e4"), span: { start: 5, end: 1 } },
      ]),
    ])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.where)).toEqual(["b.json › events[1].outcome", "b.json › events[2].span"])
    for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/)
  })

  it("refuses the same id with different content", () => {
    const r = parseAuditImports([
      file("a.json", [ev("e1")]),
      file("b.json", [ev("e1", { outcome: "applied" })]),
    ])
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          where: "b.json › events[0].id",
          message:
            "编号 e1 与 a.json › events[0] 相同但内容不同 / id e1 repeats a.json › events[0] with different content",
        },
      ],
    })
  })

  it.each([
    ["another app's file", { format: "something-else", events: [] }, "x.json › format"],
    ["a newer version", { format: "cs-sidekick-audit", version: 2, events: [] }, "x.json › version"],
    ["no events list", { format: "cs-sidekick-audit", version: 1 }, "x.json › events"],
    ["a non-object row", ["oops"], "x.json › [0]"],
  ])("names the problem in %s", (_name, data, where) => {
    const r = parseAuditImports([{ name: "x.json", data }])
    expect(r.ok ? [] : r.problems.map((p) => p.where)).toEqual([where])
  })

  it("refuses files with no events at all", () => {
    expect(parseAuditImports([file("a.json", [])]).ok).toBe(false)
  })
})
