import { describe, expect, it } from "vitest"

import { CHINESE_DIGITS } from "./chinese-digits"

describe("CHINESE_DIGITS", () => {
  it("gives every digit character its value, 两 and the two written zeros included", () => {
    expect([..."零〇一二两三四五六七八九"].map((c) => CHINESE_DIGITS[c])).toEqual([
      0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9,
    ])
  })

  it("leaves units and loose words to each reader", () => {
    for (const c of ["十", "百", "几", "半", "1"]) expect(CHINESE_DIGITS[c]).toBeUndefined()
  })
})
