import { describe, expect, it } from "vitest"

import * as lib from "./index"

describe("src/lib public API", () => {
  it("detectWaybills returns the documented shape", () => {
    const [m] = lib.detectWaybills("运单号：SF1385628716739")
    expect(m).toBeDefined()
    expect(Object.keys(m).sort()).toEqual(["carriers", "end", "number", "start"])
    expect(m.number).toBe("SF1385628716739")
    expect("运单号：SF1385628716739".slice(m.start, m.end)).toBe("SF1385628716739")
    expect(Object.keys(m.carriers[0]).sort()).toEqual(["checked", "code", "confidence", "name"])
    expect(m.carriers[0].code).toBe("sf")
  })

  it("detectWaybills takes a carrier hint", () => {
    const text = "单号 463431409940372"
    const hinted = lib.detectWaybills(text, { carrierHint: "yunda" })
    expect(hinted[0]?.carriers[0]?.code).toBe("yunda")
  })

  it("lintPhrasing returns the documented shape", () => {
    const [f] = lib.lintPhrasing("不行，这个不归我管，你去找网点")
    expect(f).toBeDefined()
    expect(Object.keys(f).sort()).toEqual(
      ["category", "end", "message", "replacements", "ruleId", "severity", "start", "text"].sort(),
    )
  })

  it("renderScript reports missing slots", () => {
    const r = lib.renderScript("greeting", {})
    expect(r.missing.length).toBeGreaterThan(0)
    const filled = lib.renderScript("greeting", { 公司名称: "某某速运", 工号: "8023" })
    expect(filled.text).toContain("某某速运")
    expect(filled.missing).toEqual([])
  })

  it("classifyCase names the type and the deciding words", () => {
    const c = lib.classifyCase("快件在网点滞留三天一直不派送")
    expect(c.type).toBe("滞留")
    expect(c.matched.length).toBeGreaterThan(0)
  })

  it("assessCustomer reads the customer's state", () => {
    const s = lib.assessCustomer("第三次打电话了！！再不处理我就打12305")
    expect(s).toMatchObject({ emotion: "angry", repeat: true })
    expect(s.threats.map((t) => t.kind)).toEqual(["postal"])
    expect(s.evidence.length).toBeGreaterThan(0)
  })

  it("nextEscalation starts at level 1 with no attempts", () => {
    const advice = lib.nextEscalation({ waybill: "SF1385628716739", caseType: "破损", attempts: [] }, [], 0)
    expect(advice.level).toBe(1)
    expect(advice.urgent).toBe(true)
  })
})

describe("src/lib public API: every documented entry point resolves", () => {
  it("exports the seven entry points and the data they are built on", () => {
    const entryPoints = [
      lib.detectWaybills,
      lib.lintPhrasing,
      lib.renderScript,
      lib.classifyCase,
      lib.nextEscalation,
      lib.assessCustomer,
      lib.scoreConversation,
    ]
    for (const fn of entryPoints) expect(typeof fn).toBe("function")
    expect(lib.CARRIERS.length).toBeGreaterThan(0)
    expect(lib.DEFAULT_PHRASEBOOK.rules.length).toBeGreaterThan(0)
    expect(lib.SCRIPTS.length).toBeGreaterThan(0)
    expect(lib.LADDER).toHaveLength(4)
    expect(lib.CASE_TYPES).toContain("滞留")
    expect(lib.DEFAULT_KNOWLEDGE_PACK.cards.length).toBeGreaterThan(0)
    expect(lib.DEFAULT_CHECKLIST.items.length).toBeGreaterThan(0)
  })

  it("scoreConversation scores a whole conversation", () => {
    const r = lib.scoreConversation([
      { role: "customer", text: "我的快递三天没动了，太气人了！" },
      { role: "agent", text: "您好，非常抱歉让您久等了，我马上为您查询。" },
    ])
    expect(r.items.map((i) => i.id)).toEqual([...lib.ITEM_IDS])
    const outcome = (id: string) => r.items.find((i) => i.id === id)?.outcome
    expect(outcome("apology-first")).toBe("pass")
    // "马上为您查询" defers without a reason or a time.
    expect(outcome("deferral")).toBe("fail")
  })
})
