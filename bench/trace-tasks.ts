/**
 * Where the page's main-thread time goes while the 10,000-row page loads, with ÷ without the extension (issue
 * 11): a Chrome trace per load (toplevel + devtools.timeline), self time per trace event on the page renderer's
 * main thread, and the busy time of every other process's main thread (the sidebar's renderer, the browser, the
 * service worker) in the same window. A diagnostic, not a benchmark row:
 * `npx tsx bench/trace-tasks.ts [page] [runs] [tag]` after `npx tsx scripts/build-e2e.ts --tag=bench`.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext } from "playwright-core"

import { launchExtension, launchPlain, REPO_DIR } from "../e2e/harness"
import { serveBenchPage } from "./browser/serve-page"

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: {
    name?: string
    data?: {
      url?: string
      frame?: string
      processId?: number
      functionName?: string
      lineNumber?: number
      columnNumber?: number
      frames?: { url: string; processId: number }[]
    }
  }
}

const pageName = process.argv[2] ?? "list-10000"
const runs = Number(process.argv[3] ?? 6)
const buildTag = process.argv[4] ?? "bench"
/** TRACE_SETTLE=ms: how long each load is traced after its load event (default 1.5 s, the benchmark's window). */
const SETTLE_MS = Number(process.env.TRACE_SETTLE ?? 1_500)
const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "__metadata",
]

type Tally = Map<string, number>
const add = (t: Tally, k: string, v: number): void => {
  t.set(k, (t.get(k) ?? 0) + v)
}

async function traceLoad(ctx: BrowserContext, url: string): Promise<{ events: TraceEvent[]; task: number }> {
  const page = await ctx.newPage()
  const cdp = await ctx.newCDPSession(page)
  await cdp.send("Performance.enable")
  const metric = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0
  const events: TraceEvent[] = []
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])))
  const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()))
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ["*"] },
  })
  const before = await metric()
  await page.goto(url)
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  const after = await metric()
  await cdp.send("Tracing.end")
  await done
  await cdp.detach()
  await page.close()
  return { events, task: (after - before) * 1000 }
}

/** Self time per event name on one thread (complete events nest by time). */
function selfTimes(events: TraceEvent[], into: Tally, fns?: Tally): number {
  const xs = events
    .filter((e) => e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const stack: { end: number; name: string; child: number; dur: number }[] = []
  let top = 0
  const pop = () => {
    const f = stack.pop()!
    add(into, f.name, (f.dur - f.child) / 1000)
  }
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) pop()
    const url = e.args?.data?.url ?? ""
    const name = /^(FunctionCall|EvaluateScript|v8\.compile|v8\.run|V8\.Execute)/.test(e.name)
      ? `${e.name} [${url.startsWith("chrome-extension://") ? "ours" : url ? "page" : "?"}]`
      : e.name
    if (fns && /^FunctionCall/.test(e.name) && !url.startsWith("http")) {
      const d = e.args?.data
      add(
        fns,
        `${d?.functionName || "(anonymous)"} ${url.replace(/^.*\//, "")}:${d?.lineNumber ?? "?"}:${d?.columnNumber ?? "?"}`,
        e.dur! / 1000,
      )
    }
    if (stack.length) stack[stack.length - 1].child += e.dur!
    else top += e.dur! / 1000
    stack.push({ end: e.ts + e.dur!, name, child: 0, dur: e.dur! })
  }
  while (stack.length) pop()
  return top
}

/** TRACE_TIMELINE=Paint,Layout: the last load's events of those names on the page's main thread, in time order. */
const TIMELINE = (process.env.TRACE_TIMELINE ?? "").split(",").filter(Boolean)
/** TRACE_AFTER=ms: only events that start this long after the first one (e.g. after the page's load). */
const AFTER_MS = Number(process.env.TRACE_AFTER ?? 0)
/** TRACE_MIN=ms: the shortest event listed (default 1 ms). */
const MIN_MS = Number(process.env.TRACE_MIN ?? 1)

function printTimeline(which: string, list: TraceEvent[]): void {
  const t0 = Math.min(...list.map((e) => e.ts))
  console.log(
    `--- ${which}: ${TIMELINE.join(", ")} over ${MIN_MS} ms on the page's main thread (start ms, duration ms)`,
  )
  for (const e of [...list].sort((a, b) => a.ts - b.ts))
    if (
      (TIMELINE.includes(e.name) || TIMELINE.includes("*")) &&
      (e.dur ?? 0) > MIN_MS * 1000 &&
      e.ts - t0 >= AFTER_MS * 1000
    )
      console.log(
        `${((e.ts - t0) / 1000).toFixed(0).padStart(7)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)}  ${e.name}` +
          (process.env.TRACE_ARGS ? `  ${JSON.stringify(e.args ?? {}).slice(0, 300)}` : ""),
      )
}

async function main(): Promise<void> {
  const bench = await serveBenchPage(pageName)
  const url = bench.url
  const ext = await launchExtension({ buildDir: join(REPO_DIR, "build", `chrome-mv3-${buildTag}`) })
  const plainDir = mkdtempSync(join(tmpdir(), "cs-plain-"))
  const plain = await launchPlain(plainDir)
  const tallies = () => ({
    side: new Map() as Tally,
    fns: new Map() as Tally,
    self: new Map() as Tally,
    threads: new Map() as Tally,
    task: 0,
    top: 0,
  })
  const result = { with: tallies(), without: tallies() }
  try {
    for (let i = 0; i <= runs; i++) {
      for (const which of i % 2 ? (["with", "without"] as const) : (["without", "with"] as const)) {
        const { events, task } = await traceLoad(which === "with" ? ext.context : plain, url)
        if (i === 0) continue
        const r = result[which]
        r.task += task
        // Name every thread and process.
        const proc = new Map<number, string>()
        const thread = new Map<string, string>()
        for (const e of events) {
          if (e.ph !== "M") continue
          if (e.name === "process_name") proc.set(e.pid, e.args?.name ?? "?")
          if (e.name === "thread_name") thread.set(`${e.pid}:${e.tid}`, e.args?.name ?? "?")
        }
        // The page's renderer: the process that committed the bench page.
        let pagePid = -1
        for (const e of events) {
          const frames = e.args?.data?.frames ?? []
          for (const f of frames) if (f.url.includes(`/bench/${pageName}`)) pagePid = f.processId
          if (e.name === "FrameCommittedInBrowser" && e.args?.data?.url?.includes(`/bench/${pageName}`))
            pagePid = e.args.data.processId ?? pagePid
        }
        const sidebarPids = new Set<number>()
        for (const e of events)
          if (e.name === "FrameCommittedInBrowser" && e.args?.data?.url?.includes("/tabs/sidebar.html"))
            sidebarPids.add(e.args.data.processId ?? -1)
        const byThread = new Map<string, TraceEvent[]>()
        for (const e of events) {
          if (e.ph !== "X") continue
          const k = `${e.pid}:${e.tid}`
          const list = byThread.get(k) ?? []
          list.push(e)
          byThread.set(k, list)
        }
        for (const [k, list] of byThread) {
          const [pid] = k.split(":").map(Number)
          const tname = thread.get(k) ?? "?"
          const who =
            pid === pagePid
              ? "page renderer"
              : sidebarPids.has(pid)
                ? "sidebar renderer"
                : (proc.get(pid) ?? `pid ${pid}`)
          if (pid === pagePid && tname === "CrRendererMain" && TIMELINE.length && i === runs)
            printTimeline(which, list)
          if (pid === pagePid && tname === "CrRendererMain") r.top += selfTimes(list, r.self, r.fns)
          else {
            if (sidebarPids.has(pid) && tname === "CrRendererMain") selfTimes(list, r.side)
            const busy = list
              .filter((e) => e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask")
              .reduce((s, e) => s + (e.dur ?? 0) / 1000, 0)
            if (busy > 0) add(r.threads, `${who} / ${tname}`, busy)
          }
        }
      }
    }
  } finally {
    await ext.close()
    await plain.close()
    await bench.close()
    rmSync(plainDir, { recursive: true, force: true })
  }
  const per = (ms: number) => (ms / runs).toFixed(1).padStart(8)
  const w = result.with
  const wo = result.without
  console.log(`${pageName}, ${runs} loads each, per load (ms):`)
  console.log(
    `TaskDuration        with ${per(w.task)}  without ${per(wo.task)}  ratio ${(w.task / wo.task).toFixed(3)}`,
  )
  console.log(`traced top-level    with ${per(w.top)}  without ${per(wo.top)}`)
  console.log("page main thread, self time by event (with, without, difference):")
  const names = new Set([...w.self.keys(), ...wo.self.keys()])
  const rows = [...names].map((n) => [n, w.self.get(n) ?? 0, wo.self.get(n) ?? 0] as const)
  for (const [n, a, b] of rows.sort((x, y) => Math.abs(y[1] - y[2]) - Math.abs(x[1] - x[2])).slice(0, 30))
    console.log(`${per(a)} ${per(b)} ${per(a - b)}  ${n}`)
  console.log("FunctionCall entries not from the page (total incl. children), with extension:")
  for (const [n, v] of [...w.fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${per(v)}  ${n}`)
  console.log("the sidebar renderer's main thread, self time by event:")
  for (const [n, v] of [...w.side].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${per(v)}  ${n}`)
  console.log("other main threads' busy time (with, without):")
  const tn = new Set([...w.threads.keys(), ...wo.threads.keys()])
  for (const n of [...tn].sort((x, y) => (w.threads.get(y) ?? 0) - (w.threads.get(x) ?? 0)).slice(0, 20))
    console.log(`${per(w.threads.get(n) ?? 0)} ${per(wo.threads.get(n) ?? 0)}  ${n}`)
}

void main()
