/**
 * The replicator against a real CouchDB-protocol server (the stand-in, started here on 127.0.0.1),
 * through a fault proxy we control and an injected clock: nothing lost, nothing duplicated, the
 * waybill's timeline order kept. Each scenario logs its row of the fault table.
 */
import { describe, expect, it } from "vitest"

import { byAgent, byDay, byRule, tally } from "../../src/lib/audit/aggregate"
import type { AuditEvent, AuditOutcome } from "../../src/lib/audit/model"
import { makeAttempt, makeNote } from "../../src/lib/store/store.test-helper"
import { outboxSummary, requeueRejected, setTeamEnabled } from "../../src/lib/store/outbox"
import { CouchError, type FetchLike } from "../../src/lib/team/couch"
import { toTeamDoc } from "../../src/lib/team/docs"
import { fetchTeamQa } from "../../src/lib/team/qa-views"
import { backoffMs, type OutboxPort } from "../../src/lib/team/replicator"
import { fetchTeamEntries, mergeTeamTimeline } from "../../src/lib/team/timeline"
import { drain, fakeClock, type Profile, serverDocs, storedAndDuplicated } from "./harness"
import { teamServerSuite } from "./team-suite.test-helper"

const MIN = 60_000
const teamServer = teamServerSuite("events")

// Every scenario writes its own waybill range, so the server's counts are per scenario.
let wbCounter = 0
const nextWaybill = () => `JT${String(100000000000 + ++wbCounter)}`

async function countFor(db: string, waybill: string) {
  const docs = (await serverDocs(teamServer.standIn, db)).filter(
    (d) => (d as { waybill?: string }).waybill === waybill,
  )
  const keys = new Set(docs.map((d) => `${d.type}|${d.agent}|${d.body.id}`))
  return { stored: docs.length, duplicated: docs.length - keys.size }
}

async function writeNotes(p: Profile, waybill: string, n: number, workId: string, t0: number) {
  for (let i = 0; i < n; i++)
    await p.store.addNote(
      makeNote({
        id: `${workId}-${waybill}-${i}`,
        waybill,
        createdAt: t0 + i * MIN,
        author: { name: workId, workId },
      }),
    )
}

// The stand-in builds view indexes slowly, and the machine is shared: generous time, never a timed assert.
describe("team replication against the stand-in server", { timeout: 120_000 }, () => {
  it("two agents: A's handoffs reach B's timeline in A's order; B cannot overwrite A's document", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({ workId: "A1", name: "李娜", clock })
    const b = await teamServer.profile({ workId: "B2", name: "王强", clock })
    await writeNotes(a, wb, 5, "A1", clock.now())
    await a.store.logAttempt(
      makeAttempt({
        id: "A1-att-1",
        waybill: wb,
        at: clock.now() + 30_000,
        author: { name: "李娜", workId: "A1" },
      }),
    )
    const reports = await drain(a)
    expect(reports.at(-1)?.status).toBe("done")
    expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(6)

    // B has never opened the ticket: the sidebar asks the server by waybill.
    await b.store.addNote(
      makeNote({
        id: "B2-own",
        waybill: wb,
        createdAt: clock.now() + 2.5 * MIN,
        author: { name: "王强", workId: "B2" },
      }),
    )
    const { entries } = await fetchTeamEntries(b.client, teamServer.config, wb)
    const timeline = mergeTeamTimeline(await b.store.listNotes(wb), entries)
    expect(
      timeline.map((e) => (e.source === "local" ? `local:${e.note.id}` : `${e.kind}:${e.agent}`)),
    ).toEqual([
      "handoff:A1",
      "attempt:A1",
      "handoff:A1",
      "handoff:A1",
      "local:B2-own",
      "handoff:A1",
      "handoff:A1",
    ])
    const aOrder = (await a.store.listNotes(wb)).map((n) => n.id)
    expect(timeline.flatMap((e) => (e.source === "team" && e.kind === "handoff" ? [e.note.id] : []))).toEqual(
      aOrder,
    )

    // B forges a document under A's id, and tries to overwrite / delete one of A's: all refused.
    const [victim] = await serverDocs(teamServer.standIn, teamServer.config.handoffsDb).then((d) =>
      d.filter((x) => x.agent === "A1"),
    )
    const forged = {
      ...toTeamDoc(
        "handoff",
        makeNote({ id: "forged", waybill: wb, author: { name: "李娜", workId: "A1" } }),
        { workId: "B2", name: "" },
      ),
    }
    const results = await b.client.bulkDocs(teamServer.config.handoffsDb, [forged])
    expect(results[0]).toMatchObject({ error: "forbidden" })
    expect((results[0] as { reason: string }).reason).toMatch(/^not-yours:/)
    const full = (
      await teamServer.standIn.admin(
        "GET",
        `/${teamServer.config.handoffsDb}/${encodeURIComponent(victim._id)}`,
      )
    ).body as { _rev: string }
    const overwrite = await b.client.bulkDocs(teamServer.config.handoffsDb, [
      { ...victim, _rev: full._rev, body: { ...victim.body, problem: "改写" } },
    ])
    expect(overwrite[0]).toMatchObject({ error: "forbidden" })
    const del = await b.client.bulkDocs(teamServer.config.handoffsDb, [
      { _id: victim._id, _rev: full._rev, _deleted: true },
    ])
    expect(del[0]).toMatchObject({ error: "forbidden" })
    expect((del[0] as { reason: string }).reason).toMatch(/^immutable:/)
    // Through B's own outbox, a doc of A's is kept as refused, with the server's reason for the admin.
    await b.db.outbox.put({
      docId: forged._id,
      db: "handoffs",
      doc: forged,
      queuedAt: clock.now(),
      state: "queued",
    })
    const report = await b.push({ force: true })
    expect(report).toMatchObject({ rejected: 1, sent: 1 }) // B's own note goes, the forged one is refused
    const summary = await outboxSummary(b.db)
    expect(summary.rejected).toBe(1)
    expect(summary.rejections[0].reason).toMatch(/forbidden: not-yours/)
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 7, duplicated: 0 })
    teamServer.row("two agents (A 6 docs, B 1 own + 1 forged refused; overwrite/delete refused)", 7, counts)
  })

  it("server down for minutes: backoff by the injected clock, then everything lands once", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({ workId: "A1", clock })
    teamServer.proxy.mode = { kind: "down" }
    await writeNotes(a, wb, 12, "A1", clock.now())
    const attempts: string[] = []
    // 20 minutes of an alarm every minute while the server is down.
    for (let minute = 0; minute < 20; minute++) {
      const r = await a.push()
      attempts.push(r.status)
      clock.advance(MIN)
    }
    const tried = attempts.filter((s) => s === "failed").length
    // 30 s, 1, 2, 4, 8 min backoff: 6 tries in 20 minutes, not 20.
    expect(tried).toBe(6)
    expect(attempts.filter((s) => s === "backoff").length).toBe(14)
    expect((await a.outbox.readState()).failures).toBe(6)
    expect(await a.db.outbox.count()).toBe(12)
    teamServer.proxy.mode = { kind: "pass" }
    clock.advance(backoffMs(7))
    const r = await a.push()
    expect(r).toMatchObject({ status: "done", sent: 12 })
    expect((await a.outbox.readState()).failures).toBe(0)
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 12, duplicated: 0 })
    teamServer.row("server down 20 min (clock), then back", 12, counts)
  })

  it("session expiry (401) mid-push: the rest waits for a new login, nothing lost or doubled", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    let bulk = 0
    // After the first _bulk_docs answer the session "expires".
    const wrap =
      (f: FetchLike): FetchLike =>
      async (url, init) => {
        const res = await f(url, init)
        if (url.endsWith("/_bulk_docs") && ++bulk === 1) teamServer.proxy.mode = { kind: "unauthorized" }
        return res
      }
    const a = await teamServer.profile({
      workId: "A1",
      config: { ...teamServer.config, batchSize: 10 },
      clock,
      wrapFetch: wrap,
    })
    await writeNotes(a, wb, 35, "A1", clock.now())
    const first = await a.push()
    expect(first).toMatchObject({ status: "needs-login", sent: 10 })
    expect(await a.db.outbox.count()).toBe(25)
    // Until the agent logs in again, automatic runs do not hammer the server.
    expect((await a.push()).status).toBe("needs-login")
    teamServer.proxy.mode = { kind: "pass" }
    await a.login()
    const rest = await drain(a)
    expect(rest.reduce((s, r) => s + r.sent, 0)).toBe(25)
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 35, duplicated: 0 })
    teamServer.row("401 after the first of 4 batches, re-login", 35, counts)
  })

  it("409s: a second push of documents already there counts them delivered, stores nothing twice", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({ workId: "A1", clock })
    await writeNotes(a, wb, 8, "A1", clock.now())
    const rows = await a.db.outbox.toArray()
    await drain(a)
    await a.db.outbox.bulkPut(rows) // as if the acknowledgement had been lost
    const again = await a.push({ force: true })
    expect(again).toMatchObject({ status: "done", sent: 0, alreadyThere: 8 })
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 8, duplicated: 0 })
    teamServer.row("every document pushed twice (409 / immutable)", 8, counts)
  })

  it("partial _bulk_docs failure: the failed documents stay queued and land on the next run", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({ workId: "A1", clock })
    await writeNotes(a, wb, 30, "A1", clock.now())
    teamServer.proxy.mode = { kind: "partial", failEvery: 3 }
    const first = await a.push()
    expect(first).toMatchObject({ status: "failed", sent: 20 })
    expect(await a.db.outbox.count()).toBe(10)
    teamServer.proxy.mode = { kind: "pass" }
    expect((await a.push()).status).toBe("backoff")
    clock.advance(backoffMs(1))
    expect(await a.push()).toMatchObject({ status: "done", sent: 10 })
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 30, duplicated: 0 })
    teamServer.row("1 in 3 documents failed per-document once", 30, counts)
  })

  it("slow server: a timed-out batch the server did store is not stored twice", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({ workId: "A1", clock, timeoutMs: 300 })
    await writeNotes(a, wb, 10, "A1", clock.now())
    teamServer.proxy.mode = { kind: "slow", ms: 900 }
    const first = await a.push()
    expect(first.status).toBe("failed")
    expect(first.error).toMatch(/timeout/)
    await new Promise((r) => setTimeout(r, 1_200)) // the late request completes on the server
    expect((await countFor(teamServer.config.handoffsDb, wb)).stored).toBe(10)
    teamServer.proxy.mode = { kind: "pass" }
    clock.advance(backoffMs(1))
    expect(await a.push()).toMatchObject({ status: "done", sent: 0, alreadyThere: 10 })
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 10, duplicated: 0 })
    teamServer.row("slow server (900 ms > 300 ms timeout)", 10, counts)
  })

  it("worker stopped mid-push (after the server answered, before the outbox was cleared): resumed without duplicates", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const a = await teamServer.profile({
      workId: "A1",
      config: { ...teamServer.config, batchSize: 5 },
      clock,
    })
    await writeNotes(a, wb, 12, "A1", clock.now())
    let sentBatches = 0
    const dying: OutboxPort = {
      ...a.outbox,
      markSent: async (ids) => {
        if (++sentBatches === 2) throw new Error("worker stopped")
        await a.outbox.markSent(ids)
      },
    }
    await expect(a.push({ outbox: dying })).rejects.toThrow("worker stopped")
    // Batch 2 was stored by the server but is still queued; so is batch 3 (the push is pipelined:
    // it may have travelled while batch 2 was being cleared, but nothing is cleared after a failure).
    expect(await a.db.outbox.count()).toBe(7)
    // A new worker: a fresh port over the same database (no memory carried over).
    const rest = await drain(a)
    expect(rest.reduce((s, r) => s + r.sent + r.alreadyThere, 0)).toBe(7)
    expect(rest.reduce((s, r) => s + r.alreadyThere, 0)).toBeGreaterThanOrEqual(5)
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 12, duplicated: 0 })
    teamServer.row("worker stopped between server answer and outbox clear", 12, counts)
  })

  it("two profiles of one agent (a backup restored on a second PC): each document stored once", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    const p1 = await teamServer.profile({ workId: "C3", clock })
    await writeNotes(p1, wb, 6, "C3", clock.now())
    const backup = await p1.store.exportAll()
    const p2 = await teamServer.profile({ workId: "C3", clock })
    await setTeamEnabled(p2.db, false, clock.now())
    expect((await p2.store.importAll(backup, "replace")).ok).toBe(true)
    await setTeamEnabled(p2.db, true, clock.now()) // switching on queues the agent's existing records
    await p2.store.addNote(
      makeNote({
        id: "C3-pc2",
        waybill: wb,
        createdAt: clock.now() + 10 * MIN,
        author: { name: "C3", workId: "C3" },
      }),
    )
    expect(await p2.db.outbox.count()).toBe(7)
    // Both push, interleaved.
    const [r1, r2] = await Promise.all([drain(p1), drain(p2)])
    const sent = [...r1, ...r2].reduce((s, r) => s + r.sent, 0)
    const already = [...r1, ...r2].reduce((s, r) => s + r.alreadyThere, 0)
    expect(sent + already).toBe(13)
    expect(sent).toBe(7)
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 7, duplicated: 0 })
    // The timeline read back from the server keeps the local order.
    const { entries } = await fetchTeamEntries(p1.client, teamServer.config, wb)
    expect(entries.map((e) => (e.kind === "handoff" ? e.note.id : ""))).toEqual(
      (await p2.store.listNotes(wb)).map((n) => n.id),
    )
    teamServer.row("two profiles of one agent, same 6 notes + 1 new", 7, counts)
  })

  it("a refused document is kept and can be queued again once the admin fixes the account", async () => {
    const clock = fakeClock()
    const wb = nextWaybill()
    // The profile says B2 but the browser is logged in as A1: the server refuses B2's documents.
    const p = await teamServer.profile({ workId: "B2", clock, login: false })
    await p.client.login("A1", "A1-pw")
    await writeNotes(p, wb, 3, "B2", clock.now())
    const r = await p.push()
    expect(r).toMatchObject({ rejected: 3, sent: 0 })
    expect((await outboxSummary(p.db)).rejected).toBe(3)
    await p.client.logout()
    await p.login()
    expect(await requeueRejected(p.db)).toBe(3)
    expect(await p.push({ force: true })).toMatchObject({ status: "done", sent: 3 })
    const counts = await countFor(teamServer.config.handoffsDb, wb)
    expect(counts).toEqual({ stored: 3, duplicated: 0 })
    teamServer.row("wrong account: 3 refused, kept, re-queued after re-login", 3, counts)
  })

  it("QA views: team figures equal the local aggregation over the same events", async () => {
    const clock = fakeClock()
    const agents = ["A1", "B2", "C3"] as const
    const outcomes: AuditOutcome[] = [
      "shown",
      "shown",
      "shown",
      "applied",
      "dismissed",
      "ignored",
      "edited",
      "wrong",
    ]
    const rules = ["refusal-buxing", "blame-not-us", "rude-ni-zenme", "promise-guarantee"]
    const all: AuditEvent[] = []
    // Deterministic pseudo-random events over 9 days, three agents, CN days (UTC+8 boundaries hit).
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const start = Date.UTC(2026, 10, 20, 15, 0) // 23:00 in China
    for (const agent of agents) {
      const p = await teamServer.profile({ workId: agent, name: `${agent}名`, clock })
      const events: AuditEvent[] = []
      for (let i = 0; i < 150; i++)
        events.push({
          id: `qa-${agent}-${i}`,
          at: start + rnd(9 * 24) * 3_600_000 + rnd(3_600_000),
          outcome: outcomes[rnd(outcomes.length)],
          ruleId: rules[rnd(rules.length)],
          phrasebookVersion: "2026.11.0",
          agentWorkId: agent,
          agentName: `${agent}名`,
          site: "https://crm.example.com",
          span: { start: 0, end: 2 },
          flagged: "不行",
          excerpt: "这个不行，电话 138****5678",
        })
      await p.audit.addAuditEvents(events)
      expect(await p.db.outbox.count()).toBe(150)
      expect((await drain(p)).at(-1)?.status).toBe("done")
      all.push(...events)
    }
    const qa = await teamServer.profile({ workId: "Q9", clock })
    const from = Math.min(...all.map((e) => e.at))
    const to = Math.max(...all.map((e) => e.at))
    const team = await fetchTeamQa(qa.client, teamServer.config, { from, to })
    expect(team.total).toEqual(tally(all))
    expect(team.rules).toEqual(byRule(all))
    expect(team.agents).toEqual(byAgent(all))
    expect(team.days).toEqual(byDay(all, { utcOffsetMinutes: 480 }))
    expect(team.total.shown).toBeGreaterThan(100)
    const stored = await storedAndDuplicated(teamServer.standIn, teamServer.config.qaDb)
    expect(stored).toEqual({ stored: 450, duplicated: 0 })
    teamServer.row("QA: 3 agents × 150 audit events", 450, stored)
  })

  it("without a session nobody reads the QA views (the database has members)", async () => {
    const clock = fakeClock()
    const nobody = await teamServer.profile({ workId: "Z0", clock, login: false })
    await expect(
      nobody.client.view(teamServer.config.qaDb, "sidekick", "day-outcome", {}),
    ).rejects.toBeInstanceOf(CouchError)
  })
})
