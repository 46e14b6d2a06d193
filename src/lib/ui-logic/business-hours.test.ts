import { describe, expect, it } from "vitest"

import { openingTime, outsideBusinessHours, parseBusinessHours } from "./business-hours"

describe("business hours", () => {
  it.each([
    ["09:00-21:00", { open: 540, close: 1260 }],
    ["9:00～18:30", { open: 540, close: 1110 }],
    ["周一至周日 08:30 至 20:00", { open: 510, close: 1200 }],
    ["00:00-24:00", { open: 0, close: 1440 }],
  ])("parses %s", (text, hours) => {
    expect(parseBusinessHours(text)).toEqual(hours)
  })

  it.each([undefined, "", "全天", "21:00-09:00", "25:00-26:00", "9点到18点"])("no range in %s", (text) => {
    expect(parseBusinessHours(text)).toBeNull()
  })

  it("tells a time outside the hours (local time)", () => {
    const hours = { open: 540, close: 1260 }
    const at = (h: number, m = 0) => new Date(2026, 11, 4, h, m).getTime()
    expect(outsideBusinessHours(at(8, 59), hours)).toBe(true)
    expect(outsideBusinessHours(at(9, 0), hours)).toBe(false)
    expect(outsideBusinessHours(at(20, 59), hours)).toBe(false)
    expect(outsideBusinessHours(at(21, 0), hours)).toBe(true)
  })
})

describe("openingTime", () => {
  it("is the start of the business hours, or undefined without them", () => {
    expect(openingTime(parseBusinessHours("08:30-21:00"))).toEqual({ hour: 8, minute: 30 })
    expect(openingTime(parseBusinessHours(undefined))).toBeUndefined()
  })
})
