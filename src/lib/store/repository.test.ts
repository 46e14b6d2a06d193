import { describe, expect, it } from "vitest"

import type { Contact, HandoffNote } from "../cases/model"
import { DEFAULT_SETTINGS } from "./contract"
import { StoreError } from "./errors"
import { createStore, SUBSTRING_SCAN_CAP } from "./repository"
import { freshDb, makeAttempt, makeNote, recordQueries } from "./store.test-helper"

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

function setup(now = () => T0 + 10 * HOUR) {
  const { db } = freshDb()
  return { db, store: createStore(db, { now }) }
}

describe("notes", () => {
  it("addNote stores the note and creates the case in one go", async () => {
    const { db, store } = setup()
    await store.addNote(makeNote({ id: "n1", caseType: "滞留", callbackAt: T0 + HOUR, status: "waiting" }))
    expect(await db.notes.count()).toBe(1)
    expect(await store.getCase("SF1234567890")).toEqual({
      waybill: "SF1234567890",
      caseType: "滞留",
      status: "waiting",
      urgent: true,
      customerName: "王先生",
      customerContact: "13800138000",
      callbackAt: T0 + HOUR,
      createdAt: T0,
      updatedAt: T0 + 10 * HOUR,
    })
  })

  it("a note handed to someone else (remind: false) keeps its callback but sets no reminder here", async () => {
    const { store } = setup()
    await store.addNote(makeNote({ id: "n1", callbackAt: T0 + HOUR, handedTo: "下一班", remind: false }))
    expect((await store.listNotes("SF1234567890"))[0]).toMatchObject({ callbackAt: T0 + HOUR, remind: false })
    expect((await store.getCase("SF1234567890"))?.callbackAt).toBeUndefined()
    expect(await store.listDueCallbacks(T0 + 2 * HOUR)).toEqual([])
  })

  it("a later note updates the case and keeps what it leaves out", async () => {
    const { store } = setup()
    await store.addNote(makeNote({ id: "n1", caseType: "查询", callbackAt: T0 + HOUR }))
    await store.addNote(
      makeNote({
        id: "n2",
        createdAt: T0 + 2 * HOUR,
        caseType: "破损",
        customerName: undefined,
        status: "waiting",
      }),
    )
    const c = await store.getCase("SF1234567890")
    expect(c).toMatchObject({ caseType: "破损", urgent: true, status: "waiting", customerName: "王先生" })
    expect(c?.callbackAt).toBe(T0 + HOUR)
    expect(c?.createdAt).toBe(T0)
  })

  it("a new note without a status reopens a resolved case", async () => {
    const { store } = setup()
    await store.addNote(makeNote({ id: "n1", status: "resolved" }))
    expect((await store.getCase("SF1234567890"))?.status).toBe("resolved")
    await store.addNote(makeNote({ id: "n2", createdAt: T0 + HOUR }))
    expect((await store.getCase("SF1234567890"))?.status).toBe("open")
  })

  it("normalises the waybill, and rejects an invalid note without writing", async () => {
    const { db, store } = setup()
    await store.addNote(makeNote({ id: "n1", waybill: " sf 1234 5678 90 " }))
    expect((await store.listNotes("sf1234567890")).map((n) => n.waybill)).toEqual(["SF1234567890"])
    const bad = makeNote({ id: "n2", waybill: "单号?" })
    await expect(store.addNote(bad)).rejects.toMatchObject({ name: "StoreError", code: "invalid" })
    await expect(store.addNote(makeNote({ id: "n3", createdAt: -1 }))).rejects.toBeInstanceOf(StoreError)
    expect(await db.notes.count()).toBe(1)
    expect(await db.cases.count()).toBe(1)
  })

  it("listNotes returns one waybill's timeline oldest first, via the compound index only", async () => {
    const { db } = freshDb()
    const log = recordQueries(db)
    const store = createStore(db)
    const notes: HandoffNote[] = []
    for (let i = 0; i < 3000; i++)
      notes.push(
        makeNote({ id: `bulk-${i}`, waybill: `YT${String(i % 300).padStart(10, "0")}`, createdAt: T0 - i }),
      )
    await db.notes.bulkPut(notes)
    await store.addNote(makeNote({ id: "late", waybill: "YT0000000007", createdAt: T0 + 5 }))
    await store.addNote(makeNote({ id: "early", waybill: "YT0000000007", createdAt: 1 }))
    log.length = 0
    const timeline = await store.listNotes("YT0000000007")
    expect(timeline).toHaveLength(12)
    expect(timeline[0].id).toBe("early")
    expect(timeline[11].id).toBe("late")
    const times = timeline.map((n) => n.createdAt)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // Bounded: one query on [waybill+createdAt] that read only the 12 matching rows.
    expect(log).toEqual([{ table: "notes", index: "[waybill+createdAt]", rows: 12 }])
  })

  it("searchNotes: a waybill-like query is a prefix match, newest first", async () => {
    const { store } = setup()
    await store.addNote(makeNote({ id: "a", waybill: "SF1111000001", createdAt: T0 }))
    await store.addNote(makeNote({ id: "b", waybill: "SF1111000002", createdAt: T0 + 2 }))
    await store.addNote(makeNote({ id: "c", waybill: "SF2222000001", createdAt: T0 + 1 }))
    await store.addNote(makeNote({ id: "d", waybill: "YT1111000001", createdAt: T0 + 3 }))
    expect((await store.searchNotes("sf1111")).map((n) => n.id)).toEqual(["b", "a"])
    expect((await store.searchNotes("SF1111", 1)).map((n) => n.id)).toEqual(["b"])
    expect((await store.searchNotes("SF1111000001")).map((n) => n.id)).toEqual(["a"])
    expect(await store.searchNotes("ZT9999")).toEqual([])
  })

  it("searchNotes: other text is a substring match on customer name or contact", async () => {
    const { store } = setup()
    await store.addNote(makeNote({ id: "a", customerName: "王小明", customerContact: "13900001111" }))
    await store.addNote(makeNote({ id: "b", customerName: "李小红", createdAt: T0 + 1 }))
    await store.addNote(
      makeNote({ id: "c", customerName: "Zhang Wei", customerContact: "wx:zw88", createdAt: T0 + 2 }),
    )
    expect((await store.searchNotes("小")).map((n) => n.id)).toEqual(["b", "a"])
    expect((await store.searchNotes("zhang")).map((n) => n.id)).toEqual(["c"])
    expect((await store.searchNotes("zw88")).map((n) => n.id)).toEqual(["c"])
    // Digits could be a phone number as well as a waybill: both are searched.
    expect((await store.searchNotes("0000111")).map((n) => n.id)).toEqual(["a"])
    expect(await store.searchNotes("   ")).toEqual([])
    expect((await store.searchNotes("小", 1)).map((n) => n.id)).toEqual(["b"])
  })
})

describe("searchNotes at scale", () => {
  it("finds an old customer by name or phone prefix beyond the substring scan window", async () => {
    const { db } = freshDb()
    const store = createStore(db)
    const newer = Array.from({ length: SUBSTRING_SCAN_CAP + 500 }, (_, i) =>
      makeNote({ id: `r${i}`, createdAt: T0 + 1 + i, customerName: `客户${i}`, customerContact: `wx${i}` }),
    )
    await db.notes.bulkPut(newer)
    await store.addNote(
      makeNote({ id: "old", createdAt: T0, customerName: "欧阳娜娜", customerContact: "13912345678" }),
    )
    expect((await store.searchNotes("1391234")).map((n) => n.id)).toEqual(["old"])
    expect((await store.searchNotes("欧阳")).map((n) => n.id)).toEqual(["old"])
    // Substring-only matches are looked for among the newest notes only (the documented bound).
    expect(await store.searchNotes("娜娜")).toEqual([])
    const last = SUBSTRING_SCAN_CAP + 499
    expect((await store.searchNotes(`户${last}`)).map((n) => n.id)).toEqual([`r${last}`])
  })
})

describe("cases", () => {
  it("upsertCase creates with defaults, then merges a patch and re-derives urgency", async () => {
    let clock = T0
    const { db } = freshDb()
    const store = createStore(db, { now: () => clock })
    const created = await store.upsertCase({ waybill: "yt0000000001" })
    expect(created).toEqual({
      waybill: "YT0000000001",
      caseType: "查询",
      status: "open",
      urgent: false,
      createdAt: T0,
      updatedAt: T0,
    })
    clock = T0 + 5
    const patched = await store.upsertCase({
      waybill: "YT0000000001",
      caseType: "少货",
      callbackAt: T0 + HOUR,
    })
    expect(patched).toMatchObject({ caseType: "少货", urgent: true, createdAt: T0, updatedAt: T0 + 5 })
    const cleared = await store.upsertCase({ waybill: "YT0000000001", callbackAt: undefined, urgent: false })
    expect(cleared.callbackAt).toBeUndefined()
    expect(cleared.urgent).toBe(false)
    expect(await store.getCase("YT0000000001")).toEqual(cleared)
    await expect(
      store.upsertCase({ waybill: "YT0000000001", status: "closed" as never }),
    ).rejects.toMatchObject({ code: "invalid" })
    expect(await store.getCase("YT0000000001")).toEqual(cleared)
  })

  it("listCases filters by status, most recently updated first", async () => {
    let clock = T0
    const { db } = freshDb()
    const store = createStore(db, { now: () => clock++ })
    await store.upsertCase({ waybill: "AA0001", status: "open" })
    await store.upsertCase({ waybill: "AA0002", status: "resolved" })
    await store.upsertCase({ waybill: "AA0003", status: "waiting" })
    expect((await store.listCases()).map((c) => c.waybill)).toEqual(["AA0003", "AA0002", "AA0001"])
    expect((await store.listCases({ status: ["open", "waiting"] })).map((c) => c.waybill)).toEqual([
      "AA0003",
      "AA0001",
    ])
    expect(await store.listCases({ status: [] })).toEqual([])
  })

  it("listDueCallbacks: not resolved, callbackAt <= until, earliest first", async () => {
    const { store } = setup()
    await store.upsertCase({ waybill: "AA0001", callbackAt: T0 + 3 * HOUR })
    await store.upsertCase({ waybill: "AA0002", callbackAt: T0 + HOUR })
    await store.upsertCase({ waybill: "AA0003", callbackAt: T0, status: "resolved" })
    await store.upsertCase({ waybill: "AA0004", callbackAt: T0 + 9 * HOUR })
    await store.upsertCase({ waybill: "AA0005" })
    const due = await store.listDueCallbacks(T0 + 3 * HOUR)
    expect(due.map((c) => c.waybill)).toEqual(["AA0002", "AA0001"])
  })
})

describe("attempts", () => {
  it("logAttempt stores by waybill and lists oldest first; it touches the case", async () => {
    let clock = T0
    const { db } = freshDb()
    const store = createStore(db, { now: () => clock })
    await store.addNote(makeNote({ id: "n1" }))
    clock = T0 + 99
    await store.logAttempt(makeAttempt({ id: "x2", at: T0 + 2, level: 2, outcome: "no_progress" }))
    await store.logAttempt(makeAttempt({ id: "x1", at: T0 + 1, waybill: "sf1234567890" }))
    await store.logAttempt(makeAttempt({ id: "other", waybill: "YT0000000001" }))
    expect((await store.listAttempts("SF1234567890")).map((a) => a.id)).toEqual(["x1", "x2"])
    expect((await store.getCase("SF1234567890"))?.updatedAt).toBe(T0 + 99)
    await expect(store.logAttempt(makeAttempt({ level: 5 as never }))).rejects.toMatchObject({
      code: "invalid",
    })
    expect(await db.attempts.count()).toBe(3)
  })
})

describe("contacts", () => {
  const dir: Contact[] = [
    { id: "c1", name: "小张", role: "window", branch: "浦东网点" },
    { id: "c2", name: "陈经理", role: "site_manager", branch: "浦东网点" },
  ]

  it("replaceContacts swaps the whole directory", async () => {
    const { store } = setup()
    await store.replaceContacts(dir)
    await store.replaceContacts([{ id: "c3", name: "总部客服部", role: "hq_dept", department: "客服部" }])
    expect(await store.listContacts()).toEqual([
      { id: "c3", name: "总部客服部", role: "hq_dept", department: "客服部" },
    ])
  })

  it("an invalid or duplicated directory changes nothing", async () => {
    const { store } = setup()
    await store.replaceContacts(dir)
    await expect(
      store.replaceContacts([...dir, { id: "c9", name: "", role: "window" }]),
    ).rejects.toMatchObject({ code: "invalid" })
    await expect(store.replaceContacts([dir[0], dir[0]])).rejects.toMatchObject({ code: "invalid" })
    expect(await store.listContacts()).toEqual(dir)
  })
})

describe("settings", () => {
  it("are the defaults when nothing is stored", async () => {
    const { store } = setup()
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS)
  })

  it("updateSettings merges a patch over the stored settings", async () => {
    const { store } = setup()
    await store.updateSettings({ profile: { name: "李娜", workId: "A1024", company: "某某速运" } })
    const next = await store.updateSettings({ locale: "en" })
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      profile: { name: "李娜", workId: "A1024", company: "某某速运" },
      locale: "en",
    })
    expect(await store.getSettings()).toEqual(next)
    await expect(store.updateSettings({ sidebarMode: "floating" as never })).rejects.toMatchObject({
      code: "invalid",
    })
    expect(await store.getSettings()).toEqual(next)
  })

  it("a partly broken stored row falls back to defaults field by field", async () => {
    const { db, store } = setup()
    await db.settings.put({
      key: "settings",
      value: { locale: "en", sites: "garbage", profile: { name: "王" } } as never,
    })
    expect(await store.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      locale: "en",
      profile: { ...DEFAULT_SETTINGS.profile, name: "王" },
    })
  })
})

describe("purgeAll", () => {
  it("empties every table", async () => {
    const { db, store } = setup()
    await store.addNote(makeNote())
    await store.logAttempt(makeAttempt())
    await store.replaceContacts([{ id: "c1", name: "小张", role: "window" }])
    await store.updateSettings({ locale: "en" })
    await db.phrasebooks.put({ version: "1", importedAt: T0, active: 1, book: {} })
    await store.purgeAll()
    const counts = await Promise.all(db.tables.map((t) => t.count()))
    expect(counts.every((n) => n === 0)).toBe(true)
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS)
  })
})
