import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { phrasebookSchema, phrasingRuleSchema } from "./schema"
import type { PhrasingRule } from "./types"

const base: PhrasingRule = {
  id: "refusal-test",
  category: "refusal",
  severity: "warning",
  triggers: ["不行"],
  guards: { after: ["的话"] },
  message: { zh: "（四）", en: "(四)" },
  replacements: ["好的"],
  examples: { blunt: ["不行"], polite: ["好的"] },
}

const issues = (rule: unknown): string[] => {
  const r = phrasingRuleSchema.safeParse(rule)
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."))
}

describe("phrasingRuleSchema", () => {
  it("accepts a valid rule", () => {
    expect(issues(base)).toEqual([])
  })

  it.each([
    ["gap at the start", { triggers: ["…不行"] }, "triggers.0"],
    ["gap at the end", { triggers: ["不归…"] }, "triggers.0"],
    ["^ in the middle", { triggers: ["不^行"] }, "triggers.0"],
    ["sentence end inside a trigger", { triggers: ["不行。好"] }, "triggers.0"],
    ["empty trigger list", { triggers: [] }, "triggers"],
    ["invalid regex", { guards: { after: ["(unclosed"] } }, "guards.after.0"],
    ["nested quantifier", { guards: { before: ["(a+)+"] } }, "guards.before.0"],
    ["pattern matching the empty string", { requires: { sentence: ["x?"] } }, "requires.sentence.0"],
    ["unknown guard kind", { guards: { around: ["x"] } }, "guards"],
    ["non-kebab id", { id: "Refusal_Test" }, "id"],
    ["unknown category", { category: "sarcasm" }, "category"],
    ["unknown severity", { severity: "error" }, "severity"],
    ["no replacement", { replacements: [] }, "replacements"],
    ["four replacements", { replacements: ["a", "b", "c", "d"] }, "replacements"],
    ["no polite example", { examples: { blunt: ["不行"], polite: [] } }, "examples.polite"],
    ["missing en message", { message: { zh: "（四）" } }, "message.en"],
    ["blank zh message", { message: { zh: "  ", en: "x" } }, "message.zh"],
  ])("rejects %s", (_name, patch, path) => {
    expect(issues({ ...base, ...patch })).toContain(path)
  })
})

describe("phrasebookSchema", () => {
  it("accepts the default book", () => {
    expect(phrasebookSchema.safeParse(DEFAULT_PHRASEBOOK).success).toBe(true)
  })

  it("rejects duplicate rule ids", () => {
    const r = phrasebookSchema.safeParse({ ...DEFAULT_PHRASEBOOK, rules: [base, base] })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("rules.1.id")
  })

  it.each(["2026.11", "v2026.11.0", "2026.13.0", "26.11.0"])("rejects version %s", (version) => {
    expect(phrasebookSchema.safeParse({ ...DEFAULT_PHRASEBOOK, version }).success).toBe(false)
  })

  it("survives a JSON round trip", () => {
    const parsed = phrasebookSchema.parse(JSON.parse(JSON.stringify(DEFAULT_PHRASEBOOK)))
    expect(parsed).toEqual(DEFAULT_PHRASEBOOK)
  })
})
