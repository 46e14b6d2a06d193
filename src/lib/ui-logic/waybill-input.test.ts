import { describe, expect, it } from "vitest"

import { parseWaybillInput } from "./waybill-input"

describe("waybill input", () => {
  it.each([
    ["SF1234567890123", "SF1234567890123"],
    ["sf1234567890123", "SF1234567890123"],
    ["ＳＦ１２３４５６７８９０１２３", "SF1234567890123"],
    [" 7731 2345 6789 ", "773123456789"],
    ["7731\u30002345\u00a06789", "773123456789"],
    ["JD-0012-3456", "JD00123456"],
    ["ｊｄ－００１２", "JD0012"],
  ])("%j → %j", (input, expected) => {
    expect(parseWaybillInput(input)).toBe(expected)
  })

  it.each(["", "  ", "12", "SF12#34", "运单123456", "A".repeat(41), "SF12**34"])("rejects %j", (input) => {
    expect(parseWaybillInput(input)).toBeNull()
  })
})
