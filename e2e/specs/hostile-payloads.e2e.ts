/**
 * A hostile CRM page (e2e/fixtures/hostile/payloads.html): HTML/script/URL/template payloads in the
 * title, fields, notes and reply, a 1 MB text node, page scripts that patch built-ins, forge our
 * handover event and post our message shapes. Nothing may run (a canary global, checked in the page
 * and in every extension page), nothing of ours may be readable or drivable from the page, and the
 * extension makes no network request at all.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"

import type { Frame, Page, Request } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import {
  DEFAULT_BUILD_DIR,
  hasSidebarHost,
  openOptions,
  openPopupFor,
  recordConsole,
  saveProfile,
  screenshot,
  sidebarFrame,
  sidebarText,
  textOf,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }
const WAYBILL = "SF1385628716739"
const OTHER = "YT8827361045592"
const THIRD = "JT5212345678901"

const PAYLOADS = [
  `<img src=x onerror="window.__pwned=(window.__pwned||0)+1">`,
  `<script>window.__pwned=(window.__pwned||0)+1</script>`,
  `javascript:window.__pwned=(window.__pwned||0)+1//`,
  `"><svg onload=window.__pwned=(window.__pwned||0)+1>`,
  `'><iframe src="javascript:parent.__pwned=(parent.__pwned||0)+1"></iframe>`,
  `{{constructor.constructor('window.__pwned=(window.__pwned||0)+1')()}}`,
  "${window.__pwned=(window.__pwned||0)+1}",
  `<a href="javascript:window.__pwned=(window.__pwned||0)+1">查看轨迹</a>`,
  "\u202E9376178265831FS\u202C 运单号反转",
  `<details open ontoggle=window.__pwned=(window.__pwned||0)+1>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=(window.__pwned||0)+1>`,
  "{{__proto__.polluted}} {客户姓名} {{waybill}} #{7*7} <%= 7*7 %>",
]

/** Canary and injected-markup census of one window (page, frame or extension page). */
async function census(target: Page | Frame) {
  return target.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; polluted?: unknown }
    return {
      pwned: w.__pwned ?? null,
      polluted: ({} as Record<string, unknown>).polluted ?? w.polluted ?? null,
      injected: document.querySelectorAll(
        '[onerror], [onload], [ontoggle], a[href^="javascript"], iframe[src^="javascript"], object, embed, base, meta[http-equiv], form[action^="javascript"], img[src="x"]',
      ).length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    }
  })
}

const clean = { pwned: null, polluted: null, injected: 0, inlineScripts: 0 }

describe("a hostile page's text, scripts and messages", () => {
  const suite = extensionSuite()
  const { logs } = suite
  const requests: { url: string; frame: string; sw: boolean }[] = []
  let payloadsTried = 0

  beforeAll(() => {
    const track = (r: Request) => {
      let frame = ""
      try {
        frame = r.frame().url()
      } catch {
        frame = "(service worker)"
      }
      requests.push({ url: r.url(), frame, sw: r.serviceWorker() !== null })
    }
    suite.session.context.on("request", track)
  })
  afterAll(() => console.log(`hostile-payloads: ${payloadsTried} payload placements tried`))

  it("payloads in the page, the profile, the notes and the contacts are text everywhere; nothing runs", async () => {
    const id = suite.session.extensionId
    // The agent's own data carries payloads too (pasted from the page): profile and contact directory.
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    await saveProfile(options, { name: PAYLOADS[0], workId: "KF<b>1</b>" })
    const csvRows = PAYLOADS.slice(0, 6).map(
      (p, i) =>
        `"${p.replace(/"/g, '""')}",${["窗口人员", "现场管理员", "相关公司客服"][i % 3]},"${p.replace(/"/g, '""')}"`,
    )
    await options.getByTestId("directory-import").setInputFiles({
      name: "contacts.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF姓名,角色,备注\r\n${csvRows.join("\r\n")}\r\n`, "utf8"),
    })
    // The preview shows every row before anything is written (on confirm): payloads rendered there too.
    await expect.poll(() => options.getByTestId("directory-preview-row").count(), POLL).toBe(6)
    expect(await census(options), "options, contacts preview").toEqual(clean)
    expect(await options.getByTestId("directory-preview-row").first().textContent()).toContain(
      "<img src=x onerror=",
    )
    await options.getByTestId("directory-import-confirm").click()
    await expect.poll(() => textOf(options.getByTestId("directory-count")), POLL).toMatch(/6/)
    payloadsTried += 2 + 12

    const page = await suite.open("hostile/payloads.html")
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(WAYBILL)
    const pagePayloads = await page.evaluate(
      () => (window as unknown as { __payloads: string[] }).__payloads.length,
    )
    payloadsTried += pagePayloads * 6 // title, heading, fields, description, 1 MB node, reply

    // The agent pastes the page's text into a note.
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-customer-name").fill(PAYLOADS[0])
    await form.getByTestId("handoff-problem").fill(`快件滞留 ${PAYLOADS.join(" ")}`)
    await form.getByTestId("handoff-actions").fill(PAYLOADS[5])
    await form.getByTestId("handoff-promise").fill(PAYLOADS[6])
    await form.getByTestId("handoff-save").click()
    await frame.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })
    payloadsTried += PAYLOADS.length + 3
    const note = frame.getByTestId("handoff-note").filter({ hasText: "快件滞留" })
    await expect.poll(() => note.count(), POLL).toBe(1)
    // Shown literally, as typed.
    const noteText = (await note.first().textContent()) ?? ""
    expect(noteText).toContain(`<img src=x onerror="window.__pwned=(window.__pwned||0)+1">`)
    expect(noteText).toContain("{{constructor.constructor(")
    expect(noteText).toContain("${window.__pwned=")

    // The other tabs render the reply draft and the contacts.
    await frame.getByTestId("tab-phrasing").click()
    await page.locator("#reply").focus()
    await page.locator("#reply").press("End")
    await page.locator("#reply").type(" 你自己去网点拿")
    await frame.getByTestId("phrasing-panel").waitFor({ timeout: 15_000 })
    await frame.getByTestId("tab-escalation").click()
    await frame.getByTestId("escalation-panel").waitFor({ timeout: 15_000 })
    console.log(`screenshot: ${await screenshot(page, "hostile-payloads")}`)

    // The canary: nothing ran in the page…
    const inPage = await census(page)
    expect(inPage.pwned).toBeNull()
    expect(inPage.polluted).toBeNull()
    expect(inPage.injected).toBe(0)
    expect(inPage.inlineScripts).toBe(0)
    expect(await page.locator("#reply").inputValue()).toContain("你自己去网点拿")
    // …nor in the sidebar, in any of its tabs.
    for (const tab of ["handoff", "phrasing", "escalation"]) {
      await frame.getByTestId(`tab-${tab}`).click()
      expect(await census(frame), `sidebar tab ${tab}`).toEqual(clean)
    }

    // The popup (it lists open cases and searches notes), the options page, the review page.
    const popup = await openPopupFor(suite.session, page)
    recordConsole(popup, logs)
    await popup.getByTestId("popup-app").waitFor({ timeout: 15_000 })
    if ((await popup.getByTestId("popup-search").count()) > 0) {
      await popup.getByTestId("popup-search").fill("<img src=x") // the customer name
      await expect.poll(() => popup.getByTestId("popup-search-result").count(), POLL).toBeGreaterThan(0)
    }
    expect(await census(popup), "popup").toEqual(clean)
    await options.reload()
    await options.getByTestId("profile-name").waitFor({ timeout: 15_000 })
    expect(await options.getByTestId("profile-name").inputValue()).toBe(PAYLOADS[0])
    expect(await census(options), "options").toEqual(clean)
    if (existsSync(join(DEFAULT_BUILD_DIR, "tabs", "review.html"))) {
      const review = await suite.session.context.newPage()
      recordConsole(review, logs)
      await review.goto(`chrome-extension://${id}/tabs/review.html`)
      await review.waitForLoadState("domcontentloaded")
      await review.locator("body *").first().waitFor({ timeout: 15_000 })
      expect(await census(review), "review").toEqual(clean)
      await review.close()
    }
    expect(await census(page)).toMatchObject({ pwned: null, injected: 0 })
    await popup.close()
    await options.close()
    await page.close()
  })

  it("page scripts patching built-ins do not reach the content script (isolated world)", async () => {
    const id = suite.session.extensionId
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    await page.goto(`${suite.server.url("hostile/payloads.html")}?patch=1`)
    // The page world is broken on purpose: MutationObserver, addEventListener, querySelector, Array,
    // JSON, RegExp.exec, setTimeout all throw there. The content script still finds the waybill…
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(WAYBILL)
    // …and follows a DOM change (its own MutationObserver is untouched).
    await page.evaluate(`window.__attack.setWaybill(${JSON.stringify(OTHER)})`)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(OTHER)
    await page.evaluate("window.__restore()")
    // The page's patched functions were never called by our code: the only hits are none.
    expect(await page.evaluate("window.__patchHits")).toBe(0)
    expect(await census(frame)).toEqual(clean)
    await page.close()
  })

  it("a page cannot stop the content script with a forged handover, nor drive the sidebar by postMessage", async () => {
    const id = suite.session.extensionId
    const page = await suite.open("hostile/payloads.html")
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(WAYBILL)
    const replyBefore = await page.locator("#reply").inputValue()

    const forged = await page.evaluate(() =>
      (
        window as unknown as { __attack: { forgeStop(): { marker: string | null; sent: number } } }
      ).__attack.forgeStop(),
    )
    expect(forged.marker).toBeTruthy() // the page did see our marker: and still cannot use it
    const posted = await page.evaluate(() =>
      (
        window as unknown as { __attack: { postMessages(): { sent: number; frames: number } } }
      ).__attack.postMessages(),
    )
    console.log(
      `forged ${forged.sent} stop events; posted ${posted.sent} messages to ${posted.frames} frame(s)`,
    )
    expect(posted.sent).toBeGreaterThan(0)
    // The sidebar frame sits in a closed shadow root: the page cannot even address it (and no page of
    // ours listens to "message" events at all).
    expect(posted.frames).toBe(0)

    // Still alive and in charge: the host is there and the sidebar follows the page, not the posts.
    await page.evaluate(`window.__attack.setWaybill(${JSON.stringify(THIRD)})`)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe(THIRD)
    expect(await hasSidebarHost(page)).toBe(true)
    expect(await page.getByTestId("sidekick-sidebar").getAttribute("data-collapsed")).toBe("false")
    expect(await page.locator("#reply").inputValue()).toBe(replyBefore)
    expect(await frame.getByTestId("sidekick-sidebar-app").getAttribute("data-connection")).not.toBe(
      "not-allowed",
    )
    // The site is still enabled (a posted {name: "site.disable"} went nowhere).
    const sw = await suite.session.worker()
    const scripts = await sw.evaluate(
      async () => (await chrome.scripting.getRegisteredContentScripts()).length,
    )
    expect(scripts).toBeGreaterThan(0)

    // And our data is nowhere the page's origin can read it.
    const stored = await page.evaluate(() =>
      (window as unknown as { __attack: { readStorage(): Promise<unknown> } }).__attack.readStorage(),
    )
    expect(stored).toEqual({
      databases: [],
      local: [],
      session: [],
      cookies: "",
      chromeRuntime: false,
      chromeStorage: false,
    })
    expect(await census(frame)).toEqual(clean)
    await page.close()
  })

  it("the extension made no network request: only its own files and the fixture pages", async () => {
    const id = suite.session.extensionId
    const ours = `chrome-extension://${id}/`
    // Every request the extension's pages or worker made is for the extension's own files
    // (the in-page sidebar loads from a per-session dynamic chrome-extension:// URL).
    const fromExtension = requests.filter((r) => r.sw || r.frame.startsWith("chrome-extension://"))
    expect(fromExtension.length).toBeGreaterThan(0)
    const offenders = requests.filter((r) => {
      if (r.url.startsWith("chrome-extension://") || r.url.startsWith("data:") || r.url.startsWith("blob:"))
        return false
      // The fixture server, requested by a fixture page itself (never by an extension page or the worker).
      return !(r.url.startsWith(suite.server.origin) && !r.sw && !r.frame.startsWith("chrome-extension://"))
    })
    expect(offenders).toEqual([])
    expect(requests.length).toBeGreaterThan(0)
    // Resource timing inside the worker and an extension page: what they fetched themselves.
    const sw = await suite.session.worker()
    const swFetched = await sw.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name))
    expect(swFetched.filter((u) => !u.startsWith(ours))).toEqual([])
    const options = await openOptions(suite.session)
    await options.getByTestId("profile-name").waitFor({ timeout: 15_000 })
    const pageFetched = await options.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => e.name),
    )
    expect(pageFetched.filter((u) => !u.startsWith(ours))).toEqual([])
    await options.close()
  })
})
