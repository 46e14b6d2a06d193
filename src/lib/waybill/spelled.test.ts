import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CARRIER_EXAMPLES } from "./carrier-examples"
import { detectWaybills } from "./detect"

/** The numbers and top carriers found. */
const found = (text: string) => detectWaybills(text).map((m) => [m.number, m.carriers[0]?.code])

/** A number read out one character at a time, with `sep` between every character. */
const spell = (n: string, sep: (i: number) => string = () => " ") =>
  [...n].map((c, i) => (i === 0 ? c : sep(i) + c)).join("")

// Look-alikes from research/waybill-formats.md §5 and lookalikes.test.ts: read out, they stay out.
const LOOKALIKES = [
  "13812345678", // mobile
  "8613812345678",
  "11010519491231002X", // ID card
  "20190520195647", // datetime
  "20240501",
  "1715678901234", // epoch ms
  "075512345678", // landline
  "4001111111", // hotline
  "3826615508821970", // an order number (16 digits)
  "138****1234", // masked
]

const ALL = Object.values(CARRIER_EXAMPLES).flatMap((e) => [...e.valid, ...e.invalid].map((x) => x.number))

describe("older letter formats that need the carrier named", () => {
  it("finds 圆通 V + 9 digits and 京东 V[A-Z] + 11 digits only beside their carrier", () => {
    expect(found("圆通老单号 V030344422 查不到")).toEqual([["V030344422", "yto"]])
    expect(found("京东 VA45306123456")).toEqual([["VA45306123456", "jd"]])
    // Without the carrier: a member number, a version, a voucher code.
    expect(found("会员号 V030344422")).toEqual([])
    expect(found("优惠券 VA45306123456 已使用")).toEqual([])
    expect(found("运单号 V030344422")).toEqual([])
  })
})

describe("numbers read out one character at a time (call transcripts)", () => {
  it("finds the sourced examples spelled with spaces, dashes or both, exactly as written whole", () => {
    for (const n of ALL) {
      const whole = found(`客户：单号是 ${n} 对吧`)
      expect(found(`客户：单号是 ${spell(n)} 对吧`), n).toEqual(whole)
      expect(found(`客户：${spell(n, (i) => (i % 3 === 0 ? "-" : " "))}。`), n).toEqual(found(`客户：${n}。`))
      expect(found(`坐席：请念一下。客户：${spell(n, () => "-")}`), n).toEqual(
        found(`坐席：请念一下。客户：${n}`),
      )
    }
    // The transcripts' own shapes, with the letter prefix whole or spelled.
    expect(found("客户：S F 1 3 8 5 6 2 8 7 1 6 7 3 9，顺丰的")).toEqual([["SF1385628716739", "sf"]])
    expect(found("客户：SF 1 3 8 5 6 2 8 7 1 6 7 3 9")).toEqual([["SF1385628716739", "sf"]])
    expect(found("7 3 6-1 0 5-5 5 5-8 2 8 8 3")).toEqual([["73610555582883", "zto"]])
    const text = "是 Y T 8 9 6 2 6 4 6 7 8 5 3 8 9 吗"
    const [m] = detectWaybills(text)
    expect(text.slice(m.start, m.end)).toBe("Y T 8 9 6 2 6 4 6 7 8 5 3 8 9")
  })

  it("leaves look-alikes out when they are read out too", () => {
    for (const n of LOOKALIKES) {
      expect(found(spell(n)), n).toEqual([])
      expect(found(`电话 ${spell(n, () => "-")} 谢谢`), n).toEqual([])
    }
    // Short runs, page numbers, and letters alone are no numbers.
    expect(found("第 1 2 3 4 5 6 7 8 9 10 11 页")).toEqual([])
    expect(found("A B C D E F G H I J")).toEqual([])
    expect(found("评分 5 4 3 2 1")).toEqual([])
  })

  it("finds a digit string read out whenever it finds it written whole, and nothing else", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8,20}$/), fc.constantFrom(" ", "-", "  ", " -"), (n, sep) => {
        expect(found(`号码 ${spell(n, () => sep)} 好的`)).toEqual(found(`号码 ${n} 好的`))
      }),
      { numRuns: 2_000 },
    )
  })
})
