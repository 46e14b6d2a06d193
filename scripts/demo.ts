/**
 * `npm run demo`: serves the fixture CRM pages on 127.0.0.1, opens them in Chromium with the e2e build
 * of the extension, and saves a screenshot of each to demo-screenshots/. With a display (DISPLAY set)
 * the browser is shown and stays open until Ctrl+C; without one it runs headless and exits.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync } from "node:fs"
import { join } from "node:path"

import { type Page } from "playwright-core"

import { type ExtensionSession, launchExtension, REPO_DIR, screenshot, sidebarFrame } from "../e2e/harness"
import { startFixtureServer } from "../e2e/server"

const OUT_DIR = join(REPO_DIR, "demo-screenshots")
const PAGES: readonly { name: string; path: string; what: string }[] = [
  { name: "home", path: "index.html", what: "演示 CRM 首页" },
  { name: "legacy-ticket", path: "legacy-ticket.html", what: "老版工单系统（顺丰，快件滞留）" },
  { name: "spa", path: "spa/ticket/101", what: "单页应用工单台（中通）" },
  { name: "iframes", path: "iframes.html", what: "工单在 iframe 里（德邦）" },
  { name: "lookalikes", path: "lookalikes.html", what: "相似号码（圆通）" },
]

async function showSidebar(page: Page, extensionId: string): Promise<string> {
  try {
    const frame = await sidebarFrame(page, extensionId, 10_000)
    const number = frame.getByTestId("waybill-number")
    await number.waitFor({ timeout: 10_000 })
    const read = () =>
      number.evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? "").trim()))
    // A page that is still loading (an SPA's ticket shows "加载中…" first) can change the number: take
    // it once it has held for a second, as an agent would see it.
    let value = await read()
    for (let held = 0, waited = 0; held < 1_000 && waited < 10_000; waited += 100) {
      await page.waitForTimeout(100)
      const now = await read()
      held = now === value ? held + 100 : 0
      value = now
    }
    return value || "（未识别运单号）"
  } catch {
    return "（侧边栏未出现）"
  }
}

/** Without a CJK font every Chinese character in the screenshots is a box. */
function warnIfNoChineseFont(): void {
  const fc = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" })
  if (fc.status === 0 && !fc.stdout.trim())
    console.warn(
      "No Chinese font found: screenshots will show boxes. Install one: sudo apt-get install fonts-noto-cjk",
    )
}

async function main(): Promise<void> {
  warnIfNoChineseFont()
  let headed = Boolean(process.env.DISPLAY)
  mkdirSync(OUT_DIR, { recursive: true })
  const server = await startFixtureServer()
  let session: ExtensionSession
  try {
    session = await launchExtension({ headless: !headed })
  } catch (err) {
    if (!headed) {
      await server.close()
      throw err
    }
    // DISPLAY is set but no X server answers (e.g. a stale variable over ssh): show the screenshots instead.
    console.warn(
      `Could not open a window on DISPLAY=${process.env.DISPLAY ?? ""}; running headless.\n${String(err).split("\n")[0]}`,
    )
    headed = false
    session = await launchExtension({ headless: true })
  }
  console.log(`Fixture CRM: ${server.url("index.html")}`)
  console.log(`Extension id: ${session.extensionId} (${headed ? "headed" : "headless"})`)

  const shutdown = async (): Promise<void> => {
    await session.close().catch(() => undefined)
    await server.close().catch(() => undefined)
  }

  try {
    for (const [i, p] of PAGES.entries()) {
      // The first page reuses the tab Chromium opens with the persistent profile.
      const page = (i === 0 ? session.context.pages()[0] : undefined) ?? (await session.context.newPage())
      await page.goto(server.url(p.path))
      const found = p.name === "home" ? "" : ` — 运单号 ${await showSidebar(page, session.extensionId)}`
      const file = await screenshot(page, p.name, OUT_DIR)
      console.log(`${p.what}${found}\n  ${file}`)
    }
  } catch (err) {
    await shutdown()
    throw err
  }

  if (!headed) {
    await shutdown()
    return
  }
  console.log("Browser open. Press Ctrl+C to quit.")
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve())
    process.once("SIGTERM", () => resolve())
    session.context.once("close", () => resolve())
  })
  await shutdown()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
