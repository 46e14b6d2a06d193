import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { classifyCase, LOW_CONFIDENCE } from "./classify"
import { CASE_TYPES, type CaseType } from "./model"

// Fresh wording for each kind of failure the issue lists (none of these lines is in the corpus:
// checked below), [title, body, type].
const PROBES: [string, string, CaseType][] = [
  ["", "差不多九天了东西还没送过来", "延误"],
  ["", "寄给我妈的包裹走了快两个礼拜还在路上", "延误"],
  ["", "包裹在无锡那个分拨趴了五天", "滞留"],
  ["", "件到了你们嘉定的站点以后三天都没人动它", "滞留"],
  ["", "箱子一边凹进去了，摇起来里面咔啦咔啦响", "破损"],
  ["", "拆开一看台灯的灯罩裂成两半了", "破损"],
  ["", "派件员的电话我打了好几遍没人接，就想知道件到哪了", "查询"],
  ["", "我不是来投诉的，只是想问问包裹今天会不会到", "查询"],
  ["", "客户询问件的位置，已告知在途，时效仅供参考，具体以实际运输情况为准", "查询"],
  ["物流咨询", "收到时候外箱扁了，里面的碗碎了两个", "破损"],
  ["客户来电", "买了四罐奶粉，快递只送来三罐", "少货"],
  ["", "下单五本书，到手只有三本", "少货"],
  ["", "对方不要了，麻烦把件给我退回来", "业务办理"],
  ["", "能不能把这个件转到我公司地址", "业务办理"],
  ["", "刚寄出就后悔了，能不能在路上把它拦下", "业务办理"],
  ["", "收件地址要换一下，改成小区南门的驿站", "业务办理"],
  ["", "充电宝这种东西能寄吗", "业务办理"],
  ["", "显示签收了，家里人谁都没拿到", "丢失"],
  ["", "坏成这样，你们准备赔我多少钱", "理赔"],
  ["", "寄到南京大概多少钱，后天能不能到", "价格时效"],
  ["", "你们在江宁有营业点吗，几点关门", "网点"],
]

function corpusText(): string {
  const dir = join(process.cwd(), "corpus", "cases")
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n")
}

describe("classifyCase", () => {
  it("the probes are not training items", () => {
    const corpus = corpusText()
    for (const [, body] of PROBES) expect(corpus).not.toContain(body)
  })

  it.each(PROBES)("%s | %s → %s", (title, body, expected) => {
    const r = classifyCase(body, title ? { title } : undefined)
    expect(r.type).toBe(expected)
    expect(r.confidence).toBeGreaterThan(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
  })

  it("explains the decision with phrases taken from the text", () => {
    const body = "收到的时候外箱扁了，里面的碗碎了两个"
    const r = classifyCase(body, { title: "物流咨询" })
    expect(r.matched.length).toBeGreaterThan(0)
    expect(r.matched.length).toBeLessThanOrEqual(5)
    for (const m of r.matched) expect(`物流咨询\n${body}`).toContain(m)
    expect(r.matched.some((m) => m.includes("碎") || m.includes("扁"))).toBe(true)
  })

  it("does not give a field's label as evidence (the page's case text is 'label：value' lines)", () => {
    const text =
      "在线会话工单 C20261204-1187\n问题类型：催件\n问题描述：寄了三天了还在始发地没动，要是丢了怎么赔？"
    const r = classifyCase(text)
    expect(r.matched.length).toBeGreaterThan(0)
    for (const m of r.matched) expect(["问题", "问题类型", "问题描述", "类型", "描述"]).not.toContain(m)
    expect(r.matched.some((m) => m.includes("没动"))).toBe(true)
  })

  it("reports calibrated probabilities for every type and the likeliest alternatives", () => {
    const r = classifyCase("下单五本书，到手只有三本")
    const sum = Object.values(r.scores).reduce((a, b) => a + b, 0)
    expect(sum).toBeCloseTo(1, 6)
    expect(r.alternatives[0]).toEqual({ type: r.type, probability: r.confidence })
    expect(r.alternatives).toHaveLength(3)
    expect(r.alternatives[1].probability).toBeLessThanOrEqual(r.alternatives[0].probability)
    expect(r.uncertain).toBe(r.confidence < LOW_CONFIDENCE)
  })

  it("is unsure about a ticket that says almost nothing, and sure about a clear one", () => {
    expect(classifyCase("在吗").uncertain).toBe(true)
    expect(classifyCase("箱子被压扁了，里面的玻璃杯全碎了").confidence).toBeGreaterThan(0.8)
  })

  it("defaults to 查询 with confidence 0 for empty text", () => {
    const r = classifyCase("  ", { title: "" })
    expect(r).toMatchObject({ type: "查询", confidence: 0, matched: [], uncertain: true })
    expect(Object.values(r.scores).every((s) => s === 0)).toBe(true)
  })

  it("normalises full-width text and ignores waybill digits", () => {
    expect(classifyCase("ＳＦ１４０２８３７４６５９２１ 杯子碎了").type).toBe("破损")
    const a = classifyCase("SF1402837465921 杯子碎了")
    const b = classifyCase("SF1999999999999 杯子碎了")
    expect(a.scores).toEqual(b.scores)
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
