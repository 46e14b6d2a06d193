import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CLASSIFY_LEXICON, classifyCase } from "./classify"
import { CASE_TYPES, type CaseType } from "./model"

// [title, body, expected type, a keyword that must be among `matched`]
const TICKETS: [string, string, CaseType, string | null][] = [
  ["快件滞留", "我的货在萧山网点滞留三天了，一直没人处理", "滞留", "滞留"],
  ["", "物流信息一直没动，停在杭州转运中心五天了", "滞留", "一直没动"],
  ["货物卡在中转站", "说是中转运费不足，不给派送", "滞留", "卡在"],
  ["", "网点说没有派送员，就是不派送，怎么办", "滞留", "不派送"],
  ["物流三天没更新", "", "滞留", "没更新"],
  ["包裹破损", "收到的时候外箱破了，里面的杯子摔坏了", "破损", "破损"],
  ["", "打开一看电视屏幕压坏了", "破损", "压坏"],
  ["", "寄的蜂蜜漏了，整个箱子都是湿的", "破损", "漏了"],
  ["货损投诉", "签收后发现货物变形", "破损", "货损"],
  ["少件", "一共寄了5箱，只收到4箱", "少货", "少件"],
  ["", "箱子里少了两件衣服", "少货", "少了"],
  ["缺件", "配件缺件，螺丝都没有", "少货", "缺件"],
  ["", "发了十件货，数量不对，少一件", "少货", "数量不对"],
  ["包裹丢了", "查了好几次都找不到我的快递", "丢失", "丢了"],
  ["", "快递员说件遗失了", "丢失", "遗失"],
  ["快件丢失", "", "丢失", "丢失"],
  ["要求理赔", "货物损坏了，要求赔偿2000元", "理赔", "理赔"],
  ["", "保价了的，为什么不赔", "理赔", "不赔"],
  ["索赔", "申请索赔，之前已经提交过照片", "理赔", "索赔"],
  ["快递延误", "说好两天到，现在第五天了", "延误", "延误"],
  ["", "怎么还没到，都一个星期了，太慢了", "延误", "太慢"],
  ["", "迟迟收不到，下单时说的时间早就超时了", "延误", "迟迟"],
  ["寄到福州多少钱", "5公斤的货寄到福州运费多少，几天到", "价格时效", "运费"],
  ["", "你们的时效是多久，首重多少钱", "价格时效", "时效"],
  ["网点地址", "请问萧山网点在哪里，营业时间是几点", "网点", "网点"],
  ["", "想问一下你们营业部的营业时间", "网点", "营业时间"],
  ["怎么寄大件", "想寄一台冰箱，怎么寄", "业务办理", "怎么寄"],
  ["", "贵重物品要办理保价，怎么收费", "业务办理", "保价"],
  ["代收货款", "代收货款多久能回款", "业务办理", "代收货款"],
  ["", "需要签收回单，要怎么填", "业务办理", "签收回单"],
  ["", "可以定时达吗，周六上午送", "业务办理", "定时达"],
  ["查件", "帮我查一下这个单号到哪了 SF1234567890123", "查询", "查一下"],
  ["", "你好，请问我的快递现在在哪", "查询", "在哪"],
  ["", "你好", "查询", null],
  ["", "", "查询", null],
]

describe("classifyCase", () => {
  it("has at least 30 tickets in the table", () => {
    expect(TICKETS.length).toBeGreaterThanOrEqual(30)
  })

  it.each(TICKETS)("%s | %s → %s", (title, body, expected, keyword) => {
    const r = classifyCase(body, title ? { title } : undefined)
    expect(r.type).toBe(expected)
    if (keyword) expect(r.matched).toContain(keyword)
    expect(r.confidence).toBeGreaterThanOrEqual(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
  })

  it("defaults to 查询 with confidence 0 when nothing matches", () => {
    const r = classifyCase("您好，在吗")
    expect(r).toMatchObject({ type: "查询", confidence: 0, matched: [] })
    expect(Object.values(r.scores).every((s) => s === 0)).toBe(true)
  })

  describe("negation", () => {
    it.each([
      ["外包装没有破损，就是还没到", "延误"],
      ["货物无破损，数量也对", "查询"],
      ["不是丢了，是一直没动", "滞留"],
      ["东西没坏了吧？没少件，就是运费多少", "价格时效"],
    ] as const)("%s → %s", (text, expected) => {
      expect(classifyCase(text).type).toBe(expected)
    })

    it("a negated keyword is not reported as matched", () => {
      const r = classifyCase("没有破损")
      expect(r.scores["破损"]).toBe(0)
      expect(r.matched).not.toContain("破损")
    })
  })

  it("weights the title over the body", () => {
    const body = "货物延误了，迟迟不到，另外外箱破了"
    expect(classifyCase(body).type).toBe("延误")
    expect(classifyCase(body, { title: "破损" }).type).toBe("破损")
    const plain = classifyCase("破损")
    const titled = classifyCase("", { title: "破损" })
    expect(titled.scores["破损"]).toBe(plain.scores["破损"] * 2)
  })

  it("prefers the longer keyword over one inside it (理赔 counts once, not also 赔)", () => {
    const r = classifyCase("理赔")
    expect(r.matched).toEqual(["理赔"])
    expect(r.scores["理赔"]).toBe(3)
  })

  it("breaks ties towards the urgent types (manual 十一)", () => {
    // 破损 (3) and 理赔 (3) tie: damage is handled first.
    expect(classifyCase("快件破损，要求理赔").type).toBe("破损")
  })

  it("more evidence gives more confidence", () => {
    const one = classifyCase("破损")
    const many = classifyCase("破损了，摔坏了，漏了")
    expect(many.confidence).toBeGreaterThan(one.confidence)
    const mixed = classifyCase("破损，延误")
    expect(mixed.confidence).toBeLessThan(one.confidence)
  })

  it("normalises full-width text", () => {
    expect(classifyCase("ＡＢＣ破损").type).toBe("破损")
  })

  it("the lexicon only names known case types and has no duplicate words", () => {
    const words = CLASSIFY_LEXICON.map((r) => r.word)
    expect(new Set(words).size).toBe(words.length)
    for (const r of CLASSIFY_LEXICON) {
      expect(CASE_TYPES).toContain(r.type)
      expect(r.weight).toBeGreaterThan(0)
    }
  })

  it("never throws and always returns a known type (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (text, title) => {
        const r = classifyCase(text, { title })
        expect(CASE_TYPES).toContain(r.type)
        expect(r.confidence).toBeGreaterThanOrEqual(0)
        expect(r.confidence).toBeLessThanOrEqual(1)
      }),
    )
  })
})
