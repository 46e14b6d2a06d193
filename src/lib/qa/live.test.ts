import { describe, expect, it } from "vitest"

import { quotedRanges } from "../phrasing/quoted"
import { agentReplyText, openChecklistItems } from "./live"
import type { Turn } from "./types"

const C = (text: string): Turn => ({ role: "customer", text })
const A = (text: string): Turn => ({ role: "agent", text })

describe("openChecklistItems", () => {
  it("asks a deferral without a time for one, with the time sentence", () => {
    const open = openChecklistItems([C("理赔怎么样了")], "需要联系理赔部核实，我帮您查一下。")
    const d = open.find((o) => o.id === "deferral")
    expect(d?.missing).toEqual(["time"])
    expect(d?.insert).toBe("我会在{回复时间}前给您答复。")
    expect(d?.at).toBe("caret")
  })

  it("closes the item once the draft has the time", () => {
    const open = openChecklistItems(
      [C("理赔怎么样了")],
      "需要联系理赔部核实，我帮您查一下，今天18点前回复您。",
    )
    expect(open.map((o) => o.id)).not.toContain("deferral")
  })

  it("offers the disclaimer after an estimate", () => {
    const open = openChecklistItems([C("几天到")], "估计后天能到吧")
    expect(open.find((o) => o.id === "eta-disclaimer")?.insert).toBe("时效仅供参考，具体以实际运输情况为准。")
  })

  it("asks for an apology first with an upset customer, inserted at the start", () => {
    const open = openChecklistItems([A("您好，盛辉物流客服"), C("都五天了还没到！！")], "因为中转站积压。")
    const a = open.find((o) => o.id === "apology-first")
    expect(a?.at).toBe("start")
    expect(a?.insert).toContain("抱歉")
  })

  it("offers the greeting script for a first reply, and nothing for what past turns decided", () => {
    expect(openChecklistItems([], "请问有什么可以帮您？", { companyName: "盛辉物流" })[0]).toMatchObject({
      id: "greeting",
      scriptId: "greeting",
    })
    const later = openChecklistItems([A("在的"), C("几点")], "好的", { companyName: "盛辉物流" })
    expect(later.map((o) => o.id)).not.toContain("greeting")
  })

  it("has nothing open for an empty draft", () => {
    expect(openChecklistItems([C("都五天了！！")], "  ")).toEqual([])
  })
})

describe("agentReplyText", () => {
  it("drops quoted e-mail history and > lines", () => {
    expect(agentReplyText("您好，已为您处理。\n> 我的件呢\n谢谢")).toBe("您好，已为您处理。\n谢谢")
    expect(agentReplyText("您好，已处理。\n\n-----原始邮件-----\n发件人: 客户\n太慢了")).toBe(
      "您好，已处理。",
    )
    expect(agentReplyText("Done.\nOn Mon, 1 Dec 2026 someone wrote:\n> x")).toBe("Done.")
  })

  it("cuts exactly what the phrasing check treats as quoted (one detector): Outlook blocks, full-width ＞", () => {
    const samples = [
      "您好，已处理。\n发件人：客户 <a@b.com>\n发送时间：2026年12月3日 14:02\n主题：快件\n太慢了",
      "好的\n＞ 我的件呢\n稍后回复您",
      "收到\n---转发邮件---\n原文",
      "On Wed, 3 Dec 2026, Zhang <a@b.com>\nwrote:\n> 不行",
    ]
    for (const text of samples) {
      const quoted = quotedRanges(text)
      expect(quoted.length).toBeGreaterThan(0)
      const own = agentReplyText(text)
      for (const r of quoted) expect(own).not.toContain(text.slice(r.start, r.end).trim())
    }
    expect(agentReplyText(samples[0])).toBe("您好，已处理。")
    expect(agentReplyText(samples[1])).toBe("好的\n稍后回复您")
  })
})

describe("examples as text", () => {
  it("round-trips every built-in item's examples", async () => {
    const { DEFAULT_CHECKLIST } = await import("./default-checklist")
    const { examplesToText, textToExamples } = await import("./examples")
    for (const item of DEFAULT_CHECKLIST.items) {
      for (const list of [item.examples.pass, item.examples.fail]) {
        const back = textToExamples(examplesToText(list))
        expect(back).toEqual(JSON.parse(JSON.stringify(list)))
      }
    }
  })
})
