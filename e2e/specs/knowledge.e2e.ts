/**
 * The 知识 tab through the real extension on a ticket whose customer asks about sending a power bank
 * (CKEditor 4 reply box): the battery card is suggested without a search, Insert puts its answer into
 * the reply box (asking first for the company value the built-in pack leaves unset), keyboard search
 * by pinyin initials inserts another card, an admin's pack imported in Options takes over, and the QA
 * review page lists the inserts per card.
 */
import { type Frame, type Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"

import { DEFAULT_KNOWLEDGE_PACK } from "~lib/knowledge/default-pack"

import { htmlToText } from "../editors/editor-page.test-helper"
import { openOptions, screenshot, sidebarFrame } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"
import { openReview } from "./qa-review.test-helper"

const POLL = { timeout: 15_000, interval: 100 }

describe("knowledge cards on a power-bank ticket", () => {
  const suite = extensionSuite()
  let page: Page
  let frame: Frame

  const reply = async () => htmlToText(String(await page.evaluate("CKEDITOR.instances.reply.getData()")))
  const clearReply = async () => {
    await page.evaluate("CKEDITOR.instances.reply.setData('')")
    await expect.poll(reply, POLL).toBe("")
  }
  const editorBody = () => page.frameLocator("iframe.cke_wysiwyg_frame").locator("body")

  beforeAll(async () => {
    page = await suite.open("ticket-power-bank.html")
    await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true)
    frame = await sidebarFrame(page, suite.session.extensionId)
  })

  it("suggests the battery card for the ticket without a search", async () => {
    await expect.poll(() => frame.getByTestId("knowledge-count").textContent(), POLL).toMatch(/^\d+$/)
    await frame.getByTestId("tab-knowledge").click()
    const suggested = frame.getByTestId("knowledge-suggested").getByTestId("knowledge-card")
    await expect.poll(() => suggested.first().getAttribute("data-card-id"), POLL).toBe("battery-power-bank")
    const card = suggested.first()
    expect(await card.getByTestId("knowledge-sources").textContent()).toContain(
      "《禁止寄递物品管理规定》第三条",
    )
    // The company rule is not set in the built-in pack: its typical range is shown.
    expect(await card.getByTestId("knowledge-unset").textContent()).toContain("管理员")
  })

  it("Insert puts the card's answer into the reply box", async () => {
    await editorBody().click()
    const card = frame.locator('[data-testid="knowledge-card"][data-card-id="battery-power-bank"]').first()
    await card.getByTestId("knowledge-insert").click()
    const form = card.getByTestId("knowledge-slot-form")
    await form.getByTestId("slot-input").fill("单独的充电宝暂不收寄，手机等设备内装的电池可以随设备寄递")
    await form.getByTestId("slot-submit").click()
    await expect
      .poll(reply, POLL)
      .toContain(
        "我们的收寄规定是：单独的充电宝暂不收寄，手机等设备内装的电池可以随设备寄递。寄件时请如实填写物品名称",
      )
    await frame.getByTestId("knowledge-notice").waitFor()
    console.log(`screenshot: ${await screenshot(page, "knowledge-sidebar")}`)
  })

  it("keyboard: search by pinyin initials, ↓ into the cards, Enter inserts", async () => {
    await clearReply()
    await editorBody().click()
    const search = frame.getByTestId("knowledge-search")
    await search.click()
    await search.fill("smj")
    const first = frame.getByTestId("knowledge-results").getByTestId("knowledge-card").first()
    await expect.poll(() => first.getAttribute("data-card-id"), POLL).toBe("real-name-inspection")
    await search.press("ArrowDown")
    await expect.poll(() => first.evaluate((el) => el === document.activeElement), POLL).toBe(true)
    await first.press("Enter")
    await expect.poll(reply, POLL).toContain("寄件实名登记和当面验视是国家《快递暂行条例》的要求")
  })

  it("an admin's pack imported in Options takes over: its value fills the card, no question asked", async () => {
    const pack = structuredClone(DEFAULT_KNOWLEDGE_PACK)
    pack.version = "shenghui-2026.12"
    pack.publisher = "盛辉物流"
    pack.values["充电宝收寄规则"].value = "充电宝只走陆运，单个不超过 100Wh"
    const options = await openOptions(suite.session)
    // A broken pack first: nothing is imported and the problem is located.
    const broken = structuredClone(pack) as unknown as { cards: { sources: unknown[] }[] }
    broken.cards[1].sources = []
    await options.getByTestId("knowledge-import").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    })
    await expect
      .poll(() => options.getByTestId("knowledge-import-problems").textContent(), POLL)
      .toContain("cards[1].sources")
    expect(await options.getByTestId("knowledge-in-use").textContent()).toContain(
      DEFAULT_KNOWLEDGE_PACK.version,
    )
    await options.getByTestId("knowledge-import").setInputFiles({
      name: "pack.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(pack)),
    })
    await expect
      .poll(() => options.getByTestId("knowledge-in-use").textContent(), POLL)
      .toContain("shenghui-2026.12")
    await options.close()

    // The reply still holds the last card's answer, which the tone model flags (a known gap: it reads
    // some of the pack's own regulation answers as refusals), so coming back to the CRM tab may have
    // opened 话术 (issue 14: findings in the reply box open it): the agent goes back to 知识.
    await frame.getByTestId("tab-knowledge").click()
    await expect
      .poll(() => frame.getByTestId("knowledge-pack-version").textContent(), POLL)
      .toContain("shenghui-2026.12")
    await clearReply()
    await editorBody().click()
    await frame.getByTestId("knowledge-search").fill("充电宝")
    const card = frame.getByTestId("knowledge-results").locator('[data-card-id="battery-power-bank"]')
    await card.getByTestId("knowledge-insert").click()
    await expect.poll(reply, POLL).toContain("我们的收寄规定是：充电宝只走陆运，单个不超过 100Wh。")
  })

  it("the QA review page lists the inserted card answers", async () => {
    const review = await openReview(suite.session)
    const row = review.locator('[data-testid="qa-knowledge-row"][data-card-id="battery-power-bank"]')
    await expect.poll(() => row.locator('[data-col="inserts"]').textContent(), POLL).toBe("2")
    expect(
      await review.locator('[data-testid="qa-knowledge-row"][data-card-id="real-name-inspection"]').count(),
    ).toBe(1)
    expect(await row.textContent()).toContain("shenghui-2026.12")
    await review.close()
  })
})
