import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import type { CaseRecord, HandoffNote } from "../cases/model"
import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { phrasebookSchema } from "../phrasing/schema"
import type { Phrasebook } from "../phrasing/types"
import seed from "./fixtures/v1-seed.json"
import { DB_VERSION, MIGRATIONS } from "./migrations"
import { v1 } from "./migrations/v1"
import { v2 } from "./migrations/v2"
import { v4 } from "./migrations/v4"
import { v5 } from "./migrations/v5"
import { v6 } from "./migrations/v6"
import { createStore } from "./repository"
import { freshDb, olderDb } from "./store.test-helper"

describe("migrations meta", () => {
  it("are numbered in increasing order from 1, one file per version", () => {
    // Branches get their own numbers (gaps until the lead merges them); order and uniqueness matter.
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions[0]).toBe(1)
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b))
    expect(DB_VERSION).toBe(versions[versions.length - 1])
    const dir = fileURLToPath(new URL("./migrations/", import.meta.url))
    const files = readdirSync(dir)
      .filter((f) => /^v\d+\.ts$/.test(f))
      .map((f) => Number(f.slice(1, -3)))
      .sort((a, b) => a - b)
    expect(files).toEqual(MIGRATIONS.map((m) => m.version))
  })

  // Released versions are frozen: changing a spec here would leave users' databases out of step.
  it("keeps released store specs unchanged", () => {
    expect(v1.stores).toEqual({
      cases: "waybill, status, callbackAt, updatedAt, customerName",
      notes: "id, waybill, createdAt, callbackAt, customerName, customerContact",
      contacts: "id, role, branch, company, region",
      settings: "key",
    })
    expect(v2.stores).toEqual({
      notes: "id, waybill, [waybill+createdAt], createdAt, callbackAt, customerName, customerContact",
      attempts: "id, [waybill+at]",
      phrasebooks: "version, active",
      auditEvents: "id, at, ruleId, outcome, agentWorkId, site, waybill, [ruleId+at]",
    })
    expect(v5.stores).toEqual({ knowledgePacks: "version, active" })
    expect(
      Object.isFrozen(v1) && Object.isFrozen(v2) && Object.isFrozen(v5) && Object.isFrozen(MIGRATIONS),
    ).toBe(true)
  })
})

describe("fresh database", () => {
  it("opens at the latest version with every table and index", async () => {
    const { db } = freshDb()
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name).sort()]]),
    )
    expect(schema).toEqual({
      cases: ["waybill", "callbackAt", "customerName", "status", "updatedAt"],
      notes: [
        "id",
        "[waybill+createdAt]",
        "callbackAt",
        "createdAt",
        "customerContact",
        "customerName",
        "waybill",
      ],
      attempts: ["id", "[waybill+at]"],
      contacts: ["id", "branch", "company", "region", "role"],
      phrasebooks: ["version", "active"],
      auditEvents: ["id", "[ruleId+at]", "agentWorkId", "at", "outcome", "ruleId", "site", "waybill"],
      knowledgePacks: ["version", "active"],
      conversationTurns: [
        "id",
        "[conversationId+at]",
        "agentWorkId",
        "at",
        "conversationId",
        "site",
        "waybill",
      ],
      settings: ["key"],
      outbox: ["docId", "[state+queuedAt]"],
      teamMeta: ["key"],
      teamCache: ["waybill"],
    })
    db.close()
  })
})

describe("upgrade v1 → v2", () => {
  async function upgradedFromSeed() {
    // Seed with the v1 declaration alone, exactly what an older release would have on disk.
    const { old, db } = await olderDb([v1])
    await old.transaction("rw", old.tables, async () => {
      for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkPut(rows)
    })
    expect(old.verno).toBe(1)
    old.close()
    await db.open()
    return db
  }

  it("upper-cases case waybills, merging two spellings of one parcel", async () => {
    const db = await upgradedFromSeed()
    expect(db.verno).toBe(DB_VERSION)
    const cases = await db.cases.toArray()
    expect(cases.map((c) => c.waybill).sort()).toEqual([
      "JT00012345678",
      "SF1234567890",
      "YT9876543210",
      "ZTO75312345678",
    ])
    const sf = (await db.cases.get("SF1234567890")) as CaseRecord
    // The lower-case row was updated later, so it wins; createdAt keeps the earliest of the two.
    expect(sf).toMatchObject({ caseType: "滞留", status: "waiting", callbackAt: 1700003600000 })
    expect(sf.createdAt).toBe(1700000000000)
    expect(await db.cases.get("sf1234567890")).toBeUndefined()
    db.close()
  })

  it("backfills urgent from caseType and keeps an urgent flag already set", async () => {
    const db = await upgradedFromSeed()
    const urgent = Object.fromEntries((await db.cases.toArray()).map((c) => [c.waybill, c.urgent]))
    expect(urgent).toEqual({
      SF1234567890: true, // 滞留
      YT9876543210: false, // 查询
      JT00012345678: true, // 破损
      ZTO75312345678: true, // 延误 but set by hand before the upgrade
    })
    db.close()
  })

  it("upper-cases note waybills so the new compound index finds the whole timeline", async () => {
    const db = await upgradedFromSeed()
    const store = createStore(db)
    const timeline = await store.listNotes("SF1234567890")
    expect(timeline.map((n: HandoffNote) => n.id)).toEqual(["v1-note-2", "v1-note-1"])
    expect((await store.listNotes("JT00012345678")).map((n) => n.id)).toEqual(["v1-note-3"])
    expect(await db.notes.count()).toBe(seed.tables.notes.length)
    db.close()
  })

  it("keeps contacts and settings, and the store works on the upgraded data", async () => {
    const db = await upgradedFromSeed()
    const store = createStore(db)
    expect((await store.listContacts()).map((c) => c.id)).toEqual(["c-1", "c-2"])
    expect((await store.getSettings()).profile.workId).toBe("A1024")
    const due = await store.listDueCallbacks(1700003600000)
    expect(due.map((c) => c.waybill)).toEqual(["SF1234567890"])
    // A backup of the upgraded database is valid: the upgrade left nothing the schemas reject.
    const result = await store.importAll(await store.exportAll(), "replace")
    expect(result.ok).toBe(true)
    db.close()
  })
})

describe("upgrade v2 → latest (v5 adds the knowledge packs)", () => {
  it("adds the knowledge pack table and keeps every v2 row", async () => {
    // A v2 database as the previous release leaves it on disk.
    const { old, db } = await olderDb([v1, v2])
    await old.table("phrasebooks").put({ version: "qa-7", importedAt: 1, active: 1, book: { rules: [] } })
    await old.table("contacts").put({ id: "c-1", name: "陈晓燕", role: "window", branch: "萧山网点" })
    expect(old.verno).toBe(2)
    old.close()
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    expect(await db.phrasebooks.get("qa-7")).toMatchObject({ active: 1 })
    expect(await db.contacts.count()).toBe(1)
    expect(await db.knowledgePacks.count()).toBe(0)
    await db.knowledgePacks.put({ version: "k1", importedAt: 2, active: 1, pack: {} })
    expect(await db.knowledgePacks.where("active").equals(1).count()).toBe(1)
    db.close()
  })
})

describe("upgrade v6 → v8 (rule-10 renamed held-over-fees)", () => {
  it("rewrites the category in stored books and the tone rule id in stored events; the rest is kept", async () => {
    // A v6 database as the previous release leaves it on disk.
    const { old, db } = await olderDb([v1, v2, v4, v5, v6])
    const oldBook = {
      ...DEFAULT_PHRASEBOOK,
      version: "2026.11.9",
      rules: DEFAULT_PHRASEBOOK.rules.map((r) =>
        r.category === "held-over-fees" ? { ...r, category: "rule-10" } : r,
      ),
    }
    expect(oldBook.rules.some((r) => r.category === ("rule-10" as string))).toBe(true)
    await old.table("phrasebooks").put({ version: "2026.11.9", importedAt: 1, active: 1, book: oldBook })
    await old.table("phrasebooks").put({ version: "broken", importedAt: 2, active: 0, book: { id: "x" } })
    const event = (id: string, ruleId: string) => ({
      id,
      at: 1_700_000_000_000,
      outcome: "shown",
      ruleId,
      phrasebookVersion: "qa-9",
      agentWorkId: "A1",
      agentName: "李娜",
      site: "https://crm.example.com",
      span: { start: 0, end: 2 },
      flagged: "扣着",
      excerpt: "货先扣着",
    })
    await old
      .table("auditEvents")
      .bulkPut([event("t", "tone-rule-10"), event("r", "rule10-zhongzhuan-fei"), event("o", "tone-refusal")])
    old.close()

    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    const book = (await db.phrasebooks.get("2026.11.9"))!.book as Phrasebook
    expect(book.rules.filter((r) => r.category === ("rule-10" as string))).toEqual([])
    expect(book.rules.filter((r) => r.category === "held-over-fees").map((r) => r.id)).toEqual(
      DEFAULT_PHRASEBOOK.rules.filter((r) => r.category === "held-over-fees").map((r) => r.id),
    )
    expect(phrasebookSchema.safeParse(book).error?.issues ?? []).toEqual([])
    expect((await db.phrasebooks.get("broken"))!.book).toEqual({ id: "x" })
    const ids = Object.fromEntries((await db.auditEvents.toArray()).map((e) => [e.id, e.ruleId]))
    expect(ids).toEqual({ t: "tone-held-over-fees", r: "rule10-zhongzhuan-fei", o: "tone-refusal" })
    expect(
      await db.auditEvents
        .where("[ruleId+at]")
        .between(["tone-held-over-fees", 0], ["tone-held-over-fees", Infinity])
        .count(),
    ).toBe(1)
    db.close()
  })
})
