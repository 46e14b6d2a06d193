import { type Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import {
  type ExtensionSession,
  hasSidebarHost,
  launchExtension,
  openOptions,
  openPopupFor,
  recordConsole,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { type FixtureServer, startFixtureServer } from "../server"

const POLL = { timeout: 20_000, interval: 200 }

describe("turning the extension off and on for a CRM site", () => {
  let server: FixtureServer
  let session: ExtensionSession
  const logs: string[] = []

  beforeAll(async () => {
    server = await startFixtureServer()
    session = await launchExtension()
  })
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log([...session.logs, ...logs].join("\n")))
  })
  afterAll(async () => {
    await session?.close()
    await server?.close()
  })

  async function open(url: string): Promise<Page> {
    const page = await session.context.newPage()
    recordConsole(page, logs)
    await page.goto(url)
    return page
  }

  it("disabling the site in the options page removes the sidebar; the popup brings it back", async () => {
    const id = session.extensionId
    const crm = await open(server.url("legacy-ticket.html"))
    await sidebarFrame(crm, id)
    await expect.poll(() => sidebarText(crm, id, "waybill-number"), POLL).toBe("SF1385628716739")

    const options = await openOptions(session)
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
    const control = await open(server.url("legacy-ticket.html").replace("127.0.0.1", "localhost"))
    await sidebarFrame(control, id)
    await expect.poll(() => sidebarText(control, id, "waybill-number"), POLL).toBe("SF1385628716739")
    expect(await hasSidebarHost(crm)).toBe(false)
    await control.close()

    const popup = await openPopupFor(session, crm)
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
