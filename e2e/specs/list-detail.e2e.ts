import type { Frame, Page } from "playwright-core"
import { describe, expect, it } from "vitest"

import {
  currentSidebarFrame,
  recordConsole,
  screenshot,
  sidebarCarriers,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }

interface Item {
  waybill: string
  carrier: string
  type: string
}

// The three-pane mailbox: row index → the message the preview iframe shows.
const MAIL: Record<number, Item> = {
  0: { waybill: "JT5261988016578", carrier: "极兔速递", type: "滞留" },
  1: { waybill: "YT7460266600081", carrier: "圆通速递", type: "破损" },
  3: { waybill: "73610555582883", carrier: "中通快递", type: "少货" },
  4: { waybill: "SF1533767748344", carrier: "顺丰速运", type: "延误" },
  6: { waybill: "JDVA11408814483", carrier: "京东物流", type: "丢失" },
}

// The ticket queue: row id → the ticket the reading pane shows.
const QUEUE: Record<string, Item> = {
  GD2024110601: { waybill: "462598779470531", carrier: "韵达快递", type: "滞留" },
  GD2024110602: { waybill: "JDVC14065102105", carrier: "京东物流", type: "破损" },
  GD2024110603: { waybill: "DPK202252612836", carrier: "德邦快递", type: "少货" },
  GD2024110604: { waybill: "773170861031705", carrier: "申通快递", type: "丢失" },
  GD2024110605: { waybill: "YT7477226345628", carrier: "圆通速递", type: "延误" },
}

async function caseType(page: Page, id: string): Promise<string | null> {
  const frame = currentSidebarFrame(page, id)
  if (!frame) return null
  try {
    return await frame.getByTestId("case-type").inputValue({ timeout: 2_000 })
  } catch {
    return null
  }
}

/** The sidebar's candidate numbers (the current one and the others on the page). */
async function candidates(frame: Frame): Promise<string[]> {
  const others = frame.getByTestId("waybill-others-toggle")
  if ((await others.count()) > 0 && (await others.getAttribute("aria-expanded")) === "false")
    await others.click()
  const toggle = frame.getByTestId("waybill-candidates-toggle")
  if ((await toggle.count()) > 0 && (await toggle.getAttribute("aria-expanded")) === "false")
    await toggle.click()
  return frame
    .getByTestId("waybill-candidate")
    .evaluateAll((els) => els.map((e) => (e.getAttribute("data-number") ?? e.textContent ?? "").trim()))
}

describe("list-and-detail layouts: the case is the item open in the reading pane", () => {
  const suite = extensionSuite()
  const { logs } = suite

  const expectItem = async (page: Page, item: Item) => {
    const id = suite.session.extensionId
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(item.waybill)
    await expect.poll(async () => (await sidebarCarriers(page, id))?.[0], POLL).toBe(item.carrier)
    await expect.poll(() => caseType(page, id), POLL).toBe(item.type)
  }

  it("three-pane mailbox: the message in the preview iframe, not the subjects in the list", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("mail/index.html"))
    const frame = await sidebarFrame(page, id)
    // Nothing open yet: the list's numbers are other messages', none is the case.
    await expect.poll(() => frame.getByTestId("waybill-empty").count(), POLL).toBe(1)

    const url = page.url()
    for (const row of [3, 0, 6, 1, 4, 0]) {
      await page.locator(".msg-row").nth(row).click()
      await expectItem(page, MAIL[row])
    }
    expect(page.url()).toBe(url) // the app never navigated: only the preview frame did
    // The list's numbers are offered as other numbers.
    const listed = await candidates(frame)
    expect(listed).not.toContain(MAIL[0].waybill)
    expect(listed).toContain("YT7460266600081")

    // A notification without a message body: no number of the list becomes the case.
    await page.locator(".msg-row").nth(5).click()
    await expect.poll(() => frame.getByTestId("waybill-empty").count(), POLL).toBe(1)
    console.log(`screenshot: ${await screenshot(page, "list-detail-mail")}`)

    // The agent's own pick lasts for the message it was made on only.
    await page.locator(".msg-row").nth(4).click()
    await expectItem(page, MAIL[4])
    await frame.getByTestId("waybill-input").fill("YT7477226345628")
    await frame.getByTestId("waybill-go").click()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("YT7477226345628")
    await page.locator(".msg-row").nth(3).click()
    await expectItem(page, MAIL[3])
    await page.close()
  })

  it("ticket queue with a reading pane: the open ticket, not the queue's 运单号 column", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("queue/index.html"))
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => frame.getByTestId("waybill-empty").count(), POLL).toBe(1)
    for (const ticket of [
      "GD2024110603",
      "GD2024110601",
      "GD2024110605",
      "GD2024110602",
      "GD2024110604",
      "GD2024110603",
    ]) {
      await page.locator(`tr[data-id="${ticket}"]`).click()
      await expectItem(page, QUEUE[ticket])
    }
    console.log(`screenshot: ${await screenshot(page, "list-detail-queue")}`)
    await page.close()
  })
})
