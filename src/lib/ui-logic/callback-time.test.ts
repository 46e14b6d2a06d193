import { describe, expect, it } from "vitest"

import {
  spokenTime,
  formatDateTime,
  fromLocalInputValue,
  quickCallbackAt,
  toLocalInputValue,
  TOMORROW_MORNING,
} from "./callback-time"

// Local-time constructors keep these tests independent of the machine's time zone.
const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s).getTime()

describe("datetime-local values", () => {
  it("round-trips minutes", () => {
    const ms = at(2026, 11, 22, 15, 30)
    expect(toLocalInputValue(ms)).toBe("2026-11-22T15:30")
    expect(fromLocalInputValue("2026-11-22T15:30")).toBe(ms)
  })

  it("pads single digits", () => {
    expect(toLocalInputValue(at(2027, 1, 2, 3, 4))).toBe("2027-01-02T03:04")
    expect(formatDateTime(at(2027, 1, 2, 3, 4))).toBe("2027-01-02 03:04")
  })

  it.each(["", "tomorrow", "2026-02-30T10:00", "2026-13-01T10:00", "2026-11-22T24:00", "2026-11-22 10:00"])(
    "rejects %j",
    (value) => {
      expect(fromLocalInputValue(value)).toBeUndefined()
    },
  )

  it("accepts seconds", () => {
    expect(fromLocalInputValue("2026-11-22T15:30:15")).toBe(at(2026, 11, 22, 15, 30, 15))
  })
})

describe("quick callback buttons", () => {
  const now = at(2026, 11, 22, 14, 7, 20)

  it("+30 minutes from the next whole minute", () => {
    expect(quickCallbackAt("plus30m", now)).toBe(at(2026, 11, 22, 14, 38))
  })

  it("+2 hours", () => {
    expect(quickCallbackAt("plus2h", now)).toBe(at(2026, 11, 22, 16, 8))
  })

  it("on a whole minute adds exactly the interval", () => {
    expect(quickCallbackAt("plus30m", at(2026, 11, 22, 14, 0))).toBe(at(2026, 11, 22, 14, 30))
  })

  it("tomorrow morning, across a month and a year end", () => {
    const { hour, minute } = TOMORROW_MORNING
    expect(quickCallbackAt("tomorrowMorning", now)).toBe(at(2026, 11, 23, hour, minute))
    expect(quickCallbackAt("tomorrowMorning", at(2026, 12, 31, 23, 59))).toBe(at(2027, 1, 1, hour, minute))
    expect(quickCallbackAt("tomorrowMorning", at(2026, 11, 22, 0, 5))).toBe(at(2026, 11, 23, hour, minute))
  })

  it("every quick time shows in the field exactly as stored", () => {
    for (const kind of ["plus30m", "plus2h", "tomorrowMorning"] as const) {
      const ms = quickCallbackAt(kind, now)
      expect(fromLocalInputValue(toLocalInputValue(ms))).toBe(ms)
    }
  })
})

describe("spokenTime", () => {
  const now = new Date(2026, 10, 22, 15, 0).getTime()
  it.each([
    [new Date(2026, 10, 22, 18, 0), "今天18:00"],
    [new Date(2026, 10, 23, 9, 30), "明天09:30"],
    [new Date(2026, 10, 24, 10, 5), "11月24日10:05"],
    [new Date(2026, 11, 1, 0, 0), "12月1日00:00"],
  ])("%s → %s", (d, text) => {
    expect(spokenTime(d.getTime(), now)).toBe(text)
  })
})
