import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CASE_TYPES } from "../cases/model"
import { getScript, listScripts, scriptsForCase, renderScript } from "./render"
import { SCRIPTS, SCRIPT_STAGES } from "./scripts"
import { SLOTS, varsFromContext } from "./slots"
import { fillTemplate, parseSlots, requiredSlots } from "./template"

const allSlotValues: Record<string, string> = Object.fromEntries(SLOTS.map((s) => [s.name, s.example]))

describe("script catalogue", () => {
  it("has unique kebab-case ids and a known stage", () => {
    const ids = SCRIPTS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of SCRIPTS) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(SCRIPT_STAGES).toContain(s.stage)
      expect(s.title.zh.length).toBeGreaterThan(0)
      expect(s.title.en.length).toBeGreaterThan(0)
      if (s.caseTypes !== "any") for (const t of s.caseTypes) expect(CASE_TYPES).toContain(t)
    }
  })

  it("uses only slots from the SLOTS catalogue, in zh and en", () => {
    const known = new Set(SLOTS.map((s) => s.name))
    for (const s of SCRIPTS) {
      for (const name of parseSlots(s.text)) expect(known, `${s.id}: ${name}`).toContain(name)
      // The English gloss must not need a slot the Chinese text does not have.
      if (s.textEn) for (const name of parseSlots(s.textEn)) expect(parseSlots(s.text)).toContain(name)
    }
  })

  it("has unique slot names in SLOTS", () => {
    expect(new Set(SLOTS.map((s) => s.name)).size).toBe(SLOTS.length)
  })

  it.each(SCRIPTS.map((s) => [s.id, s] as const))("%s renders fully with every slot filled", (id, s) => {
    const r = renderScript(id, allSlotValues)
    expect(r.ok).toBe(true)
    expect(r.missing).toEqual([])
    expect(r.text).not.toMatch(/[{}【】[\]]/)
    expect(r.filled.sort()).toEqual(parseSlots(s.text).sort())
    const en = renderScript(id, allSlotValues, { lang: "en" })
    expect(en.text).not.toMatch(/[{}[\]]/)
  })

  it.each(SCRIPTS.flatMap((s) => s.examples.map((e, i) => [`${s.id}#${i}`, s.id, e] as const)))(
    "example %s renders exactly as documented",
    (_label, id, example) => {
      const r = renderScript(id, example.vars)
      expect(r.text).toBe(example.text)
      expect(r.missing).toEqual([])
    },
  )

  it("every script has at least one example", () => {
    for (const s of SCRIPTS) expect(s.examples.length, s.id).toBeGreaterThan(0)
  })

  it("covers the scenarios the manuals name", () => {
    const ids = new Set(SCRIPTS.map((s) => s.id))
    for (const id of [
      "greeting",
      "confirm-details",
      "restate",
      "apology",
      "delay",
      "stranded",
      "damage",
      "shortage",
      "lost",
      "claim",
      "escalation-promise",
      "callback-promise",
      "callback-followup",
      "closing",
      "price-time",
      "outlet-info",
      "tracking-shipped",
      "tracking-in-transit",
      "tracking-out-for-delivery",
      "tracking-signed",
      "please-wait",
      "ask-to-repeat",
      "internal-level-1",
      "internal-level-2",
      "internal-level-3",
      "internal-level-4",
    ])
      expect(ids, id).toContain(id)
  })

  it("every case type has at least one handle script besides the 'any' ones", () => {
    for (const t of CASE_TYPES) {
      const own = listScripts({ caseType: t, stage: "handle" }).filter((s) => s.caseTypes !== "any")
      expect(own.length, t).toBeGreaterThan(0)
    }
  })
})

describe("manual wording rules", () => {
  it("every transit-time answer carries the 仅供参考 disclaimer", () => {
    for (const id of ["price-time", "tracking-shipped", "tracking-in-transit"]) {
      expect(renderScript(id, allSlotValues).text).toContain("时效仅供参考，具体以实际运输情况为准")
    }
  })

  it("the claim script neither grants outright nor closes the door (十二)", () => {
    const text = getScript("claim")!.text
    expect(text).not.toMatch(/全额|一定赔|保证|肯定/)
    expect(text).toMatch(/复核/)
    expect(text).toMatch(/您看这样可以吗/)
  })

  it("no customer-facing script uses a phrase the phrasing rules forbid", () => {
    const forbidden = /不行|没办法|不归我管|不关我的事|你去找|等着吧|不知道|保证|一定赔|绝对/
    for (const s of SCRIPTS.filter((x) => x.stage !== "internal")) expect(s.text, s.id).not.toMatch(forbidden)
  })

  it("promise scripts always name a reply time", () => {
    for (const s of listScripts({ stage: "promise" })) {
      expect(
        requiredSlots(s.text).some((n) => n === "回复时间" || n === "回电时间"),
        s.id,
      ).toBe(true)
    }
  })
})

describe("renderScript", () => {
  it("greeting with 工号", () => {
    const r = renderScript("greeting", { 公司名称: "盛辉物流", 工号: "8801" })
    expect(r.text).toBe("您好，盛辉物流客服，工号8801，很高兴为您服务，请问有什么可以帮您？")
    expect(r.filled).toEqual(["公司名称", "工号"])
  })

  it("greeting without 工号 drops the optional part and reports nothing missing", () => {
    for (const 工号 of [undefined, "", "   "]) {
      const r = renderScript("greeting", { 公司名称: "盛辉物流", 工号 })
      expect(r.text).toBe("您好，盛辉物流客服，很高兴为您服务，请问有什么可以帮您？")
      expect(r.missing).toEqual([])
      expect(r.filled).toEqual(["公司名称"])
    }
  })

  it("reports missing required slots and keeps a visible placeholder", () => {
    const r = renderScript("escalation-promise", { 原因: "网点核实" })
    expect(r.ok).toBe(true)
    expect(r.missing).toEqual(["回复时间"])
    expect(r.text).toContain("【回复时间】")
    expect(r.text).not.toContain("工号")
  })

  it("unknown id gives a typed error, not a throw", () => {
    const r = renderScript("no-such-script", { 运单号: "X" })
    expect(r).toEqual({
      ok: false,
      error: "unknown-script",
      scriptId: "no-such-script",
      text: "",
      missing: [],
      filled: [],
    })
  })

  it.each([
    ["<img src=x onerror=alert(1)>"],
    ["{运单号}"],
    ["$&"],
    ["$1"],
    ["$'$`"],
    ["[工号{工号}]"],
    ["【回复时间】"],
  ])("inserts hostile value %s literally without re-expanding it", (hostile) => {
    const r = renderScript("escalation-promise", { 原因: hostile, 回复时间: "今天18点", 工号: "1" })
    expect(r.text).toBe(
      `这个问题需要${hostile}，我暂时无法马上答复您。我已为您升级处理，会在今天18点前给您明确答复，我的工号是1。`,
    )
    expect(r.missing).toEqual([])
  })

  it("uses the English gloss on request", () => {
    const r = renderScript("closing", {}, { lang: "en" })
    expect(r.text).toBe("Thank you for calling. Have a nice day, goodbye.")
  })

  it("never throws for arbitrary ids and vars", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(fc.string(), fc.option(fc.string(), { nil: undefined })),
        (id, vars) => {
          const r = renderScript(id, vars)
          expect(typeof r.text).toBe("string")
          expect(Array.isArray(r.missing)).toBe(true)
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...SCRIPTS.map((s) => s.id)),
        fc.dictionary(fc.string(), fc.string()),
        (id, vars) => {
          expect(renderScript(id, vars).ok).toBe(true)
        },
      ),
    )
  })
})

describe("listScripts", () => {
  it("filters by case type (including 'any' scripts) and stage", () => {
    const damage = listScripts({ caseType: "破损" }).map((s) => s.id)
    expect(damage).toContain("damage")
    expect(damage).toContain("greeting")
    expect(damage).not.toContain("price-time")
    expect(listScripts({ stage: "internal" }).map((s) => s.id)).toEqual([
      "internal-level-1",
      "internal-level-2",
      "internal-level-3",
      "internal-level-4",
    ])
    expect(listScripts()).toHaveLength(SCRIPTS.length)
  })
})

describe("scriptsForCase", () => {
  it("puts the case type's own scripts first (the 滞留 script first on a 滞留 case), then shared, then general", () => {
    expect(scriptsForCase("滞留")[0].caseTypes).toEqual(["滞留"])
    for (const type of CASE_TYPES) {
      const ids = scriptsForCase(type).map((s) => s.id)
      // The same scripts as listScripts, only reordered.
      expect([...ids].sort()).toEqual(
        listScripts({ caseType: type })
          .map((s) => s.id)
          .sort(),
      )
      const breadth = scriptsForCase(type).map((s) => (s.caseTypes === "any" ? Infinity : s.caseTypes.length))
      expect(breadth).toEqual([...breadth].sort((a, b) => a - b))
      const own = listScripts({ caseType: type }).filter((s) => s.caseTypes !== "any")
      if (own.length) expect(ids.slice(0, own.length).sort()).toEqual(own.map((s) => s.id).sort())
    }
    // Within a group the book's order holds.
    const general = scriptsForCase("破损")
      .filter((s) => s.caseTypes === "any")
      .map((s) => s.id)
    expect(general).toEqual(
      listScripts({ caseType: "破损" })
        .filter((s) => s.caseTypes === "any")
        .map((s) => s.id),
    )
  })
})

describe("fillTemplate / parseSlots", () => {
  it("fills a phrasing replacement", () => {
    expect(fillTemplate("请您稍等，我{回复时间}前回复您", { 回复时间: "15点" })).toEqual({
      text: "请您稍等，我15点前回复您",
      missing: [],
      filled: ["回复时间"],
    })
  })

  it("lists slots once in order, including optional ones", () => {
    expect(parseSlots("{a}[x{b}]{a}{c}")).toEqual(["a", "b", "c"])
    expect(requiredSlots("{a}[x{b}]{a}{c}")).toEqual(["a", "c"])
  })

  it("keeps unbalanced or nested brackets and braces as literal text", () => {
    expect(fillTemplate("a [b {x} c", { x: "1" }).text).toBe("a [b 1 c")
    expect(fillTemplate("a ] b", {}).text).toBe("a ] b")
    expect(fillTemplate("{ } {} {未闭合", {}).text).toBe("{ } {} {未闭合")
    expect(fillTemplate("[a [b{x}] c", { x: "1" }).text).toBe("[a b1 c")
  })

  it("an optional segment needs all of its slots", () => {
    expect(fillTemplate("A[({x}/{y})]B", { x: "1" }).text).toBe("AB")
    expect(fillTemplate("A[({x}/{y})]B", { x: "1", y: "2" }).text).toBe("A(1/2)B")
  })

  it("tolerates null vars and a non-string template from untyped callers", () => {
    expect(fillTemplate("A{x}", null as unknown as Record<string, string>)).toEqual({
      text: "A【x】",
      missing: ["x"],
      filled: [],
    })
    expect(fillTemplate(undefined as unknown as string, {}).text).toBe("")
  })

  it("does not read inherited properties as values", () => {
    const r = fillTemplate("{constructor}{toString}{__proto__}", {})
    expect(r.missing).toEqual(["constructor", "toString", "__proto__"])
  })

  it("a filled template contains each value verbatim (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (prefix, value) => {
        fc.pre(value.trim() !== "")
        const tpl = `${prefix.replace(/[[\]{}]/g, "")}{v}`
        expect(fillTemplate(tpl, { v: value }).text.endsWith(value.trim())).toBe(true)
      }),
    )
  })
})

describe("varsFromContext", () => {
  it("fills slots from the profile, waybill and case; phone tail is the last four digits", () => {
    const vars = varsFromContext({
      profile: { company: "盛辉物流", workId: "1024", name: "李静" },
      waybill: { number: "SH1" },
      case: { customerName: "张先生", customerContact: "138-0000-1234", branch: " 萧山网点 " },
      promise: { replyTime: "今天18点" },
    })
    expect(vars).toMatchObject({
      公司名称: "盛辉物流",
      工号: "1024",
      客服姓名: "李静",
      运单号: "SH1",
      客户称呼: "张先生",
      手机尾号: "1234",
      网点名称: "萧山网点",
      回复时间: "今天18点",
    })
    expect(vars).not.toHaveProperty("原因")
    expect(renderScript("greeting", vars).text).toContain("工号1024")
  })

  it("leaves out empty values so optional segments drop", () => {
    const vars = varsFromContext({ profile: { company: "盛辉物流", workId: "" } })
    expect(vars).not.toHaveProperty("工号")
  })
})
