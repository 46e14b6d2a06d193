import { describe, expect, it } from "vitest"

import { tally } from "./aggregate"
import { byKnowledgeCard, knowledgeInsertEvent, type KnowledgeInsert } from "./knowledge"
import { auditEventSchema } from "./schema"

const base: KnowledgeInsert = {
  id: "k-1",
  at: 1_700_000_000_000,
  cardId: "battery-power-bank",
  cardTitle: "锂电池、充电宝",
  packVersion: "builtin-2026.12.04",
  text: "您好，充电宝、锂电池属于需要特别管控的物品。请拨打13800138000咨询。",
  agentWorkId: "A1024",
  agentName: "李娜",
  site: "https://crm.example.com",
  waybill: "SF1234567890",
}

describe("knowledge insert events", () => {
  it("is a valid audit event with the card as rule and the pack as version, phone masked", () => {
    const e = knowledgeInsertEvent(base)
    expect(auditEventSchema.safeParse(e).success).toBe(true)
    expect(e).toMatchObject({
      outcome: "inserted",
      ruleId: "knowledge:battery-power-bank",
      phrasebookVersion: "builtin-2026.12.04",
      flagged: "锂电池、充电宝",
      waybill: "SF1234567890",
    })
    expect(e.excerpt).not.toContain("13800138000")
    expect(e.excerpt).toContain("充电宝")
  })

  it("does not count inserts in the phrasing rates", () => {
    const t = tally([knowledgeInsertEvent(base)])
    expect(t.shown).toBe(0)
    expect(t.appliedRate).toBeNull()
  })

  it("tables inserts per card: count, agents, last title, versions", () => {
    const events = [
      knowledgeInsertEvent(base),
      knowledgeInsertEvent({ ...base, id: "k-2", at: base.at + 1, agentWorkId: "B2" }),
      knowledgeInsertEvent({
        ...base,
        id: "k-3",
        cardId: "cod",
        cardTitle: "代收货款",
        packVersion: "acme-1",
      }),
    ]
    expect(byKnowledgeCard(events)).toEqual([
      {
        cardId: "battery-power-bank",
        title: "锂电池、充电宝",
        inserts: 2,
        agents: 2,
        lastAt: base.at + 1,
        versions: ["builtin-2026.12.04"],
      },
      { cardId: "cod", title: "代收货款", inserts: 1, agents: 1, lastAt: base.at, versions: ["acme-1"] },
    ])
  })
})
