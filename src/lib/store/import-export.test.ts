import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CASE_TYPES, type HandoffNote } from "../cases/model"
import type { BackupFile, SidekickStore } from "./contract"
import { MAX_PROBLEMS } from "../import-problems"
import { DB_VERSION } from "./migrations"
import { createStore } from "./repository"
import { freshDb, makeAttempt, makeNote } from "./store.test-helper"

const T0 = 1_700_000_000_000
const clock = () => T0 + 1_000

async function seeded(): Promise<SidekickStore> {
  const { db } = freshDb()
  const store = createStore(db, { now: clock })
  await store.addNote(makeNote({ id: "n1", caseType: "滞留", callbackAt: T0 + 60_000 }))
  await store.addNote(
    makeNote({ id: "n2", waybill: "YT0000000001", createdAt: T0 + 1, customerName: "刘女士" }),
  )
  await store.logAttempt(makeAttempt({ id: "a1", level: 2, outcome: "reached", contactId: "c1" }))
  await store.replaceContacts([
    { id: "c1", name: "小张", role: "window", branch: "浦东网点", phone: "021-5555" },
    { id: "c2", name: "总部客服部", role: "hq_dept", department: "客服部" },
  ])
  await store.updateSettings({
    profile: { name: "李娜", workId: "A1024", company: "某某速运" },
    sites: [{ origin: "https://crm.example.com", enabledAt: T0 }],
  })
  return store
}

/** A valid backup, as JSON would carry it, to break one piece at a time. */
async function validFile(): Promise<BackupFile> {
  return JSON.parse(JSON.stringify(await (await seeded()).exportAll())) as BackupFile
}

describe("exportAll / importAll round trip", () => {
  it("export → replace-import into an empty database → export is deep-equal", async () => {
    const first = await (await seeded()).exportAll()
    expect(first.schemaVersion).toBe(DB_VERSION)
    expect(first.notes).toHaveLength(2)
    const { db } = freshDb()
    const target = createStore(db, { now: clock })
    const result = await target.importAll(JSON.parse(JSON.stringify(first)), "replace")
    expect(result).toEqual({ ok: true, counts: { cases: 2, notes: 2, attempts: 1, contacts: 2 } })
    expect(await target.exportAll()).toEqual(first)
  })

  it("replace drops what the file does not have; merge keeps it", async () => {
    const file = await validFile()
    const { db } = freshDb()
    const store = createStore(db, { now: clock })
    await store.addNote(makeNote({ id: "local", waybill: "ZT0000000009" }))
    expect((await store.importAll(file, "merge")).ok).toBe(true)
    expect((await store.exportAll()).notes.map((n) => n.id).sort()).toEqual(["local", "n1", "n2"])
    expect((await store.importAll(file, "replace")).ok).toBe(true)
    expect((await store.exportAll()).notes.map((n) => n.id).sort()).toEqual(["n1", "n2"])
    expect(await store.getCase("ZT0000000009")).toBeUndefined()
  })

  it("merge keeps a case edited here more recently, this agent's profile, and adds new sites", async () => {
    const file = await validFile()
    const { db } = freshDb()
    const store = createStore(db, { now: () => T0 + 999_999 })
    await store.upsertCase({ waybill: "SF1234567890", caseType: "理赔", status: "waiting" })
    await store.updateSettings({
      profile: { name: "王芳", workId: "B7", company: "某某速运" },
      sites: [{ origin: "https://crm.example.com", enabledAt: 5 }],
    })
    file.settings.sites.push({ origin: "https://ticket.example.org", enabledAt: T0 })
    const result = await store.importAll(file, "merge")
    expect(result).toEqual({ ok: true, counts: { cases: 1, notes: 2, attempts: 1, contacts: 2 } })
    expect((await store.getCase("SF1234567890"))?.caseType).toBe("理赔")
    expect((await store.getCase("YT0000000001"))?.customerName).toBe("刘女士")
    const settings = await store.getSettings()
    expect(settings.profile.workId).toBe("B7")
    expect(settings.sites.map((s) => [s.origin, s.enabledAt])).toEqual([
      ["https://crm.example.com", 5],
      ["https://ticket.example.org", T0],
    ])
  })

  it("round-trips arbitrary valid notes (property)", async () => {
    const waybill = fc.stringMatching(/^[0-9A-Z-]{4,20}$/)
    const text = fc.string({ maxLength: 30 })
    const note = fc.record(
      {
        id: fc.uuid(),
        waybill,
        createdAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
        author: fc.record({ name: text, workId: text }),
        customerName: text,
        customerContact: text,
        problem: text,
        actionsTaken: text,
        contacted: text,
        promise: text,
        callbackAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
        nextStep: text,
        caseType: fc.constantFrom(...CASE_TYPES),
        status: fc.constantFrom("open" as const, "waiting" as const, "resolved" as const),
      },
      {
        requiredKeys: [
          "id",
          "waybill",
          "createdAt",
          "author",
          "problem",
          "actionsTaken",
          "contacted",
          "promise",
          "nextStep",
        ],
      },
    )
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(note, { selector: (n) => n.id, maxLength: 8 }), async (notes) => {
        const source = createStore(freshDb().db, { now: clock })
        for (const n of notes) await source.addNote(n as HandoffNote)
        const exported = await source.exportAll()
        const target = createStore(freshDb().db, { now: clock })
        const result = await target.importAll(JSON.parse(JSON.stringify(exported)), "replace")
        expect(result.ok).toBe(true)
        expect(await target.exportAll()).toEqual(exported)
      }),
      { numRuns: 25 },
    )
  })
})

type Breaker = (file: BackupFile & Record<string, unknown>) => unknown

const MALFORMED: { name: string; breakFile: Breaker; where: string; message: RegExp }[] = [
  {
    name: "wrong format tag",
    breakFile: (f) => ({ ...f, format: "other-backup" }),
    where: "format",
    message: /^不是客服助手的备份文件 \/ not a CS Sidekick backup file$/,
  },
  { name: "not an object", breakFile: () => "hello", where: "(file)", message: /^不是有效的备份文件/ },
  {
    name: "truncated: notes array missing",
    breakFile: (f) => ({ ...f, notes: undefined }),
    where: "notes",
    message: /^缺少必填字段 \/ missing required field$/,
  },
  {
    name: "row missing a required field",
    breakFile: (f) => {
      delete (f.notes[1] as Partial<HandoffNote>).problem
      return f
    },
    where: "notes[1].problem",
    message: /^缺少必填字段/,
  },
  {
    name: "wrong type",
    breakFile: (f) => {
      ;(f.cases[0] as unknown as Record<string, unknown>).urgent = "yes"
      return f
    },
    where: "cases[0].urgent",
    message: /^类型不对，应为 boolean \/ wrong type, expected boolean$/,
  },
  {
    name: "bad waybill",
    breakFile: (f) => {
      f.notes[0].waybill = "sf 123?"
      return f
    },
    where: "notes[0].waybill",
    message: /^运单号格式不对 \/ invalid waybill$/,
  },
  {
    name: "duplicate note ids",
    breakFile: (f) => ({ ...f, notes: [f.notes[0], f.notes[1], { ...f.notes[1] }] }),
    where: "notes[2].id",
    message: /^重复的 id，与 notes\[1\] 相同 \/ duplicate id, same as notes\[1\]$/,
  },
  {
    name: "duplicate case waybills",
    breakFile: (f) => ({ ...f, cases: [f.cases[0], { ...f.cases[0], status: "resolved" }] }),
    where: "cases[1].waybill",
    message: /^重复的 waybill/,
  },
  {
    name: "unknown case type",
    breakFile: (f) => {
      ;(f.cases[1] as unknown as Record<string, unknown>).caseType = "投诉"
      return f
    },
    where: "cases[1].caseType",
    message: /^未知的案件类型 \/ unknown case type$/,
  },
  {
    name: "negative time",
    breakFile: (f) => {
      f.attempts[0].at = -5
      return f
    },
    where: "attempts[0].at",
    message: /^不能小于 0 \/ must not be below 0$/,
  },
  {
    name: "fractional time",
    breakFile: (f) => {
      f.notes[0].createdAt = 1.5
      return f
    },
    where: "notes[0].createdAt",
    message: /^应为整数 \/ must be a whole number$/,
  },
  {
    name: "settings garbage",
    breakFile: (f) => ({ ...f, settings: "dark mode please" }),
    where: "settings",
    message: /^类型不对，应为 object/,
  },
  {
    name: "settings with a bad site origin",
    breakFile: (f) => {
      f.settings.sites[0].origin = "crm.example.com/tickets"
      return f
    },
    where: "settings.sites[0].origin",
    message: /^站点只能是协议加主机名/,
  },
  {
    name: "unknown ladder level",
    breakFile: (f) => {
      ;(f.attempts[0] as unknown as Record<string, unknown>).level = 7
      return f
    },
    where: "attempts[0].level",
    message: /^阶梯级别只能是 1–4/,
  },
  {
    name: "backup from a newer version",
    breakFile: (f) => ({ ...f, schemaVersion: DB_VERSION + 1 }),
    where: "schemaVersion",
    message: /^备份来自更新版本的客服助手/,
  },
]

describe("importAll rejects malformed files and writes nothing", () => {
  it.each(MALFORMED)("$name → $where", async ({ breakFile, where, message }) => {
    const store = await seeded()
    const before = await store.exportAll()
    // A valid but different file: if anything were written, the database would change.
    const file = (await validFile()) as BackupFile & Record<string, unknown>
    file.contacts = [{ id: "other", name: "别人", role: "branch_cs" }]
    file.notes.forEach((n) => (n.problem += "（导入）"))
    for (const mode of ["replace", "merge"] as const) {
      const result = await store.importAll(breakFile(structuredClone(file)), mode)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.problems).toContainEqual({ where, message: expect.stringMatching(message) as string })
      for (const p of result.problems) expect(p.message).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff].* \/ /)
    }
    expect(await store.exportAll()).toEqual(before)
  })

  it("lists every bad row, then caps the list with a summary", async () => {
    const store = await seeded()
    const file = await validFile()
    file.notes = Array.from({ length: MAX_PROBLEMS + 50 }, (_, i) => ({
      ...file.notes[0],
      id: `x${i}`,
      waybill: "?",
    }))
    const result = await store.importAll(file, "replace")
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1)
    expect(result.problems[3]).toEqual({
      where: "notes[3].waybill",
      message: "运单号格式不对 / invalid waybill",
    })
    expect(result.problems.at(-1)?.message).toBe("还有 50 个问题未列出 / 50 more problems not listed")
    expect((await store.exportAll()).notes.map((n) => n.id)).toEqual(["n1", "n2"])
  })
})
