import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { changedRange } from "./changed-range"

describe("changedRange", () => {
  it("leaves the common prefix and suffix out", () => {
    expect(changedRange("不行，你去找网点", "抱歉，您可以联系网点")).toEqual({
      start: 0,
      end: 6,
      text: "抱歉，您可以联系",
    })
    expect(changedRange("abc", "abc")).toEqual({ start: 3, end: 3, text: "" })
    expect(changedRange("abc", "abXc")).toEqual({ start: 2, end: 2, text: "X" })
    expect(changedRange("aaa", "aa")).toEqual({ start: 2, end: 3, text: "" })
  })

  it("replacing before's range with the text gives after (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (before, after) => {
        const c = changedRange(before, after)
        expect(c.start).toBeLessThanOrEqual(c.end)
        expect(before.slice(0, c.start) + c.text + before.slice(c.end)).toBe(after)
      }),
    )
  })
})
