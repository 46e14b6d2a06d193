import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { lintPhrasing } from "./lint"
import { applyReplacement, fillReplacementSlots, replacementSlots } from "./replacement"

describe("replacementSlots", () => {
  it("lists slot names in order, once each", () => {
    expect(replacementSlots("我会在{回复时间}前回复您，金额{金额}，{回复时间}")).toEqual(["回复时间", "金额"])
    expect(replacementSlots("好的，我来为您处理")).toEqual([])
    expect(replacementSlots("{ 不是槽 } {}")).toEqual([])
  })
})

describe("fillReplacementSlots", () => {
  it("fills known slots and leaves unknown ones", () => {
    expect(fillReplacementSlots("{回复时间}前回复，{金额}", { 回复时间: "今天18点" })).toBe(
      "今天18点前回复，{金额}",
    )
    expect(fillReplacementSlots("{toString}", {})).toBe("{toString}")
  })
})

describe("applyReplacement", () => {
  it("splices a finding and puts the caret after the insertion", () => {
    const text = "您好。这不关我的事。再见"
    const [finding] = lintPhrasing(text)
    const out = applyReplacement(text, finding, "我来帮您跟进处理")
    expect(out.text).toBe("您好。这我来帮您跟进处理。再见")
    expect(out.caret).toBe(finding.start + "我来帮您跟进处理".length)
    expect(out.text.slice(0, out.caret).endsWith("我来帮您跟进处理")).toBe(true)
  })

  it("refuses a stale finding", () => {
    const [finding] = lintPhrasing("这不关我的事")
    expect(() => applyReplacement("这件事与我们有关", finding, "x")).toThrow(RangeError)
    expect(() => applyReplacement("短", finding, "x")).toThrow(RangeError)
  })

  it("keeps text outside the span for any input", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (pre, mid, post, rep) => {
        const text = pre + mid + post
        const finding = { start: pre.length, end: pre.length + mid.length, text: mid }
        const out = applyReplacement(text, finding, rep)
        expect(out.text).toBe(pre + rep + post)
        expect(out.caret).toBe(pre.length + rep.length)
      }),
    )
  })
})
