/**
 * Notes survive an extension reload — what an update does to a running extension: the worker and
 * every extension page restart, the old content script is orphaned, the new one takes over.
 * `chrome.runtime.reload()` unloads a command-line-loaded extension for good under Playwright, so the
 * reload is done the way a developer or an admin does it: the reload button on chrome://extensions.
 */
import { type Frame, type Page } from "playwright-core"
import { describe, expect, it } from "vitest"

import { sidebarFrame, sidebarText } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }
const WAYBILL = "SF1385628716739"

describe("an extension reload", () => {
  const suite = extensionSuite()

  async function openTicket(): Promise<{ page: Page; frame: Frame }> {
    const page = await suite.open("legacy-ticket.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe(WAYBILL)
    return { page, frame }
  }

  async function reloadExtension(): Promise<void> {
    const sw = await suite.session.worker()
    // A mark that lives only as long as this worker instance: gone after a real reload.
    await sw.evaluate(() => {
      ;(globalThis as { __beforeReload?: boolean }).__beforeReload = true
    })
    const page = await suite.session.context.newPage()
    await page.goto("chrome://extensions/")
    const devMode = page.locator("#devMode")
    if ((await devMode.getAttribute("aria-pressed")) !== "true") await devMode.click()
    await page.locator(`extensions-item#${suite.session.extensionId}`).locator("#dev-reload-button").click()
    await expect
      .poll(async () => {
        const live = await suite.session.worker()
        return live
          .evaluate(() => (globalThis as { __beforeReload?: boolean }).__beforeReload === true)
          .catch(() => true)
      }, POLL)
      .toBe(false)
    await page.close()
  }

  it("keeps every note; the open ticket gets a working sidebar again without losing anything", async () => {
    const token = `重载前-${Date.now().toString(36)}`
    const { page, frame } = await openTicket()
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill(`${token} 快件滞留，客户要求今天送达`)
    await form.getByTestId("handoff-save").click()
    await frame.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })

    await reloadExtension()

    // The tab that was open gets a working sidebar again: a fresh content script replaces the orphan's
    // panel (whose frame the reload killed) with a new frame.
    await expect.poll(() => frame.isDetached(), POLL).toBe(true)
    const frameAfter = await sidebarFrame(page, suite.session.extensionId)
    expect(frameAfter).not.toBe(frame)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe(WAYBILL)
    await expect
      .poll(() => frameAfter.getByTestId("handoff-note").filter({ hasText: token }).count(), POLL)
      .toBe(1)
    // …exactly one panel, not the orphan's plus the new one's.
    expect(await page.locator('[data-testid="sidekick-sidebar"]').count()).toBe(1)
    // A newly opened ticket sees the note too.
    const fresh = await openTicket()
    await expect
      .poll(() => fresh.frame.getByTestId("handoff-note").filter({ hasText: token }).count(), POLL)
      .toBe(1)
    await fresh.page.close()
    await page.close()
  })
})
