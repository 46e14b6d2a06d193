import { describe, expect, it } from "vitest"

import { detectPromise } from "./promise"

describe("detectPromise", () => {
  it.each([
    ["好的，我这边核实后稍后回复您", "稍后回复您", undefined],
    ["您别着急，我帮您问问网点", "我帮您问问", undefined],
    ["这件事我再跟进一下", "我再跟进", undefined],
    ["我们会在今天18点之前回复您", "今天18点之前回复您", "今天18点"],
    ["2小时内给您答复", "2小时内给您答复", "2小时内"],
    ["有结果第一时间给您回复", "有结果第一时间给您回复", undefined],
  ])("finds the promise in %s", (text, phrase, time) => {
    const hit = detectPromise(text)
    expect(hit?.phrase).toBe(phrase)
    expect(hit && text.slice(hit.start, hit.end)).toBe(phrase)
    expect(hit?.time).toBe(time)
  })

  it.each(["您好，请问有什么可以帮您？", "已经为您催促网点派送", "感谢您的来电，再见。", ""])(
    "finds nothing in %s",
    (text) => {
      expect(detectPromise(text)).toBeNull()
    },
  )

  it("returns the earliest promise when there are several", () => {
    expect(detectPromise("我帮您问问，稍后回复您")?.phrase).toBe("我帮您问问")
  })
})

describe("promises that name a day or use Chinese numerals (issue 12)", () => {
  it.each([
    ["好的，明天上午给您回复", "明天上午"],
    ["我们会在下午三点前回复您", "下午三点"],
    ["半小时内回电", "半小时内"],
    ["周一前答复您", "周一"],
  ])("%s", (text, time) => {
    const hit = detectPromise(text)
    expect(hit).not.toBeNull()
    expect(hit!.time).toBe(time)
  })
})
