import { describe, expect, it } from "vitest"

import { compileContextPattern } from "./compile"
import { lintPhrasing } from "./lint"
import { describePatternProblem, escapeRegex, patternToPhrase, phraseToPattern } from "./plain-pattern"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { phrasebookSchema } from "./schema"
import type { Phrasebook } from "./types"

describe("plain-phrase guard patterns", () => {
  it("a phrase with regex metacharacters matches literally", () => {
    const phrase = "满意吗？(请回复1.或2.)*"
    const re = compileContextPattern(phraseToPattern(phrase, "sentence"), "sentence")
    expect(re.test(`您对处理结果${phrase}`)).toBe(true)
    // "." and "?" are not wildcards, "(" is not a group.
    expect(re.test("满意吗？请回复1x或2x*")).toBe(false)
    expect(re.test("满意吗(请回复1a或2b)")).toBe(false)
    expect(new RegExp(escapeRegex("a.b"), "u").test("axb")).toBe(false)
  })

  it("before / after phrases match anywhere on their side of the hit", () => {
    expect(
      compileContextPattern(phraseToPattern("(已核实)", "before"), "before").test("(已核实)所以，"),
    ).toBe(true)
    expect(compileContextPattern(phraseToPattern("(已核实)", "before"), "before").test("已核实，")).toBe(
      false,
    )
    expect(compileContextPattern(phraseToPattern("帮您.", "after"), "after").test("，我帮您.")).toBe(true)
    expect(compileContextPattern(phraseToPattern("帮您.", "after"), "after").test("，我帮您查")).toBe(false)
  })

  it("reads an escaped phrase back, and refuses real regular expressions", () => {
    for (const where of ["before", "after", "sentence"] as const) {
      for (const phrase of ["帮您", "满意吗？(1.)", "a|b [x]", "\\路径"]) {
        expect(patternToPhrase(phraseToPattern(phrase, where), where)).toBe(phrase)
      }
    }
    expect(patternToPhrase(".*?(?:帮您|为您)", "after")).toBeNull()
    expect(patternToPhrase("帮您|为您", "sentence")).toBeNull()
    expect(patternToPhrase("帮您", "after")).toBeNull() // anchored right after the hit: not a plain phrase
    expect(patternToPhrase("\\d+", "sentence")).toBeNull()
  })

  it("a plain guard in a rule drops a hit only when the literal words are there", () => {
    const book: Phrasebook = {
      id: "t",
      version: "2026.12.0",
      title: "t",
      rules: [
        {
          id: "refusal-buxing",
          category: "refusal",
          severity: "warning",
          triggers: ["不行"],
          guards: { after: [phraseToPattern("(系统.", "after")] },
          message: { zh: "m", en: "m" },
          replacements: ["r"],
          examples: { blunt: ["不行"], polite: ["好的"] },
        },
      ],
    }
    expect(lintPhrasing("这样不行(系统.", book)).toHaveLength(0)
    expect(lintPhrasing("这样不行系统x", book)).toHaveLength(1)
  })

  it("explains a broken pattern in words, naming what is wrong", () => {
    expect(describePatternProblem("(帮您", "after")?.zh).toContain("右括号")
    expect(describePatternProblem("帮您)", "sentence")?.zh).toContain("左括号")
    expect(describePatternProblem("[帮您", "sentence")?.zh).toContain("方括号")
    expect(describePatternProblem("*帮您", "sentence")?.zh).toContain("前面没有可以重复的内容")
    expect(describePatternProblem("(a+)+", "sentence")?.zh).toContain("卡死")
    expect(describePatternProblem("a*", "sentence")?.zh).toContain("什么都不写也能匹配")
    expect(describePatternProblem("帮您", "sentence")).toBeNull()
    // The English side never shows the engine's raw message.
    expect(describePatternProblem("(帮您", "after")?.en).not.toContain("Invalid regular expression")
  })

  it("an imported book with a broken guard gets the same plain explanation, at the guard's path", () => {
    const [first, ...rest] = DEFAULT_PHRASEBOOK.rules
    const book = { ...DEFAULT_PHRASEBOOK, rules: [{ ...first, guards: { after: [".*?(帮您"] } }, ...rest] }
    const result = phrasebookSchema.safeParse(book)
    expect(result.success).toBe(false)
    const issue = result.error!.issues[0]
    expect(issue.path).toEqual(["rules", 0, "guards", "after", 0])
    expect(issue.message).toBe(
      "不是有效的正则表达式：左括号“(”没有对应的右括号“)”。 / Not a valid regular expression: an opening “(” has no closing “)”.",
    )
  })
})
