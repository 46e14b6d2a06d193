/**
 * `npm run bench`: runs every suite, prints one table and saves JSON under bench/results/.
 * `npm run bench -- node` / `-- browser` runs one group, `-- lint` one suite.
 * Every figure is a ratio of two things measured side by side in the same run (these machines are noisy).
 * `BENCH_BURNERS=1` (or more) runs that many CPU burners (busy processes) beside the run, to show that
 * a goal holds on a loaded machine as well as an idle one; the results file names say so.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"

import { startBurners } from "./burners"
import type { BenchRow, BenchSuite } from "./types"

// npm runs scripts from the package root.
const here = join(process.cwd(), "bench")

const suites: Record<string, () => Promise<{ default: BenchSuite }>> = {
  lint: () => import("./lint.bench"),
  tone: () => import("./tone.bench"),
  detect: () => import("./detect.bench"),
  knowledge: () => import("./knowledge.bench"),
  classify: () => import("./classify.bench"),
  checklist: () => import("./checklist.bench"),
  browser: () => import("./browser.bench"),
  "knowledge-browser": () => import("./knowledge-browser.bench"),
  team: () => import("./team.bench"),
}
const groups: Record<string, string[]> = {
  node: ["lint", "tone", "detect", "knowledge", "classify", "checklist"],
  browser: ["browser", "knowledge-browser"],
  team: ["team"],
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).flatMap((a) => groups[a] ?? [a])
  const burners = Math.max(0, Math.min(8, Number(process.env.BENCH_BURNERS ?? 0) || 0))
  const burning = startBurners(burners)
  if (burners) console.error(`[bench] ${burners} CPU burner(s) running beside the benchmark`)
  try {
    await runSuites(only, burners)
  } finally {
    for (const b of burning) b.kill("SIGKILL")
  }
}

async function runSuites(only: string[], burners: number): Promise<void> {
  const rows: (BenchRow & { suite: string })[] = []
  for (const [name, load] of Object.entries(suites)) {
    if (only.length && !only.includes(name)) continue
    const suite = (await load()).default
    for (const row of await suite()) rows.push({ suite: name, ...row })
  }
  const fmt = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3))
  const table = [
    "| suite | measure | ours | baseline | ratio | goal |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const goal = r.goal ? `${r.goal} ${r.met === false ? "✗" : "✓"}` : ""
      return `| ${r.suite} | ${r.name} | ${fmt(r.ours)} ${r.unit} | ${fmt(r.baseline)} ${r.unit} (${r.baselineName}) | ${fmt(r.ratio)} | ${goal} |`
    }),
  ].join("\n")
  console.log(table)
  const which = (process.argv.slice(2).join("-") || "all") + (burners ? `-burners${burners}` : "")
  const out = join(here, "results", `${which}-${new Date().toISOString().slice(0, 10)}.json`)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(
    out,
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, suites: which, burners, rows },
      null,
      2,
    ) + "\n",
  )
  // The same table as Markdown, for bench/RESULTS.md and the README.
  writeFileSync(out.replace(/\.json$/, ".md"), `${new Date().toISOString()}\n\n${table}\n`)
  console.log(`\nsaved ${out} (and .md)`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
