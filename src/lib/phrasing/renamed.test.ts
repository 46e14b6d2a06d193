import { describe, expect, it } from "vitest"

import { auditEventSchema } from "../audit/schema"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { currentCategory, currentRuleId } from "./renamed"
import { phrasebookSchema } from "./schema"
import { PHRASING_CATEGORIES } from "./types"

describe("renamed names", () => {
  it("reads the old category and the old tone rule id as the new ones, and keeps everything else", () => {
    expect(currentCategory("rule-10")).toBe("held-over-fees")
    expect(currentCategory("refusal")).toBe("refusal")
    expect(currentCategory(7)).toBe(7)
    expect(currentRuleId("tone-rule-10")).toBe("tone-held-over-fees")
    expect(currentRuleId("rule10-zhongzhuan-fei")).toBe("rule10-zhongzhuan-fei")
    expect(currentRuleId("tone-refusal")).toBe("tone-refusal")
    expect(PHRASING_CATEGORIES).not.toContain("rule-10")
  })

  it("imports a phrasebook exported with the old category name as the new one", () => {
    const old = JSON.parse(
      JSON.stringify(DEFAULT_PHRASEBOOK).replaceAll('"held-over-fees"', '"rule-10"'),
    ) as unknown
    expect(JSON.stringify(old)).toContain('"rule-10"')
    const parsed = phrasebookSchema.parse(old)
    expect(parsed).toEqual(phrasebookSchema.parse(DEFAULT_PHRASEBOOK))
  })

  it("imports an audit event of the old tone category under the new rule id", () => {
    const event = {
      id: "e1",
      at: 1_700_000_000_000,
      outcome: "shown",
      ruleId: "tone-rule-10",
      phrasebookVersion: "1",
      agentWorkId: "A1",
      agentName: "李娜",
      site: "https://crm.example.com",
      span: { start: 0, end: 2 },
      flagged: "扣着",
      excerpt: "货先扣着",
    }
    expect(auditEventSchema.parse(event).ruleId).toBe("tone-held-over-fees")
  })
})
