import { describe, expect, it } from "vitest"

import { lintPhrasing } from "~lib/phrasing/lint"
import { applyReplacement } from "~lib/phrasing/replacement"
import type { PhrasingFinding } from "~lib/phrasing/types"

import {
  altDigit,
  findingKey,
  heldWhileTyping,
  safeFixes,
  slotDefaults,
  slotsComplete,
  visibleFindings,
} from "./phrasing-fixes"

const finding = (
  start: number,
  text: string,
  replacements: string[],
  ruleId = `r${start}`,
): PhrasingFinding => ({
  ruleId,
  start,
  end: start + text.length,
  text,
  category: "refusal",
  severity: "warning",
  message: { zh: "原因", en: "reason" },
  replacements,
})

describe("heldWhileTyping", () => {
  // The draft of the failed CI run: the agent is typing "又不是我的错" and has got as far as "又不是".
  const draft = "您好，这个不行。又不是"
  const rule = finding(5, "不行", ["暂时无法办理"], "refusal-buxing")
  const tone: PhrasingFinding = { ...finding(8, "又不是", [], "tone-impatience"), source: "model" }

  it("holds a tone finding back while the caret is in it or right after it", () => {
    for (const caret of [8, 10, draft.length])
      expect(heldWhileTyping([rule, tone], { start: caret, end: caret })).toEqual([rule])
  })

  it("shows it once the caret is elsewhere, nothing is focused or a range is selected", () => {
    expect(heldWhileTyping([rule, tone], { start: 3, end: 3 })).toEqual([rule, tone])
    expect(heldWhileTyping([rule, tone], null)).toEqual([rule, tone])
    expect(heldWhileTyping([rule, tone], { start: 8, end: draft.length })).toEqual([rule, tone])
  })

  it("a sentence ended with 。 is finished: its finding shows at once", () => {
    expect(heldWhileTyping([tone], { start: 12, end: 12 })).toEqual([tone])
  })

  it("never holds a rule finding, even with the caret right after its words", () => {
    expect(heldWhileTyping([rule], { start: 7, end: 7 })).toEqual([rule])
  })
})

describe("safeFixes", () => {
  it("takes the first slot-free replacement per finding, last finding first", () => {
    const fixes = safeFixes([
      finding(0, "不行", ["按{规定}办理不了", "很抱歉，暂时无法办理"]),
      finding(5, "没办法", ["我帮您想想办法"]),
      finding(10, "不知道", ["{回复时间}前回复您"]),
    ])
    expect(fixes.map((f) => [f.finding.start, f.replacement])).toEqual([
      [5, "我帮您想想办法"],
      [0, "很抱歉，暂时无法办理"],
    ])
  })

  it("skips a finding that overlaps one already taken", () => {
    const fixes = safeFixes([finding(0, "这个没办法", ["a"]), finding(2, "没办法", ["b"])])
    expect(fixes.map((f) => f.replacement)).toEqual(["b"])
  })

  it("applied in order, every fix still finds its text (real rules)", () => {
    let text = "不行，这个没办法，你去找网点"
    const fixes = safeFixes(lintPhrasing(text))
    expect(fixes.length).toBeGreaterThan(1)
    for (const f of fixes) text = applyReplacement(text, f.finding, f.replacement).text
    for (const f of fixes) expect(text).toContain(f.replacement)
  })
})

describe("visibleFindings", () => {
  it("hides dismissed ones by rule and words, and sorts by position", () => {
    const a = finding(8, "没办法", [], "x")
    const b = finding(0, "不行", [], "y")
    expect(visibleFindings([a, b], new Set([findingKey(a)]))).toEqual([b])
    expect(visibleFindings([a, b], new Set()).map((f) => f.start)).toEqual([0, 8])
  })
})

describe("slots", () => {
  it("prefills what is known and reports completeness", () => {
    const v = slotDefaults(["回复时间", "运单号"], { 运单号: " SF1 ", 其他: "x" })
    expect(v).toEqual({ 回复时间: "", 运单号: "SF1" })
    expect(slotsComplete(v)).toBe(false)
    expect(slotsComplete({ ...v, 回复时间: "今天18点" })).toBe(true)
  })
})

describe("altDigit", () => {
  const k = (code: string, over = {}) => ({ altKey: true, ctrlKey: false, metaKey: false, code, ...over })
  it.each([
    [k("Digit1"), 0],
    [k("Numpad3"), 2],
    [k("Digit4"), null],
    [k("Digit1", { ctrlKey: true }), null],
    [k("Digit2", { altKey: false }), null],
  ])("%o → %s", (e, n) => expect(altDigit(e)).toBe(n))
})
