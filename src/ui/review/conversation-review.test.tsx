// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { allByTestId, byTestId, click, testRepositories, waitFor } from "../component.test-helper"
import { openReview } from "./review.test-helper"

const NOW = Date.now()
const HOUR = 3_600_000
const site = "https://crm.example.com"

async function setup() {
  const repos = testRepositories()
  const store = repos.conversations
  const send = (workId: string, page: string, text: string, customer: string[], at: number) =>
    store.recordSent({
      site,
      page,
      waybill: "SF1234567890",
      agent: { workId, name: `客服${workId}`, company: "盛辉物流" },
      text,
      customer,
      at,
      via: "click",
    })
  await send(
    "1024",
    `${site}/t/1`,
    "您好，盛辉物流客服，工号1024，很高兴为您服务。",
    ["你好"],
    NOW - 3 * HOUR,
  )
  await send(
    "1024",
    `${site}/t/1`,
    "预计3天送达，时效仅供参考，具体以实际运输情况为准。还有其他可以帮您的吗？",
    ["几天能到"],
    NOW - 3 * HOUR + 60_000,
  )
  await send(
    "1024",
    `${site}/t/1`,
    "感谢您的来电，祝您生活愉快，再见。",
    ["没有了"],
    NOW - 3 * HOUR + 120_000,
  )
  await send(
    "2048",
    `${site}/t/2`,
    "因为中转站积压，估计后天能到吧",
    ['都五天了还没到！！<img src=x onerror="alert(1)">'],
    NOW - 2 * HOUR,
  )
  const view = await openReview({ repos, now: () => NOW })
  return view.container
}

describe("conversation QA view", () => {
  it("rates per agent and per item, drills down, and shows a scorecard with its evidence marked", async () => {
    const c = await setup()
    await waitFor(() => expect(allByTestId(c, "conv-agent-row")).toHaveLength(2))
    const rate = (agent: string) =>
      c.querySelector(`[data-testid=conv-agent-row][data-agent="${agent}"] [data-col=rate]`)!.textContent
    expect(rate("1024")).toBe("100%")
    // 2048 passes only no-blunt: the missing transit disclaimer is the eta item's failure, not a
    // phrasing finding (phrasebook 2026.12.1), so it is not counted twice.
    expect(rate("2048")).toBe("14.3%")
    const eta = c.querySelector('[data-testid=conv-item-row][data-item="eta-disclaimer"]')!
    expect(eta.querySelector("[data-col=rate]")!.textContent).toBe("50%")

    await click(eta.querySelector<HTMLElement>("[data-testid=conv-drill-item]")!)
    await waitFor(() => expect(allByTestId(c, "conv-row")).toHaveLength(1))
    await click(byTestId(c, "conv-open"))
    const card = await waitFor(() => byTestId(c, "conv-scorecard"))
    const outcome = (id: string) =>
      card.querySelector(`[data-testid=conv-item][data-item="${id}"]`)!.getAttribute("data-outcome")
    expect(outcome("apology-first")).toBe("fail")
    expect(outcome("eta-disclaimer")).toBe("fail")
    const marks = allByTestId(card, "conv-evidence").map((m) => m.textContent)
    expect(marks.some((m) => m?.includes("后天"))).toBe(true)
    // The customer's text is shown as text, never parsed as markup.
    expect(card.querySelector("img")).toBeNull()
    expect(card.textContent).toContain('<img src=x onerror="alert(1)">')

    await click(byTestId(c, "conv-back"))
    await click(byTestId(c, "conv-clear-drill"))
    await waitFor(() => expect(allByTestId(c, "conv-row")).toHaveLength(2))
  })
})
