import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { Automaton } from "./automaton"

function collect(a: Automaton, text: string): [number, number][] {
  const hits: [number, number][] = []
  a.scan(text, (p, end) => hits.push([p, end]))
  return hits.sort((x, y) => x[1] - y[1] || x[0] - y[0])
}

function brute(patterns: string[], text: string): [number, number][] {
  const hits: [number, number][] = []
  const first = new Map<string, number>()
  patterns.forEach((p, i) => first.has(p) || first.set(p, i))
  for (const [p, i] of first) {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) hits.push([i, at + p.length])
  }
  return hits.sort((x, y) => x[1] - y[1] || x[0] - y[0])
}

describe("Automaton", () => {
  it("reports overlapping and nested matches", () => {
    const a = new Automaton(["不行", "行不行", "不行不", "行"])
    expect(collect(a, "行不行不")).toEqual(brute(["不行", "行不行", "不行不", "行"], "行不行不"))
    expect(collect(a, "行不行不").length).toBe(5)
  })

  it("folds ASCII case and full-width forms", () => {
    const a = new Automaton(["bug", "100%"])
    expect(collect(a, "BUG ｂｕｇ １００％")).toEqual([
      [0, 3],
      [0, 7],
      [1, 12],
    ])
  })

  it("agrees with a brute-force search on a small alphabet", () => {
    const word = fc.string({ unit: fc.constantFrom("不", "行", "a", "你"), minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom("不", "行", "a", "你", "。"), maxLength: 60 }),
        (patterns, text) => {
          expect(collect(new Automaton(patterns), text)).toEqual(brute(patterns, text))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("rejects an empty pattern", () => {
    expect(() => new Automaton([""])).toThrow()
  })
})
