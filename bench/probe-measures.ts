/**
 * The content script's own User Timing entries (cs-sidekick:*: scan marks, page-state builds, handoff
 * reads) on one bench page, three loads after a warm-up, with the page's load time: when each piece of
 * our work ran and how long it took, without a tracer's overhead. A diagnostic, not a benchmark row:
 * `npx tsx bench/probe-measures.ts [page] [tag]` after `npx tsx scripts/build-e2e.ts --tag=<tag>`.
 */
import { join } from "node:path"
import { launchExtension, REPO_DIR } from "../e2e/harness"
import { serveBenchPage } from "./browser/serve-page"

async function main() {
  const pageName = process.argv[2] ?? "list-10000-handoffs"
  const tag = process.argv[3] ?? "head"
  const bench = await serveBenchPage(pageName)
  const ext = await launchExtension({ buildDir: join(REPO_DIR, "build", `chrome-mv3-${tag}`) })
  try {
    for (let i = 0; i < 4; i++) {
      const page = await ext.context.newPage()
      await page.goto(bench.url)
      await page.waitForTimeout(4000)
      const m = await page.evaluate(() => {
        const load = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming
        return {
          load: Math.round(load.loadEventStart),
          entries: performance
            .getEntriesByType("measure")
            .concat(performance.getEntriesByType("mark"))
            .filter((e) => e.name.startsWith("cs-sidekick"))
            .map((e) => `${e.name} @${Math.round(e.startTime)} ${e.duration.toFixed(1)}`),
        }
      })
      if (i > 0) console.log(JSON.stringify(m, null, 1))
      await page.close()
    }
  } finally {
    await ext.close()
    await bench.close()
  }
}
void main()
