import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import type { Phrasebook, PhrasingRule } from "../phrasing/types"
import type { AuditEvent } from "./model"
import {
  checkBookSchema,
  checkPublishable,
  linesToList,
  listToLines,
  nextVersion,
  testRuleExamples,
  whatWouldChange,
  withRule,
} from "./rule-lab"
import { shippedToneModel } from "../phrasing/check"

const rule: PhrasingRule = {
  id: "qa-meiren",
  category: "refusal",
  severity: "warning",
  triggers: ["没人管"],
  message: { zh: "不要说没人管（四）", en: "Do not say nobody is in charge" },
  replacements: ["我来帮您跟进"],
  examples: { blunt: ["这事没人管"], polite: ["我来帮您跟进"] },
}
const book: Phrasebook = { id: "qa-book", version: "2026.11.0", title: "QA", rules: [rule] }

function ev(excerpt: string, at = 1): AuditEvent {
  return {
    id: `e${at}`,
    at,
    outcome: "shown",
    ruleId: "x",
    phrasebookVersion: "2026.11.0",
    agentWorkId: "A1",
    agentName: "李娜",
    site: "s",
    span: { start: 0, end: 1 },
    flagged: "x",
    excerpt,
  }
}

describe("testRuleExamples", () => {
  it("passes a rule whose examples hold", () => {
    expect(testRuleExamples(book, rule).map((r) => [r.kind, r.pass])).toEqual([
      ["blunt", true],
      ["polite", true],
    ])
  })

  it("fails a blunt example the rule misses and a polite one some rule flags", () => {
    const bad = { ...rule, examples: { blunt: ["完全正常"], polite: ["这事没人管"] } }
    const results = testRuleExamples(withRule(book, 0, bad), bad)
    expect(results.map((r) => [r.kind, r.pass])).toEqual([
      ["blunt", false],
      ["polite", false],
    ])
    expect(results[1].findings.map((f) => f.text)).toEqual(["没人管"])
  })
})

describe("checkPublishable", () => {
  it("accepts a valid book whose examples pass, including the built-in one", () => {
    expect(checkPublishable(book).ok).toBe(true)
    expect(checkPublishable(DEFAULT_PHRASEBOOK).ok).toBe(true)
  })

  it("refuses failing examples, naming the rule and the example", () => {
    const bad = { ...rule, examples: { blunt: ["这事没人管", "完全正常"], polite: ["好的"] } }
    const r = checkPublishable(withRule(book, 0, bad))
    expect(r.ok).toBe(false)
    expect(r.ok ? [] : r.problems.map((p) => p.where)).toEqual(["rules[0].examples.blunt[1]"])
  })

  it("refuses a book that fails the schema, with located problems", () => {
    const r = checkPublishable({ ...book, version: "v2", rules: [{ ...rule, triggers: [] }] })
    expect(r.ok ? [] : r.problems.map((p) => p.where).sort()).toEqual(["rules[0].triggers", "version"])
    expect(checkBookSchema({ ...book, rules: [{ ...rule, guards: { before: ["("] } }] }).ok).toBe(false)
  })
})

describe("whatWouldChange", () => {
  it("counts findings gained and lost over distinct excerpts", () => {
    const edited = withRule(book, 0, { ...rule, triggers: ["没人管", "不归我管"] })
    const events = [ev("这事没人管", 1), ev("这事没人管", 2), ev("这个不归我管", 3), ev("好的", 4)]
    const change = whatWouldChange(events, book, edited)
    expect(change.excerpts).toBe(3)
    expect(change.gained).toEqual([{ excerpt: "这个不归我管", ruleId: "qa-meiren", text: "不归我管" }])
    expect(change.lost).toEqual([])
    expect(change.perRule).toEqual([{ ruleId: "qa-meiren", gained: 1, lost: 0 }])
  })

  it("lists findings a guard removes", () => {
    const edited = withRule(book, 0, { ...rule, guards: { before: ["不是"] } })
    const change = whatWouldChange([ev("不是没人管"), ev("这事没人管", 2)], book, edited)
    expect(change.lost.map((l) => l.excerpt)).toEqual(["不是没人管"])
    expect(change.gained).toEqual([])
  })

  it("re-lints at most `limit` excerpts, newest first", () => {
    const events = [ev("没人管1", 1), ev("没人管2", 2), ev("没人管3", 3)]
    const empty = { ...book, rules: [{ ...rule, triggers: ["不存在的词"] }] }
    expect(whatWouldChange(events, book, empty, 2).lost.map((l) => l.excerpt)).toEqual(["没人管3", "没人管2"])
  })
})

describe("nextVersion", () => {
  it.each([
    ["2026.11.0", [2026, 11], [], "2026.11.1"],
    ["2026.11.3", [2026, 12], [], "2026.12.0"],
    ["2026.10.7", [2026, 11], ["2026.11.0", "2026.11.4"], "2026.11.5"],
    ["2026.11.0", [2027, 1], ["2026.11.9"], "2027.1.0"],
  ] as const)("after %s in %j (taken %j) → %s", (current, today, taken, expected) => {
    expect(nextVersion(current, [today[0], today[1]], taken)).toBe(expected)
  })
})

describe("lines", () => {
  it("splits on lines, trimming and dropping blanks, and joins back", () => {
    expect(linesToList(" a \r\n\nb\n  \n")).toEqual(["a", "b"])
    expect(listToLines(["a", "b"])).toBe("a\nb")
    expect(listToLines(undefined)).toBe("")
  })
})

describe("whatWouldChange with the tone model", () => {
  it("shows a sentence a new rule takes over from the model as gained, not lost", () => {
    const edited = withRule(book, 0, { ...rule, triggers: ["没人管", "不归我管"] })
    const change = whatWouldChange([ev("这个不归我管", 1)], book, edited, 5000, shippedToneModel())
    expect(change.gained).toEqual([{ excerpt: "这个不归我管", ruleId: "qa-meiren", text: "不归我管" }])
    expect(change.lost).toEqual([])
  })

  it("lists the rule's finding as lost when a rule stops matching", () => {
    const edited = { ...book, rules: [{ ...rule, triggers: ["不存在的词"] }] }
    const change = whatWouldChange(
      [ev("这事没人管，你自己想办法吧", 1)],
      book,
      edited,
      5000,
      shippedToneModel(),
    )
    expect(change.lost.map((l) => l.ruleId)).toEqual(["qa-meiren"])
  })
})
