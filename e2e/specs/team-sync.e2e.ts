/**
 * Team server (issue 19) in real browsers: two agents' profiles against a CouchDB-protocol server the
 * spec starts on 127.0.0.1. A logs in once in Options and writes a handoff; B, who never opened that
 * ticket, types the waybill into the sidebar and sees A's handoff marked 团队. Every other spec runs
 * without a team server, and the harness fails any of them on a single network request.
 */
import { type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import {
  type ExtensionSession,
  openOptions,
  recordConsole,
  saveProfile,
  saveTeamKey,
  screenshot,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"
import { prepareServer, serverDocs } from "../../tests/team/harness"
import { startStandIn, type StandIn } from "../../tests/team/stand-in"

const POLL = { timeout: 30_000, interval: 300 }
const TEAM_KEY = "团队密钥-e2e-team-key-2026"
const LEGACY_WAYBILL = "SF1385628716739"

describe("team server: two agents' browsers", () => {
  let couch: StandIn
  let config: Awaited<ReturnType<typeof prepareServer>>
  let a: ExtensionSession
  let b: ExtensionSession

  // The team server first: the browsers may reach it (and only it).
  beforeAll(async () => {
    couch = await startStandIn()
    config = await prepareServer(couch, [
      { name: "A1024", roles: ["agent"] },
      { name: "B2048", roles: ["agent"] },
    ])
  })
  afterAll(async () => {
    await couch?.close()
  })
  const suite = extensionSuite({ browsers: 2, launch: () => ({ allowNetwork: [couch.url] }) })
  const { logs } = suite
  beforeAll(() => {
    ;[a, b] = suite.sessions
  })

  /** Profile, the test-only team setting (the admin's policy in production), then the Options login. */
  async function join(session: ExtensionSession, name: string, workId: string): Promise<Page> {
    const options = await openOptions(session)
    recordConsole(options, logs)
    await saveProfile(options, { name: name, workId: workId })
    // The team key (issue 12; the policy's teamKey in production): team handoffs are signed with it.
    await saveTeamKey(options, TEAM_KEY)
    const sw = await session.worker()
    await sw.evaluate((url) => chrome.storage.local.set({ e2eTeamServer: { url } }), couch.url)
    await options.reload()
    await options.getByTestId("team-login-form").waitFor({ timeout: 20_000 })
    expect(await options.getByTestId("team-user").inputValue()).toBe(workId)
    await options.getByTestId("team-password").fill(`${workId}-pw`)
    await options.getByTestId("team-login").click()
    await options.getByTestId("team-user-line").waitFor({ timeout: 20_000 })
    expect(await options.getByTestId("team-user-line").textContent()).toContain(workId)
    // The password is in no storage of the extension.
    const stored = await sw.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))
    expect(stored).not.toContain(`${workId}-pw`)
    return options
  }

  it("A's handoff reaches B's sidebar for the same waybill; B never opened A's ticket", async () => {
    const token = `团队交接-${Date.now().toString(36)}`
    const optionsA = await join(a, "李娜", "A1024")
    const optionsB = await join(b, "王强", "B2048")

    const pageA = await a.context.newPage()
    recordConsole(pageA, logs)
    await pageA.goto(suite.server.url("legacy-ticket.html"))
    const frameA = await sidebarFrame(pageA, a.extensionId)
    await expect.poll(() => sidebarText(pageA, a.extensionId, "waybill-number"), POLL).toBe(LEGACY_WAYBILL)
    const form = frameA.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill(`${token} 快件在营业点滞留三天`)
    await form.getByTestId("handoff-actions").fill("已联系营业点窗口")
    await form.getByTestId("handoff-promise").fill("今天 16:00 前回电")
    // A promise needs a callback time before the note is saved (issue 12).
    await form.getByTestId("callback-plus2h").click()
    await form.getByTestId("handoff-save").click()
    await frameA.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })

    // Sync now (the alarm would do it within a minute).
    await optionsA.bringToFront()
    await optionsA.reload()
    await optionsA.getByTestId("team-push").click()
    await expect
      .poll(
        async () =>
          (await serverDocs(couch, config.handoffsDb)).filter((d) => JSON.stringify(d).includes(token))
            .length,
        POLL,
      )
      .toBe(1)

    // B: another page of the CRM, the waybill typed into the sidebar.
    const pageB = await b.context.newPage()
    recordConsole(pageB, logs)
    await pageB.goto(suite.server.url("lookalikes.html"))
    const frameB = await sidebarFrame(pageB, b.extensionId)
    await frameB.getByTestId("waybill-input").fill(LEGACY_WAYBILL)
    await frameB.getByTestId("waybill-go").click()
    await expect.poll(() => sidebarText(pageB, b.extensionId, "waybill-number"), POLL).toBe(LEGACY_WAYBILL)
    const entry = frameB.getByTestId("team-entry").filter({ hasText: token })
    await entry.waitFor({ timeout: 30_000 })
    expect(await entry.getByTestId("team-badge").textContent()).toContain("团队")
    expect(await entry.textContent()).toContain("A1024")
    // Signed by A's worker as it left, verified in B's sidebar with the same marks as a ticket block.
    const [sent] = (await serverDocs(couch, config.handoffsDb)).filter((d) =>
      JSON.stringify(d).includes(token),
    )
    expect((sent as { sig?: string }).sig).toMatch(/^[0-9a-f]{32}$/)
    await expect.poll(() => entry.getAttribute("data-verification"), POLL).toBe("verified")
    expect(await entry.getByTestId("handoff-verified").count()).toBe(1)
    expect(await entry.getByTestId("handoff-unverified").count()).toBe(0)
    expect(await frameB.getByTestId("handoff-note").filter({ hasText: token }).count()).toBe(0) // not B's own
    await entry.scrollIntoViewIfNeeded()
    console.log(`screenshot: ${await screenshot(pageB, "team-handoff-in-colleague-sidebar")}`)

    expect(a.allowedRequests.some((u) => u.endsWith("/_bulk_docs"))).toBe(true)
    expect(b.allowedRequests.some((u) => u.includes("/_view/by-waybill"))).toBe(true)
    for (const p of [pageA, pageB, optionsA, optionsB]) await p.close()
  })
})
