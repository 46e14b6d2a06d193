import { describe, expect, it } from "vitest"

import {
  callbackFromPromise,
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

describe("callbackFromPromise", () => {
  // Friday 2026-12-04 10:17:20 local time.
  const now = at(2026, 12, 4, 10, 17, 20)
  const minute = at(2026, 12, 4, 10, 18)
  it.each([
    ["30分钟内回复您", minute + 30 * 60_000],
    ["我们会在2小时内给您答复", minute + 2 * 3_600_000],
    ["半小时内回电", minute + 30 * 60_000],
    ["一个半小时内回复", minute + 90 * 60_000],
    ["两个小时之内联系您", minute + 2 * 3_600_000],
    ["明天上午给您回复", at(2026, 12, 5, TOMORROW_MORNING.hour, TOMORROW_MORNING.minute)],
    ["明天下午回电", at(2026, 12, 5, 14, 0)],
    ["下午三点前回复您", at(2026, 12, 4, 15, 0)],
    ["今天18:00前联系您", at(2026, 12, 4, 18, 0)],
    ["今晚8点半前回电", at(2026, 12, 4, 20, 30)],
    ["上午10点前", at(2026, 12, 5, 10, 0)], // already past today: the next day
    ["后天中午12点", at(2026, 12, 6, 12, 0)],
    ["周一给您回复", at(2026, 12, 7, TOMORROW_MORNING.hour, TOMORROW_MORNING.minute)],
    ["3天内给您结果", at(2026, 12, 7, 10, 18)],
  ])("%s", (text, expected) => {
    expect(callbackFromPromise(text, now)).toBe(expected)
  })

  it.each(["稍后回复您", "我帮您问问", "有结果第一时间告知您", ""])("names no time: %j", (text) => {
    expect(callbackFromPromise(text, now)).toBeUndefined()
  })
})

describe("the company's opening time (admin policy business hours)", () => {
  const now = at(2026, 12, 4, 10, 17, 20)
  const opening = { hour: 8, minute: 0 }
  it("moves 明天上午 and the tomorrow-morning button to the opening time; other times stay", () => {
    expect(callbackFromPromise("明天上午给您回复", now, opening)).toBe(at(2026, 12, 5, 8, 0))
    expect(callbackFromPromise("周一给您回电", now, opening)).toBe(at(2026, 12, 7, 8, 0))
    expect(callbackFromPromise("明天下午回电", now, opening)).toBe(at(2026, 12, 5, 14, 0))
    expect(quickCallbackAt("tomorrowMorning", now, opening)).toBe(at(2026, 12, 5, 8, 0))
    expect(quickCallbackAt("plus2h", now, opening)).toBe(at(2026, 12, 4, 12, 18))
  })
})
