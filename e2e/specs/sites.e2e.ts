import { type Page } from "playwright-core"
import { describe, expect, it } from "vitest"

import {
  hasSidebarHost,
  openOptions,
  openPopupFor,
  recordConsole,
  screenshot,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }

describe("turning the extension off and on for a CRM site", () => {
  const suite = extensionSuite()
  const { logs } = suite

  async function open(url: string): Promise<Page> {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    await page.goto(url)
    return page
  }

  it("the admin picks the waybill field on the page: Esc cancels, a click picks (the page never gets it), confirmed, saved and used", async () => {
    const page = await open(suite.server.url("ticket-wide.html"))
    await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("SF1385628716739")
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    const row = options.getByTestId("site-row").filter({ hasText: "127.0.0.1" })
    const status = row.getByTestId("site-pick-status")
    const picker = page.locator("[data-cs-sidekick-picker]")

    // Esc: nothing chosen, nothing changed.
    await row.getByTestId("site-pick").click()
    await expect.poll(() => status.getAttribute("data-state"), POLL).toBe("picking")
    await picker.waitFor({ state: "attached", timeout: 15_000 })
    await page.bringToFront()
    await page.keyboard.press("Escape")
    await expect.poll(() => status.getAttribute("data-state"), POLL).toBe("cancelled")
    expect(await picker.count()).toBe(0)
    expect(await row.getByTestId("site-selector").inputValue()).toBe("")

    // Pick the second parcel of the order: hover outlines, the click picks without reaching the page.
    await row.getByTestId("site-pick").click()
    await picker.waitFor({ state: "attached", timeout: 15_000 })
    await page.bringToFront()
    const field = page.locator("li", { hasText: "SF1533767748344" })
    await page.evaluate(() => {
      ;(window as { pageClicks?: number }).pageClicks = 0
      document.addEventListener("click", () => ((window as { pageClicks?: number }).pageClicks! += 1))
    })
    await field.hover()
    await field.click()
    expect(await page.evaluate(() => (window as { pageClicks?: number }).pageClicks)).toBe(0)
    await screenshot(page, "site-pick-chosen")
    // The chosen field stays highlighted until confirmed (Enter = 使用此字段).
    expect(await picker.count()).toBe(1)
    await page.keyboard.press("Enter")
    await expect.poll(() => status.getAttribute("data-state"), POLL).toBe("picked")
    expect(await status.textContent()).toContain("SF1533767748344")
    expect(await picker.count()).toBe(0)
    const selector = await row.getByTestId("site-selector").inputValue()
    // A robust selector: no generated ids, and it finds exactly that field.
    expect(selector).not.toMatch(/\d{4,}/)
    expect(
      await page.evaluate(
        (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent?.trim()),
        selector,
      ),
    ).toEqual(["SF1533767748344 · 同订单第 3 件"])

    await row.getByTestId("site-save").click()
    await expect.poll(() => row.getByTestId("site-status").textContent(), POLL).toMatch(/已保存|Saved/)
    // The pinned field now names the case's waybill in the sidebar.
    await page.reload()
    await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("SF1533767748344")

    // Clear the pin again for the other tests.
    await row.getByTestId("site-selector").fill("")
    await row.getByTestId("site-save").click()
    await expect.poll(() => row.getByTestId("site-status").textContent(), POLL).toMatch(/已保存|Saved/)
    await options.close()
    await page.close()
  })

  it("disabling the site in the options page removes the sidebar; the popup brings it back", async () => {
    const id = suite.session.extensionId
    const crm = await open(suite.server.url("legacy-ticket.html"))
    await sidebarFrame(crm, id)
    await expect.poll(() => sidebarText(crm, id, "waybill-number"), POLL).toBe("SF1385628716739")

    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    options.on("dialog", (d) => void d.accept())
    const row = options.getByTestId("site-row").filter({ hasText: "127.0.0.1" })
    await expect.poll(() => row.count(), POLL).toBe(1)
    await row.getByTestId("site-disable").click()
    await expect.poll(() => row.count(), POLL).toBe(0)

    // The open tab loses its sidebar without a reload…
    await expect.poll(() => hasSidebarHost(crm), POLL).toBe(false)
    // …and a reload does not bring it back. The same page on localhost (still enabled) shows the
    // sidebar: by then the extension has had its chance on the reloaded page too.
    await crm.reload()
    const control = await open(suite.server.url("legacy-ticket.html").replace("127.0.0.1", "localhost"))
    await sidebarFrame(control, id)
    await expect.poll(() => sidebarText(control, id, "waybill-number"), POLL).toBe("SF1385628716739")
    expect(await hasSidebarHost(crm)).toBe(false)
    await control.close()

    const popup = await openPopupFor(suite.session, crm)
    recordConsole(popup, logs)
    await popup.getByTestId("popup-enable").click()
    await expect.poll(() => hasSidebarHost(crm), POLL).toBe(true)
    await sidebarFrame(crm, id)
    await expect.poll(() => sidebarText(crm, id, "waybill-number"), POLL).toBe("SF1385628716739")
    expect(await popup.getByTestId("popup-disable").count()).toBe(1)
    await popup.close()
    await options.close()
    await crm.close()
  })
})
