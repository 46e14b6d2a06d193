import { describe, expect, it } from "vitest"

import {
  hasSidebarHost,
  recordConsole,
  screenshot,
  sidebarCarriers,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }

const TICKETS = {
  101: { waybill: "73612208847516", carrier: "中通快递" },
  102: { waybill: "JT5287340062195", carrier: "极兔速递" },
  103: { waybill: "YT8903317254602", carrier: "圆通速递" },
} as const

describe("a single-page helpdesk that navigates with pushState and re-renders", () => {
  const suite = extensionSuite()
  const { logs } = suite

  it("follows client-side navigation through three tickets and back", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    const expectTicket = async (n: keyof typeof TICKETS) => {
      await expect.poll(() => page.url(), POLL).toBe(suite.server.url(`spa/ticket/${n}`))
      await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[n].waybill)
      await expect.poll(async () => (await sidebarCarriers(page, id))?.[0], POLL).toBe(TICKETS[n].carrier)
    }

    await page.goto(suite.server.url("spa/ticket/101"))
    await sidebarFrame(page, id)
    await expectTicket(101)
    // A full document load happened once; everything after is pushState / popstate.
    const navigations: string[] = []
    page.on("load", () => navigations.push(page.url()))

    await page.locator('a[data-ticket="102"]').click()
    await expectTicket(102)
    await page.locator('a[data-ticket="103"]').click()
    await expectTicket(103)
    console.log(`screenshot: ${await screenshot(page, "spa-ticket-103")}`)

    await page.goBack()
    await expectTicket(102)
    await page.goBack()
    await expectTicket(101)
    await page.goForward()
    await expectTicket(102)
    expect(navigations).toEqual([])
    expect(await hasSidebarHost(page)).toBe(true)
    await page.close()
  })

  it("keeps the same waybill, without flicker, while the app rebuilds the detail pane on its own", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("spa/ticket/102"))
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[102].waybill)

    // The agent starts a note; the app's re-renders must neither change the ticket nor lose the text.
    const draft = "客户称外箱压扁、两个玻璃杯碎了，已要求提供照片"
    await frame.getByTestId("handoff-problem").fill(draft)

    // Record every value the sidebar shows from now on (null = no number shown).
    await frame.evaluate(() => {
      const seen: (string | null)[] = []
      const read = () => document.querySelector('[data-testid="waybill-number"]')?.textContent?.trim() ?? null
      new MutationObserver(() => {
        const v = read()
        if (seen[seen.length - 1] !== v) seen.push(v)
      }).observe(document, { subtree: true, childList: true, characterData: true })
      Object.assign(window, { __seenWaybills: seen })
    })

    // Wait for two of the app's own re-renders (it replaces the whole detail pane every few seconds).
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => document.querySelector("main.detail")?.setAttribute("data-seen", "1"))
      await page.waitForFunction(
        () => document.querySelector("main.detail:not([data-seen])") !== null,
        null,
        {
          timeout: 15_000,
        },
      )
    }
    // One more round trip through the extension after the last re-render.
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[102].waybill)

    const seen = await frame.evaluate(
      () => (window as unknown as { __seenWaybills: (string | null)[] }).__seenWaybills,
    )
    expect(seen.filter((v) => v !== TICKETS[102].waybill)).toEqual([])
    expect(await hasSidebarHost(page)).toBe(true)
    expect((await sidebarCarriers(page, id))?.[0]).toBe(TICKETS[102].carrier)
    expect(await frame.getByTestId("handoff-problem").inputValue()).toBe(draft)
    await page.close()
  })

  it("keeps each ticket's unsaved note with its own waybill while the agent switches tickets", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("spa/ticket/101"))
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[101].waybill)
    const problem = () => sidebarText(page, id, "handoff-problem")
    const text101 = "金华转运中心三天未更新，客户要求核实"
    await frame.getByTestId("handoff-problem").fill(text101)

    await page.locator('a[data-ticket="103"]').click()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[103].waybill)
    await expect.poll(problem, POLL).toBe("")
    const text103 = "客户查询派送进度，已告知预计19点前送达"
    await frame.getByTestId("handoff-problem").fill(text103)

    await page.goBack()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[101].waybill)
    await expect.poll(problem, POLL).toBe(text101)
    await page.goForward()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[103].waybill)
    await expect.poll(problem, POLL).toBe(text103)
    await page.close()
  })

  it("re-reads the case type when the agent moves to another ticket", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("spa/ticket/102")) // 收到的箱子压坏了，里面杯子碎了 · 外包装破损
    await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(TICKETS[102].waybill)
    await expect.poll(() => sidebarText(page, id, "case-type"), POLL).toBe("破损")
    await page.locator('a[data-ticket="105"]').click() // 快递在网点放了好几天不派送 · 快件滞留
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("462817306655193")
    await expect.poll(() => sidebarText(page, id, "case-type"), POLL).toBe("滞留")
    await page.locator('a[data-ticket="104"]').click() // 买了三箱只到了两箱 · 少货
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("JDVC20771386405")
    await expect.poll(() => sidebarText(page, id, "case-type"), POLL).toBe("少货")
    await page.close()
  })
})
