import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import {
  type ExtensionSession,
  hasSidebarHost,
  launchExtension,
  recordConsole,
  screenshot,
  sidebarCarriers,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { type FixtureServer, startFixtureServer } from "../server"

const POLL = { timeout: 20_000, interval: 200 }

describe("the sidebar finds the current waybill on each CRM fixture", () => {
  let server: FixtureServer
  let session: ExtensionSession
  const logs: string[] = []

  beforeAll(async () => {
    server = await startFixtureServer()
    session = await launchExtension()
  })
  beforeEach(({ onTestFailed }) => {
    logs.length = 0
    onTestFailed(() => console.log([...session.logs, ...logs].join("\n")))
  })
  afterAll(async () => {
    await session?.close()
    await server?.close()
  })

  async function open(path: string) {
    const page = await session.context.newPage()
    recordConsole(page, logs)
    await page.goto(server.url(path))
    return page
  }

  const cases = [
    {
      name: "legacy-ticket",
      path: "legacy-ticket.html",
      waybill: "SF1385628716739",
      carrier: "顺丰速运",
      why: "the 运单号 field of a server-rendered ticket with 2,000 history rows",
    },
    {
      name: "lookalikes",
      path: "lookalikes.html",
      waybill: "YT8827361045592",
      carrier: "圆通速递",
      why: "the labelled 运单号 among phones, order numbers, an ID card, timestamps and a waybill in prose",
    },
    {
      name: "iframes",
      path: "iframes.html",
      waybill: "DPK302758164093",
      carrier: "德邦快递",
      why: "a waybill that lives only inside a same-origin iframe",
    },
  ]

  for (const c of cases) {
    it(`${c.name}: ${c.why}`, async () => {
      const page = await open(c.path)
      await expect.poll(() => hasSidebarHost(page), POLL).toBe(true)
      await sidebarFrame(page, session.extensionId)
      await expect.poll(() => sidebarText(page, session.extensionId, "waybill-number"), POLL).toBe(c.waybill)
      await expect
        .poll(async () => (await sidebarCarriers(page, session.extensionId))?.[0], POLL)
        .toBe(c.carrier)
      console.log(`screenshot: ${await screenshot(page, c.name)}`)
      await page.close()
    })
  }

  it("legacy-ticket: a ticket about 快件滞留 is classed as 滞留", async () => {
    const page = await open("legacy-ticket.html")
    await sidebarFrame(page, session.extensionId)
    await expect
      .poll(() => sidebarText(page, session.extensionId, "waybill-number"), POLL)
      .toBe("SF1385628716739")
    await expect.poll(() => sidebarText(page, session.extensionId, "case-type"), POLL).toBe("滞留")
    await page.close()
  })

  it("iframes: a ticket whose 问题类型 is 外包装破损 is classed as 破损", async () => {
    const page = await open("iframes.html")
    await sidebarFrame(page, session.extensionId)
    await expect
      .poll(() => sidebarText(page, session.extensionId, "waybill-number"), POLL)
      .toBe("DPK302758164093")
    await expect.poll(() => sidebarText(page, session.extensionId, "case-type"), POLL).toBe("破损")
    await page.close()
  })

  it("the sidebar appears on the SPA and on the demo home page too", async () => {
    for (const [name, path] of [
      ["spa", "spa/ticket/101"],
      ["home", "index.html"],
    ] as const) {
      const page = await open(path)
      await expect.poll(() => hasSidebarHost(page), POLL).toBe(true)
      await sidebarFrame(page, session.extensionId)
      await expect
        .poll(() => sidebarText(page, session.extensionId, "sidekick-sidebar-app"), POLL)
        .not.toBeNull()
      console.log(`screenshot: ${await screenshot(page, name)}`)
      await page.close()
    }
  })
})
