// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import type { PageState } from "~lib/protocol/types"

import { byTestId, click, typeInto, waitFor } from "../component.test-helper"
import { openSidebar } from "./sidebar.test-helper"

const WAYBILL = "462598779470531"

function pageState(over: Partial<PageState> = {}): PageState {
  return {
    url: "https://crm.example.com/queue",
    title: "工单队列",
    candidates: [
      {
        number: WAYBILL,
        carriers: [{ code: "yunda", name: "韵达快递", confidence: 0.5, checked: false }],
        sources: ["text"],
        count: 1,
        label: "运单号",
      },
    ],
    current: WAYBILL,
    currentReason: "label",
    caseText: "快递卡在驿站好几天了不派送",
    facts: {
      fields: [
        ["收件人", "黄志刚"],
        ["客户姓名", "黄先生"],
        ["联系电话", "13305716284"],
        ["收件地址", "浙江省杭州市拱墅区湖墅南路 186 号"],
      ],
      track: [
        ["时间：2024-11-02 21:40:03", "物流详情：快件已到达【杭州转运中心】"],
        ["时间：2024-11-03 08:15:22", "物流详情：快件已到达【杭州拱墅湖墅营业部】，等待派送"],
      ],
    },
    item: "GD2024110601",
    scan: { nodes: 120, ms: 2, truncated: false },
    ...over,
  }
}

const value = (container: HTMLElement, id: string) => byTestId<HTMLInputElement>(container, id).value

describe("facts read from the page, in the sidebar", () => {
  it("shows them with the phone masked until asked, and prefills the empty fields of the form only", async () => {
    const { port, container, store } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(value(container, "handoff-customer-name")).toBe("黄先生"))
    expect(value(container, "handoff-customer-contact")).toBe("13305716284")
    expect(value(container, "handoff-actions")).toBe(
      "已查最新物流：2024-11-03 08:15:22 快件已到达【杭州拱墅湖墅营业部】，等待派送",
    )
    expect(byTestId(container, "fact-phone-value").textContent).toBe("133****6284")
    await click(byTestId(container, "fact-phone-toggle"))
    expect(byTestId(container, "fact-phone-value").textContent).toBe("13305716284")
    expect(byTestId(container, "fact-address").textContent).toContain("湖墅南路")

    // The agent's own value stays through later page states, even when the page's facts change.
    await typeInto(byTestId(container, "handoff-customer-name"), "黄志刚先生")
    const facts = pageState().facts!
    port.emit({
      type: "page-state",
      state: pageState({ facts: { ...facts, fields: [["客户姓名", "黄总"], ...facts.fields.slice(2)] } }),
    })
    await waitFor(() => expect(byTestId(container, "fact-name").textContent).toContain("黄总"))
    expect(value(container, "handoff-customer-name")).toBe("黄志刚先生")
    // Nothing is stored as a note or a case by itself.
    expect(await store.listNotes(WAYBILL)).toEqual([])
    expect(await store.getCase(WAYBILL)).toBeUndefined()
  })

  it("drops page states whose facts have the wrong shape or size", async () => {
    const { port, container } = await openSidebar()
    const long = "长".repeat(301)
    port.emit({
      type: "page-state",
      state: pageState({ facts: { fields: [["客户姓名", long]], track: [] } }),
    })
    port.emit({ type: "page-state", state: { ...pageState(), facts: { fields: [["a"]], track: [] } } })
    await waitFor(() => expect(byTestId(container, "waybill-empty")).toBeTruthy())
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "fact-name").textContent).toContain("黄先生"))
  })

  it("forgets the agent's picked number when another item opens in the reading pane", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "waybill-number").textContent).toBe(WAYBILL))
    await typeInto(byTestId(container, "waybill-input"), "YT7477226345628")
    await click(byTestId(container, "waybill-go"))
    await waitFor(() => expect(byTestId(container, "waybill-number").textContent).toBe("YT7477226345628"))
    port.emit({ type: "page-state", state: pageState({ item: "GD2024110603", current: "DPK202252612836" }) })
    await waitFor(() => expect(byTestId(container, "waybill-number").textContent).toBe("DPK202252612836"))
  })
})
