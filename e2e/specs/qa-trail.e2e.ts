/**
 * From typing in a CRM reply box to the QA review page, through the real extension: the sidebar's
 * phrasing panel shows findings, the agent applies one, reports one as wrong, leaves one and "sends"
 * (the chat box clears); the review page then lists exactly those events, masked, with the agent,
 * site, waybill and phrasebook version.
 */
import { type Frame, type Page } from "playwright-core"
import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"

import { openOptions, saveProfile, sidebarFrame } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"
import { openReview } from "./qa-review.test-helper"

const POLL = { timeout: 15_000, interval: 100 }

describe("typing → audit events → review page", () => {
  const suite = extensionSuite()
  let page: Page
  let frame: Frame

  it("records shown, applied, wrong and ignored while the agent works", async () => {
    const options = await openOptions(suite.session)
    await saveProfile(options, { name: "李娜", workId: "A1024" })
    await options.close()

    page = await suite.open("editors/textarea.html")
    await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true)
    frame = await sidebarFrame(page, suite.session.extensionId)
    await frame.getByTestId("tab-phrasing").click()
    await frame.getByTestId("phrasing-panel").waitFor()

    await page.locator("#reply").click()
    await page.keyboard.type("您好，这个不行，电话13812345678。又不是我的错")
    await expect.poll(() => frame.getByTestId("phrasing-finding").count(), POLL).toBe(2)

    // Apply the first replacement of "这个不行".
    const buxing = frame.locator('[data-testid="phrasing-finding"][data-rule-id="refusal-buxing"]')
    const replacement = DEFAULT_PHRASEBOOK.rules.find((r) => r.id === "refusal-buxing")!.replacements[0]
    await buxing.getByTestId("phrasing-replacement").filter({ hasText: replacement }).click()
    await expect.poll(() => page.locator("#reply").inputValue(), POLL).not.toContain("这个不行")

    // Report the blame-shifting one as wrong, with a reason.
    const blame = frame.locator('[data-testid="phrasing-finding"][data-rule-id="blame-bushi-wo-cuo"]')
    await blame.getByTestId("phrasing-wrong").click()
    await frame.getByTestId("phrasing-wrong-reason").fill("引用客户原话")
    await frame.getByTestId("phrasing-wrong-submit").click()

    // A third finding the agent leaves in, then the reply is sent and the box clears.
    await page.locator("#reply").click()
    await page.keyboard.press("End")
    await page.keyboard.type("，你去找快递公司")
    await frame
      .locator('[data-testid="phrasing-finding"][data-rule-id="blame-qu-zhao-gongsi"]')
      .waitFor({ timeout: 15_000 })
    await page.click("#send")
    await page.locator("#reply").fill("")
    await frame.getByTestId("phrasing-clean").or(frame.getByTestId("phrasing-no-editor")).first().waitFor()

    const review = await openReview(suite.session)
    const rows = review.getByTestId("qa-event-row")
    const read = () =>
      rows.evaluateAll((els) =>
        els.map((e) => `${e.getAttribute("data-outcome") ?? ""}:${e.getAttribute("data-rule-id") ?? ""}`),
      )
    await expect
      .poll(async () => (await read()).sort(), POLL)
      .toEqual(
        [
          "shown:refusal-buxing",
          "applied:refusal-buxing",
          "shown:blame-bushi-wo-cuo",
          "wrong:blame-bushi-wo-cuo",
          "shown:blame-qu-zhao-gongsi",
          "ignored:blame-qu-zhao-gongsi",
        ].sort(),
      )
    const body = (await review.locator("main").textContent()) ?? ""
    expect(body).toContain("李娜")
    expect(body).toContain("A1024")
    expect(body).toContain("SF1234567890123")
    expect(body).toContain(new URL(suite.server.url("")).origin)
    expect(body).toContain(DEFAULT_PHRASEBOOK.version)
    expect(body).toContain("引用客户原话")
    expect(body).toContain(replacement)
    // The customer's phone is masked in what QA sees.
    expect(body).not.toContain("13812345678")
    expect(body).toContain("138****5678")

    // Per-rule numbers follow: buxing applied once out of one shown.
    const buxingRow = review.locator('[data-testid="qa-rule-row"][data-rule-id="refusal-buxing"]')
    await expect(buxingRow.locator('[data-col="applied-rate"]').textContent()).resolves.toBe("100%")
    const blameRow = review.locator('[data-testid="qa-rule-row"][data-rule-id="blame-bushi-wo-cuo"]')
    await expect(blameRow.locator('[data-col="wrong"]').textContent()).resolves.toBe("1")
    await review.close()
  })

  it("apply then the CRM's undo counts as reverted, not applied; a reply cleared to retype is discarded, not ignored", async () => {
    const fix = DEFAULT_PHRASEBOOK.rules.find((r) => r.id === "refusal-meibanfa")!.replacements[0]
    await page.locator("#reply").click()
    await page.keyboard.press("Control+a")
    await page.keyboard.press("Delete")
    await page.keyboard.type("这个没办法")
    const finding = frame.locator('[data-testid="phrasing-finding"][data-rule-id="refusal-meibanfa"]')
    await finding.getByTestId("phrasing-replacement").filter({ hasText: fix }).click()
    await expect.poll(() => page.locator("#reply").inputValue(), POLL).toBe(fix)
    // Ctrl+Z in the CRM's reply box: the blunt words are back.
    await page.locator("#reply").press("Control+z")
    await expect.poll(() => page.locator("#reply").inputValue(), POLL).toBe("这个没办法")
    await finding.waitFor({ timeout: 15_000 })
    // The agent clears the box and writes a new reply, then sends that one.
    await page.keyboard.press("Control+a")
    await page.keyboard.press("Delete")
    await page.keyboard.type("您好，我马上帮您查一下")
    await frame.getByTestId("phrasing-clean").waitFor({ timeout: 15_000 })
    await page.click("#send")
    await page.locator("#reply").fill("")

    const review = await openReview(suite.session)
    const rows = review.locator('[data-testid="qa-event-row"][data-rule-id="refusal-meibanfa"]')
    const read = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-outcome") ?? ""))
    await expect
      .poll(async () => (await read()).sort(), POLL)
      .toEqual(["applied", "discarded", "reverted", "shown"])
    const row = review.locator('[data-testid="qa-rule-row"][data-rule-id="refusal-meibanfa"]')
    // Applied then undone: not counted as applied; thrown away: not "sent without fixing".
    await expect(row.locator('[data-col="applied-rate"]').textContent()).resolves.toBe("0%")
    await expect(row.locator('[data-col="reverted"]').textContent()).resolves.toBe("1")
    await expect(row.locator('[data-col="ignored-rate"]').textContent()).resolves.toBe("0%")
    await review.screenshot({ path: "/work/wt/shots/h14p/qa-reverted-discarded.png", fullPage: true })
    await review.close()
  })
})
