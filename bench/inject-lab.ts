/**
 * Lab: what a content script costs the 10,000-row page before any of its code runs (stop 17). Loads the
 * page in turn in several browsers, beside nothing or a CPU burner (`LAB_BURNER=1`), and reports per
 * browser the page's load event (navigation timing) and its main-thread task time (CDP `TaskDuration`)
 * to load + 1.5 s and load + 4.5 s, as medians and as the median of each load's ratio to the first
 * browser's load in the same round. A diagnostic, not a benchmark row:
 * `npx tsx bench/inject-lab.ts plain,emptycs:document_idle,emptycs:late,lean2 [rounds]`.
 *
 * Browsers: `plain` (no extension, as the benchmark's baseline); `empty` (an extension with nothing in
 * it); `emptycs:<run_at>` (an extension whose only part is a content script `void 0` on the page,
 * declared in the manifest); `emptycs:late` (the same script injected by a service worker with
 * `scripting.executeScript` once `webNavigation` reports the page loaded); `<tag>` (our build
 * `build/chrome-mv3-<tag>`); `<tag>:noinject` (that build with its content scripts unregistered).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext } from "playwright-core"

import { launchExtension, launchPlain, REPO_DIR } from "../e2e/harness"
import { serveBenchPage } from "./browser/serve-page"
import { startBurners } from "./burners"
import { median, pairedRatio } from "./stats"

/** A browser with a throwaway extension: nothing, or an empty content script injected one way. */
async function launchEmpty(dir: string, runAt?: string): Promise<BrowserContext> {
  const ext = join(dir, "ext")
  mkdirSync(ext)
  const manifest: Record<string, unknown> = { manifest_version: 3, name: "empty", version: "1.0" }
  if (runAt) writeFileSync(join(ext, "cs.js"), "void 0\n")
  if (runAt === "late") {
    writeFileSync(
      join(ext, "sw.js"),
      `chrome.webNavigation.onCompleted.addListener((d) => { if (d.frameId === 0) chrome.scripting.executeScript({ target: { tabId: d.tabId }, files: ["cs.js"] }) }, { url: [{ hostEquals: "127.0.0.1" }, { hostEquals: "localhost" }] })`,
    )
    Object.assign(manifest, {
      background: { service_worker: "sw.js" },
      permissions: ["scripting", "webNavigation"],
      host_permissions: ["http://127.0.0.1/*", "http://localhost/*"],
    })
  } else if (runAt)
    manifest.content_scripts = [
      { matches: ["http://127.0.0.1/*", "http://localhost/*"], js: ["cs.js"], run_at: runAt },
    ]
  writeFileSync(join(ext, "manifest.json"), JSON.stringify(manifest))
  return launchPlain(join(dir, "profile"), [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`])
}

async function main(): Promise<void> {
  const kinds = (process.argv[2] ?? "plain,emptycs:document_idle,emptycs:late").split(",")
  const rounds = Number(process.argv[3] ?? 16)
  const [burner] = startBurners(process.env.LAB_BURNER ? 1 : 0)
  const bench = await serveBenchPage("list-10000")
  const dirs: string[] = []
  const closers: (() => Promise<unknown>)[] = []
  const ctxs = new Map<string, BrowserContext>()
  const data = new Map(
    kinds.map((k) => [k, { load: [] as number[], task: [] as number[], whole: [] as number[] }]),
  )
  try {
    for (const k of kinds) {
      const dir = mkdtempSync(join(tmpdir(), "inject-lab-"))
      dirs.push(dir)
      const [what, mode] = k.split(":")
      let ctx: BrowserContext
      if (what === "plain") ctx = await launchPlain(dir)
      else if (what === "empty") ctx = await launchEmpty(dir)
      else if (what === "emptycs") ctx = await launchEmpty(dir, mode ?? "document_idle")
      else {
        const ext = await launchExtension({ buildDir: join(REPO_DIR, "build", `chrome-mv3-${what}`) })
        if (mode === "noinject")
          await ext.serviceWorker.evaluate(() => chrome.scripting.unregisterContentScripts())
        ctx = ext.context
      }
      ctxs.set(k, ctx)
      closers.push(() => ctx.close())
    }
    // Round 0 warms up; each round loads the page once per browser, in a rotating order.
    for (let round = 0; round <= rounds; round++) {
      const order = kinds.map((_, j) => kinds[(round + j) % kinds.length]!)
      if (round % 2) order.reverse()
      for (const k of order) {
        const ctx = ctxs.get(k)!
        const page = await ctx.newPage()
        const cdp = await ctx.newCDPSession(page)
        await cdp.send("Performance.enable")
        const metric = async () =>
          (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ??
          0
        const before = await metric()
        await page.goto(bench.url)
        await page.waitForTimeout(1_500)
        const task = ((await metric()) - before) * 1000
        await page.waitForTimeout(3_000)
        const whole = ((await metric()) - before) * 1000
        const load = await page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
        )
        if (round > 0) {
          const d = data.get(k)!
          d.load.push(load)
          d.task.push(task)
          d.whole.push(whole)
        }
        await cdp.detach()
        await page.close()
      }
    }
  } finally {
    for (const close of closers) await close().catch(() => undefined)
    await bench.close()
    burner?.kill("SIGKILL")
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
  const base = data.get(kinds[0]!)!
  const cell = (xs: number[], ys: number[]) => {
    const r = pairedRatio(xs, ys)
    return `${median(xs).toFixed(0)} ms, ${(median(xs) / median(ys)).toFixed(3)}; pairs ${r.median.toFixed(3)} (${r.low.toFixed(3)}–${r.high.toFixed(3)})`
  }
  console.log(`list-10000, ${rounds} rounds${burner ? ", one CPU burner beside" : ""}; ratios to ${kinds[0]}`)
  console.log("| browser | load event | task time, load + 1.5 s | task time, load + 4.5 s |")
  console.log("| --- | --- | --- | --- |")
  for (const [k, d] of data)
    console.log(
      `| ${k} | ${cell(d.load, base.load)} | ${cell(d.task, base.task)} | ${cell(d.whole, base.whole)} |`,
    )
}

void main()
