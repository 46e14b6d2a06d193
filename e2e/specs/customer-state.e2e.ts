/**
 * The customer's state through the real extension (issue 15): an angry customer's ticket — a threat
 * to complain to 12305, a third call, exclamation marks — shows the state next to the case type,
 * offers the de-escalation script first, and puts the escalation ladder on the urgent windows with
 * the reason shown. A calm ticket shows none of that.
 */
import { type Frame, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { screenshot, sidebarFrame, textOf } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 15_000, interval: 100 }

describe("the customer's state", () => {
  const suite = extensionSuite()

  describe("an angry customer's ticket", () => {
    let page: Page
    let frame: Frame
    beforeAll(async () => {
      page = await suite.open("angry-ticket.html")
      frame = await sidebarFrame(page, suite.session.extensionId)
    })
    afterAll(async () => {
      await page?.close()
    })

    it("shows the state, the threat and the repeat contact beside the case type", async () => {
      const state = frame.getByTestId("customer-state")
      await expect.poll(() => state.getAttribute("data-emotion"), POLL).toBe("angry")
      expect(await state.getAttribute("data-repeat")).toBe("true")
      expect((await state.getAttribute("data-threats"))?.split(",")).toEqual(
        expect.arrayContaining(["postal", "review"]),
      )
      expect(await textOf(frame.getByTestId("customer-threat"))).toContain("12305")
      expect(await textOf(frame.getByTestId("customer-evidence"))).toContain("第三次")
      // The case type is read from the same ticket (a delay), and the customer makes it urgent.
      expect(await frame.getByTestId("case-type").inputValue()).toBe("延误")
      await frame.getByTestId("case-urgent").waitFor()
      await frame.getByTestId("case-urgent-reason").waitFor()
      await screenshot(page, "customer-state-angry")
    })

    it("offers the de-escalation script first and inserts it into the reply box", async () => {
      await frame.getByTestId("open-deescalation").click()
      const first = frame.getByTestId("scripts-first")
      await first.waitFor(POLL)
      const ids = await first
        .getByTestId("script-item")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-script-id")))
      expect(ids).toEqual(["de-escalate", "apology", "supervisor-handover"])
      const all = await frame
        .getByTestId("script-item")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-script-id")))
      expect(all[0]).toBe("de-escalate")

      await page.locator("#reply").click()
      await expect
        .poll(() => frame.getByTestId("phrasing-panel").getAttribute("data-editor-kind"), POLL)
        .toBeTruthy()
      const script = frame.locator('[data-script-id="de-escalate"]')
      await script.getByTestId("script-insert").click()
      // The reply time is the agent's to give: the script asks for it before inserting.
      const form = script.getByTestId("script-slot-form")
      await form.locator('[data-slot="回复时间"]').fill("今天17点")
      await form.locator('[data-slot="回复时间"]').press("Enter")
      await expect.poll(() => page.locator("#reply").inputValue(), POLL).toContain("我听得出来您现在非常生气")
      expect(await page.locator("#reply").inputValue()).toContain("今天17点前给您一个明确的答复")
    })

    it("moves the escalation ladder to the urgent windows and says why", async () => {
      await frame.getByTestId("tab-escalation").click()
      await frame.getByTestId("escalation-urgent").waitFor(POLL)
      const panel = await textOf(frame.getByTestId("escalation-panel"))
      expect(panel).toContain("12305")
      expect(panel).toContain("重复来电")
    })
  })

  it("a calm ticket shows a calm customer and no de-escalation", async () => {
    const page = await suite.open("legacy-ticket.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    const state = frame.getByTestId("customer-state")
    // The legacy ticket's note says the customer is "比较着急": anxious, not angry.
    await expect.poll(() => state.getAttribute("data-emotion"), POLL).toBe("anxious")
    expect(await frame.getByTestId("customer-deescalate").count()).toBe(0)
    await frame.getByTestId("tab-phrasing").click()
    await frame.getByTestId("phrasing-panel").waitFor(POLL)
    expect(await frame.getByTestId("scripts-first").count()).toBe(0)
    await page.close()
  })
})
