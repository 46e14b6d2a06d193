import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { fastToneFeatures, toneFeatures } from "./features"

/** The sidebar's fast path must score exactly what training saw. */
function same(sentence: string): void {
  const slow = toneFeatures(sentence).vector()
  const fast = fastToneFeatures(sentence)
  expect(Array.from(fast.indices)).toEqual(Array.from(slow.indices))
  expect(Array.from(fast.values)).toEqual(Array.from(slow.values))
}

describe("fastToneFeatures", () => {
  it.each([
    "那能怪我们吗",
    "亲，您的件已经到网点了，今天下午会派送哦~",
    "不 行",
    "。。。",
    "",
    "a b  c",
    "😀不行😀",
  ])("equals the training features for %j", (s) => same(s))

  it("equals the training features for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => same(s)),
      { numRuns: 300 },
    )
  })

  it("records where each n-gram came from", () => {
    const s = "不行哦"
    const f = fastToneFeatures(s)
    const grams: string[] = []
    for (let k = 0; k < f.spanCount; k++) grams.push(s.slice(f.spans[3 * k + 1], f.spans[3 * k + 2]))
    expect(grams).toEqual(expect.arrayContaining(["不", "不行", "不行哦", "行哦", "哦"]))
  })
})
