import { describe, expect, it } from "vitest"

import { detectWaybills } from "./detect"
import { normalizeWaybill } from "./normalize"
import type { DetectContext } from "./types"

const found = (text: string, ctx?: DetectContext): string[] => detectWaybills(text, ctx).map((m) => m.number)
const top = (text: string, ctx?: DetectContext): string | undefined =>
  detectWaybills(text, ctx)[0]?.carriers[0]?.code

describe("detectWaybills: sentences", () => {
  it("keeps only the waybill among a phone and an order number", () => {
    const text = "客户电话 13812345678，订单号 202405011234567，运单号 SF1385628716739"
    const [m, ...rest] = detectWaybills(text)
    expect(rest).toEqual([])
    expect(m.number).toBe("SF1385628716739")
    expect(text.slice(m.start, m.end)).toBe("SF1385628716739")
    expect(m.carriers[0]).toEqual({ code: "sf", name: "顺丰速运", confidence: 0.98, checked: false })
  })

  it("reads full-width digits and the carrier named after the number", () => {
    const text = "您的快递单号是７３６１０５５５５８２８８３（中通）"
    const [m] = detectWaybills(text)
    expect(m.number).toBe("73610555582883")
    expect(text.slice(m.start, m.end)).toBe("７３６１０５５５５８２８８３")
    expect(m.carriers[0].code).toBe("zto")
    expect(m.carriers[0].confidence).toBeGreaterThan(0.8)
  })

  it("joins a UPS number split with spaces and validates its check digit", () => {
    const text = "UPS tracking: 1Z 5R8 939 0357 567 127 thanks"
    const [m] = detectWaybills(text)
    expect(m.number).toBe("1Z5R89390357567127")
    expect(text.slice(m.start, m.end)).toBe("1Z 5R8 939 0357 567 127")
    expect(m.carriers[0]).toMatchObject({ code: "ups", checked: true })
  })

  it("joins SF and hyphenated numbers but never two separate numbers", () => {
    expect(found("SF 1385 6287 16739 与 7736-1055-5828-83")).toEqual(["SF1385628716739", "77361055582883"])
    expect(found("运单号：73610555582883、73610555582884")).toEqual(["73610555582883", "73610555582884"])
    expect(found("SF1385628716739 SF1385628716740")).toEqual(["SF1385628716739", "SF1385628716740"])
    expect(found("数量 1234 5678 9012 3456 件")).toEqual([])
    expect(found("2024-05-01 12:30:00")).toEqual([])
  })

  it("accepts a valid S10 and rejects one with a wrong check digit", () => {
    const [m, ...rest] = detectWaybills("EA152563251CN 和 EA123456789CN")
    expect(rest).toEqual([])
    expect(m.number).toBe("EA152563251CN")
    expect(m.carriers.map((c) => c.code)).toEqual(["ems", "s10"])
    expect(m.carriers[0].checked).toBe(true)
  })

  it("ignores numbers inside URLs and e-mail addresses", () => {
    const text =
      "查询 https://www.kuaidi100.com/query?nu=73610555582883 或 www.x.cn/SF1385628716739 邮件 73610555582883@qq.com"
    expect(found(text)).toEqual([])
    expect(found("见 http://a.cn/x 运单号 73610555582883")).toEqual(["73610555582883"])
  })

  it("does not report a DHL-checksum-valid mobile number as DHL", () => {
    expect(found("DHL 联系人手机 15842345665")).toEqual([])
    expect(found("DHL 运单 3318810025").length).toBe(1)
    expect(top("DHL 运单 3318810025")).toBe("dhl")
    expect(found("编号 3318810025")).toEqual([])
  })

  it("ignores masked numbers, ID cards, phones and landlines", () => {
    expect(found("单号 YT969****639795，电话 138****1234")).toEqual([])
    expect(found("身份证 11010519491231002X，运单号 110105194912310021X")).toEqual([])
    expect(found("身份证号11010519491231002X")).toEqual([])
    expect(found("+86 138 1234 5678 / 86-13812345678 / 138-1234-5678")).toEqual([])
    expect(found("电话 0755-12345678，(021)12345678，010 1234 5678，400-111-1111")).toEqual([])
  })

  it("ignores dates, epochs and amounts", () => {
    expect(found("时间 20190520195647 / 1715678901234 / 1715678901 / 2024-05-01")).toEqual([])
    expect(found("金额 ¥123456789012.50，共 123456789012 元，1,234.00")).toEqual([])
  })

  it("reports a 14-digit timestamp only when labelled or the carrier is named", () => {
    expect(found("20190520195647")).toEqual([])
    expect(top("运单号 20190520195647")).toBe("zto")
    expect(top("中通 20190520195647")).toBe("zto")
  })

  it("drops numbers labelled as something else", () => {
    for (const label of ["订单号", "工单号", "电话", "手机", "客户编号", "身份证"])
      expect(found(`${label}：773277027280336`), label).toEqual([])
    expect(found("订单号 773277027280336 运单号 773277027280337")).toEqual(["773277027280337"])
  })

  it("uses the DOM label like a label in text", () => {
    expect(found("73610555582883", { label: "订单号" })).toEqual([])
    expect(found("230624798")).toEqual([])
    expect(found("230624798", { label: "运单号" })).toEqual(["230624798"])
    expect(top("444003077898", { label: "顺丰单号" })).toBe("sf")
  })

  it("ranks by the CRM carrier hint and by carriers named nearby", () => {
    expect(top("444003077898")).toBe("sf")
    expect(top("444003077898", { carrierHint: "安能物流" })).toBe("ane")
    expect(top("安能 444003077898")).toBe("ane")
    // The label of a previous number does not leak onto the next one.
    expect(detectWaybills("顺丰 SF1385628716739，安能 444003077898")[1].carriers[0].code).toBe("ane")
  })

  it("keeps look-alike prefixes apart: YT+16 is YunExpress, JD+16 is Yodel", () => {
    expect(top("YT2229521272164446")).toBe("yunexpress")
    expect(top("YT8962646785389")).toBe("yto")
    expect(top("JD0002242617644732")).toBe("yodel")
    expect(top("JDX024407261700")).toBe("jd")
  })

  it("never gives a bare digit number a near-certain carrier", () => {
    for (const m of detectWaybills("73610555582883 463431409940372 444003077898 1136281381675")) {
      expect(m.carriers[0].confidence).toBeLessThanOrEqual(0.75)
      expect(m.carriers.reduce((s, c) => s + c.confidence, 0)).toBeLessThanOrEqual(1)
    }
  })

  it("returns normalised numbers whose spans map back to the raw text", () => {
    const text = "ｓｆ１３８５６２８７１６７３９；jt5261988016578；DPK 2022 5261 2836"
    const ms = detectWaybills(text)
    expect(ms.map((m) => m.number)).toEqual(["SF1385628716739", "JT5261988016578", "DPK202252612836"])
    for (const m of ms) expect(normalizeWaybill(text.slice(m.start, m.end))).toBe(m.number)
  })
})
