import { describe, expect, it } from "vitest"

import {
  isEms13CheckValid,
  isValidChineseId,
  isValidDhl,
  isValidFedex12,
  isValidFedex15,
  isValidS10,
  isValidUps,
  s10CheckDigit,
} from "./checksums"

// Vectors from research/waybill-formats.md §2.2, §4, §5 (S1 jkeen, S11 npm s10, TrackingMore, kuaidi100).
const cases: [string, (n: string) => boolean, string[], string[]][] = [
  [
    "S10",
    isValidS10,
    ["EA152563251CN", "UG586285221CN", "LW505109082CN", "RA018458445JP", "RB123456785GB", "RB123456785CV"],
    ["EA123456789CN", "RB123456786US", "RB123456785XX", "EB900717618HK", "TX801495811US", "EA202501071CN"],
  ],
  [
    "UPS",
    isValidUps,
    ["1Z5R89390357567127", "1Z879E930346834440", "1ZXX3150YW44070023", "1ZA0F8536742316738"],
    ["1Z1111111111111111", "2Z5R89390357567127", "1Z5R89390357567128"],
  ],
  [
    "DHL",
    isValidDhl,
    ["3318810025", "73891051146", "8487135506", "1099255990", "3244675836"],
    ["3318810010", "3318810034", "3318810011", "331881002"],
  ],
  ["FedEx 12", isValidFedex12, ["986578788855", "477179081230", "799531274483"], ["996578788855"]],
  ["FedEx 15", isValidFedex15, ["041441760228964"], ["568283610012732", "04144176022896"]],
  [
    "EMS-13",
    isEms13CheckValid,
    // All 11 EMS-labelled public samples of research §5 pass …
    [
      "1136281381675",
      "1207119765021",
      "1240921381750",
      "5116741128399",
      "1115785780598",
      "1085160751132",
      "1006739505821",
      "9745531155532",
      "5161488419703",
      "5042260908504",
      "1199965242414",
    ],
    // … the 邮政包裹 96/98 samples do not.
    ["9893442769997", "9630067620008", "4309597495550"],
  ],
  ["GB 11643", isValidChineseId, ["11010519491231002X"], ["110105194912310021", "11010519491231002Y"]],
]

describe("checksums", () => {
  for (const [name, check, valid, invalid] of cases) {
    it(`${name} accepts the published valid vectors`, () => {
      for (const n of valid) expect(check(n), n).toBe(true)
    })
    it(`${name} rejects the published invalid vectors`, () => {
      for (const n of invalid) expect(check(n), n).toBe(false)
    })
  }

  it("computes S10 check digits incl. the r==0 → 5 and r==1 → 0 edges", () => {
    expect(s10CheckDigit("12345678")).toBe(5)
    expect(s10CheckDigit("96633102")).toBe(0)
    expect(s10CheckDigit("76129403")).toBe(8)
    expect(s10CheckDigit("00071758")).toBe(1)
    expect(isValidS10("EA202501075CN")).toBe(true) // r = 0
    expect(isValidS10("RA202501040CN")).toBe(true) // r = 1
    expect(s10CheckDigit("1234567")).toBe(-1)
  })

  it("flags that a DHL mod-7 hit on a mobile number is pure chance (why DHL needs context)", () => {
    expect(["15842345665", "18512341234", "18511112222"].every(isValidDhl)).toBe(true)
  })
})
