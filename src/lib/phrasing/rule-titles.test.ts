import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { phrasebookSchema } from "./schema"
import { PHRASING_CATEGORIES } from "./types"

const CJK = /[\u4e00-\u9fff]/

describe("rule titles (built-in book)", () => {
  it("every built-in rule has a short Chinese title", () => {
    const missing = DEFAULT_PHRASEBOOK.rules.filter(
      (r) => !r.title || !CJK.test(r.title) || r.title.trim() !== r.title || r.title.length > 40,
    )
    expect(missing.map((r) => r.id)).toEqual([])
  })

  it("titles are unique within a category and never just the id", () => {
    for (const category of PHRASING_CATEGORIES) {
      const titles = DEFAULT_PHRASEBOOK.rules.filter((r) => r.category === category).map((r) => r.title)
      expect(new Set(titles).size, category).toBe(titles.length)
    }
    expect(DEFAULT_PHRASEBOOK.rules.filter((r) => r.title === r.id)).toEqual([])
  })

  it("the schema keeps titles optional for imported books, but bounded", () => {
    const untitled = {
      ...DEFAULT_PHRASEBOOK,
      rules: DEFAULT_PHRASEBOOK.rules.map(({ title: _title, ...rest }) => rest),
    }
    expect(phrasebookSchema.safeParse(untitled).success).toBe(true)
    expect(phrasebookSchema.safeParse(DEFAULT_PHRASEBOOK).success).toBe(true)
    const tooLong = {
      ...DEFAULT_PHRASEBOOK,
      rules: [
        { ...DEFAULT_PHRASEBOOK.rules[0], title: "长".repeat(41) },
        ...DEFAULT_PHRASEBOOK.rules.slice(1),
      ],
    }
    const result = phrasebookSchema.safeParse(tooLong)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(["rules", 0, "title"])
  })
})
