import { describe, expect, it } from "vitest"

import { openOptions, recordConsole, screenshot, sidebarFrame, sidebarText, textOf } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }
const WAYBILL = "SF1385628716739"

describe("a third-party page that frames the sidebar", () => {
  const suite = extensionSuite()
  const { logs } = suite

  it("gets neither the agent's cases nor the page's waybill", async () => {
    const id = suite.session.extensionId
    const token = `机密交接-${Date.now().toString(36)}`

    // The agent has a case with a note on the CRM (127.0.0.1)…
    const crm = await suite.open("legacy-ticket.html")
    const frame = await sidebarFrame(crm, id)
    await expect.poll(() => sidebarText(crm, id, "waybill-number"), POLL).toBe(WAYBILL)
    await frame.getByTestId("handoff-problem").fill(`${token} 客户李建国 13957126688 投标文件`)
    await frame.getByTestId("handoff-save").click()
    await frame.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })

    // …and localhost is not one of the agent's CRM sites.
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    options.on("dialog", (d) => void d.accept())
    const row = options.getByTestId("site-row").filter({ hasText: "localhost" })
    await expect.poll(() => row.count(), POLL).toBe(1)
    await row.getByTestId("site-disable").click()
    await expect.poll(() => row.count(), POLL).toBe(0)
    await options.close()

    const evil = await suite.session.context.newPage()
    recordConsole(evil, logs)
    await evil.goto(`${suite.server.url("hostile-frame.html").replace("127.0.0.1", "localhost")}#${id}`)
    await evil.waitForFunction(
      () => (window as unknown as { __frameState: { loaded: boolean } }).__frameState.loaded,
    )
    const state = await evil.evaluate(
      () => (window as unknown as { __frameState: { readable: unknown } }).__frameState,
    )
    expect(state.readable).toBe(false) // cross-origin: the page cannot read the frame's DOM

    expect(await evil.getByTestId("sidekick-sidebar").count()).toBe(0) // localhost is not enabled

    const framed = await (await evil.locator("#widget").elementHandle())?.contentFrame()
    expect(framed).toBeTruthy()
    if (!framed!.url().startsWith("chrome-extension://")) {
      // Refused outright (the sidebar is web-accessible only through the dynamic URL).
      console.log(`hostile frame blocked: ${framed!.url()}`)
    } else {
      // The sidebar page loaded; it must refuse to serve this page.
      await expect
        .poll(
          () =>
            framed!
              .getByTestId("sidekick-sidebar-app")
              .getAttribute("data-connection", { timeout: 1_000 })
              .catch(() => null),
          POLL,
        )
        .toBe("not-allowed")
      const body = (await textOf(framed!.locator("body"))) ?? ""
      expect(body).not.toContain(token)
      expect(body).not.toContain(WAYBILL)
      expect(await framed!.getByTestId("handoff-note").count()).toBe(0)
      expect(await framed!.getByTestId("handoff-form").count()).toBe(0)
    }
    console.log(`screenshot: ${await screenshot(evil, "hostile-frame")}`)
    await evil.close()
    await crm.close()
  })
})
