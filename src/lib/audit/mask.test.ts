import { describe, expect, it } from "vitest"

import { maskDigits, maskForAudit, waybillsToKeep } from "./mask"

describe("maskDigits", () => {
  it.each([
    ["mobile", "请拨打13812345678联系", "请拨打138****5678联系"],
    ["mobile with spaces", "138 1234 5678", "138 **** 5678"],
    ["mobile with hyphens", "138-1234-5678", "138-****-5678"],
    ["ID card with X", "11010519491231002X", "110***********002X"],
    ["ID card lower-case x", "11010519491231002x", "110***********002x"],
    ["landline", "电话 87654321", "电话 87****21"],
    ["full-width digits", "１３８１２３４５６７８", "１３８****５６７８"],
    ["bank card", "6222021234567890123", "622************0123"],
  ])("masks a %s", (_name, input, expected) => {
    expect(maskDigits(input)).toBe(expected)
  })

  it.each([
    ["short numbers", "3件，重5公斤，等10分钟，订单123456"],
    ["no digits", "很抱歉给您带来不便"],
    ["empty", ""],
  ])("leaves %s alone", (_name, input) => {
    expect(maskDigits(input)).toBe(input)
  })

  it("never changes the length", () => {
    const s = "电话13812345678，身份证11010519491231002X，座机010-87654321"
    expect(maskDigits(s)).toHaveLength(s.length)
  })

  it("keeps numbers that are part of a kept waybill, even cut off at an excerpt's edge", () => {
    expect(maskDigits("SF1234567890123", ["SF1234567890123"])).toBe("SF1234567890123")
    expect(maskDigits("…567890123 到了", ["SF1234567890123"])).toBe("…567890123 到了")
    expect(maskDigits("13812345678", ["SF1234567890123"])).toBe("138****5678")
  })
})

describe("waybillsToKeep / maskForAudit", () => {
  it("keeps detected waybills and the case's own, masks the phone next to them", () => {
    const text = "运单号 SF1234567890123，收件人电话 13812345678"
    expect(waybillsToKeep(text)).toContain("SF1234567890123")
    expect(maskForAudit(text)).toBe("运单号 SF1234567890123，收件人电话 138****5678")
  })

  it("keeps the case waybill given by the sidebar even where the detector is unsure", () => {
    expect(maskForAudit("单号 7700112233445", "单号 7700112233445", "7700112233445")).toBe(
      "单号 7700112233445",
    )
    expect(maskForAudit("编号 7700112233445566", "编号 7700112233445566")).toBe("编号 770*********5566")
  })

  it("never keeps a phone or an ID card even when labelled as a number", () => {
    expect(maskForAudit("运单号13812345678")).toBe("运单号138****5678")
  })

  it("masks pure-digit numbers that are not the case's waybill: a phone glued to digits looks like one", () => {
    // 15 digits the detector ranks as a possible waybill, with a mobile number inside it.
    expect(maskForAudit("又不是我的错138123456785678")).toBe("又不是我的错138********5678")
    expect(maskForAudit("中通 73612208847516 已签收")).toBe("中通 736*******7516 已签收")
  })
})
