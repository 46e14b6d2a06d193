import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CARRIER_EXAMPLES } from "~lib/waybill/carrier-examples"
import { detectWaybills } from "~lib/waybill/detect"

import { maybeNumber } from "./scanner"

/** The scanner reads only text that passes maybeNumber: it must never hide a number detect would find. */
describe("the scanner's cheap test (maybeNumber)", () => {
  const valid = Object.values(CARRIER_EXAMPLES).flatMap((c) => c.valid.map((e) => e.number))

  it("lets through every carrier's valid example, plain and printed in groups", () => {
    for (const n of valid) {
      expect(maybeNumber(n), n).toBe(true)
      // Groups of 4, of 3, split by spaces, hyphens or a no-break space, as CRMs print them.
      for (const size of [3, 4])
        for (const sep of [" ", "-", "\u00a0"]) {
          const grouped = n.replace(new RegExp(`(\\d{${size}})(?=\\d)`, "g"), `$1${sep}`)
          expect(maybeNumber(`运单 ${grouped}`), grouped).toBe(true)
        }
    }
    expect(maybeNumber("EE 123 456 789 CN")).toBe(true)
    expect(maybeNumber("运单号：１２３４５６７８９０１２")).toBe(true)
  })

  it("turns away dates, times, amounts and short codes", () => {
    for (const t of [
      "2026-11-22 16:14",
      "2026-11-22 16:14:05",
      "2026/11/22 下午",
      "¥1,299.00 共 3 件",
      "第 1234 行",
    ])
      expect(maybeNumber(t), t).toBe(false)
  })

  it("never turns away a text in which detectWaybills finds a number", () => {
    const piece = fc.oneof(
      fc.constantFrom(...valid),
      fc.stringMatching(/^[0-9]{1,6}$/),
      fc.constantFrom(" ", "-", "\u00a0", "，", "运单号", "SF", "YT", "JD", "CN", "\n"),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("")
        if (detectWaybills(text).length > 0) expect(maybeNumber(text), text).toBe(true)
      }),
      { numRuns: 3_000 },
    )
  })
})
