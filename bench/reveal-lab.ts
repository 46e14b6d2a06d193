/**
 * Lab: what showing a sidebar-like host costs the 10,000-row page, per way of showing it (no extension).
 * `npx tsx bench/reveal-lab.ts [reps]`. Traces the page's main thread from the insertion on.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { launchPlain } from "../e2e/harness"
import { serveBenchPage } from "./browser/serve-page"

type Ev = {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { frames?: { url: string; processId: number }[] } }
}

/**
 * popover: the product's way (an undisplayed host under <html>, shown as a manual popover in the top
 * layer); fixed: a fixed box with max z-index instead; body: the popover under <body>; shown0: a popover
 * shown from the start at width 0, widened at reveal; opacity: a popover shown from the start at its
 * width, transparent in a layer of its own, made opaque at reveal. The `+frame` variants also load a
 * cross-site frame into the box first (as the sidebar's frame boots) and reveal it 500 ms later.
 */
const VARIANTS = ["popover", "fixed", "body", "shown0", "opacity", "popover+frame", "opacity+frame"] as const

async function main() {
  const reps = Number(process.argv[2] ?? 3)
  const bench = await serveBenchPage("list-10000")
  const ctx = await launchPlain(mkdtempSync(join(tmpdir(), "lab-")))
  const out: Record<string, Record<string, number[]>> = {}
  for (let r = 0; r < reps; r++)
    for (const v of VARIANTS) {
      const page = await ctx.newPage()
      await page.goto(bench.url)
      await page.waitForTimeout(1500)
      // A small document, as the sidebar's is; its own rendering is not the page's cost and is left out.
      const frameUrl = "data:text/html;charset=utf-8,<p>sidebar</p>"
      await page.evaluate(
        ([v, frameUrl]) => {
          // tsx names the functions below with a helper of its own, which the page lacks.
          ;(window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f
          const host = document.createElement("div")
          const shadow = host.attachShadow({ mode: "closed" })
          const panel = document.createElement("div")
          panel.style.cssText = "position:absolute;inset:0;display:flex;background:#fff"
          shadow.append(panel)
          const base =
            "all: initial !important; position: fixed !important; inset: 0 0 auto auto !important; margin: 0 !important; height: 100vh !important; z-index: 2147483647 !important; overflow: visible !important; contain: size layout style !important;"
          const pop = v !== "fixed"
          const fade = v.startsWith("opacity")
          if (pop) host.popover = "manual"
          host.style.cssText =
            base +
            (v === "shown0"
              ? " width: 0px !important; display:block !important;"
              : fade
                ? " width: 380px !important; display:block !important; opacity: 0 !important; will-change: opacity !important;"
                : " width: 380px !important; display: none !important;")
          ;(v === "body" ? document.body : document.documentElement).append(host)
          if (v === "shown0" || fade) host.showPopover()
          const show = () => {
            host.style.cssText =
              base +
              " width: 380px !important; display: block !important;" +
              (fade ? " opacity: 1 !important; will-change: opacity !important;" : "")
            if (pop && !host.matches(":popover-open")) host.showPopover()
          }
          ;(window as unknown as { __reveal: () => void }).__reveal = () => {
            if (v.endsWith("+frame")) {
              const f = document.createElement("iframe")
              f.src = frameUrl
              f.style.cssText = "flex:1;border:0"
              panel.append(f)
              setTimeout(show, 500)
              return
            }
            show()
            const f = document.createElement("div")
            f.style.cssText = "flex:1;background:#eef"
            panel.append(f)
          }
        },
        [v, frameUrl] as const,
      )
      await page.waitForTimeout(400)
      const cdp = await ctx.newCDPSession(page)
      const events: Ev[] = []
      cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as Ev[])))
      const done = new Promise<void>((res) => cdp.once("Tracing.tracingComplete", () => res()))
      await cdp.send("Tracing.start", {
        transferMode: "ReportEvents",
        traceConfig: {
          includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "__metadata"],
          excludedCategories: ["*"],
        },
      })
      await page.waitForTimeout(200)
      await page.evaluate(() => (window as unknown as { __reveal: () => void }).__reveal())
      await page.waitForTimeout(v.endsWith("+frame") ? 1_200 : 600)
      await cdp.send("Tracing.end")
      await done
      // The page's renderer only (the frame's document renders in a process of its own).
      const pagePid = events
        .flatMap((e) => e.args?.data?.frames ?? [])
        .find((f) => f.url === bench.url)?.processId
      const main = new Set<string>()
      for (const e of events)
        if (
          e.ph === "M" &&
          e.name === "thread_name" &&
          e.args?.name === "CrRendererMain" &&
          e.pid === pagePid
        )
          main.add(`${e.pid}:${e.tid}`)
      const sums: Record<string, number> = {}
      for (const e of events)
        if (
          e.ph === "X" &&
          main.has(`${e.pid}:${e.tid}`) &&
          /^(Layout|Paint|PrePaint|UpdateLayoutTree|Layerize|Commit)$/.test(e.name)
        )
          sums[e.name] = (sums[e.name] ?? 0) + (e.dur ?? 0) / 1000
      out[v] ??= {}
      for (const [k, ms] of Object.entries(sums)) (out[v][k] ??= []).push(ms)
      await cdp.detach()
      await page.close()
    }
  for (const [v, sums] of Object.entries(out)) {
    const total = Object.values(sums).reduce((a, xs) => a + xs.reduce((x, y) => x + y, 0) / xs.length, 0)
    console.log(
      v.padEnd(8),
      `total ${total.toFixed(1)} ms`,
      Object.entries(sums)
        .map(([k, xs]) => `${k} ${xs.map((x) => x.toFixed(1)).join("/")}`)
        .join("  "),
    )
  }
  await ctx.close()
  await bench.close()
}
void main()
