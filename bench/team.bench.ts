/**
 * Team sync (issue 19), against the CouchDB-protocol stand-in, which runs in a process of its own
 * (as a real server does) on 127.0.0.1. Steps (TEAM_BENCH_STEPS, default "push,views"; "big" alone):
 * - push: TEAM_BENCH_N (default 100,000) queued audit events drained by our replicator (Dexie outbox
 *   over fake-indexeddb, per-document result handling, outbox deletes, pipelined) ÷ a plain
 *   `_bulk_docs` loop posting the same documents in the same batches (nothing else) to a fresh
 *   database, side by side in one run. Goal ≤ 1.5.
 * - views: the review page's first figures through the views (warm index, median of 3) vs reading
 *   every document (`_all_docs?include_docs`) and aggregating locally, at each size of
 *   TEAM_BENCH_CURVE (default 2,000 / 4,000 / 8,000 / 16,000 events), with a linear fit extrapolated
 *   to 1,000,000. The stand-in (PouchDB's map/reduce) re-reduces every row of a grouped query at
 *   query time and indexes a few hundred documents per second per view, so 1,000,000 events cannot
 *   be loaded and indexed here, and its view queries grow with the events. Apache CouchDB keeps the
 *   reductions in its view b-tree (a grouped query reads O(groups · log n) nodes): the stand-in's
 *   ratio says nothing good or bad about CouchDB's.
 * - big: the client's side at TEAM_BENCH_BIG (default 1,000,000) events, no server: bytes received
 *   and parse + fold of the grouped view answers (made by the design's own map functions) vs parse
 *   + aggregation of every document. Measured, not extrapolated; the server's side is not in it.
 */
import { byAgent, byDay, byRule, tally } from "../src/lib/audit/aggregate"
import type { AuditEvent } from "../src/lib/audit/model"
import { createAuditStore } from "../src/lib/store/audit-repository"
import { createOutboxPort, setTeamEnabled } from "../src/lib/store/outbox"
import { createStore } from "../src/lib/store/repository"
import { freshDb } from "../src/lib/store/store.test-helper"
import { parseTeamPolicy, type TeamConfig } from "../src/lib/team/config"
import { createCouchClient } from "../src/lib/team/couch"
import { toTeamDoc } from "../src/lib/team/docs"
import { qaDesign } from "../src/lib/team/design"
import { fetchTeamQa, foldQaViews } from "../src/lib/team/qa-views"
import { pushOutbox } from "../src/lib/team/replicator"
import { putUser, setupTeamServer } from "../src/lib/team/setup"
import { spawn } from "node:child_process"
import { createInterface } from "node:readline"

import { adminRequestFor, cookieFetch, type StandIn } from "../tests/team/stand-in"
import { median } from "./stats"
import type { BenchRow, BenchSuite } from "./types"

const N = Number(process.env.TEAM_BENCH_N ?? 100_000)
const STEPS = new Set((process.env.TEAM_BENCH_STEPS ?? "push,views").split(","))
const CURVE = (process.env.TEAM_BENCH_CURVE ?? "2000,4000,8000,16000").split(",").map(Number)
const BATCH = 200

function events(n: number, agent: string, seed: number): AuditEvent[] {
  const outcomes = ["shown", "shown", "shown", "applied", "dismissed", "ignored", "edited", "wrong"] as const
  const out: AuditEvent[] = []
  let s = seed
  // The high bits of the LCG: its low bits cycle too short to spread days × rules × outcomes.
  const rnd = (k: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), Math.floor(s / 65_536) % k)
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

/**
 * The client's side of the review page's first figures at TEAM_BENCH_BIG (default 1,000,000) events,
 * no server involved: the grouped rows the QA views answer with (computed by running the design's own
 * map functions over the documents and grouping with `_count`, as CouchDB does) → JSON → parse + fold,
 * against every document as `_all_docs?include_docs` sends it → parse + local aggregation. Bytes and
 * time. Apache CouchDB's side (grouped reductions read from its b-tree vs streaming every document)
 * cannot be measured here; see the header.
 */
function bigClientSide(): BenchRow[] {
  const big = Number(process.env.TEAM_BENCH_BIG ?? 1_000_000)
  const agents = ["A1", "B2", "C3", "D4", "E5"]
  const design = qaDesign(480)
  const maps = Object.fromEntries(
    ["day-outcome", "day-rule-outcome", "day-agent-outcome", "agent-name"].map((v) => {
      let out: [unknown, unknown][] = []
      const emit = (k: unknown, val: unknown) => out.push([k, val])
      const fn = new Function("emit", `return (${design.views[v].map})`)(emit) as (doc: unknown) => void
      return [v, { fn, take: () => ((out = []), out), rows: () => out }]
    }),
  )
  const groups = Object.fromEntries(Object.keys(maps).map((v) => [v, new Map<string, number[]>()]))
  let docBytes = 0
  let docParseAndAggregate = 0
  const chunk = 20_000
  const parsedAll: AuditEvent[] = []
  for (let done = 0; done < big; done += chunk) {
    const agent = agents[(done / chunk) % agents.length]
    const evs = events(Math.min(chunk, big - done), agent, done + 1).map((e, i) => ({
      ...e,
      id: `${e.id}-${done + i}`,
    }))
    const docs = evs.map((e) => toTeamDoc("audit", e, { workId: agent, name: agent }))
    // What _all_docs?include_docs sends for these documents.
    const json = JSON.stringify({
      rows: docs.map((d) => ({
        id: d._id,
        key: d._id,
        value: { rev: "1-0123456789abcdef0123456789abcdef" },
        doc: { ...d, _rev: "1-0123456789abcdef0123456789abcdef" },
      })),
    })
    docBytes += Buffer.byteLength(json)
    const t = performance.now()
    const rows = (JSON.parse(json) as { rows: { doc: { type: string; body: AuditEvent } }[] }).rows
    for (const r of rows) if (r.doc.type === "audit") parsedAll.push(r.doc.body)
    docParseAndAggregate += performance.now() - t
    // The views' index, as CouchDB keeps it (grouped _count / _stats per key).
    for (const d of docs)
      for (const [v, m] of Object.entries(maps)) {
        m.take()
        m.fn(d)
        for (const [k, val] of m.rows()) {
          const key = JSON.stringify(k)
          const g = groups[v].get(key)
          if (v === "agent-name") groups[v].set(key, [Math.max(g?.[0] ?? -Infinity, Number(val))])
          else groups[v].set(key, [(g?.[0] ?? 0) + 1])
        }
      }
  }
  const t0 = performance.now()
  const local = {
    total: tally(parsedAll),
    rules: byRule(parsedAll),
    agents: byAgent(parsedAll),
    days: byDay(parsedAll, { utcOffsetMinutes: 480 }),
  }
  docParseAndAggregate += performance.now() - t0
  // The four grouped answers as the server sends them.
  const answer = (v: string) =>
    JSON.stringify({
      rows: [...groups[v]].map(([k, [n]]) => ({
        key: JSON.parse(k) as unknown,
        value: v === "agent-name" ? { max: n } : n,
      })),
    })
  const answers = Object.keys(maps).map(answer)
  const viewBytes = answers.reduce((sum, a) => sum + Buffer.byteLength(a), 0)
  const t1 = performance.now()
  const [dayOutcome, dayRuleOutcome, dayAgentOutcome, agentNames] = answers.map(
    (a) => (JSON.parse(a) as { rows: never[] }).rows,
  )
  const figures = foldQaViews(
    { dayOutcome, dayRuleOutcome, dayAgentOutcome, agentNames },
    { utcOffsetMinutes: 480 },
  )
  const viewClient = performance.now() - t1
  if (
    JSON.stringify(figures.total) !== JSON.stringify(local.total) ||
    figures.rules.length !== local.rules.length
  )
    throw new Error("views and local aggregation disagree at scale")
  const n = big.toLocaleString("en")
  return [
    {
      name: `review first figures at ${n} events, client side: parse + fold the 4 grouped view answers (${Object.values(
        groups,
      )
        .reduce((s, g) => s + g.size, 0)
        .toLocaleString("en")} rows)`,
      ours: viewClient,
      baseline: docParseAndAggregate,
      baselineName: `parse every document + local aggregation`,
      unit: "ms",
      ratio: viewClient / docParseAndAggregate,
    },
    {
      name: `review first figures at ${n} events: bytes the page receives`,
      ours: viewBytes,
      baseline: docBytes,
      baselineName: "_all_docs?include_docs",
      unit: "bytes",
      ratio: viewBytes / docBytes,
    },
  ]
}

const suite: BenchSuite = async () => {
  if (STEPS.has("big") && STEPS.size === 1) return bigClientSide()
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
