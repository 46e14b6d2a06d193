/**
 * The escalation ladder through the real extension: the admin imports the contact directory in the
 * options page (preview, then confirm); the agent logs attempts in the sidebar and the level, the next
 * contacts and the handoff timeline follow.
 */
import { type Frame, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import {
  openOptions,
  recordConsole,
  REPO_DIR,
  screenshot,
  sidebarFrame,
  sidebarText,
  textOf,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 15_000, interval: 100 }
const WAYBILL = "SF1385628716739"

describe("escalation ladder", () => {
  const suite = extensionSuite()
  const { logs } = suite

  it("imports the directory in the options page after a preview (English and Chinese headers)", async () => {
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    const input = options.getByTestId("directory-import")

    await input.setInputFiles(`${REPO_DIR}samples/contacts-sample-en.csv`)
    await options.getByTestId("directory-preview").waitFor({ timeout: 15_000 })
    expect(await options.getByTestId("directory-preview-row").first().textContent()).toContain("Chen Xiaoyan")
    await options.getByTestId("directory-import-cancel").click()
    expect(await textOf(options.getByTestId("directory-count"))).toMatch(/\b0\b/)

    // Saved by Excel on Chinese Windows (GBK): read as GB18030, the encoding shown, columns one line each
    // even in a narrow window.
    await options.setViewportSize({ width: 640, height: 720 })
    await input.setInputFiles(`${REPO_DIR}samples/contacts-sample-gbk.csv`)
    await options.getByTestId("directory-preview").waitFor({ timeout: 15_000 })
    expect(await textOf(options.getByTestId("directory-encoding"))).toContain("GB18030")
    const row = options.getByTestId("directory-preview-row").first()
    expect(await row.textContent()).toContain("陈晓燕")
    // Line boxes of each cell's text: name, role and phone on one line each (the place column may wrap).
    const lines = await row.evaluate((tr) =>
      [...tr.querySelectorAll("td")].map((td) => {
        const range = document.createRange()
        range.selectNodeContents(td)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      }),
    )
    expect([lines[0], lines[1], lines[3]]).toEqual([1, 1, 1])
    await options.getByTestId("directory-import-cancel").click()

    await input.setInputFiles(`${REPO_DIR}samples/contacts-sample.csv`)
    await options.getByTestId("directory-preview").waitFor({ timeout: 15_000 })
    expect(await options.getByTestId("directory-preview-row").first().textContent()).toContain("陈晓燕")
    expect(await textOf(options.getByTestId("directory-encoding"))).toContain("UTF-8")
    await options.getByTestId("directory-import-confirm").click()
    await expect.poll(() => textOf(options.getByTestId("directory-count")), POLL).not.toMatch(/\b0\b/)

    // A file with a bad row imports nothing and names the row.
    await input.setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("姓名,角色\n张三,不存在的角色\n", "utf8"),
    })
    await expect.poll(() => textOf(options.getByTestId("directory-problems")), POLL).toContain("不存在的角色")
    expect(await options.getByTestId("directory-import-confirm").count()).toBe(0)
    await options.close()
  })

  describe("in the sidebar", () => {
    let page: Page
    let frame: Frame
    beforeAll(async () => {
      page = await suite.open("legacy-ticket.html")
      frame = await sidebarFrame(page, suite.session.extensionId)
    })
    afterAll(async () => {
      await page?.close()
    })

    const level = () => textOf(frame.getByTestId("escalation-level"))

    async function logAttempt(outcome: "reached" | "no_progress" | "no_answer", note: string) {
      const before = await frame.getByTestId("attempt-item").count()
      await frame.getByTestId("escalation-next-contact").first().getByTestId("escalation-log-this").click()
      expect(await frame.getByTestId("attempt-contact").inputValue()).not.toBe("")
      await frame.getByTestId("attempt-outcome").selectOption(outcome)
      await frame.getByTestId("attempt-note").fill(note)
      await frame.getByTestId("attempt-save").click()
      await expect.poll(() => frame.getByTestId("attempt-item").count(), POLL).toBe(before + 1)
    }

    it("a stranded-goods case is urgent, starts at level 1 and lists window staff with phone and hours", async () => {
      await expect
        .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
        .toBe(WAYBILL)
      await frame.getByTestId("tab-escalation").click()
      await frame.getByTestId("escalation-level").waitFor({ timeout: 15_000 })
      expect(await level()).toContain("第 1 级")
      await frame.getByTestId("escalation-urgent").waitFor({ timeout: 15_000 })
      const first = frame.getByTestId("escalation-next-contact").first()
      await first.waitFor({ timeout: 15_000 })
      expect(await textOf(first)).toMatch(/窗口人员|现场管理员/)
      expect(await textOf(first.getByTestId("contact-phone"))).toMatch(/\d{3,}/)
      expect(await first.getByTestId("contact-phone-copy").count()).toBe(1)
      expect(await first.getByTestId("contact-hours").count()).toBe(1)
      expect(await frame.getByTestId("escalation-since-last").count()).toBe(0)
    })

    it("two unanswered calls move the case up to level 2 with the reason and that step's script", async () => {
      await logAttempt("no_answer", "窗口电话无人接听")
      await frame.getByTestId("escalation-since-last").waitFor({ timeout: 15_000 })
      expect(await level()).toContain("第 1 级")
      await logAttempt("no_answer", "再次拨打仍无人接听")
      await expect.poll(level, POLL).toContain("第 2 级")
      expect(await frame.getByTestId("escalation-decision").textContent()).toContain("升级")
      expect(await textOf(frame.getByTestId("escalation-reason"))).toMatch(/\S/)
      expect(await textOf(frame.getByTestId("escalation-script"))).toMatch(/\S/)
      await expect
        .poll(() => textOf(frame.getByTestId("escalation-next-contact").first()), POLL)
        .toContain("相关公司客服")
      console.log(`screenshot: ${await screenshot(page, "escalation-level-2")}`)
    })

    it("a note that holds goods over internal fees gets the held-over-fees warning", async () => {
      await frame.getByTestId("attempt-note").fill("中转费没结清，货先扣着")
      await frame.getByTestId("attempt-rule10").waitFor({ timeout: 15_000 })
      await frame.getByTestId("attempt-note").fill("")
      expect(await frame.getByTestId("attempt-rule10").count()).toBe(0)
    })

    it("the attempts show in the handoff timeline", async () => {
      await frame.getByTestId("tab-handoff").click()
      await expect.poll(() => frame.getByTestId("timeline-attempt").count(), POLL).toBe(2)
      expect(await textOf(frame.getByTestId("timeline-attempt").first())).toContain("再次拨打仍无人接听")
    })
  })

  it("takes the case's branch from the page, ranks that branch's staff first, and lets the agent pick another from the directory", async () => {
    const page = await suite.open("ticket-wide.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe(WAYBILL)
    await frame.getByTestId("tab-escalation").click()
    const place = frame.getByTestId("case-place")
    // 责任网点：萧山网点 on the ticket → the directory's 杭州萧山网点 with its company and region.
    await expect
      .poll(() => textOf(frame.getByTestId("case-place-value")), POLL)
      .toBe("杭州萧山网点 · 杭州分公司 · 浙北片区")
    expect(await place.getAttribute("data-source")).toBe("page")
    expect(await textOf(frame.getByTestId("case-place-origin"))).toContain("页面")
    const firstContact = () => textOf(frame.getByTestId("escalation-next-contact").first())
    // (this waybill is at level 2 after the attempts above: the company's staff, Hangzhou's first)
    await expect.poll(firstContact, POLL).toContain("杭州分公司")
    // No "branch not filled" dead end.
    expect(await textOf(frame.getByTestId("escalation-advice"))).not.toContain("未填写涉及的网点")
    // The scripts' 【网点名称】 slot uses it.
    await frame.getByTestId("tab-phrasing").click()
    await expect
      .poll(() => textOf(frame.getByTestId("scripts-for-case").getByTestId("script-item").first()), POLL)
      .toContain("杭州萧山网点")
    await frame.getByTestId("tab-escalation").click()
    console.log(`screenshot: ${await screenshot(page, "escalation-place-from-page")}`)

    // The agent knows better: the parcel sits in Fuzhou. Picked from the directory, saved on the case.
    await frame.getByTestId("case-place-change").click()
    await frame
      .getByTestId("case-place-select")
      .selectOption({ label: "福州鼓楼网点 · 福州分公司 · 闽东片区" })
    await frame.getByTestId("case-place-save").click()
    await expect.poll(() => place.getAttribute("data-source"), POLL).toBe("stored")
    await expect.poll(() => textOf(frame.getByTestId("case-place-value")), POLL).toContain("福州鼓楼网点")
    await expect.poll(firstContact, POLL).toContain("福州分公司")
    // Kept over a reload (stored on the case, not re-read from the page).
    await page.reload()
    const again = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe(WAYBILL)
    await again.getByTestId("tab-escalation").click()
    await expect.poll(() => textOf(again.getByTestId("case-place-value")), POLL).toContain("福州鼓楼网点")
    console.log(`screenshot: ${await screenshot(page, "escalation-place-picked")}`)
    await page.close()
  })
})
