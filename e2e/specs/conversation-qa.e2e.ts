/**
 * Issue 17 through the real extension: a deferral typed without a reply time → the live checklist
 * asks for one and inserts it into the CRM's box; the CRM's send → the conversation record holds the
 * reply and the customer's turn; the review page shows the conversation's scorecard.
 */
import { beforeAll, describe, expect, it } from "vitest"
import type { Frame, Page } from "playwright-core"

import { recordConsole, screenshot, sidebarFrame } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 15_000, interval: 100 }
const DRAFT = "您好，盛辉物流客服。需要联系理赔部核实，我帮您查一下，"
const TIME_SENTENCE = "我会在今天18点前给您答复。"

const suite = extensionSuite()
const { logs } = suite
let page: Page
let frame: Frame

beforeAll(async () => {
  page = await suite.open("editors/chat.html")
  await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true)
  frame = await sidebarFrame(page, suite.session.extensionId)
  await frame.getByTestId("tab-phrasing").click()
  await frame.getByTestId("checklist-panel").waitFor()
})

describe("conversation QA in the real extension", () => {
  it("a deferral without a time: the checklist asks for one and inserts it", async () => {
    await page.locator("#reply").click()
    await page.keyboard.type(DRAFT)
    const item = frame.locator('[data-testid=checklist-open][data-item="deferral"]')
    await item.waitFor({ timeout: 15_000 })
    expect(await item.getAttribute("data-missing")).toBe("time")
    await expect.poll(() => frame.getByTestId("tab-phrasing-count").textContent(), POLL).toMatch(/^[1-9]/)
    await item.getByTestId("checklist-insert").click()
    await frame.getByTestId("checklist-slot-form").getByTestId("slot-input").fill("今天18点")
    await frame.getByTestId("checklist-slot-form").getByTestId("slot-submit").click()
    await expect.poll(() => page.locator("#reply").inputValue(), POLL).toBe(DRAFT + TIME_SENTENCE)
    // The reply now gives a reason and a time: the item is closed.
    await expect
      .poll(() => frame.locator('[data-testid=checklist-open][data-item="deferral"]').count(), POLL)
      .toBe(0)
  })

  it("sending the reply: the record holds it, with the customer's turn", async () => {
    await page.click("#send")
    await expect.poll(() => page.locator("#reply").inputValue(), POLL).toBe("")
    await expect
      .poll(() => frame.getByTestId("checklist-panel").getAttribute("data-recorded"), POLL)
      .toBe("1")
    await screenshot(page, "conversation-qa-sidebar")
  })

  it("the review page shows the conversation's scorecard", async () => {
    const review = await suite.session.context.newPage()
    recordConsole(review, logs)
    await review.goto(`chrome-extension://${suite.session.extensionId}/tabs/review.html`)
    const row = review.getByTestId("conv-row")
    await row.first().waitFor({ timeout: 15_000 })
    expect(await row.count()).toBe(1)
    await row.getByTestId("conv-open").click()
    const card = review.getByTestId("conv-scorecard")
    await card.waitFor()
    const outcome = (id: string) =>
      card.locator(`[data-testid=conv-item][data-item="${id}"]`).getAttribute("data-outcome")
    expect(await outcome("deferral")).toBe("pass")
    expect(await outcome("greeting")).toBe("pass")
    expect(await outcome("no-blunt")).toBe("pass")
    const turns = await card.getByTestId("conv-turn").allTextContents()
    expect(turns).toHaveLength(2)
    expect(turns[0]).toContain("你好，我的理赔申请怎么样了？")
    expect(turns[1]).toContain(DRAFT + TIME_SENTENCE)
    expect(await card.getByTestId("conv-evidence").count()).toBeGreaterThan(0)
    await screenshot(review, "conversation-qa-review")
    await review.close()
  })
})
