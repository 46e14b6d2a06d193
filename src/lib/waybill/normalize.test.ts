import { describe, expect, it } from "vitest"

import { normalizeWaybill, toHalfWidth } from "./normalize"

describe("normalizeWaybill", () => {
  it.each([
    ["７３６１０５５５５８２８８３", "73610555582883"],
    ["ＳＦ１３８５６２８７１６７３９", "SF1385628716739"],
    ["sf1385628716739", "SF1385628716739"],
    ["SF 1385 6287 16739", "SF1385628716739"],
    ["7736-1055-5828-83", "77361055582883"],
    ["1Z\u00a05R8\u3000939－0357", "1Z5R89390357"],
    ["YT969＊＊＊＊639795", "YT969****639795"],
    ["  ea152563251cn ", "EA152563251CN"],
  ])("%s → %s", (raw, want) => {
    expect(normalizeWaybill(raw)).toBe(want)
  })

  it("maps the ideographic space and leaves CJK text alone", () => {
    expect(toHalfWidth("运单\u3000ＡＢ")).toBe("运单 AB")
  })
})
