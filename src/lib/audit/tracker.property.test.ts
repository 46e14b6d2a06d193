import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { lintPhrasing } from "../phrasing/lint"
import { waybillsToKeep } from "./mask"
import type { AuditEvent } from "./model"
import { auditEventSchema } from "./schema"
import { createSuggestionTracker, type TrackerContext } from "./tracker"

const ctx: TrackerContext = {
  phrasebookVersion: "2026.11.0",
  agentWorkId: "A1",
  agentName: "李娜",
  site: "https://crm.example.com",
  waybill: "SF1234567890123",
}

const PIECES = [
  "不行",
  "没办法",
  "又不是我的错",
  "你去找快递公司",
  "您好，",
  "。",
  "，",
  "请稍等",
  "13812345678",
  "SF1234567890123",
  "的话",
]

type Step =
  | { kind: "type"; piece: number; at: number }
  | { kind: "delete"; at: number; len: number }
  | { kind: "apply" | "dismiss" | "wrong"; which: number }
  | { kind: "clear" }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("type" as const),
      piece: fc.nat(PIECES.length - 1),
      at: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 6 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("apply" as const, "dismiss" as const, "wrong" as const),
      which: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
)

describe("suggestion tracker: properties over random editing sessions", () => {
  it("every event is valid and masked; per rule, terminal outcomes never exceed what was shown", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let n = 0
        const tracker = createSuggestionTracker({ now: () => 1_800_000_000_000, newId: () => `e${++n}` })
        const events: AuditEvent[] = []
        let text = ""
        let revision = 0
        const update = () => {
          const findings = lintPhrasing(text)
          events.push(...tracker.update(ctx, { editorId: "ed", text, revision: ++revision }, findings))
          return findings
        }
        for (const s of steps) {
          if (s.kind === "type") {
            const at = s.at % (text.length + 1)
            text = text.slice(0, at) + PIECES[s.piece] + text.slice(at)
            update()
          } else if (s.kind === "delete") {
            const at = s.at % (text.length + 1)
            text = text.slice(0, at) + text.slice(at + s.len)
            update()
          } else if (s.kind === "clear") {
            text = ""
            update()
          } else {
            const findings = lintPhrasing(text)
            if (findings.length === 0) continue
            const f = findings[s.which % findings.length]
            const draft = { editorId: "ed", text, revision }
            if (s.kind === "apply") {
              events.push(...tracker.applied(ctx, draft, f, "很抱歉"))
              text = text.slice(0, f.start) + "很抱歉" + text.slice(f.end)
              update()
            } else if (s.kind === "dismiss") events.push(...tracker.dismissed(ctx, draft, f))
            else events.push(...tracker.wrong(ctx, draft, f, "客户电话13812345678"))
          }
        }
        events.push(...tracker.end(ctx, null))
        expect(tracker.end(ctx, null)).toEqual([])

        expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
        for (const e of events) {
          expect(auditEventSchema.safeParse(e).success).toBe(true)
          // Masked everywhere except inside a waybill kept by design (random typing can put the phone's
          // digits inside "SF…": "SF1381234567834" is a waybill, and waybills stay readable for QA).
          const json = JSON.stringify(e)
          const outsideWaybills = waybillsToKeep(json).reduce((t, w) => t.split(w).join(""), json)
          expect(outsideWaybills).not.toContain("13812345678")
        }
        const byRule = new Map<string, Record<string, number>>()
        for (const e of events) {
          const c = byRule.get(e.ruleId) ?? {}
          c[e.outcome] = (c[e.outcome] ?? 0) + 1
          byRule.set(e.ruleId, c)
        }
        for (const c of byRule.values()) {
          const shown = c.shown ?? 0
          // Each suggestion: applied (net of undos) | dismissed | ignored | discarded | self-edit, plus at
          // most one "wrong"; an undo only ever follows an apply.
          const reverted = c.reverted ?? 0
          expect(reverted).toBeLessThanOrEqual(c.applied ?? 0)
          const settled =
            (c.applied ?? 0) - reverted + (c.dismissed ?? 0) + (c.ignored ?? 0) + (c.discarded ?? 0)
          expect(settled).toBeLessThanOrEqual(shown)
          expect(c.wrong ?? 0).toBeLessThanOrEqual(shown)
          expect(c.edited ?? 0).toBeLessThanOrEqual(shown)
        }
      }),
      { numRuns: 200 },
    )
  })
})
