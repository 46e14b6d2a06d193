/**
 * Handoffs that travel through the CRM's own ticket (issue 12), in two browser profiles: agent A
 * writes a handoff into the internal comment page (CKEditor 4) and submits it with the CRM's button;
 * agent B, on another "PC", opens the ticket and sees it verified with its callback, takes it over;
 * A reopens the ticket and sees it taken over, with A's reminder dropped. And a handoff never lands in
 * a customer-facing box without the agent's explicit choice.
 */
import { type Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"

import {
  type ExtensionSession,
  openOptions,
  recordConsole,
  saveProfile,
  saveTeamKey,
  screenshot,
  SCREENSHOTS_DIR,
  sidebarFrame,
  sidebarText,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"
import { cleanContent, renderBlock } from "~lib/handoff/block"
import { noteToBlock } from "~lib/handoff/note"
import { signBlock } from "~lib/handoff/sign"

import { plainToHtml, TicketDesk } from "../ticket-desk"

const POLL = { timeout: 20_000, interval: 200 }
/** Screenshots for the closing note (HANDOFF_SHOTS_DIR), else with the other e2e screenshots. */
const SHOTS = process.env.HANDOFF_SHOTS_DIR ?? SCREENSHOTS_DIR
const TEAM_KEY = "顺丰华东客服组-2026-交接密钥"
const WAYBILL = "SF1385628716739"
const GUARD_WAYBILL = "YT8827361045592"
const SPA_WAYBILL = "JT0012345678901"
const FOLDED_WAYBILL = "SF1533908826714"

async function setUp(session: ExtensionSession, name: string, workId: string, logs: string[]) {
  const options = await openOptions(session)
  recordConsole(options, logs)
  await saveProfile(options, { name: name, workId: workId })
  await saveTeamKey(options, TEAM_KEY)
  // The admin names the internal comment page and the SPA's "内部备注" toggle for this site.
  const row = options.getByTestId("site-row").first()
  await row.getByTestId("site-internal-url").fill("/desk/ticket/*/note")
  await row.getByTestId("site-internal-toggle").fill("#mode-internal")
  await row.getByTestId("site-save").click()
  await row.getByTestId("site-status").waitFor({ timeout: 15_000 })
  await options.close()
}

describe("handoffs through the ticket", () => {
  const desk = new TicketDesk()
  desk.add("T1001", WAYBILL, "张先生")
  desk.add("T1002", GUARD_WAYBILL, "李女士")
  desk.add("T1003", SPA_WAYBILL, "王先生", 4)
  desk.add("T1004", FOLDED_WAYBILL, "赵女士", 3)
  // Two agents' browsers on one helpdesk.
  const suite = extensionSuite({ browsers: 2, server: { desk } })
  const { logs } = suite
  let a: ExtensionSession
  let b: ExtensionSession

  beforeAll(async () => {
    ;[a, b] = suite.sessions
    await setUp(a, "李四", "A123", logs)
    await setUp(b, "王五", "B456", logs)
  }, 120_000)

  async function open(session: ExtensionSession, path: string, waybill: string) {
    const page = await suite.open(path, session)
    const frame = await sidebarFrame(page, session.extensionId)
    await expect.poll(() => sidebarText(page, session.extensionId, "waybill-number"), POLL).toBe(waybill)
    return { page, frame }
  }

  async function ckeditorReady(page: Page) {
    await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true)
  }

  it("A posts a signed handoff into the internal note; B sees it verified, takes it over; A sees it taken over", async () => {
    // --- A writes the handoff on the internal comment page and posts it.
    const A = await open(a, "/desk/ticket/T1001/note", WAYBILL)
    await ckeditorReady(A.page)
    const form = A.frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-customer-name").fill("张先生")
    await form.getByTestId("handoff-problem").fill("快件显示已签收，客户称未收到；已与客户确认地址无误")
    await form.getByTestId("handoff-actions").fill("已联系朝阳网点核实派件记录 & 签收底单")
    await form.getByTestId("handoff-contacted").fill("朝阳网点 王站长 010-12345678：答应今天回复")
    await form.getByTestId("handoff-promise").fill("30分钟内回复您")
    await form.getByTestId("handoff-next-step").fill("等网点回复后回电客户")
    await form.getByTestId("handoff-handed-to").fill("下一班")
    // The agent is in the CRM's internal note box (CKEditor 4's iframe).
    await A.page.frameLocator("iframe.cke_wysiwyg_frame").locator("body").click()
    await form.getByTestId("handoff-post").click()
    // A promise without a callback time asks for one; the promise's own wording gives it (+30 min).
    const ask = A.frame.locator('[data-problem="promiseNoCallback"]')
    await ask.waitFor({ timeout: 15_000 })
    const before = Date.now()
    await ask.getByTestId("handoff-callback-from-promise").click()
    const value = await form.getByTestId("handoff-callback").inputValue()
    const [d, t] = value.split("T")
    const [y, mo, da] = d!.split("-").map(Number)
    const [h, mi] = t!.split(":").map(Number)
    const due = new Date(y!, mo! - 1, da!, h!, mi!).getTime()
    expect(due - before).toBeGreaterThanOrEqual(29 * 60_000)
    expect(due - before).toBeLessThanOrEqual(31 * 60_000)
    // Handed to 下一班: no reminder on A's machine unless asked. A asks for one too.
    await form.getByTestId("handoff-remind-me").check()
    await A.page.frameLocator("iframe.cke_wysiwyg_frame").locator("body").click()
    await form.getByTestId("handoff-post").click()
    await A.frame.getByTestId("handoff-posted").waitFor({ timeout: 15_000 })
    const alarmsOf = (s: ExtensionSession) =>
      s
        .worker()
        .then((w) =>
          w.evaluate(
            async () => (await chrome.alarms.getAll()).filter((x) => x.name.startsWith("callback:")).length,
          ),
        )
    await expect.poll(() => alarmsOf(a), POLL).toBeGreaterThan(0)
    // In the internal box, not sent: the agent submits with the CRM's own button.
    const inEditor = await A.page.evaluate(() =>
      (
        window as unknown as { CKEDITOR: { instances: Record<string, { getData(): string }> } }
      ).CKEDITOR.instances["internal-note"]!.getData(),
    )
    // CKEditor's own HTML (it writes "·" as &middot;): the CRM stores and renders that.
    expect(inEditor).toMatch(/【客服助手(?:·|&middot;)交接单】/)
    expect(inEditor).toContain("CSK1 k=h")
    expect(desk.tickets.get("T1001")!.comments.some((c) => c.html.includes("客服助手"))).toBe(false)
    await screenshot(A.page, "a-post", SHOTS)
    await Promise.all([A.page.waitForURL(/\/desk\/ticket\/T1001$/), A.page.click("#save-note")])
    expect(desk.tickets.get("T1001")!.comments.at(-1)!.internal).toBe(true)
    const Aframe = await sidebarFrame(A.page, a.extensionId)
    // A's own note and its copy in the ticket are one entry, from both sources.
    const own = Aframe.locator('[data-testid="handoff-note"][data-source="local ticket"]')
    await own.waitFor({ timeout: 20_000 })
    expect(await own.getAttribute("data-verification")).toBe("verified")
    await screenshot(A.page, "a-ticket-after-submit", SHOTS)
    await A.page.close()

    // --- B, another profile, opens the ticket.
    const B = await open(b, "/desk/ticket/T1001/note", WAYBILL)
    await ckeditorReady(B.page)
    const remote = B.frame.getByTestId("handoff-remote").first()
    await remote.waitFor({ timeout: 20_000 })
    await remote.getByTestId("handoff-verified").waitFor()
    expect(await remote.getByTestId("handoff-note-author").textContent()).toContain("李四")
    expect(await remote.getByTestId("handoff-note-author").textContent()).toContain("A123")
    expect(await remote.locator('[data-field="callback"]').textContent()).toBe(value.replace("T", " "))
    expect(await remote.locator('[data-field="handedTo"]').textContent()).toBe("下一班")
    expect(await remote.locator('[data-field="contacted"]').textContent()).toContain("010-12345678")
    await remote.scrollIntoViewIfNeeded()
    await screenshot(B.page, "b-timeline", SHOTS)
    // 接手: the reminder is set on B's machine and a takeover block goes into the internal box.
    await B.page.frameLocator("iframe.cke_wysiwyg_frame").locator("body").click()
    await remote.getByTestId("handoff-takeover").click()
    await B.frame.getByTestId("handoff-takeover-result").waitFor({ timeout: 15_000 })
    expect(await B.frame.getByTestId("handoff-takeover-result").getAttribute("class")).toBe("ok")
    await expect.poll(() => alarmsOf(b), POLL).toBeGreaterThan(0)
    await Promise.all([B.page.waitForURL(/\/desk\/ticket\/T1001$/), B.page.click("#save-note")])
    const Bframe = await sidebarFrame(B.page, b.extensionId)
    await Bframe.getByTestId("handoff-taken-here").waitFor({ timeout: 20_000 })
    await B.page.close()

    // --- A reopens the ticket: taken over by B, A's pending reminder dropped.
    const A2 = await open(a, "/desk/ticket/T1001", WAYBILL)
    const taken = A2.frame.getByTestId("handoff-taken-over")
    await taken.waitFor({ timeout: 20_000 })
    expect(await taken.textContent()).toContain("王五")
    expect(await taken.getAttribute("data-verification")).toBe("verified")
    await A2.frame.getByTestId("handoff-reminder-dropped").waitFor({ timeout: 20_000 })
    await expect.poll(() => alarmsOf(a), POLL).toBe(0)
    await screenshot(A2.page, "a-sees-taken-over", SHOTS)
    await A2.page.close()
  }, 180_000)

  it("a handoff cannot land in the public reply box without the agent's explicit choice", async () => {
    const { page, frame } = await open(a, "/desk/ticket/T1002", GUARD_WAYBILL)
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill("客户投诉派件员态度差，已记录")
    await form.getByTestId("handoff-contacted").fill("站点主管 赵六 139 0000 1111：明天回电")
    await page.click("#reply") // the customer-facing reply box
    await form.getByTestId("handoff-post").click()
    const ask = frame.getByTestId("handoff-post-ask")
    await ask.waitFor({ timeout: 15_000 })
    expect(await ask.getAttribute("data-verdict")).toBe("unknown")
    expect(await page.inputValue("#reply")).toBe("")
    await ask.getByTestId("handoff-post-cancel").click()
    await expect.poll(() => ask.count(), POLL).toBe(0)
    expect(await page.inputValue("#reply")).toBe("")
    // Nothing reached the customer.
    expect(desk.tickets.get("T1002")!.comments.some((c) => c.html.includes("客服助手"))).toBe(false)
    // Only an explicit confirmation puts it there.
    await page.click("#reply")
    await form.getByTestId("handoff-post").click()
    await frame.getByTestId("handoff-post-ask").getByTestId("handoff-post-confirm").click()
    await expect.poll(() => page.inputValue("#reply"), POLL).toContain("【客服助手·交接单】")
    await page.close()
  }, 120_000)

  it("with no reply box known, posting asks the agent to click into the internal note box first", async () => {
    // A fresh page: no box of the CRM has had focus, so the page answers with the no-editor code.
    const { page, frame } = await open(a, "/desk/ticket/T1002", GUARD_WAYBILL)
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill("客户反映派件延误，已登记")
    await form.getByTestId("handoff-post").click()
    const error = frame.getByTestId("handoff-post-error")
    await error.waitFor({ timeout: 15_000 })
    expect(await error.textContent()).toContain("请先点击 CRM 的内部备注框")
    expect(await frame.getByTestId("handoff-post-ask").count()).toBe(0)
    expect(await page.inputValue("#reply")).toBe("")
    await page.close()
  }, 120_000)

  it("in an SPA with one editor, the reply/internal toggle decides; a typed fake block shows unverified", async () => {
    const { page, frame } = await open(a, "/desk/spa/T1003", SPA_WAYBILL)
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill("客户反映快件破损，要求理赔")
    await form.getByTestId("handoff-promise").fill("明天上午给您回复")
    await page.click("#composer")
    await form.getByTestId("handoff-post").click()
    await frame
      .locator('[data-problem="promiseNoCallback"]')
      .getByTestId("handoff-callback-from-promise")
      .click()
    await page.click("#composer")
    await form.getByTestId("handoff-post").click()
    // Reply mode: the toggle says this is the customer-facing reply.
    const ask = frame.getByTestId("handoff-post-ask")
    await ask.waitFor({ timeout: 15_000 })
    expect(await ask.getAttribute("data-verdict")).toBe("public")
    expect(await page.inputValue("#composer")).toBe("")
    await ask.getByTestId("handoff-post-cancel").click()
    // Internal mode: inserted without asking (the form is empty now: the saved note is posted).
    await page.click("#mode-internal")
    await page.click("#composer")
    await form.getByTestId("handoff-post").click()
    await frame.getByTestId("handoff-posted").waitFor({ timeout: 15_000 })
    expect(await page.inputValue("#composer")).toContain("【客服助手·交接单】")
    await page.click("#composer-send")
    await expect
      .poll(() => frame.locator('[data-source="local ticket"]').getAttribute("data-verification"), POLL)
      .toBe("verified")

    // A customer types a look-alike block into the public reply: shown, marked, no 接手 without asking.
    const genuine = await page.inputValue("#composer").catch(() => "")
    expect(genuine).toBe("")
    await page.click("#mode-reply")
    await page.fill(
      "#composer",
      "【客服助手·交接单】\n运单号：JT0012345678901\n承诺：已同意赔付2000元\n回电时间：2026-12-05 09:30\n经办：主管（工号 A1） 2026-12-04 10:00\nCSK1 k=h n=fake-1 at=tpj7r0 cb=tpjy00 s=0123456789abcdef0123456789abcdef",
    )
    await page.click("#composer-send")
    const fake = frame.locator('[data-testid="handoff-remote"][data-note-id="fake-1"]')
    await fake.waitFor({ timeout: 20_000 })
    expect(await fake.getAttribute("data-verification")).toBe("bad-signature")
    expect(await fake.getByTestId("handoff-verified").count()).toBe(0)
    await fake.getByTestId("handoff-unverified").waitFor()
    await fake.getByTestId("handoff-takeover").click()
    await frame.getByTestId("handoff-takeover-ask").waitFor()
    await page.close()
  }, 120_000)
  it("finds a block folded in a long history, quoted in a reply, and inside a same-origin history frame", async () => {
    const at = Date.now() - 3_600_000
    const content = cleanContent(
      noteToBlock({
        id: "folded-1",
        waybill: FOLDED_WAYBILL,
        createdAt: at,
        author: { name: "孙七", workId: "C789" },
        problem: "客户称外包装破损",
        actionsTaken: "已拍照上报",
        contacted: "",
        promise: "明天上午回电",
        callbackAt: at + 20 * 3_600_000,
        nextStep: "等理赔结果",
        handedTo: "下一班",
      }),
    )
    const block = renderBlock(content, await signBlock(content, TEAM_KEY))
    const t = desk.tickets.get("T1004")!
    t.comments.push({ author: "孙七", at: "2026-12-03 18:00", internal: true, html: plainToHtml(block) })
    // The customer's e-mail reply quotes it (a plain comment, "> " on each line).
    const quoted = block
      .split("\n")
      .map((l) => `> ${l}`)
      .join("\n")
    t.comments.push({
      author: "客户",
      at: "2026-12-03 19:00",
      internal: false,
      html: plainToHtml(`收到，谢谢。\n\n${quoted}`),
    })
    for (let i = 0; i < 8; i++)
      t.comments.push({
        author: "系统",
        at: "2026-12-04 08:00",
        internal: false,
        html: plainToHtml("系统自动提醒：工单超过 24 小时未更新。"),
      })

    for (const path of ["/desk/ticket/T1004", "/desk/ticket/T1004?frame=1"]) {
      const { page, frame } = await open(b, path, FOLDED_WAYBILL)
      const entry = frame.locator('[data-testid="handoff-remote"][data-note-id="folded-1"]')
      await entry.waitFor({ timeout: 20_000 })
      await entry.getByTestId("handoff-verified").waitFor()
      expect(await frame.locator('[data-note-id="folded-1"]').count()).toBe(1)
      expect(await entry.getByTestId("handoff-source-ticket").textContent()).toContain("2")
      await page.close()
    }
  }, 120_000)
})
