import { describe, expect, it } from "vitest"

import { v1 } from "./migrations/v1"
import { v2 } from "./migrations/v2"
import { DB_VERSION } from "./migrations"
import { createConversationStore, purgeConversationsBefore } from "./conversation-repository"
import { freshDb, olderDb } from "./store.test-helper"

const agent = { workId: "1024", name: "李娜", company: "盛辉物流" }
const base = {
  site: "https://crm.example.com",
  page: "https://crm.example.com/ticket/77",
  waybill: "SF1234567890",
}

describe("conversation store", () => {
  it("records a send with the new customer turns before it, masked, and reads it back", async () => {
    const { db } = freshDb()
    const store = createConversationStore(db)
    const rows = await store.recordSent({
      ...base,
      agent,
      text: "您好，盛辉物流客服，工号1024。请问是13812345678吗？",
      customer: ["我的件SF1234567890还没到，电话13812345678"],
      at: 1_000,
      via: "click",
    })
    expect(rows.map((r) => r.role)).toEqual(["customer", "agent"])
    expect(rows[0].text).toBe("我的件SF1234567890还没到，电话138****5678")
    expect(rows[1].text).toContain("138****5678")
    expect(rows[1].via).toBe("click")
    const second = await store.recordSent({
      ...base,
      agent,
      text: "已为您催派。",
      customer: ["我的件SF1234567890还没到，电话13812345678", "好的谢谢"],
      at: 2_000,
      via: "key",
    })
    // The customer text already recorded is not added twice.
    expect(second.map((r) => r.text)).toEqual(["好的谢谢", "已为您催派。"])
    const all = await store.listConversation(rows[0].conversationId)
    expect(all.map((r) => r.role)).toEqual(["customer", "agent", "customer", "agent"])
    db.close()
  })

  it("gives the same send the same ids (a retried send overwrites, never duplicates)", async () => {
    const { db } = freshDb()
    const store = createConversationStore(db)
    const input = { ...base, agent, text: "已为您催派。", customer: [], at: 5, via: "submit" as const }
    const a = await store.recordSent(input)
    const b = await store.recordSent(input)
    expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id))
    expect(await db.conversationTurns.count()).toBe(1)
    db.close()
  })

  it("records nothing for a reply that only quotes e-mail history", async () => {
    const { db } = freshDb()
    const store = createConversationStore(db)
    expect(
      await store.recordSent({
        ...base,
        agent,
        text: "> 太慢了",
        customer: ["太慢了"],
        at: 1,
        via: "submit",
      }),
    ).toEqual([])
    expect(await db.conversationTurns.count()).toBe(0)
    db.close()
  })

  it("lists whole conversations that had a turn in the period, by agent, and purges by retention", async () => {
    const { db } = freshDb()
    const store = createConversationStore(db)
    await store.recordSent({ ...base, agent, text: "第一句", customer: [], at: 100, via: "click" })
    await store.recordSent({ ...base, agent, text: "第二句", customer: [], at: 10_000, via: "click" })
    await store.recordSent({
      ...base,
      page: base.page + "?x",
      agent: { workId: "2048" },
      text: "别人",
      customer: [],
      at: 10_000,
      via: "click",
    })
    const mine = await store.listTurns({ from: 5_000, to: 20_000, agentWorkId: "1024" })
    expect(mine.map((r) => r.text)).toEqual(["第一句", "第二句"])
    expect((await store.listTurns({ from: 5_000, to: 20_000 })).length).toBe(3)
    expect(await purgeConversationsBefore(db, 5_000)).toBe(1)
    expect(await db.conversationTurns.count()).toBe(2)
    db.close()
  })
})

describe("upgrade v2 → v4", () => {
  it("adds the conversation table and keeps what v2 held", async () => {
    const { old, db } = await olderDb([v1, v2])
    await old.table("phrasebooks").put({ version: "2026.11.0", importedAt: 1, active: 1, book: { id: "x" } })
    old.close()
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    expect((await db.phrasebooks.get("2026.11.0"))?.active).toBe(1)
    expect(await db.conversationTurns.count()).toBe(0)
    await createConversationStore(db).recordSent({
      ...base,
      agent,
      text: "好的",
      customer: [],
      at: 1,
      via: "click",
    })
    expect(await db.conversationTurns.count()).toBe(1)
    db.close()
  })
})
