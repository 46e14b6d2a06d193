import { describe, expect, it } from "vitest"

import { AUDIT_OUTCOMES, type AuditEvent } from "./model"
import { auditEventSchema } from "./schema"

const event: AuditEvent = {
  id: "e1",
  at: 1_700_000_000_000,
  outcome: "applied",
  ruleId: "no-flat-refusal",
  phrasebookVersion: "2026.11.1",
  agentWorkId: "A1024",
  agentName: "李娜",
  site: "https://crm.example.com",
  waybill: "SF1234567890",
  span: { start: 0, end: 3 },
  flagged: "不行",
  excerpt: "不行，这个没办法",
  replacement: "很抱歉，这个暂时",
}

describe("auditEventSchema", () => {
  it("accepts a full event and every outcome", () => {
    for (const outcome of AUDIT_OUTCOMES)
      expect(auditEventSchema.parse({ ...event, outcome })).toEqual({ ...event, outcome })
  })

  it.each([
    ["unknown outcome", { outcome: "accepted" }, "outcome"],
    ["span ending before it starts", { span: { start: 5, end: 2 } }, "span"],
    ["negative offset", { span: { start: -1, end: 2 } }, "span.start"],
    ["lower-case waybill", { waybill: "sf1" }, "waybill"],
    ["missing rule", { ruleId: "" }, "ruleId"],
    ["time as text", { at: "yesterday" }, "at"],
  ])("rejects %s", (_label, patch, path) => {
    const result = auditEventSchema.safeParse({ ...event, ...patch })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path)
  })
})
