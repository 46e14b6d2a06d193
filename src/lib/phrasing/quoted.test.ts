import { describe, expect, it } from "vitest"

import { maskQuoted, mergeRanges, quotedRanges } from "./quoted"

const quotedText = (text: string) => quotedRanges(text).map((r) => text.slice(r.start, r.end))

describe("quotedRanges", () => {
  it("finds '> ' lines above or below the agent's text", () => {
    const text = "> 请尽快处理，不然投诉\n> 谢谢\n\n您好，已为您加急。"
    expect(quotedText(text)).toEqual(["> 请尽快处理，不然投诉\n> 谢谢\n"])
    const below = "您好，已为您加急。\n\n＞ 请尽快处理"
    expect(quotedText(below)).toEqual(["＞ 请尽快处理"])
  })

  it.each([
    "在 2026年12月3日 14:02，张三 <zhang@example.com> 写道：",
    "于2026-12-03 14:02:11，客户 写道:",
    "On Wed, Dec 3, 2026 at 2:02 PM Zhang San <zhang@example.com> wrote:",
    "-----原始邮件-----",
    "------------------ 原始邮件 ------------------",
    "-----Original Message-----",
  ])("quotes from the header %s to the end", (header) => {
    const text = `您好，快件明天送达。\n\n${header}\n请尽快处理，不行我就投诉。`
    const [range] = quotedRanges(text)
    expect(text.slice(range.start)).toBe(`${header}\n请尽快处理，不行我就投诉。`)
    expect(range.end).toBe(text.length)
  })

  it("quotes an Outlook header block and a wrapped Gmail attribution", () => {
    const outlook =
      "已处理。\n发件人: 张三 <z@example.com>\n发送时间: 2026年12月3日 14:02\n主题: 投诉\n快点送！"
    expect(quotedText(outlook)).toEqual([outlook.slice(outlook.indexOf("发件人"))])
    const gmail = "Done.\nOn Wed, Dec 3, 2026 at 2:02 PM Zhang San <z@example.com>\nwrote:\n> 不行就退"
    expect(quotedText(gmail)[0].startsWith("On Wed")).toBe(true)
  })

  it("leaves the agent's own words alone", () => {
    expect(quotedRanges("您好，我在2026年写道：这是规定。\n发件人请您联系网点。")).toEqual([])
    expect(quotedRanges("价格 > 100 元的需要保价")).toEqual([])
  })

  it("masks quoted units with newlines, keeping offsets", () => {
    const text = "好的\n> 不行\n谢谢"
    const masked = maskQuoted(text, quotedRanges(text))
    expect(masked.length).toBe(text.length)
    expect(masked).toBe("好的\n\n\n\n\n\n谢谢")
    expect(
      mergeRanges([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 2, end: 6 },
      ]),
    ).toEqual([{ start: 0, end: 9 }])
  })
})
