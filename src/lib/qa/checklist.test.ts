import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { phrasebookSchema } from "../phrasing/schema"
import { checklistSchema } from "./schema"
import { DEFAULT_CHECKLIST } from "./default-checklist"
import { parseExampleTurns, testChecklistItem } from "./examples"
import { scoreConversation } from "./score"
import { ITEM_IDS } from "./types"

describe("built-in checklist: data", () => {
  it("has every item once, in order", () => {
    expect(DEFAULT_CHECKLIST.items.map((i) => i.id)).toEqual([...ITEM_IDS])
  })

  it("passes its schema and rides in the default phrasebook", () => {
    const parsed = checklistSchema.safeParse(DEFAULT_CHECKLIST)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    expect(DEFAULT_PHRASEBOOK.checklist).toBe(DEFAULT_CHECKLIST)
  })

  it.each(DEFAULT_CHECKLIST.items.map((i) => [i.id, i] as const))(
    "%s has ≥ 10 pass and ≥ 10 fail examples and cites a section",
    (_id, item) => {
      expect(item.examples.pass.length).toBeGreaterThanOrEqual(10)
      expect(item.examples.fail.length).toBeGreaterThanOrEqual(10)
      expect(item.description.zh).toMatch(/2\.[12]|（[一二三四五六七八九十]+）/u)
      for (const e of [...item.examples.pass, ...item.examples.fail])
        expect(parseExampleTurns(e.turns)).not.toBeTypeOf("string")
    },
  )

  it("old books without a checklist still load", () => {
    const { checklist: _dropped, ...old } = DEFAULT_PHRASEBOOK
    expect(phrasebookSchema.safeParse({ ...old, version: "2026.11.0" }).success).toBe(true)
  })

  it("rejects an unknown detector, a missing one and an unbounded repeat", () => {
    const item = DEFAULT_CHECKLIST.items.find((i) => i.id === "deferral")!
    const bad = (detectors: Record<string, string[]>) =>
      checklistSchema.safeParse({ items: [{ ...item, detectors }] }).success
    expect(bad({ ...item.detectors, extra: ["x"] })).toBe(false)
    expect(bad({ defer: item.detectors.defer, reason: item.detectors.reason })).toBe(false)
    expect(bad({ ...item.detectors, time: ["明天.*回复"] })).toBe(false)
    expect(bad({ ...item.detectors, time: ["(a+)+"] })).toBe(false)
    expect(bad(item.detectors)).toBe(true)
  })

  it("rejects example lines without a speaker", () => {
    const item = DEFAULT_CHECKLIST.items[0]
    const parsed = checklistSchema.safeParse({
      items: [{ ...item, examples: { ...item.examples, pass: [{ turns: ["您好"] }] } }],
    })
    expect(parsed.success).toBe(false)
  })
})

describe.each(DEFAULT_CHECKLIST.items.map((i) => [i.id, i] as const))(
  "item %s over its examples",
  (_id, item) => {
    const results = testChecklistItem(DEFAULT_PHRASEBOOK, item)
    it.each(results.map((r) => [r.kind, r.example.turns.join(" | "), r] as const))(
      "%s: %s",
      (kind, _t, r) => {
        expect(r.outcome).toBe(kind)
      },
    )
  },
)

describe("scoreConversation", () => {
  it("returns every item in order with the issue's shape", () => {
    const result = scoreConversation([{ role: "customer", text: "你好" }])
    expect(result.items.map((i) => i.id)).toEqual([...ITEM_IDS])
    for (const i of result.items)
      expect(Object.keys(i).every((k) => ["id", "outcome", "evidence"].includes(k))).toBe(true)
  })

  it("greeting is na only without an agent turn; no-blunt is never na", () => {
    const none = scoreConversation([{ role: "customer", text: "在吗" }]).items
    expect(none.find((i) => i.id === "greeting")?.outcome).toBe("na")
    expect(none.find((i) => i.id === "no-blunt")?.outcome).toBe("pass")
    expect(scoreConversation([]).items.find((i) => i.id === "no-blunt")?.outcome).toBe("pass")
  })

  it("closing items are na unless ended", () => {
    const turns = [{ role: "agent" as const, text: "好的。" }]
    const open = scoreConversation(turns).items
    expect(open.find((i) => i.id === "closing-check")?.outcome).toBe("na")
    expect(open.find((i) => i.id === "farewell")?.outcome).toBe("na")
    const ended = scoreConversation(turns, { ended: true }).items
    expect(ended.find((i) => i.id === "closing-check")?.outcome).toBe("fail")
  })

  it("points evidence at the estimate that lacks the disclaimer", () => {
    const turns = [
      { role: "customer" as const, text: "几天能到" },
      { role: "agent" as const, text: "您好，估计后天能到吧" },
    ]
    const eta = scoreConversation(turns).items.find((i) => i.id === "eta-disclaimer")!
    expect(eta.outcome).toBe("fail")
    const [e] = eta.evidence!
    expect(e.turn).toBe(1)
    expect(turns[1].text.slice(e.start, e.end)).toContain("后天")
  })

  it("evidence of blunt wording points at the words", () => {
    const turns = [{ role: "agent" as const, text: "您好，这不归我们管。" }]
    const nb = scoreConversation(turns).items.find((i) => i.id === "no-blunt")!
    expect(nb.outcome).toBe("fail")
    expect(turns[0].text.slice(nb.evidence![0].start, nb.evidence![0].end)).toContain("不归")
  })

  it("uses a book's own checklist when it has one", () => {
    const items = DEFAULT_CHECKLIST.items.map((i) =>
      i.id === "farewell" ? { ...i, detectors: { bye: ["回见"] } } : i,
    )
    const book = { ...DEFAULT_PHRASEBOOK, checklist: { items } }
    const turns = [{ role: "agent" as const, text: "回见" }]
    expect(
      scoreConversation(turns, { ended: true }, book).items.find((i) => i.id === "farewell")?.outcome,
    ).toBe("pass")
    expect(scoreConversation(turns, { ended: true }).items.find((i) => i.id === "farewell")?.outcome).toBe(
      "fail",
    )
  })
})
