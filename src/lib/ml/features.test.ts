import { describe, expect, it } from "vitest"

import { FeatureBag, forEachCharNgram } from "./features"

describe("forEachCharNgram", () => {
  it("emits every n-gram with its span and never across whitespace", () => {
    const out: [string, number, number][] = []
    forEachCharNgram("破了 盒", 1, 2, (g, s, e) => out.push([g, s, e]))
    expect(out).toEqual([
      ["破", 0, 1],
      ["破了", 0, 2],
      ["了", 1, 2],
      ["盒", 3, 4],
    ])
  })
})

describe("FeatureBag", () => {
  it("adds values by name, keeps names and spans, and sorts the vector", () => {
    const bag = new FeatureBag(1 << 16)
    bag.add("a", 1, { start: 0, end: 1 })
    bag.add("a", 2, { start: 5, end: 6 })
    bag.add("b")
    const v = bag.vector()
    expect(v.indices.length).toBe(2)
    expect([...v.indices]).toEqual([...v.indices].sort((x, y) => x - y))
    const ia = bag.indexOf("a")
    expect(v.values[[...v.indices].indexOf(ia)]).toBe(3)
    expect(bag.nameOf(ia)).toBe("a")
    expect(bag.spansOf(ia)).toEqual([
      { start: 0, end: 1 },
      { start: 5, end: 6 },
    ])
    expect(bag.spansOf(bag.indexOf("b"))).toEqual([])
  })

  it("normalises to unit length and scales", () => {
    const bag = new FeatureBag(1024)
    bag.add("x", 3)
    bag.add("y", 4)
    bag.normalizeL2()
    const v = bag.vector()
    expect(Math.hypot(...v.values)).toBeCloseTo(1, 12)
    bag.scale(2)
    expect(Math.hypot(...bag.vector().values)).toBeCloseTo(2, 12)
  })

  it("rejects a dimension that is not a power of two", () => {
    expect(() => new FeatureBag(1000)).toThrow(/power of two/)
  })
})
