import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { assessCustomer } from "./assess"
import { CUE_NEGATION, CUES, THREAT_KINDS } from "./cues"

describe("customer cues (data with examples)", () => {
  it.each(CUES.map((c) => [c.id, c] as const))(
    "%s matches its examples and ignores its counter-examples",
    (_, cue) => {
      for (const m of cue.matches) {
        cue.pattern.lastIndex = 0
        expect(cue.pattern.test(m.toLowerCase()), m).toBe(true)
      }
      for (const m of cue.ignores) {
        cue.pattern.lastIndex = 0
        expect(cue.pattern.test(m.toLowerCase()), m).toBe(false)
      }
    },
  )

  it("has a cue for every threat kind", () => {
    for (const k of THREAT_KINDS) expect(CUES.some((c) => c.signal === k)).toBe(true)
    expect(CUE_NEGATION.test("不是要")).toBe(true)
  })
})

describe("assessCustomer", () => {
  it.each([
    ["你好，麻烦帮我查一下件到哪了，谢谢", "calm"],
    ["客户来电查询快件状态，已告知正在派送中", "calm"],
    ["这个件我明天就要用，很着急，能不能快点送", "anxious"],
    ["我担心东西会坏，冷链的", "anxious"],
    ["都第五天了！！你们到底管不管，气死我了", "angry"],
    ["客户来电情绪激动，称件在网点放了五天不派", "angry"],
    ["还没到还没到还没到，什么破快递", "angry"],
    ["你他妈的怎么送的", "angry"],
  ] as const)("%s → %s", (text, emotion) => {
    expect(assessCustomer(text).emotion).toBe(emotion)
  })

  it("finds outside-complaint threats with their spans and kinds", () => {
    const text = "再不处理我就打12305，还要去消协，给你们差评，找律师，发到抖音上曝光"
    const s = assessCustomer(text)
    expect(s.threats.map((t) => t.kind)).toEqual(["postal", "consumer", "review", "legal", "media", "media"])
    for (const t of s.threats) expect(t.end).toBeGreaterThan(t.start)
    expect(text.slice(s.threats[0].start, s.threats[0].end)).toBe("12305")
    expect(s.emotion).toBe("angry")
  })

  it("a negated threat is not a threat", () => {
    const s = assessCustomer("我不是要投诉，也不会给差评，只是问问")
    expect(s.threats).toEqual([])
    expect(s.emotion).toBe("calm")
    expect(assessCustomer("不着急，就问问").emotion).toBe("calm")
  })

  it("sees repeat contact in the customer's words and in call notes", () => {
    expect(assessCustomer("这是我第三次打电话了").repeat).toBe(true)
    expect(assessCustomer("昨天就说回电，到现在也没人打").repeat).toBe(true)
    expect(assessCustomer("客户第二次来电，前次承诺的回复未兑现").repeat).toBe(true)
    expect(assessCustomer("第一次用你们快递，想问下运费").repeat).toBe(false)
  })

  it("flags abuse separately from anger", () => {
    expect(assessCustomer("一群废物，滚！").abusive).toBe(true)
    expect(assessCustomer("你们到底管不管，气死了！！").abusive).toBe(false)
  })

  it("evidence spans point into the original text (full-width included)", () => {
    const text = "ＳＢ快递！！第三次来电了，我要找记者"
    const s = assessCustomer(text)
    expect(s.evidence.length).toBeGreaterThanOrEqual(3)
    for (const e of s.evidence) expect(text.slice(e.start, e.end)).toBe(e.text)
    expect(s.evidence.map((e) => e.signal)).toEqual(
      expect.arrayContaining(["abuse", "punctuation", "repeat", "media"]),
    )
  })

  it("never throws, and spans stay inside the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const s = assessCustomer(text)
        expect(["calm", "anxious", "angry"]).toContain(s.emotion)
        for (const e of s.evidence) {
          expect(e.start).toBeGreaterThanOrEqual(0)
          expect(e.end).toBeLessThanOrEqual(text.length)
        }
      }),
    )
    expect(assessCustomer(undefined as unknown as string).emotion).toBe("calm")
  })
})
