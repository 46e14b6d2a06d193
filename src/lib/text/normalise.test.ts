import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { foldSameLength } from "./normalise"

describe("foldSameLength", () => {
  it("folds full-width letters, digits and punctuation and lower-cases, keeping the length", () => {
    expect(foldSameLength("ＳＦ１２３ 破损！ABC")).toBe("sf123 破损!abc")
    expect(foldSameLength("没有变化")).toBe("没有变化")
    // A character NFKC would expand stays as it is (offsets must not move).
    expect(foldSameLength("㎏重")).toBe("㎏重")
  })

  it("equals per-character NFKC + lower case wherever that keeps one unit (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const out = foldSameLength(s)
        expect(out.length).toBe(s.length)
        let want = ""
        for (let i = 0; i < s.length; i++) {
          const n = s[i].normalize("NFKC").toLowerCase()
          want += n.length === 1 ? n : s[i]
        }
        expect(out).toBe(want)
      }),
    )
  })
})
