import Dexie from "dexie"
import { describe, expect, it } from "vitest"

import { StoreError, toStoreError, type StoreErrorCode } from "./errors"
import { createStore } from "./repository"
import { failWritesWithQuota, freshDb, makeNote } from "./store.test-helper"

const named = (name: string) => Object.assign(new Error(name), { name })

describe("toStoreError", () => {
  const cases: [string, unknown, StoreErrorCode][] = [
    ["DOMException QuotaExceededError", new DOMException("full", "QuotaExceededError"), "quota"],
    [
      "Dexie AbortError wrapping a quota error",
      new Dexie.AbortError("aborted", named("QuotaExceededError")),
      "quota",
    ],
    [
      "quota two levels down",
      Object.assign(named("AbortError"), { inner: { name: "X", inner: named("QuotaExceededError") } }),
      "quota",
    ],
    ["Dexie QuotaExceededError", new Dexie.QuotaExceededError("full"), "quota"],
    ["database closed by a newer version", new Dexie.DatabaseClosedError("closed"), "blocked"],
    ["version change", new Dexie.VersionChangeError("vc"), "blocked"],
    ["missing object store", new Dexie.NotFoundError("nf"), "not-found"],
    ["constraint", new Dexie.ConstraintError("dup"), "invalid"],
    ["plain AbortError", new Dexie.AbortError("aborted"), "unknown"],
    ["TypeError", new TypeError("x is undefined"), "unknown"],
    ["a thrown string", "boom", "unknown"],
  ]
  it.each(cases)("%s → %s", (_label, error, code) => {
    const mapped = toStoreError(error)
    expect(mapped).toBeInstanceOf(StoreError)
    expect(mapped.code).toBe(code)
    expect(mapped.cause).toBe(error)
    expect(mapped.message).toMatch(/^[\u4e00-\u9fff].* \/ [A-Z]/)
  })

  it("passes a StoreError through and says the quota message the UI shows", () => {
    const original = new StoreError("quota")
    expect(toStoreError(original)).toBe(original)
    expect(original.message).toBe(
      "存储空间已满，本次未保存，之前的记录完好 / Storage is full: this change was not saved; everything saved before is intact",
    )
  })
})

describe("a full disk writes nothing by halves", () => {
  it("addNote: the case write fails, so the note is not stored either", async () => {
    const { factory, name } = freshDb()
    const healthy = createStore(freshDb({ factory, name }).db)
    await healthy.addNote(makeNote({ id: "before" }))

    const { db } = freshDb({ factory, name })
    failWritesWithQuota(db, "cases")
    const full = createStore(db)
    const error: unknown = await full
      .addNote(makeNote({ id: "after", createdAt: 1_700_000_000_500, caseType: "丢失" }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe("quota")
    expect((await full.listNotes("SF1234567890")).map((n) => n.id)).toEqual(["before"])
    expect((await full.getCase("SF1234567890"))?.caseType).toBe("查询")
  })

  it("importAll replace: a failing notes write leaves the cleared tables as they were", async () => {
    const { factory, name } = freshDb()
    const healthy = createStore(freshDb({ factory, name }).db)
    await healthy.addNote(makeNote({ id: "keep" }))
    await healthy.replaceContacts([{ id: "c1", name: "小张", role: "window" }])
    const file = await healthy.exportAll()
    const before = JSON.parse(JSON.stringify(file)) as typeof file
    file.notes = [makeNote({ id: "new", waybill: "YT0000000001" })]
    file.contacts = []

    const { db } = freshDb({ factory, name })
    failWritesWithQuota(db, "notes")
    const full = createStore(db)
    await expect(full.importAll(file, "replace")).rejects.toMatchObject({ name: "StoreError", code: "quota" })
    expect(await full.exportAll()).toEqual({ ...before, exportedAt: expect.any(Number) as number })
  })

  it("purgeAll: one failing table leaves every table untouched", async () => {
    const { factory, name } = freshDb()
    const healthy = createStore(freshDb({ factory, name }).db)
    await healthy.addNote(makeNote({ id: "keep" }))
    await healthy.updateSettings({ locale: "en" })

    const { db } = freshDb({ factory, name })
    failWritesWithQuota(db, "settings")
    const full = createStore(db)
    await expect(full.purgeAll()).rejects.toMatchObject({ code: "quota" })
    expect(await db.notes.count()).toBe(1)
    expect(await db.cases.count()).toBe(1)
    expect((await full.getSettings()).locale).toBe("en")
  })
})
