import { describe, expect, it } from "vitest"

import { interleavedMedians, median, pairedRatio } from "../bench/stats"

describe("bench statistics", () => {
  it("median of odd and even counts, unsorted input left alone", () => {
    const xs = [5, 1, 3]
    expect(median(xs)).toBe(3)
    expect(xs).toEqual([5, 1, 3])
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it("pairs each load with its neighbour: a drift that moves both loads of a pair cancels out", () => {
    // The machine slows down run by run; every pair still costs 4 % more with the extension.
    const without = [3000, 3100, 3300, 3600, 4000, 4500]
    const withExt = without.map((x) => x * 1.04)
    const r = pairedRatio(withExt, without)
    expect(r.median).toBeCloseTo(1.04, 10)
    expect(r.low).toBeCloseTo(1.04, 10)
    expect(r.high).toBeCloseTo(1.04, 10)
    // The ratio of the two medians is thrown off by the drift when the pairs are split (here: shifted by one).
    expect(median(withExt.slice(1)) / median(without.slice(0, -1))).toBeGreaterThan(1.1)
  })

  it("the interval widens with the spread of the pairs, holds the median, and is the same every run", () => {
    const without = Array.from({ length: 16 }, () => 3000)
    const withExt = [
      1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.1, 1.11, 1.12, 1.13, 1.14, 1.15,
    ].map((r) => r * 3000)
    const r = pairedRatio(withExt, without)
    expect(r.median).toBeCloseTo(1.075, 10)
    expect(r.low).toBeLessThan(r.median)
    expect(r.high).toBeGreaterThan(r.median)
    expect(r.low).toBeGreaterThanOrEqual(1.0)
    expect(r.high).toBeLessThanOrEqual(1.15)
    expect(pairedRatio(withExt, without)).toEqual(r)
  })

  it("refuses loads that are not in pairs", () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/2 loads with, 1 without/)
    expect(() => pairedRatio([], [])).toThrow()
  })

  it("interleavedMedians calls every run on every item, warm-up and rounds, and returns one median per run", () => {
    const calls: string[] = []
    const runs = ["a", "b", "c"].map((name) => (i: number) => calls.push(`${name}${i}`))
    const out = interleavedMedians(runs, 2, 3, { warmup: 1 })
    expect(out).toHaveLength(3)
    for (const m of out) expect(m).toBeGreaterThanOrEqual(0)
    expect(calls.filter((c) => c.startsWith("a"))).toHaveLength(2 * (1 + 3))
    // Round 1 starts with b (the order rotates), after the warm-up and round 0 (a, b, c).
    expect(calls.slice(12, 14)).toEqual(["b0", "b1"])
    expect(interleavedMedians(runs, 4, 2, { warmup: 0, batch: true })).toHaveLength(3)
  })
})
