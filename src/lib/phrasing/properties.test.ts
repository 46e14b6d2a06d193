import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { growthRatio } from "../linearity.test-helper"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { lintPhrasing } from "./lint"
import type { PhrasingFinding } from "./types"

/** Fragments that hit triggers, guards, quotes and anchors, so random drafts exercise them. */
const TRIGGERS = [...new Set(DEFAULT_PHRASEBOOK.rules.flatMap((r) => r.triggers))].map((t) =>
  t.replace(/^\^|\$$/g, "").replace(/…+/g, "我们"),
)
const NOISE = [
  "，",
  "。",
  "？",
  "！",
  "“",
  "”",
  "「",
  "」",
  '"',
  "'",
  "\n",
  " ",
  "您",
  "你",
  "的话",
  "帮您",
  "2小时内",
  "客户说",
  "A",
  "😀",
]
const fragment = fc.oneof(
  fc.constantFrom(...TRIGGERS),
  fc.constantFrom(...NOISE),
  fc.string({ maxLength: 3 }),
)
const draft = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""))

function checkInvariants(text: string, findings: PhrasingFinding[]): void {
  let last = 0
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true)
    expect(f.start).toBeGreaterThanOrEqual(last)
    expect(f.end).toBeGreaterThan(f.start)
    expect(f.end).toBeLessThanOrEqual(text.length)
    expect(text.slice(f.start, f.end)).toBe(f.text)
    last = f.end
  }
}

describe("lintPhrasing properties", () => {
  it("never throws; findings are valid, sorted and non-overlapping", () => {
    fc.assert(
      fc.property(
        fc.oneof(draft, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 })),
        (text) => {
          checkInvariants(text, lintPhrasing(text))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it("finds a trigger's own rule or a longer overlapping one when a blunt example is embedded in noise", () => {
    const examples = DEFAULT_PHRASEBOOK.rules.flatMap((r) => r.examples.blunt.map((b) => [r.id, b] as const))
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.constantFrom("", "您好。", "好的！\n", "OK. "),
        (pair, prefix) => {
          const [id, blunt] = pair
          const findings = lintPhrasing(prefix + blunt)
          expect(findings.map((f) => f.ruleId)).toContain(id)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe("lintPhrasing scales linearly", () => {
  const ratioOf = (big: string, small: string): number => growthRatio(lintPhrasing, small, big, 2)

  it.each(
    [
      ["不".repeat(n), "one character that starts many triggers"],
      ["不行".repeat(n / 2), "adjacent anchored hits"],
      ["不知道".repeat(n / 3), "a forbidden trigger back to back"],
      ["行了行了".repeat(n / 4), "overlapping hits of one rule"],
      ["不归".repeat(n / 2), "unfinished gapped triggers"],
      ["“".repeat(n), "opening quotes"],
      ["签收了就".repeat(n / 4), "gapped trigger heads"],
    ].map(([unit, name]) => [name, unit] as const),
  )(
    "1 MB of %s is under 20× the time of 100 KB",
    (_name, big) => {
      const small = big.slice(0, big.length / 10)
      expect(ratioOf(big, small)).toBeLessThan(20)
    },
    60_000,
  )
})

const n = 1_000_000

/**
 * A trigger typed through each normalisation step (and combinations): NFKC (ideographic space, a
 * compatibility form), traditional → simplified, separators inside the word, dialect and internet
 * variants (which change the length), homophone typos. The rule's finding must cover exactly the
 * characters typed, wherever the form sits among text the steps also rewrite.
 */
const TYPED: readonly (readonly [string, string])[] = [
  ["没办法", "refusal-meibanfa"],
  ["沒辦法", "refusal-meibanfa"],
  ["没 办 法", "refusal-meibanfa"],
  ["没\u3000办\u3000法", "refusal-meibanfa"],
  ["没-办-法", "refusal-meibanfa"],
  ["沒 辦 法", "refusal-meibanfa"],
  ["没半法", "refusal-meibanfa"],
  ["冇办法", "refusal-meibanfa"],
  ["木有办法", "refusal-meibanfa"],
  ["没得办法", "refusal-meibanfa"],
  ["不造", "uncertainty-bu-zhidao"],
  ["不晓得", "uncertainty-bu-zhidao"],
  ["不\u200b知\u200b道", "uncertainty-bu-zhidao"],
  ["不知到", "uncertainty-bu-zhidao"],
  ["有完沒玩", "impatience-you-wan-mei-wan"],
  ["關我什麼事", "blame-bu-guan-wo-shi"],
  ["我們不管", "blame-wo-bu-guan"],
]
/** Neutral text around it that the steps rewrite too (lengths change before the trigger). */
const AROUND = [
  "您好",
  "沒 問 題",
  "①号",
  "ｈｅｌｌｏ",
  "e\u0301",
  "😀",
  "謝謝您",
  "SF1234567890",
  "好的",
  "\u3000",
]
const ENDS = ["。", "！", "\n", "？"]
const neutral = fc
  .tuple(fc.array(fc.constantFrom(...AROUND), { maxLength: 8 }), fc.constantFrom(...ENDS))
  .map(([parts, end]) => (parts.length ? parts.join("") + end : ""))

describe("offsets map back exactly through every normalisation step", () => {
  it("a trigger typed in any spelling is found on exactly the characters typed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPED), neutral, neutral, ([typed, ruleId], before, after) => {
        const text = `${before}${typed}。${after}`
        const hit = lintPhrasing(text).find((f) => f.ruleId === ruleId)
        expect(hit, text).toBeDefined()
        expect([hit?.start, hit?.end]).toEqual([before.length, before.length + typed.length])
        expect(hit?.text).toBe(typed)
      }),
      { numRuns: 500 },
    )
  })
})
