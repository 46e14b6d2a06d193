import { describe, expect, it } from "vitest"

import { isStableToken, selectorCandidates, type NodeInfo } from "./selector"

const esc = (s: string) => s.replace(/([^\w-])/g, "\\$1")
const n = (tag: string, nth = 1, more: Partial<NodeInfo> = {}): NodeInfo => ({ tag, nth, ...more })

describe("isStableToken", () => {
  it("keeps readable ids and names", () => {
    for (const v of ["waybill", "ticket-waybill-no", "mailNo", "order_info", "f1", "td-2"])
      expect(isStableToken(v), v).toBe(true)
  })
  it("drops generated ones: long digit runs, hashes, framework prefixes, spaces", () => {
    for (const v of [
      "ext-comp-1043",
      "ext-gen23",
      "ember512",
      ":r1:",
      "react-select-3-input",
      "mui-12",
      "el-id-4821-7",
      "j_id_7a",
      "field12345",
      "a3f9c2d1e8",
      "input-9f8e7d6c",
      "x-auto-12",
      "waybill no",
      "",
      undefined,
    ])
      expect(isStableToken(v), String(v)).toBe(false)
  })
})

describe("selectorCandidates", () => {
  it("prefers a stable id, then the form name, then a naming attribute, then the labelled position", () => {
    const target = n("input", 2, { id: "mailNo", name: "waybill", attrs: { "data-field": "waybill" } })
    expect(selectorCandidates(target, [n("div", 3, { id: "ticket-info" }), n("body")], esc)).toEqual([
      "#mailNo",
      'input[name="waybill"]',
      'input[data-field="waybill"]',
      "#ticket-info > input:nth-of-type(2)",
    ])
  })
  it("skips a generated id and anchors the position on the nearest stable ancestor", () => {
    const target = n("td", 2, { id: "ext-gen1043" })
    const ancestors = [
      n("tr", 1),
      n("tbody", 1),
      n("table", 1, { id: "grid-884213" }),
      n("div", 2, { id: "ticket" }),
      n("body"),
    ]
    expect(selectorCandidates(target, ancestors, esc)).toEqual([
      "#ticket > table:nth-of-type(1) > tbody:nth-of-type(1) > tr:nth-of-type(1) > td:nth-of-type(2)",
    ])
  })
  it("falls back to a path from <body>, and quotes attribute values safely", () => {
    const target = n("span", 1, { attrs: { "aria-label": '运单 "号"' } })
    expect(selectorCandidates(target, [n("div", 4), n("body")], esc)).toEqual([
      'span[aria-label="运单 \\"号\\""]',
      "body > div:nth-of-type(4) > span:nth-of-type(1)",
    ])
  })
})
