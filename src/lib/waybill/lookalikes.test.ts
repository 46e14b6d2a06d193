import { describe, expect, it } from "vitest"

import { lookalike } from "./lookalikes"

describe("lookalike", () => {
  it.each([
    ["13812345678", "mobile", true],
    ["8613812345678", "mobile", true],
    ["15842345665", "mobile", true],
    ["11010519491231002X", "id-card", true],
    ["YT969****639795", "masked", true],
    ["138****1234", "masked", true],
    ["20190520195647", "datetime", false],
    ["20240501", "datetime", false],
    ["202405011230", "datetime", false],
    ["1715678901234", "epoch", false],
    ["1715678901", "epoch", false],
    ["202405011234567", "date-prefixed", false],
    ["075512345678", "landline", false],
    ["4001111111", "hotline", false],
  ] as const)("%s is a %s look-alike", (n, kind, hard) => {
    expect(lookalike(n)).toEqual({ kind, hard })
  })

  it.each([
    "73610555582883",
    "1136281381675", // EMS 11x: below the epoch range on purpose
    "463431409940372",
    "881443775034378914", // YTO 18 digits: not a valid ID date
    "SF1385628716739",
    "20191320195647", // month 13
  ])("%s is not a look-alike", (n) => {
    expect(lookalike(n)).toBeUndefined()
  })
})
