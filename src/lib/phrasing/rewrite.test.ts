import { describe, expect, it } from "vitest"

import { checkDraft } from "./check"
import { applyReplacement } from "./replacement"
import { applyEdits, clauseEdit, rewritePass, rewriteReply, splitClauses } from "./rewrite"

const check = (t: string) => checkDraft(t)
const rewrite = (t: string, known?: Record<string, string>) => rewriteReply(t, check(t), check, { known })

/** Every sentence an edit touched, in the rewritten text. */
function touchedSentences(before: string): { text: string; sentences: string[] } {
  const r = rewrite(before)
  const sentences = r.text.split(/(?<=[。！？\n])/u).filter((s) => s.trim())
  const untouched = new Set(before.split(/(?<=[。！？\n])/u))
  return { text: r.text, sentences: sentences.filter((s) => !untouched.has(s)) }
}

describe("splitClauses", () => {
  it("splits at clause and sentence punctuation, keeping runs of marks with the clause before", () => {
    const text = "您好，这个不归我管！？你去找网点吧。\n谢谢"
    const cs = splitClauses(text)
    expect(cs.map((c) => text.slice(c.start, c.end))).toEqual([
      "您好",
      "这个不归我管",
      "你去找网点吧",
      "谢谢",
    ])
    expect(cs.map((c) => c.punct)).toEqual(["，", "！？", "。\n", ""])
    expect(cs.map((c) => c.sentenceEnd)).toEqual([false, true, true, true])
  })

  it("does not split a number at its thousands comma", () => {
    const text = "运费1,200元，已退"
    expect(splitClauses(text).map((c) => text.slice(c.start, c.end))).toEqual(["运费1,200元", "已退"])
  })
})

describe("clauseEdit (one fix)", () => {
  it("rewrites the whole clause, not just the flagged words", () => {
    const text = "这不关我的事，快递员那边的问题。"
    const f = check(text).find((x) => x.ruleId === "blame-bu-guan-wo-shi")!
    const e = clauseEdit(text, f, "我来帮您跟进处理")
    expect(applyEdits(text, [e])).toBe("我来帮您跟进处理，快递员那边的问题。")
    // The word swap it replaces left "这我来帮您跟进处理".
    expect(applyReplacement(text, f, "我来帮您跟进处理").text).toContain("这我来帮您")
  })

  it("keeps an opening connective and turns a question mark after a statement into a full stop", () => {
    const a = "包裹到了，但是我不知道为什么没派送。"
    const fa = check(a).find((x) => x.ruleId.startsWith("uncertainty"))!
    expect(applyEdits(a, [clauseEdit(a, fa, "我马上帮您查看")])).toBe("包裹到了，但是我马上帮您查看。")
    const b = "你听不懂吗？我再说一遍。"
    const fb = check(b).find((x) => x.ruleId === "impatience-ting-bu-dong")!
    expect(applyEdits(b, [clauseEdit(b, fb, "我再为您说明一下")])).toBe("我再为您说明一下。我再说一遍。")
    expect(applyEdits(b, [clauseEdit(b, fb, "我再向您解释一遍好吗？")])).toBe(
      "我再向您解释一遍好吗？我再说一遍。",
    )
  })

  it("fixes neighbouring findings in the same clause together", () => {
    const text = "没办法这是公司规定。"
    const fs = check(text)
    expect(fs.length).toBeGreaterThanOrEqual(2)
    const e = clauseEdit(text, fs[0], "我帮您想想其他办法", fs)
    expect(e.findings).toHaveLength(fs.length)
    expect(applyEdits(text, [e])).toBe("我帮您想想其他办法。")
  })

  it("refuses to apply once the text moved on", () => {
    const text = "这不关我的事。"
    const e = clauseEdit(text, check(text)[0], "我来帮您跟进处理")
    expect(() => applyEdits("您好，" + text, [e])).toThrow(RangeError)
  })
})

describe("rewriteReply (Fix all) on blunt replies", () => {
  it("does not leave the brush-off that followed the blunt words (the run-on of the old word swap)", () => {
    const before = "这个不归我管，你去找网点吧。你自己没看短信吗，上面写了取件码。"
    const r = rewrite(before)
    expect(r.text.startsWith("我帮您转达相关部门处理。")).toBe(true)
    expect(r.text).not.toContain("你去找网点")
    // The old Fix all produced "这个我帮您转达相关部门处理，你去找网点吧。…"
    expect(r.text).not.toContain("这个我帮您")
  })

  it("turns a three-clause refusal into one polite sentence with nothing flagged", () => {
    const r = rewrite("没办法，这是公司规定，你爱要不要。")
    expect(r.remaining).toEqual([])
    expect(r.text.match(/。/gu)).toHaveLength(1)
    expect(r.text).not.toMatch(/你爱|没办法|公司规定，你/u)
  })

  it("checks again after the pass and drops the rest of a sentence the check still flags", () => {
    const r = rewrite("这不关我的事，快递员那边的问题，你自己打电话问他。")
    expect(r.text).toBe("我来帮您跟进处理。")
    expect(r.remaining).toEqual([])
    expect(r.steps.length).toBe(2)
    // Each step applies to the text the previous one produced.
    expect(r.steps[1].before).toBe(applyEdits(r.steps[0].before, [r.steps[0].edit]))
  })

  it("leaves every rewritten sentence free of rule findings, and no question mark after a statement", () => {
    for (const before of [
      "这个不归我管，你去找网点吧。你自己没看短信吗，上面写了取件码。",
      "你听不懂吗？我都说了三遍了，系统显示已签收。",
      "没办法，这是公司规定，你爱要不要。",
      "您好，包裹已经到网点了，但是我不知道为什么没派送。",
      "这不关我的事，快递员那边的问题，你自己打电话问他。",
    ]) {
      const { sentences } = touchedSentences(before)
      expect(sentences.length, before).toBeGreaterThan(0)
      for (const s of sentences) {
        expect(checkDraft(s, { tone: null }), s).toEqual([])
        expect(s, s).not.toMatch(/[^吗呢么吧][？?]$/u)
      }
    }
  })

  it("fills slots it knows, leaves findings it cannot fix for the agent", () => {
    const text = "系统显示已签收，你自己去找。"
    const without = rewrite(text)
    expect(without.remaining.some((f) => f.ruleId === "blame-qu-zhao-gongsi")).toBe(true)
    const known = rewrite(text, { 对方: "网点", 回复时间: "今天18点" })
    expect(known.text).toContain("网点")
    expect(known.text).toContain("今天18点")
  })

  it("says two neighbouring clauses rewritten to the same words once", () => {
    const text = "这不关我的事，不关我们的事。"
    const edits = rewritePass(text, check(text))
    const out = applyEdits(text, edits)
    expect(out.match(/我来帮您跟进处理/gu)?.length).toBe(1)
  })
})
