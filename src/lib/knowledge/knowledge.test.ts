import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { CASE_TYPES, type CaseType, type Contact } from "../cases/model"
import { parseContactsCsv } from "../escalation/contacts-csv"
import { lintPhrasing } from "../phrasing/lint"
import { parseSlots } from "../scripts/template"
import { DEFAULT_KNOWLEDGE_PACK } from "./default-pack"
import { outletCards } from "./outlets"
import { initialsSpellings } from "./pinyin"
import { renderCard } from "./render"
import { buildKnowledgeIndex, searchKnowledge, suggestKnowledge } from "./search"
import { KNOWLEDGE_AREAS, type KnowledgeCard } from "./types"
import { EXAMPLE_RANK } from "./schema"

const pack = DEFAULT_KNOWLEDGE_PACK
const index = buildKnowledgeIndex(pack.cards)
const top = (q: string, n = 1) => searchKnowledge(index, q, n).map((h) => h.card.id)

describe("the built-in pack", () => {
  it.each(pack.cards.map((c) => [c.id, c] as const))(
    "%s has a source, an effective date and examples",
    (_id, card) => {
      expect(card.sources.length).toBeGreaterThan(0)
      for (const s of card.sources) expect(s.title.trim()).not.toBe("")
      expect(card.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(card.examples.length).toBeGreaterThan(0)
      expect(card.keywords.length).toBeGreaterThan(0)
      expect(KNOWLEDGE_AREAS).toContain(card.area)
      for (const t of card.caseTypes) expect(CASE_TYPES).toContain(t)
    },
  )

  it.each(pack.cards.flatMap((c) => c.examples.map((q) => [q, c.id] as const)))(
    "example question %s finds %s",
    (question, id) => {
      expect(top(question, EXAMPLE_RANK)).toContain(id)
    },
  )

  it("has unique ids and covers every area the issue names", () => {
    const ids = pack.cards.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const area of KNOWLEDGE_AREAS)
      expect(
        pack.cards.some((c) => c.area === area),
        area,
      ).toBe(true)
    for (const id of [
      "battery-power-bank",
      "liquids",
      "powders",
      "cosmetics",
      "food",
      "medicine",
      "cash-valuables",
      "knives",
      "insured-compensation",
      "claim-time-limit",
      "claim-evidence",
      "claim-negotiation",
      "product-standard",
      "product-economy",
      "product-same-city",
      "product-international",
      "cod",
      "signed-receipt",
      "timed-delivery",
      "intercept-return",
      "change-address",
      "forward",
      "pickup",
      "outlet-lookup",
    ])
      expect(ids, id).toContain(id)
  })

  it("cites the articles it rests on: 条例第二十七条, 邮政法第四十七条, 禁寄规定第三条", () => {
    const cites = (id: string) =>
      pack.cards.find((c) => c.id === id)!.sources.map((s) => `${s.title}${s.article ?? ""}`)
    expect(cites("insured-compensation")).toEqual(
      expect.arrayContaining(["《快递暂行条例》第二十七条", "《中华人民共和国邮政法》第四十七条"]),
    )
    expect(cites("prohibited-overview")).toContain("《禁止寄递物品管理规定》第三条")
    expect(cites("complaint-handling")).toContain("《快递暂行条例》第二十八条")
  })

  it("every company-specific blank is an admin value with a typical range, unset in the built-in pack", () => {
    const used = new Set(pack.cards.flatMap((c) => parseSlots(c.script)))
    for (const [name, v] of Object.entries(pack.values)) {
      expect(used, `${name} is used by a card`).toContain(name)
      expect(v.value).toBe("")
      expect(v.typical.length).toBeGreaterThan(4)
    }
    // A card that relies on a company value says so in its sources.
    for (const card of pack.cards)
      if (parseSlots(card.script).some((s) => s in pack.values))
        expect(
          card.sources.some((s) => s.kind === "company"),
          card.id,
        ).toBe(true)
  })

  it("no customer-facing script trips a forbidden or warning phrasing rule", () => {
    for (const card of pack.cards) {
      const filled = renderCard(card, {}, pack.values).text
      const bad = lintPhrasing(filled).filter((f) => f.severity !== "hint")
      expect(
        bad.map((f) => `${f.ruleId}: ${f.text}`),
        card.id,
      ).toEqual([])
      expect(filled, card.id).not.toMatch(/不行|没办法|保证|一定赔|绝对|全额赔/)
    }
  })

  it("every transit-time answer carries the 仅供参考 disclaimer (手册 2.2)", () => {
    for (const card of pack.cards.filter((c) => c.area === "products"))
      expect(card.script, card.id).toMatch(/时效仅供参考/)
  })
})

describe("search", () => {
  it.each([
    ["移动电源", "battery-power-bank"],
    ["货到付款", "cod"],
    ["返单", "signed-receipt"],
    ["换地址", "change-address"],
    ["不保价", "insured-compensation"],
    ["寄国外", "product-international"],
    ["预约取件", "pickup"],
    ["隐私面单", "privacy"],
  ])("finds a card by its synonym: %s → %s", (query, id) => {
    expect(top(query)).toEqual([id])
  })

  it.each([
    ["bj", ["insured-compensation", "insurance-fee"]],
    ["bjf", ["insurance-fee"]],
    ["cdb", ["battery-power-bank"]],
    ["ldc", ["battery-power-bank"]],
    ["dshk", ["cod"]],
    ["gdz", ["change-address"]],
    ["BJ", ["insured-compensation", "insurance-fee"]],
  ])("finds cards by pinyin initials: %s", (query, ids) => {
    expect(top(query, ids.length).sort()).toEqual([...ids].sort())
  })

  it("matches any reading of a polyphone (银行 yh / yx)", () => {
    expect(initialsSpellings("银行")).toEqual(expect.arrayContaining(["yh", "yx"]))
    expect(initialsSpellings("保价")).toEqual(["bj"])
    expect(top("yhk")).toEqual(["cash-valuables"])
  })

  it("ranks an exact keyword above a card that only mentions it", () => {
    const hits = searchKnowledge(index, "保价")
    expect(hits.length).toBeGreaterThan(2)
    expect(["insured-compensation", "insurance-fee"]).toContain(hits[0].card.id)
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score)
  })

  it("finds nothing for an empty, blank or unrelated query", () => {
    expect(searchKnowledge(index, "")).toEqual([])
    expect(searchKnowledge(index, "  ？ ")).toEqual([])
    expect(searchKnowledge(index, "量子计算机")).toEqual([])
  })

  it("takes full questions with punctuation and particles", () => {
    expect(top("锂电池能寄吗？")).toEqual(["battery-power-bank"])
    expect(top("代收货款多久到账")).toEqual(["cod"])
    expect(top("能改地址吗?")).toEqual(["change-address"])
  })
})

describe("suggestions from the ticket", () => {
  const tickets: [string, CaseType, string][] = [
    ["您好，我想寄一个充电宝到北京，可以吗？", "业务办理", "battery-power-bank"],
    ["请问寄两瓶白酒给我爸，需要注意什么", "业务办理", "liquids"],
    ["我的快递显示签收了但我没收到，也没人给我打电话", "丢失", "inspect-on-delivery"],
    ["寄件时没保价，现在丢了，你们赔多少？", "丢失", "insured-compensation"],
    ["地址写错了，能不能帮我改地址", "业务办理", "change-address"],
    ["货到付款的钱什么时候打给我？代收货款一直没到账", "业务办理", "cod"],
    ["外包装破损，里面杯子碎了，理赔需要什么材料", "破损", "claim-evidence"],
    ["明天想寄到美国，国际快递要清关吗", "价格时效", "product-international"],
  ]
  it.each(tickets)("%s → %s first", (text, caseType, id) => {
    expect(suggestKnowledge(index, { caseType, text })[0]?.card.id).toBe(id)
  })

  it("falls back to the case type's cards when the text names nothing", () => {
    const hits = suggestKnowledge(index, { caseType: "理赔", text: "您好" })
    expect(hits.length).toBeGreaterThan(0)
    for (const h of hits) expect(h.card.caseTypes).toContain("理赔")
  })

  it("suggests nothing with neither text nor case type", () => {
    expect(suggestKnowledge(index, {})).toEqual([])
  })
})

describe("renderCard", () => {
  const battery = pack.cards.find((c) => c.id === "battery-power-bank")!

  it("asks for an unset company value and shows its typical range", () => {
    const r = renderCard(battery, {}, pack.values)
    expect(r.missing).toEqual(["充电宝收寄规则"])
    expect(r.text).toContain("【充电宝收寄规则】")
    expect(r.unset).toEqual([expect.objectContaining({ slot: "充电宝收寄规则" })])
    expect(r.unset[0].typical).toContain("陆运")
  })

  it("fills the admin's value, and a value the agent typed", () => {
    const values = { ...pack.values, 充电宝收寄规则: { value: "单独的充电宝不收寄", typical: "x" } }
    const r = renderCard(battery, {}, values)
    expect(r.missing).toEqual([])
    expect(r.unset).toEqual([])
    expect(r.text).toContain("我们的收寄规定是：单独的充电宝不收寄。")
    expect(renderCard(battery, { 充电宝收寄规则: "按陆运收寄" }, pack.values).text).toContain("按陆运收寄")
  })

  it("inserts hostile values literally", () => {
    const r = renderCard(battery, { 充电宝收寄规则: "<img src=x onerror=alert(1)>{运单号}$&" }, pack.values)
    expect(r.text).toContain("<img src=x onerror=alert(1)>{运单号}$&")
  })
})

describe("outlet cards from the contact directory", () => {
  const csv = readFileSync(
    fileURLToPath(new URL("../../../samples/contacts-sample.csv", import.meta.url)),
    "utf8",
  )
  const parsed = parseContactsCsv(csv)
  if (!parsed.ok) throw new Error("sample contacts do not parse")
  const cards = outletCards(parsed.contacts, "2026-12-04")

  it("makes one searchable card per branch with the window's phone and hours", () => {
    expect(cards.length).toBeGreaterThan(0)
    const xs = cards.find((c) => c.title === "杭州萧山网点")!
    expect(xs.vars).toMatchObject({
      网点名称: "杭州萧山网点",
      网点电话: "0571-82345601",
      营业时间: "周一至周六 8:30-18:00",
    })
    const all = buildKnowledgeIndex([...pack.cards, ...cards])
    expect(searchKnowledge(all, "萧山网点电话", 1)[0].card.id).toBe(xs.id)
    expect(searchKnowledge(all, "xsw", 3).map((h) => h.card.id)).toContain(xs.id)
    const r = renderCard(xs, {}, pack.values)
    expect(r.text).toContain(
      "杭州萧山网点的地址是【网点地址】，联系电话0571-82345601，营业时间周一至周六 8:30-18:00。",
    )
    expect(r.missing).toEqual(["网点地址"])
  })

  it("every outlet card's example finds it, and ids are stable and distinct", () => {
    const all = buildKnowledgeIndex([...pack.cards, ...cards])
    for (const c of cards)
      expect(searchKnowledge(all, c.examples[0], EXAMPLE_RANK).map((h) => h.card.id)).toContain(c.id)
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length)
    expect(outletCards(parsed.contacts, "2026-12-04").map((c) => c.id)).toEqual(cards.map((c) => c.id))
  })

  it("keeps braces in a branch name as text and skips contacts without a phone", () => {
    const contacts: Contact[] = [
      { id: "a", name: "甲", role: "window", branch: "{运单号}网点", phone: "0571-1" },
      { id: "b", name: "乙", role: "window", branch: "无电话网点" },
      { id: "c", name: "丙", role: "hq_dept", branch: "总部", phone: "1" },
    ]
    const out: KnowledgeCard[] = outletCards(contacts, "2026-12-04")
    expect(out.map((c) => c.title)).toEqual(["{运单号}网点"])
    expect(renderCard(out[0], { 运单号: "SF1" }, {}).text).toContain("{运单号}网点的地址")
  })
})
