import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { growthRatio } from "../linearity.test-helper"

import { detectWaybills } from "./detect"
import { normalizeWaybill } from "./normalize"

// Pieces that stress the scanner: labels, carriers, separators, full-width, masks, URLs, surrogate pairs.
const piece = fc.oneof(
  fc.constantFrom(
    "运单号",
    "订单号",
    "顺丰",
    "中通",
    "DHL",
    " ",
    "-",
    "\u3000",
    "：",
    "*",
    "@",
    "://",
    "www.",
    "¥",
    "元",
    ".",
    "😀",
    "\ud800",
    "SF",
    "1Z",
    "YT",
    "１２３",
    "ＳＦ",
    "SF1385628716739",
    "73610555582883",
    "13812345678",
  ),
  fc.stringMatching(/^[0-9]{1,16}$/),
  fc.string({ unit: "binary", maxLength: 8 }),
)
const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(""))

describe("detectWaybills properties", () => {
  it("never throws and returns sorted, non-overlapping, valid spans", () => {
    fc.assert(
      fc.property(text, fc.option(fc.string(), { nil: undefined }), (t, label) => {
        const ms = detectWaybills(t, { label, carrierHint: label })
        let prevEnd = 0
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(prevEnd)
          expect(m.end).toBeGreaterThan(m.start)
          expect(m.end).toBeLessThanOrEqual(t.length)
          expect(normalizeWaybill(t.slice(m.start, m.end))).toBe(m.number)
          expect(m.carriers.length).toBeGreaterThan(0)
          const sum = m.carriers.reduce((s, c) => s + c.confidence, 0)
          expect(sum).toBeLessThanOrEqual(1)
          for (const c of m.carriers) expect(c.confidence).toBeGreaterThan(0)
          prevEnd = m.end
        }
      }),
      { numRuns: 400 },
    )
  })

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (t) => {
        expect(Array.isArray(detectWaybills(t))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it("finds an embedded SF number wherever it sits", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[\u4e00-\u9fa5，。 ]{0,20}$/),
        fc.stringMatching(/^[\u4e00-\u9fa5，。 ]{0,20}$/),
        (a, b) => {
          const ms = detectWaybills(`${a}SF1385628716739${b}`)
          expect(ms.map((m) => [m.number, m.start])).toEqual([["SF1385628716739", a.length]])
        },
      ),
    )
  })
})

describe("detectWaybills linearity", () => {
  const unit = 100_000
  const cases: [string, (n: number) => string][] = [
    ["digits", (n) => "1".repeat(n)],
    ["SF repeated", (n) => "SF".repeat(n / 2)],
    ["digit/space", (n) => "1 ".repeat(n / 2)],
    ["group/space", (n) => "1234 ".repeat(n / 5)],
    ["labelled digits", (n) => "运单号1234567890123 ".repeat(n / 20)],
    ["letters + digits", (n) => "SF 1385 6287 1673 ".repeat(n / 18)],
    ["at signs", (n) => "1@".repeat(n / 2)],
  ]
  for (const [name, make] of cases) {
    it(`${name}: 1 MB costs < 20× of 100 KB`, () => {
      const small = make(unit)
      const big = make(unit * 10)
      expect(growthRatio(detectWaybills, small, big)).toBeLessThan(20)
    })
  }
})
