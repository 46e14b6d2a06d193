/**
 * Team sync (issue 19), against the CouchDB-protocol stand-in on 127.0.0.1:
 * 1. push: the outbox of N queued audit events drained by our replicator (Dexie outbox over
 *    fake-indexeddb, per-document result handling, outbox deletes) ÷ a plain `_bulk_docs` loop posting
 *    the same documents in the same batches (nothing else) to a fresh database. Goal ≤ 1.5.
 * 2. the review page's first figures: the four grouped view queries (warm index) ÷ reading every
 *    document (`_all_docs?include_docs`) and aggregating locally, over M events. Goal ≤ 1.
 * N and M are small (TEAM_BENCH_N, default 20,000; TEAM_BENCH_M, default 5,000): the stand-in
 * (in-memory PouchDB) writes about 1,000 documents/s and indexes views at about 250 documents/s per
 * view, so the 100,000 pushes and 1,000,000 events would take hours here. Apache CouchDB keeps
 * reductions in its view b-tree (a grouped query reads O(groups · log n) nodes) while the stand-in
 * re-reduces the rows at query time, so the view ratio measured here is a pessimistic bound.
 */
import { byAgent, byDay, byRule, tally } from "../src/lib/audit/aggregate"
import type { AuditEvent } from "../src/lib/audit/model"
import { createAuditStore } from "../src/lib/store/audit-repository"
import { createOutboxPort, setTeamEnabled } from "../src/lib/store/outbox"
import { createStore } from "../src/lib/store/repository"
import { freshDb } from "../src/lib/store/testing"
import { parseTeamPolicy, type TeamConfig } from "../src/lib/team/config"
import { createCouchClient } from "../src/lib/team/couch"
import { toTeamDoc } from "../src/lib/team/docs"
import { fetchTeamQa } from "../src/lib/team/qa-views"
import { pushOutbox } from "../src/lib/team/replicator"
import { putUser, setupTeamServer } from "../src/lib/team/setup"
import { spawn } from "node:child_process"
import { createInterface } from "node:readline"

import { adminRequestFor, cookieFetch, type StandIn } from "../tests/team/stand-in"
import type { BenchRow, BenchSuite } from "./types"

const N = Number(process.env.TEAM_BENCH_N ?? 100_000)
const STEPS = new Set((process.env.TEAM_BENCH_STEPS ?? "push,views").split(","))
const CURVE = (process.env.TEAM_BENCH_CURVE ?? "2000,4000,8000,16000").split(",").map(Number)
const BATCH = 200

function events(n: number, agent: string, seed: number): AuditEvent[] {
  const outcomes = ["shown", "shown", "shown", "applied", "dismissed", "ignored", "edited", "wrong"] as const
  const out: AuditEvent[] = []
  let s = seed
  const rnd = (k: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % k)
  for (let i = 0; i < n; i++)
    out.push({
      id: `b-${agent}-${i}`,
      at: Date.UTC(2026, 10, 1) + rnd(30 * 24 * 60) * 60_000,
      outcome: outcomes[rnd(outcomes.length)],
      ruleId: `rule-${rnd(40)}`,
      phrasebookVersion: "2026.11.0",
      agentWorkId: agent,
      agentName: agent,
      site: "https://crm.example.com",
      span: { start: 0, end: 2 },
      flagged: "不行",
      excerpt: "这个不行，电话 138****5678",
    })
  return out
}

function config(url: string, prefix: string): TeamConfig {
  const r = parseTeamPolicy({ url, dbPrefix: prefix, batchSize: BATCH })
  if (r.kind !== "on") throw new Error("policy")
  return r.config
}

const row = (name: string, ours: number, baseline: number, baselineName: string, goal: number): BenchRow => ({
  name,
  ours,
  baseline,
  baselineName,
  unit: "ms",
  ratio: ours / baseline,
  goal: `≤ ${goal}`,
  met: ours / baseline <= goal,
})

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]

/** Least-squares line through (x, y): y ≈ a + b·x. */
function fit(points: readonly [number, number][]): { a: number; b: number } {
  const n = points.length
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  const b = sxx === 0 ? 0 : sxy / sxx
  return { a: my - b * mx, b }
}

/**
 * Loads audit documents of five agents into a fresh QA database as the server admin (the push path
 * is measured in step 1), and at each size of CURVE measures, side by side: the review page's first
 * figures through the views (warm index, median of 3) and reading every document with local
 * aggregation (median of 3). The index update to each size is timed apart.
 */
async function viewsCurve(standIn: StandIn): Promise<BenchRow[]> {
  const out: BenchRow[] = []
  const qa = config(standIn.url, "qa-")
  await setupTeamServer(standIn.admin, { config: qa })
  await putUser(standIn.admin, "Q9", "pw", ["qa"])
  const q = createCouchClient({ baseUrl: standIn.url, fetch: cookieFetch(), timeoutMs: 3_600_000 })
  await q.login("Q9", "pw")
  const agents = ["A1", "B2", "C3", "D4", "E5"]
  const loaded: AuditEvent[] = []
  const points: { m: number; view: number; scan: number; index: number }[] = []
  for (const m of CURVE) {
    while (loaded.length < m) {
      const n = Math.min(5_000, m - loaded.length)
      const agent = agents[((loaded.length / 5_000) % agents.length) | 0]
      const evs = events(n, agent, loaded.length + 1).map((e, i) => ({
        ...e,
        id: `${e.id}-${loaded.length + i}`,
      }))
      const docs = evs.map((e) => toTeamDoc("audit", e, { workId: agent, name: agent }))
      const r = await standIn.admin("POST", `/${qa.qaDb}/_bulk_docs`, { docs })
      if (r.status !== 201) throw new Error(`load: ${r.status}`)
      loaded.push(...evs)
    }
    const period = {
      from: Math.min(...loaded.map((e) => e.at)),
      to: Math.max(...loaded.map((e) => e.at)),
    }
    const ti = performance.now()
    await fetchTeamQa(q, qa, period) // brings the indexes up to date (CouchDB does it as documents arrive)
    const index = performance.now() - ti
    const viewTimes: number[] = []
    const scanTimes: number[] = []
    for (let i = 0; i < 3; i++) {
      const a = performance.now()
      const figures = await fetchTeamQa(q, qa, period)
      viewTimes.push(performance.now() - a)
      const b = performance.now()
      const res = await q.request<{ rows: { doc: { type: string; body: AuditEvent } }[] }>(
        "GET",
        `/${qa.qaDb}/_all_docs?include_docs=true`,
      )
      const evs2 = res.rows.filter((r) => r.doc.type === "audit").map((r) => r.doc.body)
      const local = {
        total: tally(evs2),
        rules: byRule(evs2),
        agents: byAgent(evs2),
        days: byDay(evs2, { utcOffsetMinutes: 480 }),
      }
      scanTimes.push(performance.now() - b)
      if (local.total.shown !== figures.total.shown || evs2.length !== m)
        throw new Error("views and scan disagree")
    }
    const point = { m, view: median(viewTimes), scan: median(scanTimes), index }
    points.push(point)
    console.error(`views curve: ${JSON.stringify(point)}`)
    out.push({
      name: `review first figures at ${m.toLocaleString("en")} events (warm views, median of 3; stand-in)`,
      ours: point.view,
      baseline: point.scan,
      baselineName: "_all_docs?include_docs + local aggregation",
      unit: "ms",
      ratio: point.view / point.scan,
    })
    out.push({
      name: `view index update to ${m.toLocaleString("en")} events (stand-in)`,
      ours: index,
      baseline: point.scan,
      baselineName: "one full read + aggregation",
      unit: "ms",
      ratio: index / point.scan,
    })
  }
  if (points.length >= 2) {
    // The stand-in re-reduces every row at query time, so both lines grow with the events; the fit
    // says what it would be at 1,000,000 (an extrapolation, labelled so).
    const v = fit(points.map((p) => [p.m, p.view]))
    const s = fit(points.map((p) => [p.m, p.scan]))
    const at = 1_000_000
    out.push({
      name: `review first figures at 1,000,000 events: linear fit of the curve above (${points.map((p) => p.m.toLocaleString("en")).join(" / ")}), extrapolated; stand-in`,
      ours: v.a + v.b * at,
      baseline: s.a + s.b * at,
      baselineName: "full read + aggregation, same fit",
      unit: "ms",
      ratio: (v.a + v.b * at) / (s.a + s.b * at),
    })
  }
  return out
}

/** The stand-in in a child process: the server's work never shares the client's thread. */
async function spawnStandIn(): Promise<StandIn> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/team/stand-in-process.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout })
    rl.once("line", (l) => {
      rl.close()
      resolve(l)
    })
    child.once("exit", (code) => reject(new Error(`stand-in exited (${String(code)})`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  return {
    url,
    admin: adminRequestFor(url),
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve())
        child.stdin.end()
      }),
  }
}

const suite: BenchSuite = async () => {
  const standIn = await spawnStandIn()
  const rows: BenchRow[] = []
  try {
    // 1. Push.
    if (STEPS.has("push")) {
      const ours = config(standIn.url, "ours-")
      const plain = config(standIn.url, "plain-")
      await setupTeamServer(standIn.admin, { config: ours })
      await setupTeamServer(standIn.admin, { config: plain })
      await putUser(standIn.admin, "A1", "pw", ["agent"])
      const { db } = freshDb()
      await createStore(db).updateSettings({ profile: { name: "A1", workId: "A1", company: "" } })
      await setTeamEnabled(db, true, 0)
      const evs = events(N, "A1", 1)
      const audit = createAuditStore(db)
      for (let i = 0; i < evs.length; i += 1_000) await audit.addAuditEvents(evs.slice(i, i + 1_000))
      const docs = (await db.outbox.orderBy("[state+queuedAt]").toArray()).map((r) => r.doc)
      const client = createCouchClient({ baseUrl: standIn.url, fetch: cookieFetch() })
      await client.login("A1", "pw")

      // Warm-up (JIT, connections, the server's first writes) on a database of its own, measured by neither.
      const warm = config(standIn.url, "warm-")
      await setupTeamServer(standIn.admin, { config: warm })
      for (let i = 0; i < Math.min(docs.length, 2_000); i += BATCH)
        await client.bulkDocs(warm.qaDb, docs.slice(i, i + BATCH))

      const t0 = performance.now()
      for (let i = 0; i < docs.length; i += BATCH) await client.bulkDocs(plain.qaDb, docs.slice(i, i + BATCH))
      const plainMs = performance.now() - t0

      const outbox = createOutboxPort(db)
      const t1 = performance.now()
      const report = await pushOutbox({
        config: ours,
        client,
        outbox,
        now: Date.now,
        force: true,
        maxBatches: 1e9,
      })
      const oursMs = performance.now() - t1
      if (report.status !== "done" || report.sent !== N) throw new Error(`push: ${JSON.stringify(report)}`)
      rows.push(
        row(
          `push ${N.toLocaleString("en")} queued events (batches of ${BATCH})`,
          oursMs,
          plainMs,
          "plain _bulk_docs loop, same batches",
          1.5,
        ),
      )
    }
    // 2. The review page's first figures, on a growing database: a measured curve (see the header).
    if (STEPS.has("views")) rows.push(...(await viewsCurve(standIn)))
  } finally {
    await standIn.close()
  }
  return rows
}

export default suite
