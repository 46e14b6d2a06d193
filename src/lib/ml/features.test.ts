import { describe, expect, it } from "vitest"

import { FeatureBag, forEachCharNgram, forEachCharNgramHash } from "./features"
import { fnvSeed, hashString } from "./rng"

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

describe("forEachCharNgramHash", () => {
  it("gives hashString(prefix + gram) for the same n-grams, per-position prefixes, NaN skips", () => {
    const text = "破了 盒子"
    const want: [number, number, number][] = []
    forEachCharNgram(text, 1, 3, (g, s, e) => want.push([hashString((s < 2 ? "a|" : "") + g), s, e]))
    const got: [number, number, number][] = []
    forEachCharNgramHash(
      text,
      1,
      3,
      (s) => fnvSeed(s < 2 ? "a|" : ""),
      (h, s, e) => got.push([h, s, e]),
    )
    expect(got).toEqual(want)
    const none: number[] = []
    forEachCharNgramHash(
      text,
      2,
      2,
      () => NaN,
      (h) => none.push(h),
    )
    expect(none).toEqual([])
  })

  it("addIndex lands in the same bucket as add(name)", () => {
    const a = new FeatureBag(1 << 10)
    const b = new FeatureBag(1 << 10)
    a.add("破了", 2)
    b.addIndex(hashString("破了"), 2)
    expect(b.vector()).toEqual(a.vector())
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

  it("an unsorted vector holds the same pairs in insertion order", () => {
    const bag = new FeatureBag(1 << 16)
    for (const n of ["c", "a", "b", "a"]) bag.add(n, 1)
    const sorted = bag.vector()
    const raw = bag.vector({ sorted: false })
    expect([...raw.indices]).toEqual([bag.indexOf("c"), bag.indexOf("a"), bag.indexOf("b")])
    const pairs = (v: typeof raw) =>
      [...v.indices].map((i, n) => [i, v.values[n]]).sort((x, y) => x[0] - y[0])
    expect(pairs(raw)).toEqual(pairs(sorted))
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

  it("with minNorm, leaves short inputs shorter than unit length", () => {
    const bag = new FeatureBag(1024)
    bag.add("x", 1)
    bag.normalizeL2(4)
    expect(bag.vector().values[0]).toBeCloseTo(0.25, 12)
    const long = new FeatureBag(1024)
    for (let i = 0; i < 100; i++) long.add(`f${i}`, 1)
    long.normalizeL2(4)
    expect(Math.hypot(...long.vector().values)).toBeCloseTo(1, 12)
  })

  it("rejects a dimension that is not a power of two", () => {
    expect(() => new FeatureBag(1000)).toThrow(/power of two/)
  })
})
