import { describe, expect, it } from "vitest"

import type { AuditEvent } from "../audit/model"
import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { createAuditStore } from "./audit-repository"
import { createConversationStore } from "./conversation-repository"
import { v1 } from "./migrations/v1"
import { DB_VERSION } from "./migrations"
import { v2 } from "./migrations/v2"
import { createOutboxPort, outboxSummary, setTeamEnabled } from "./outbox"
import { createStore } from "./repository"
import { failWritesWithQuota, freshDb, olderDb, makeAttempt, makeNote } from "./store.test-helper"

const event = (id: string, agentWorkId = "A1024"): AuditEvent => ({
  id,
  at: 1_700_000_000_000,
  outcome: "shown",
  ruleId: "r",
  phrasebookVersion: "1",
  agentWorkId,
  agentName: "李娜",
  site: "https://crm.example.com",
  span: { start: 0, end: 1 },
  flagged: "x",
  excerpt: "x",
})

async function profile(enabled: boolean, failOutbox = false) {
  const { db } = freshDb()
  if (failOutbox) failWritesWithQuota(db, "outbox") // before the first query, as the helper needs
  const store = createStore(db)
  await store.updateSettings({ profile: { name: "李娜", workId: "A1024", company: "" } })
  if (enabled) await setTeamEnabled(db, true, 1)
  return { db, store, audit: createAuditStore(db) }
}

describe("team outbox", () => {
  it("stays empty while no team server is configured", async () => {
    const { db, store, audit } = await profile(false)
    await store.addNote(makeNote())
    await store.logAttempt(makeAttempt())
    await audit.addAuditEvents([event("e1")])
    expect(await db.outbox.count()).toBe(0)
  })

  it("queues the agent's own records, once each, in the order written", async () => {
    const { db, store, audit } = await profile(true)
    await store.addNote(makeNote({ id: "n1", author: { name: "李娜", workId: "A1024" } }))
    await store.addNote(makeNote({ id: "n1", author: { name: "李娜", workId: "A1024" } })) // same again
    await store.logAttempt(makeAttempt({ id: "a1" }))
    await audit.addAuditEvents([event("e1"), event("e2", "B2")]) // B2's: an imported colleague's trail
    const rows = await createOutboxPort(db).nextBatch(10)
    expect(rows.map((r) => `${r.doc.type}:${String(r.doc.body.id)}`)).toEqual([
      "handoff:n1",
      "attempt:a1",
      "audit:e1",
    ])
    expect(rows.map((r) => r.db)).toEqual(["handoffs", "handoffs", "qa"])
    expect((await outboxSummary(db)).queued).toBe(3)
    // The pipelined push reads the next batch after the one in flight (still queued).
    const port = createOutboxPort(db)
    const after = await port.nextBatch(10, rows[0].queuedAt)
    expect(after.map((r) => r.docId)).toEqual(rows.slice(1).map((r) => r.docId))
    expect(await port.nextBatch(10, rows[2].queuedAt)).toEqual([])
  })

  it("queues a takeover as its own kind, and sent replies with their conversation's scorecard", async () => {
    const { db, store } = await profile(true)
    await store.addNote(makeNote({ id: "t1", takeoverOf: "n0", author: { name: "李娜", workId: "A1024" } }))
    const conversations = createConversationStore(db)
    const send = (text: string, at: number) =>
      conversations.recordSent(
        {
          site: "https://crm.example.com",
          page: "https://crm.example.com/t/1",
          waybill: "SF1234567890",
          agent: { workId: "A1024", name: "李娜" },
          text,
          customer: ["快递还没到"],
          at,
          via: "click",
        },
        DEFAULT_PHRASEBOOK,
      )
    await send("您好，工号A1024为您服务，请问有什么可以帮您？", 1_000)
    await send("已为您催促网点，预计明天送达，具体以实际派送为准。", 60_000)
    const rows = await createOutboxPort(db).nextBatch(20)
    expect(rows.map((r) => r.doc.type)).toEqual([
      "takeover",
      "turn",
      "turn",
      "scorecard",
      "turn",
      "scorecard",
    ])
    const [first, second] = rows.filter((r) => r.doc.type === "scorecard").map((r) => r.doc.body)
    expect(first.prev).toBeUndefined()
    // The second names the figures of the first, which the views subtract.
    expect(second.prev).toEqual({ items: first.items, score: first.score })
    expect(rows.every((r) => r.doc.agent === "A1024")).toBe(true)
  })

  it("is written in the note's own transaction: a failed outbox write stores no note", async () => {
    const { db, store } = await profile(true, true)
    await expect(store.addNote(makeNote({ id: "lost?" }))).rejects.toThrow()
    expect(await db.notes.count()).toBe(0)
    expect(await db.cases.count()).toBe(0)
  })

  it("backfills the agent's existing records when team sync is switched on", async () => {
    const { db, store, audit } = await profile(false)
    await store.addNote(makeNote({ id: "old", author: { name: "李娜", workId: "A1024" } }))
    await store.addNote(makeNote({ id: "colleague", author: { name: "王强", workId: "B2" } }))
    await audit.addAuditEvents([event("e1")])
    expect(await setTeamEnabled(db, true, 5)).toEqual({ backfilled: 2 })
    expect(await setTeamEnabled(db, true, 6)).toEqual({ backfilled: 0 })
    await setTeamEnabled(db, false, 7)
    await store.addNote(makeNote({ id: "after-off" }))
    expect(await db.outbox.count()).toBe(2)
  })
})

describe("upgrade v2 → latest (v6 adds the team tables)", () => {
  it("keeps every row and adds the empty team tables", async () => {
    const { old, db } = await olderDb([v1, v2])
    await old.table("notes").put(makeNote({ id: "kept" }))
    await old.table("auditEvents").put(event("kept-e"))
    old.close()
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(["kept"])
    expect(await db.auditEvents.count()).toBe(1)
    expect([await db.outbox.count(), await db.teamMeta.count(), await db.teamCache.count()]).toEqual([
      0, 0, 0,
    ])
    db.close()
  })
})
