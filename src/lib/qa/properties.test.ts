import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { growthRatio } from "../linearity.test-helper"
import { DEFAULT_CHECKLIST } from "./default-checklist"
import { maskQuotes } from "./quotes"
import { scoreConversation } from "./score"
import { ITEM_IDS, type ScoreResult, type Turn } from "./types"

/** Fragments of the examples' own wording, so random conversations hit every detector. */
const FRAGMENTS = [
  ...new Set(
    DEFAULT_CHECKLIST.items.flatMap((i) =>
      [...i.examples.pass, ...i.examples.fail].flatMap((e) => e.turns.map((t) => t.slice(2))),
    ),
  ),
].flatMap((t) => t.split(/(?<=[，。？！])/u))
const NOISE = ["，", "。", "？", "！！", "“", "”", "「", "」", '"', "\n", " ", "😀", "\u0000", "\uD800"]
const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...NOISE), fc.string({ maxLength: 4 })), {
    maxLength: 12,
  })
  .map((p) => p.join(""))
const turn = fc.record({ role: fc.constantFrom("agent" as const, "customer" as const), text })
const conversation = fc.array(turn, { maxLength: 20 })
const options = fc.record(
  {
    companyName: fc.oneof(fc.constant("盛辉物流"), fc.string({ maxLength: 6 })),
    agentId: fc.oneof(fc.constant("1024"), fc.string({ maxLength: 5 })),
    ended: fc.boolean(),
  },
  { requiredKeys: [] },
)

function checkResult(turns: Turn[], result: ScoreResult): void {
  expect(result.items.map((i) => i.id)).toEqual([...ITEM_IDS])
  for (const item of result.items) {
    expect(["pass", "fail", "na"]).toContain(item.outcome)
    for (const e of item.evidence ?? []) {
      expect(Number.isInteger(e.turn) && e.turn >= 0 && e.turn < turns.length).toBe(true)
      expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true)
      expect(e.start).toBeGreaterThanOrEqual(0)
      expect(e.end).toBeGreaterThan(e.start)
      expect(e.end).toBeLessThanOrEqual(turns[e.turn].text.length)
    }
  }
  expect(result.items.find((i) => i.id === "no-blunt")?.outcome).not.toBe("na")
}

describe("scoreConversation properties", () => {
  it("never throws; outcomes and evidence offsets are valid", () => {
    fc.assert(
      fc.property(conversation, options, (turns, opts) => {
        checkResult(turns, scoreConversation(turns, opts))
      }),
      { numRuns: 400 },
    )
  })

  it("never throws on malformed input", () => {
    const junk = [null, undefined, 42, "x", [null], [{}], [{ role: "bot", text: 3 }], [{ role: "agent" }]]
    for (const j of junk) {
      expect(() => scoreConversation(j as unknown as Turn[], j as never)).not.toThrow()
    }
  })

  it("is deterministic", () => {
    fc.assert(
      fc.property(conversation, options, (turns, opts) => {
        expect(scoreConversation(turns, opts)).toEqual(scoreConversation(turns, opts))
      }),
      { numRuns: 100 },
    )
  })

  it("maskQuotes keeps the length and blanks only inside closed quotes", () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = maskQuotes(t)
        expect(m.length).toBe(t.length)
      }),
    )
    expect(maskQuotes("您说“太慢了”是吧")).toBe("您说“＿＿＿”是吧")
    expect(maskQuotes("“没关\n闭")).toBe("“没关\n闭")
  })
})

/** ~`size` characters of conversation built from the examples' own turns. */
function bigConversation(size: number, turnChars: number): Turn[] {
  const turns: Turn[] = []
  let total = 0
  let i = 0
  while (total < size) {
    let t = ""
    while (t.length < turnChars) t += FRAGMENTS[(i++ * 7919) % FRAGMENTS.length]
    turns.push({ role: turns.length % 2 ? "agent" : "customer", text: t })
    total += t.length
  }
  return turns
}

describe("scoreConversation runs in linear time", () => {
  it.each([
    ["many short turns", 100],
    ["few long turns", 50_000],
  ])(
    "1 MB of %s costs under 20× 100 KB",
    (_name, turnChars) => {
      const small = bigConversation(100_000, turnChars)
      const big = bigConversation(1_000_000, turnChars)
      const byText = new Map([
        ["s", small],
        ["b", big],
      ])
      const ratio = growthRatio((k) => scoreConversation(byText.get(k)!, { ended: true }), "s", "b")
      expect(ratio).toBeLessThan(20)
    },
    60_000,
  )

  it("1 MB of unclosed quotes and openers stays linear", () => {
    const make = (n: number): Turn[] => [
      { role: "agent", text: "“还有".repeat(n / 3) + "\n" + "「".repeat(n / 3) },
    ]
    const byText = new Map([
      ["s", make(100_000)],
      ["b", make(1_000_000)],
    ])
    expect(growthRatio((k) => scoreConversation(byText.get(k)!, { ended: true }), "s", "b")).toBeLessThan(20)
  }, 60_000)
})
