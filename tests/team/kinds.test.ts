/**
 * The document kinds beyond handoffs and audit events (issue 19): takeovers, conversation turns (the
 * sent replies, masked as stored) and scorecards, against the stand-in server — each pushed, held to
 * the design's validate_doc_update, and counted by views whose figures equal the local aggregation.
 * Also: team handoffs verified with the team key like handoffs read from the ticket (issue 12), and
 * the fault table re-run with every kind in one outbox.
 */
import { describe, expect, it } from "vitest"

import type { AuditEvent } from "../../src/lib/audit/model"
import type { HandoffNote } from "../../src/lib/cases/model"
import { DEFAULT_PHRASEBOOK } from "../../src/lib/phrasing/default-phrasebook"
import { ratesByAgent, ratesByItem, scoreRecords } from "../../src/lib/qa/aggregate"
import type { ConversationTurnRecord } from "../../src/lib/qa/record"
import { makeAttempt, makeNote } from "../../src/lib/store/store.test-helper"
import { canonicalJson, toTeamDoc, type TeamDoc } from "../../src/lib/team/docs"
import type { FetchLike } from "../../src/lib/team/couch"
import { fetchTeamConversations, fetchTeamHandoffCounts } from "../../src/lib/team/qa-views"
import { backoffMs } from "../../src/lib/team/replicator"
import { signTeamDoc } from "../../src/lib/team/signing"
import { fetchTeamEntries, verifyTeamEntries } from "../../src/lib/team/timeline"
import { drain, fakeClock, serverDocs, type Profile } from "./harness"
import { teamServerSuite } from "./team-suite.test-helper"

const MIN = 60_000
const KEY = "团队密钥-team-key-2026-12"
const teamServer = teamServerSuite("documents")

type ServerDoc = TeamDoc & { _rev?: string }

async function all(db: string): Promise<ServerDoc[]> {
  return (await serverDocs(teamServer.standIn, db)) as unknown as ServerDoc[]
}

/** A document's content identity: the same record stored twice under two ids would repeat it. */
const identity = (d: ServerDoc) => `${d.type}|${d.agent}|${canonicalJson(d.body)}`

function countOf(docs: readonly ServerDoc[]) {
  return { stored: docs.length, duplicated: docs.length - new Set(docs.map(identity)).size }
}

const page = (n: number) => `https://crm.example.com/ticket/${n}`
const customerSays = ["你好，我的快递三天了还没到，怎么回事？", "好的，那大概什么时候能到？", "行吧，谢谢"]
const agentSays = (workId: string) => [
  `您好，顺丰客服工号${workId}，很高兴为您服务。您是说快递三天了还没到，对吗？非常抱歉让您久等了。`,
  "我已经帮您催促网点，预计明天送达，具体以实际派送为准。",
  "请问还有其他可以帮您的吗？感谢您的耐心，祝您生活愉快，再见。",
]

/** One conversation of `turns` sends, each with the customer's text before it; returns the rows. */
async function converse(p: Profile, workId: string, n: number, t0: number, sends: number, blunt = false) {
  const rows: ConversationTurnRecord[] = []
  const customer: string[] = []
  for (let i = 0; i < sends; i++) {
    customer.push(customerSays[i % customerSays.length])
    const text = blunt && i === 0 ? "不知道，你自己问网点。" : agentSays(workId)[i % 3]
    rows.push(
      ...(await p.conversations.recordSent(
        {
          site: "https://crm.example.com",
          page: page(n),
          waybill: `SF${String(1300000000000 + n)}`,
          agent: { workId, name: `${workId}名`, company: "顺丰" },
          text,
          customer: [...customer],
          at: t0 + i * 3 * MIN,
          via: "click",
        },
        DEFAULT_PHRASEBOOK,
      )),
    )
  }
  return rows
}

describe("more kinds on the team server", { timeout: 180_000 }, () => {
  it("takeovers travel as their own kind; handoffs are verified with the team key like ticket blocks", async () => {
    const clock = fakeClock()
    const wb = "JT900000000001"
    const a = await teamServer.profile({
      workId: "A1",
      name: "李娜",
      clock,
      teamKey: KEY,
    })
    const b = await teamServer.profile({
      workId: "B2",
      name: "王强",
      clock,
      teamKey: KEY,
    })
    const original = makeNote({
      id: "A1-orig",
      waybill: wb,
      createdAt: clock.now(),
      problem: "派送延误，客户要求今天送达",
      promise: "今天18点前回电",
      callbackAt: clock.now() + 4 * 60 * MIN,
      author: { name: "李娜", workId: "A1" },
    })
    const second = makeNote({
      id: "A1-second",
      waybill: wb,
      createdAt: clock.now() + MIN,
      author: { name: "李娜", workId: "A1" },
    })
    await a.store.addNote(original)
    await a.store.addNote(second)
    await a.store.logAttempt(
      makeAttempt({
        id: "A1-att",
        waybill: wb,
        at: clock.now() + 2 * MIN,
        author: { name: "李娜", workId: "A1" },
      }),
    )
    expect((await drain(a)).at(-1)?.status).toBe("done")
    // B takes over A's handoff (接手): a note of B's naming the original.
    const takeover: HandoffNote = makeNote({
      id: "B2-take",
      waybill: wb,
      createdAt: clock.now() + 3 * MIN,
      author: { name: "王强", workId: "B2" },
      takeoverOf: "A1-orig",
      problem: original.problem,
    })
    await b.store.addNote(takeover)
    expect((await b.db.outbox.toArray()).map((r) => r.doc.type)).toEqual(["takeover"])
    expect((await drain(b)).at(-1)?.status).toBe("done")

    // QA: handoffs, takeovers and attempts per kind and agent, from the view = counted locally.
    const qa = await teamServer.profile({ workId: "Q9", clock })
    const counts = await fetchTeamHandoffCounts(qa.client, teamServer.config, {
      from: clock.now() - 60 * MIN,
      to: clock.now() + 60 * MIN,
    })
    const local = new Map<string, number>()
    const bump = (k: string) => local.set(k, (local.get(k) ?? 0) + 1)
    for (const n of [...(await a.store.listNotes(wb)), ...(await b.store.listNotes(wb))])
      bump(`${n.takeoverOf ? "takeover" : "handoff"}\u0000${n.author.workId}`)
    bump("attempt\u0000A1")
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(local))

    // Everything signed arrives verified at a third agent who never opened the ticket.
    const c = await teamServer.profile({ workId: "C3", clock, teamKey: KEY })
    let entries = await verifyTeamEntries(
      (await fetchTeamEntries(c.client, teamServer.config, wb)).entries,
      KEY,
    )
    expect(
      entries.map((e) => `${e.kind}:${e.agent}:${e.kind === "attempt" ? "-" : (e.verification ?? "?")}`),
    ).toEqual(["handoff:A1:verified", "handoff:A1:verified", "attempt:A1:-", "takeover:B2:verified"])

    // On the server, someone with admin rights but without the team key alters A's handoff and
    // forges two more in A's name (one unsigned, one signed with another key).
    const docs = await all(teamServer.config.handoffsDb)
    const victim = docs.find((d) => d.body.id === "A1-orig")!
    const altered = { ...victim, body: { ...victim.body, promise: "已赔偿客户500元" } }
    expect(
      (
        await teamServer.standIn.admin(
          "PUT",
          `/${teamServer.config.handoffsDb}/${encodeURIComponent(victim._id)}`,
          altered,
        )
      ).status,
    ).toBe(201)
    const forge = (id: string) =>
      toTeamDoc(
        "handoff",
        makeNote({
          id,
          waybill: wb,
          createdAt: clock.now() + 4 * MIN,
          author: { name: "李娜", workId: "A1" },
        }),
        {
          workId: "A1",
          name: "李娜",
        },
      )
    const unsigned = forge("forged-unsigned")
    const otherKey = await signTeamDoc(forge("forged-other-key"), "some-other-team-key-xyz")
    for (const d of [unsigned, otherKey])
      expect(
        (
          await teamServer.standIn.admin(
            "PUT",
            `/${teamServer.config.handoffsDb}/${encodeURIComponent(d._id)}`,
            d,
          )
        ).status,
      ).toBe(201)
    entries = await verifyTeamEntries(
      (await fetchTeamEntries(c.client, teamServer.config, wb, 500)).entries,
      KEY,
    )
    const state = (id: string) => {
      const e = entries.find((x) => x.kind !== "attempt" && x.note.id === id)
      return e && e.kind !== "attempt" ? e.verification : "missing"
    }
    expect(state("A1-orig")).toBe("bad-signature")
    expect(state("A1-second")).toBe("verified")
    expect(state("B2-take")).toBe("verified")
    expect(state("forged-unsigned")).toBe("unsigned")
    expect(state("forged-other-key")).toBe("bad-signature")
    // Without the key nothing can be checked: no-key (never verified), unsigned stays unsigned.
    const keyless = await verifyTeamEntries(entries, undefined)
    expect(new Set(keyless.flatMap((e) => (e.kind === "attempt" ? [] : [e.verification])))).toEqual(
      new Set(["no-key", "unsigned"]),
    )
    teamServer.row(
      `handoff verification: 2 handoffs + 1 takeover + 1 attempt, 1 altered + 2 forged on the server`,
      4,
      { stored: docs.length, duplicated: 0 },
    )
  })

  it("sent replies and scorecards: view figures equal the local aggregation of the same conversations", async () => {
    const clock = fakeClock()
    const t0 = Date.UTC(2026, 10, 25, 15, 30) // 23:30 in China: conversations straddle the day line
    const rows: ConversationTurnRecord[] = []
    const a = await teamServer.profile({ workId: "A1", name: "A1名", clock })
    const b = await teamServer.profile({ workId: "B2", name: "B2名", clock })
    let n = 0
    for (const [p, workId] of [
      [a, "A1"],
      [b, "B2"],
    ] as const) {
      for (let k = 0; k < 4; k++)
        rows.push(...(await converse(p, workId, ++n, t0 + n * 40 * MIN, 1 + (k % 3), k === 1)))
    }
    const outboxKinds = [...(await a.db.outbox.toArray()), ...(await b.db.outbox.toArray())].map(
      (r) => r.doc.type,
    )
    const scorecardsQueued = outboxKinds.filter((k) => k === "scorecard").length
    // More scorecards than conversations: later sends replaced earlier ones.
    expect(scorecardsQueued).toBeGreaterThan(8)
    expect(outboxKinds.filter((k) => k === "turn")).toHaveLength(rows.length)
    for (const p of [a, b]) expect((await drain(p)).at(-1)?.status).toBe("done")

    const qa = await teamServer.profile({ workId: "Q9", clock })
    const team = await fetchTeamConversations(qa.client, teamServer.config, {
      from: t0,
      to: t0 + 24 * 60 * MIN,
    })
    // The review page scores the same turns, every conversation ended by now.
    const scored = scoreRecords(rows, DEFAULT_PHRASEBOOK, t0 + 30 * 24 * 60 * MIN)
    expect(scored).toHaveLength(8)
    expect(team.items).toEqual(ratesByItem(scored))
    const localAgents = ratesByAgent(scored)
    expect(team.agents.map(({ meanScore: _m, ...r }) => r)).toEqual(
      localAgents.map(({ meanScore: _m, ...r }) => r),
    )
    team.agents.forEach((r, i) => expect(r.meanScore).toBeCloseTo(localAgents[i].meanScore!, 9))
    expect(team.items.some((i) => i.fail > 0) && team.items.some((i) => i.pass > 0)).toBe(true)
    const sentLocal = new Map<string, number>()
    for (const r of rows)
      if (r.role === "agent") sentLocal.set(r.agentWorkId, (sentLocal.get(r.agentWorkId) ?? 0) + 1)
    expect(Object.fromEntries(team.sent)).toEqual(Object.fromEntries(sentLocal))

    const qaDocs = await all(teamServer.config.qaDb)
    const turns = qaDocs.filter((d) => d.type === "turn")
    // Masked as stored: the server holds exactly the local rows.
    expect(turns.map((d) => d.body).sort((x, y) => String(x.id).localeCompare(String(y.id)))).toEqual(
      [...rows].sort((x, y) => x.id.localeCompare(y.id)).map((r) => JSON.parse(canonicalJson(r))),
    )
    const sent = outboxKinds.length
    const c = countOf(qaDocs.filter((d) => d.type === "turn" || d.type === "scorecard"))
    expect(c).toEqual({ stored: sent, duplicated: 0 })
    teamServer.row(
      `conversations: 8 conversations, ${rows.length} turns + ${scorecardsQueued} scorecards`,
      sent,
      c,
    )
  })

  it("an agent cannot write a colleague's turn or scorecard, nor replace one", async () => {
    const clock = fakeClock()
    const b = await teamServer.profile({ workId: "B2", clock })
    const docs = await all(teamServer.config.qaDb)
    const aCard = docs.find((d) => d.type === "scorecard" && d.agent === "A1")!
    const aTurn = docs.find((d) => d.type === "turn" && d.agent === "A1")!
    const forged = toTeamDoc(
      "turn",
      { ...(aTurn.body as unknown as ConversationTurnRecord), id: "forged" },
      {
        workId: "B2",
        name: "",
      },
    )
    const res = await b.client.bulkDocs(teamServer.config.qaDb, [
      forged,
      { ...aCard, body: { ...aCard.body, score: 1 } },
    ])
    expect(res.map((r) => ("error" in r ? r.error : "ok"))).toEqual(["forbidden", "forbidden"])
    expect((res[0] as { reason: string }).reason).toMatch(/^not-yours:/)
  })

  it("fault table with every kind in one outbox: down, partial failure, 401, worker stopped, pushed twice — nothing lost or doubled", async () => {
    const clock = fakeClock()
    let bulk = 0
    let expireAt = -1
    const wrap =
      (f: FetchLike): FetchLike =>
      async (url, init) => {
        const res = await f(url, init)
        if (url.endsWith("/_bulk_docs") && ++bulk === expireAt)
          teamServer.proxy.mode = { kind: "unauthorized" }
        return res
      }
    const p = await teamServer.profile({
      workId: "C3",
      name: "C3名",
      config: { ...teamServer.config, batchSize: 4 },
      clock,
      wrapFetch: wrap,
      teamKey: KEY,
    })
    const wb = "JT900000000099"
    for (let i = 0; i < 3; i++)
      await p.store.addNote(
        makeNote({
          id: `C3-h${i}`,
          waybill: wb,
          createdAt: clock.now() + i * MIN,
          author: { name: "C3名", workId: "C3" },
        }),
      )
    await p.store.addNote(
      makeNote({
        id: "C3-t",
        waybill: wb,
        createdAt: clock.now() + 5 * MIN,
        takeoverOf: "A1-orig",
        author: { name: "C3名", workId: "C3" },
      }),
    )
    await p.store.logAttempt(
      makeAttempt({
        id: "C3-a",
        waybill: wb,
        at: clock.now() + 6 * MIN,
        author: { name: "C3名", workId: "C3" },
      }),
    )
    const events: AuditEvent[] = Array.from({ length: 6 }, (_, i) => ({
      id: `C3-ev-${i}`,
      at: clock.now() + i * MIN,
      outcome: i % 2 ? "applied" : "shown",
      ruleId: "refusal-buxing",
      phrasebookVersion: "2026.11.0",
      agentWorkId: "C3",
      agentName: "C3名",
      site: "https://crm.example.com",
      span: { start: 0, end: 2 },
      flagged: "不行",
      excerpt: "这个不行，电话 138****5678",
    }))
    await p.audit.addAuditEvents(events)
    await converse(p, "C3", 90, clock.now(), 3)
    const queued = await p.db.outbox.toArray()
    const kinds = new Set(queued.map((r) => r.doc.type))
    expect([...kinds].sort()).toEqual(["attempt", "audit", "handoff", "scorecard", "takeover", "turn"])

    // Server down for 20 minutes: the runs back off by the clock, nothing is lost.
    teamServer.proxy.mode = { kind: "down" }
    expect((await p.push()).status).toBe("failed")
    clock.advance(20 * MIN)
    expect((await p.push()).status).toBe("failed")
    expect(await p.db.outbox.count()).toBe(queued.length)
    teamServer.proxy.mode = { kind: "partial", failEvery: 3 }
    clock.advance(backoffMs(3))
    expect((await p.push()).status).toBe("failed")
    teamServer.proxy.mode = { kind: "pass" }
    clock.advance(backoffMs(4))
    expireAt = bulk + 2 // the session expires after the second request of the next run
    expect((await p.push()).status).toBe("needs-login")
    teamServer.proxy.mode = { kind: "pass" }
    await p.login()
    // The worker stops after the server stored a batch, before the outbox was cleared.
    let clears = 0
    const dying = {
      ...p.outbox,
      markSent: async (ids: readonly string[]) => {
        if (++clears === 2) throw new Error("worker stopped")
        await p.outbox.markSent(ids)
      },
    }
    await expect(p.push({ force: true, outbox: dying })).rejects.toThrow("worker stopped")
    expect(await p.db.outbox.count()).toBeGreaterThan(0)
    expect((await drain(p, 30)).at(-1)?.status).toBe("done")
    await p.db.outbox.bulkPut(queued) // every acknowledgement lost: all of it pushed again
    expect((await drain(p, 30)).at(-1)).toMatchObject({ status: "done", sent: 0 })

    const mine = [
      ...(await all(teamServer.config.handoffsDb)),
      ...(await all(teamServer.config.qaDb)),
    ].filter((d) => d.agent === "C3")
    const c = countOf(mine)
    expect(c).toEqual({ stored: queued.length, duplicated: 0 })
    expect(new Set(mine.map((d) => d._id))).toEqual(new Set(queued.map((r) => r.docId)))
    // Handoffs and the takeover left signed.
    expect(
      mine
        .filter((d) => d.type === "handoff" || d.type === "takeover")
        .every((d) => typeof d.sig === "string"),
    ).toBe(true)
    teamServer.row(
      `all six kinds (${[...kinds].sort().join(", ")}): down 20 min, 1 in 3 failed, 401 mid-run, worker stopped mid-push, every document pushed twice`,
      queued.length,
      c,
    )
  })
})
