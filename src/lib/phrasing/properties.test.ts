import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { growthRatio } from "../testing/linearity"
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
