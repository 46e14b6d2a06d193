import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { growthRatio } from "../linearity.test-helper"
import { compilePhrasebook } from "./compile"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { lintPhrasing } from "./lint"
import { normaliseText, toOriginal } from "./normalise"

const homophones = compilePhrasebook(DEFAULT_PHRASEBOOK).homophones
const norm = (text: string) => normaliseText(text, homophones).text

describe("normaliseText", () => {
  it.each([
    ["這個沒辦法，我也不曉得", "这个没办法，我也不知道"],
    ["不 知 道，你問網點", "不知道，你问网点"],
    ["没-办-法", "没办法"],
    ["没*办*法", "没办法"],
    ["没\u200b办法", "没办法"],
    ["ＮＯ，没办法", "NO，没办法"],
    ["⼈工客服", "人工客服"],
    ["冇得办法", "没有办法"],
    ["木有办法", "没有办法"],
    ["不造啊", "不知道啊"],
    ["我不只道什么时候到", "我不知道什么时候到"],
    ["没半法，你自己查吧", "没办法，你自己查吧"],
  ])("%s → %s", (input, output) => {
    expect(norm(input)).toBe(output)
  })

  it.each([
    // A space between two longer runs is the agent's comma, not a split word.
    "这边查到了 这个件今天到不了",
    // Words that contain a variant's form, or sound like a trigger with the first character changed.
    "不造成任何影响",
    "请问需要帮您记什么信息吗",
    "没得到您的回复",
    "就这么多，没得商量",
    // CJK punctuation is not turned into ASCII by NFKC.
    "您好，请稍等…我查一下！",
  ])("leaves %s as it is", (input) => {
    expect(norm(input)).toBe(input)
  })

  it("keeps an identity map when nothing changes", () => {
    const n = normaliseText("您好，请问有什么可以帮您？", homophones)
    expect(n.identity).toBe(true)
    expect(toOriginal(n, 3, 5)).toEqual({ start: 3, end: 5 })
  })

  it("maps a span of the normalised text back to the characters typed", () => {
    const original = "亲，冇办法，不 曉 得。"
    const n = normaliseText(original, homophones)
    expect(n.text).toBe("亲，没有办法，不知道。")
    const at = n.text.indexOf("不知道")
    const span = toOriginal(n, at, at + 3)
    expect(original.slice(span.start, span.end)).toBe("不 曉 得")
    const m = n.text.indexOf("没有")
    const span2 = toOriginal(n, m, m + 4)
    expect(original.slice(span2.start, span2.end)).toBe("冇办法")
  })
})

describe("findings on variants point at what was typed", () => {
  it.each([
    ["這個沒辦法，系統就是這樣。", "這個沒辦法"],
    ["我也不曉得什麼時候到。", "我也不曉得"],
    ["冇辦法，您只能再等等。", "冇辦法"],
    ["你 自 己 查 吧。", "你 自 己 查"],
    ["我哋唔知，你问网点。", "唔知"],
    ["你有完没玩？", "有完没玩"],
  ])("%s flags %s", (text, flagged) => {
    const findings = lintPhrasing(text)
    expect(findings.map((f) => f.text)).toContain(flagged)
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text)
  })

  it("a guard written in traditional characters still guards", () => {
    expect(lintPhrasing("不知道您現在方便接聽嗎？")).toEqual([])
    expect(lintPhrasing("沒辦法當場確認，我兩小時內回覆您。")).toEqual([])
  })
})

/** Pieces that exercise every step: traditional, variants, separators, combining marks, wide forms, astral. */
const PIECES = [
  "沒",
  "辦",
  "法",
  "不",
  "曉",
  "得",
  "冇",
  "木有",
  "不造",
  " ",
  "  ",
  "·",
  "*",
  "-",
  "\u200b",
  "\u00ad",
  "ｂｕｇ",
  "①",
  "⼈",
  "e\u0301",
  "\u0301",
  "😀",
  "\ud800",
  "\udc00",
  "，",
  "。",
  "\n",
  "您",
  "没半法",
  "有完没玩",
  "㈱",
  "ﷺ",
  "A",
  "这个",
  "不知道",
]
const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 50 })

describe("normalisation properties", () => {
  it("the offset map is monotone, non-empty per unit and inside the original", () => {
    fc.assert(
      fc.property(textArb, (parts) => {
        const original = parts.join("")
        const n = normaliseText(original, homophones)
        if (n.identity) {
          expect(n.text).toBe(original)
          return
        }
        expect(n.from.length).toBe(n.text.length)
        let lastFrom = 0
        let lastTo = 0
        for (let i = 0; i < n.text.length; i++) {
          expect(n.from[i]).toBeGreaterThanOrEqual(lastFrom)
          expect(n.to[i]).toBeGreaterThanOrEqual(lastTo)
          expect(n.to[i]).toBeGreaterThan(n.from[i])
          expect(n.to[i]).toBeLessThanOrEqual(original.length)
          lastFrom = n.from[i]
          lastTo = n.to[i]
        }
      }),
      { numRuns: 400 },
    )
  })

  it("every finding's text is exactly the original's slice at its offsets, and findings never overlap", () => {
    fc.assert(
      fc.property(textArb, (parts) => {
        const original = parts.join("")
        let last = 0
        for (const f of lintPhrasing(original)) {
          expect(original.slice(f.start, f.end)).toBe(f.text)
          expect(f.start).toBeGreaterThanOrEqual(last)
          expect(f.end).toBeGreaterThan(f.start)
          last = f.end
        }
      }),
      { numRuns: 400 },
    )
  })

  it("length-preserving spellings (traditional, full-width) give the very same offsets", () => {
    const TRAD: Record<string, string> = {
      没: "沒",
      办: "辦",
      这: "這",
      个: "個",
      说: "說",
      过: "過",
      吗: "嗎",
      觉: "覺",
      么: "麼",
      们: "們",
    }
    const examples = DEFAULT_PHRASEBOOK.rules.flatMap((r) => r.examples.blunt)
    for (const plain of examples) {
      const trad = [...plain].map((c) => TRAD[c] ?? c).join("")
      const a = lintPhrasing(plain).map((f) => [f.ruleId, f.start, f.end])
      const b = lintPhrasing(trad).map((f) => [f.ruleId, f.start, f.end])
      expect(b, trad).toEqual(a)
    }
  })

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        normaliseText(s, homophones)
        lintPhrasing(s)
      }),
      { numRuns: 300 },
    )
  })

  it("scales linearly: 1 MB of separators, variants and traditional text is under 20× the time of 100 KB", () => {
    const unit = "沒 辦 法，冇得 不造 有完没玩 ①ｂ\u200b"
    const small = unit.repeat(Math.ceil(100_000 / unit.length))
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length))
    expect(growthRatio((t) => normaliseText(t, homophones), small, big)).toBeLessThan(20)
  })
})
