import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { baseScore, type Tally } from "~lib/page/choose-current"
import { labelKind } from "~lib/page/labels"

import type { Finding } from "./scanner"
import { buildTallies, TallyBook } from "./tally-book"

const sf = (confidence: number) => [{ code: "SF", name: "顺丰", confidence, checked: true }]
const f = (number: string, extra: Partial<Finding> = {}): Finding => ({
  number,
  carriers: sf(0.9),
  source: "text",
  ...extra,
})

describe("buildTallies", () => {
  it("counts visible findings and keeps page order of first sighting", () => {
    const [a, b] = buildTallies([[f("SF1"), f("SF2")], [f("SF1")]])
    expect([a.number, a.count, a.firstSeen]).toEqual(["SF1", 2, 0])
    expect([b.number, b.count, b.firstSeen]).toEqual(["SF2", 1, 1])
  })

  it("counts hidden inputs repeating a number once, and not at all once the number is visible", () => {
    const hidden = f("SF1", { source: "input", hidden: true })
    expect(buildTallies([[hidden], [hidden], [hidden]])[0].count).toBe(1)
    expect(buildTallies([[hidden], [f("SF1")], [hidden], [f("SF1")]])[0].count).toBe(2)
  })

  it("keeps every source and the most confident carrier guess", () => {
    const [t] = buildTallies([
      [f("SF1", { carriers: sf(0.4) })],
      [f("SF1", { source: "title", carriers: sf(0.95) })],
      [f("SF1", { carriers: sf(0.6) })],
    ])
    expect([...t.sources].sort()).toEqual(["text", "title"])
    expect(t.carriers[0].confidence).toBe(0.95)
  })

  it("prefers a waybill label over another label, never the reverse", () => {
    const [t] = buildTallies([
      [f("SF1", { label: "订单号" })],
      [f("SF1", { label: "运单号" })],
      [f("SF1", { label: "备注" })],
    ])
    expect(t.label).toBe("运单号")
  })
})

// A node is any object: the book only uses it as a map key.
const nodes = Array.from({ length: 6 }, () => ({}) as Node)
const NUMBERS = ["SF1", "SF2", "YT3", "JT4", "ZT5"]
const LABELS = [undefined, "运单号", "订单号", "电话"]

const arbFinding = fc.record({
  number: fc.constantFrom(...NUMBERS),
  carriers: fc.constantFrom(sf(0.3), sf(0.9)),
  source: fc.constantFrom<Finding["source"]>("text", "title", "label", "input"),
  label: fc.constantFrom(...LABELS),
  hidden: fc.boolean(),
})
/** One step: node i's findings become `list` (empty: the node's text no longer holds a number). */
const arbStep = fc.record({
  node: fc.integer({ min: 0, max: nodes.length - 1 }),
  list: fc.array(arbFinding, { maxLength: 3 }),
})

function same(t: Tally, u: Tally) {
  return t.number === u.number && t.count === u.count && t.label === u.label && baseScore(t) === baseScore(u)
}

describe("TallyBook", () => {
  it("after any sequence of changes, agrees with tallying the current findings from scratch", () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 40 }), (steps) => {
        const book = new TallyBook()
        const current = new Map<Node, Finding[]>()
        for (const { node, list } of steps) {
          const n = nodes[node]
          book.change(n, current.get(n), list)
          // The book keeps a number's findings in the order their nodes were (re)read: so does the oracle.
          current.delete(n)
          if (list.length) current.set(n, list)
          book.settle()
        }
        const truth = buildTallies(current.values())
        expect(book.size).toBe(truth.length)
        for (const t of truth) {
          const agg = book.get(t.number)
          expect(agg).toBeDefined()
          expect(same(agg!.tally, t)).toBe(true)
          expect(agg!.waybillLabel).toBe(labelKind(t.label) === "waybill")
          expect(agg!.title).toBe(t.sources.has("title"))
        }
        // With at most five numbers, the kept lists hold every one of them.
        expect(new Set(book.best().map((a) => a.number))).toEqual(new Set(truth.map((t) => t.number)))
      }),
      { numRuns: 300 },
    )
  })

  it("forgets a number whose last node lost it, and clear() empties the book", () => {
    const book = new TallyBook()
    book.change(nodes[0], undefined, [f("SF1")])
    book.change(nodes[1], undefined, [f("SF1"), f("YT3")])
    book.settle()
    expect(book.get("SF1")?.tally.count).toBe(2)
    book.change(nodes[1], [f("SF1"), f("YT3")], [])
    expect(book.get("YT3")).toBeUndefined()
    expect(book.get("SF1")?.tally.count).toBe(1)
    book.clear()
    expect(book.size).toBe(0)
    expect(book.best()).toEqual([])
  })

  it("keeps the best by rank when more numbers than it keeps are on the page", () => {
    const book = new TallyBook()
    const many = Array.from({ length: 100 }, () => ({}) as Node)
    // 100 numbers seen once in text, then one in the title: the title one must be among the best.
    many.forEach((n, i) => book.change(n, undefined, [f(`SF${1000 + i}`)]))
    const title = {} as Node
    book.change(title, undefined, [f("SF9999", { source: "title" })])
    const best = book.best()
    expect(best.length).toBeLessThanOrEqual(4 * 40)
    expect(best.some((a) => a.number === "SF9999")).toBe(true)
    // Removing the title finding drops it from the best lists too.
    book.change(title, [f("SF9999", { source: "title" })], [])
    expect(book.best().some((a) => a.number === "SF9999")).toBe(false)
  })
})
