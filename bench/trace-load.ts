/**
 * Where the content script's time goes while a big page loads (issue 11): loads the 10,000-row page in
 * the extension's browser with the V8 CPU profiler on, several times, and prints self time per script
 * (the page's own code, our content script, its editor part) and per function of ours, plus the
 * renderer's TaskDuration. A diagnostic, not a benchmark row: `npx tsx bench/trace-load.ts [page] [runs]
 * [tag]` after `npx tsx scripts/build-e2e.ts --tag=trace --no-minify` (readable names; or tag bench).
 */
import { join } from "node:path"

import { launchExtension, REPO_DIR } from "../e2e/harness"
import { serveBenchPage } from "./browser/serve-page"

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const pageName = process.argv[2] ?? "list-10000"
const runs = Number(process.argv[3] ?? 5)
const buildTag = process.argv[4] ?? "bench"
const SETTLE_MS = 1_500

async function main(): Promise<void> {
  const bench = await serveBenchPage(pageName)
  const ext = await launchExtension({ buildDir: join(REPO_DIR, "build", `chrome-mv3-${buildTag}`) })
  const byScript = new Map<string, number>()
  const byFn = new Map<string, number>()
  let task = 0
  const marks = new Map<string, { n: number; ms: number }>()
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await ext.context.newPage()
      const cdp = await ext.context.newCDPSession(page)
      await cdp.send("Performance.enable")
      await cdp.send("Profiler.enable")
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 })
      const metric = async () =>
        (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0
      const before = await metric()
      await cdp.send("Profiler.start")
      await page.goto(bench.url)
      await new Promise((r) => setTimeout(r, SETTLE_MS))
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile }
      // Our User Timing entries (perf.ts): how many state builds, scans, block reads, and their time.
      const timings = await page.evaluate(() =>
        performance
          .getEntries()
          .filter((e) => e.name.startsWith("cs-sidekick:"))
          .map((e) => [e.name, e.duration] as [string, number]),
      )
      if (i > 0)
        for (const [name, ms] of timings) {
          const t = marks.get(name) ?? { n: 0, ms: 0 }
          marks.set(name, { n: t.n + 1, ms: t.ms + ms })
        }
      const after = await metric()
      if (i > 0) {
        task += (after - before) * 1000
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
        profile.samples.forEach((id, k) => {
          const n = nodes.get(id)
          if (!n) return
          const ms = (profile.timeDeltas[k] ?? 0) / 1000
          const url = n.callFrame.url
          const script = url.startsWith("chrome-extension://")
            ? `ours: ${url.replace(/^.*\//, "")}`
            : url
              ? "page"
              : `(${n.callFrame.functionName || "native"})`
          byScript.set(script, (byScript.get(script) ?? 0) + ms)
          if (url.startsWith("chrome-extension://")) {
            const f = `${n.callFrame.functionName || "(anonymous)"} @${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`
            byFn.set(f, (byFn.get(f) ?? 0) + ms)
          }
        })
      }
      await cdp.detach()
      await page.close()
    }
  } finally {
    await ext.close()
    await bench.close()
  }
  const per = (ms: number) => (ms / runs).toFixed(1).padStart(7)
  console.log(`${pageName}: renderer TaskDuration ${per(task)} ms per load (${runs} runs)`)
  console.log("self time per load, by script:")
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`${per(v)} ms  ${k}`)
  console.log("our User Timing entries per load (count, total ms):")
  for (const [k, v] of marks) console.log(`${(v.n / runs).toFixed(1).padStart(6)} ×${per(v.ms)} ms  ${k}`)
  console.log("our functions (minified names), self time per load:")
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${per(v)} ms  ${k}`)
}

void main()
