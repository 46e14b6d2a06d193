import { describe, expect, it } from "vitest"

import { cleanLabel, labelFromFieldName, labelKind } from "./labels"

describe("labels", () => {
  it.each([
    ["运单号：", "waybill"],
    ["快递单号", "waybill"],
    ["Tracking No.", "waybill"],
    ["订单号", "other-number"],
    ["联系电话", "other-number"],
    ["备注", "neutral"],
    ["", "neutral"],
  ] as const)("%s is %s", (label, kind) => {
    expect(labelKind(label)).toBe(kind)
  })

  it("turns waybill field names into a waybill label", () => {
    for (const n of ["mailNo", "waybillNo", "waybill_no", "trackingNumber", "expressNo"])
      expect(labelKind(labelFromFieldName(n))).toBe("waybill")
    expect(labelFromFieldName("orderNo")).toBe("")
    expect(labelFromFieldName("phone")).toBe("")
  })

  it("cleans labels", () => {
    expect(cleanLabel("  运单号 ：\n")).toBe("运单号")
    expect(cleanLabel("* 快递单号*")).toBe("快递单号")
    expect(cleanLabel("x".repeat(200))).toHaveLength(80)
  })
})
