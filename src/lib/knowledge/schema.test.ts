import { describe, expect, it } from "vitest"

import { DEFAULT_KNOWLEDGE_PACK } from "./default-pack"
import { parseKnowledgePack, parseKnowledgePackFile } from "./schema"
import type { KnowledgePack } from "./types"

const clone = (): KnowledgePack => structuredClone(DEFAULT_KNOWLEDGE_PACK)
const where = (r: ReturnType<typeof parseKnowledgePack>) => (r.ok ? [] : r.problems.map((p) => p.where))

describe("parseKnowledgePack", () => {
  it("accepts the built-in pack and returns it unchanged", () => {
    const r = parseKnowledgePack(clone())
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.pack).toEqual(DEFAULT_KNOWLEDGE_PACK)
  })

  it("accepts an admin's pack that extends the built-in one with a value set", () => {
    const pack = clone()
    pack.version = "acme-2027.01"
    pack.values["保价费率"].value = "声明价值的 0.5%，最低 2 元"
    pack.cards.push({
      ...pack.cards[0],
      id: "acme-wine",
      title: "葡萄酒礼盒",
      keywords: ["葡萄酒礼盒"],
      synonyms: [],
      examples: ["葡萄酒礼盒能寄吗"],
    })
    expect(parseKnowledgePack(pack).ok).toBe(true)
  })

  it.each([
    ["null", null, "(file)"],
    ["an array", [], "(file)"],
    ["a string", "x", "(file)"],
  ])("refuses %s as a whole", (_label, json, at) => {
    expect(where(parseKnowledgePack(json))).toEqual([at])
  })

  it("refuses another file type by its format", () => {
    const r = parseKnowledgePack({ ...clone(), format: "cs-sidekick-backup" })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({ where: "format", message: expect.stringContaining("知识库") })
  })

  it("locates each bad card field: no source, no example, bad date, bad id, unknown case type", () => {
    const pack = clone() as unknown as { cards: Record<string, unknown>[] }
    pack.cards[1].sources = []
    pack.cards[2].examples = []
    pack.cards[3].effective = "2026-02-30"
    pack.cards[4].id = "Not Kebab"
    pack.cards[5].caseTypes = ["投诉"]
    const r = parseKnowledgePack(pack)
    expect(where(r)).toEqual(
      expect.arrayContaining([
        "cards[1].sources",
        "cards[2].examples",
        "cards[3].effective",
        "cards[4].id",
        "cards[5].caseTypes[0]",
      ]),
    )
    if (!r.ok) {
      expect(r.problems.find((p) => p.where === "cards[1].sources")?.message).toContain("出处")
      for (const p of r.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5].* \/ [a-zA-Z]/)
    }
  })

  it("refuses duplicate ids and blanks that nobody can fill", () => {
    const pack = clone()
    pack.cards[3].id = pack.cards[0].id
    pack.cards[4].script = "您好，{没有定义的空位}。"
    const r = parseKnowledgePack(pack)
    expect(where(r)).toEqual(expect.arrayContaining(["cards[3].id", "cards[4].script"]))
    if (!r.ok)
      expect(r.problems.find((p) => p.where === "cards[4].script")?.message).toContain("没有定义的空位")
  })

  it("refuses a card whose example question does not find it", () => {
    const pack = clone()
    pack.cards[0].examples = ["今天天气怎么样"]
    const r = parseKnowledgePack(pack)
    expect(where(r)).toEqual(["cards[0].examples[0]"])
  })

  it("never throws on junk", () => {
    for (const junk of [
      undefined,
      1,
      {},
      { cards: "x" },
      { ...clone(), cards: [null] },
      { ...clone(), values: [] },
    ])
      expect(parseKnowledgePack(junk).ok).toBe(false)
  })
})

describe("parseKnowledgePackFile", () => {
  it("parses a file's text and refuses broken JSON with a located message", () => {
    expect(parseKnowledgePackFile(JSON.stringify(DEFAULT_KNOWLEDGE_PACK)).ok).toBe(true)
    const r = parseKnowledgePackFile('{"format": "cs-sidekick-knowledge",')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0].message).toMatch(/JSON/)
  })
})
