import { describe, expect, it } from "vitest"

import { createPhrasebookStore } from "./phrasebook-repository"
import { freshDb } from "./store.test-helper"

describe("phrasebook store", () => {
  it("keeps exactly one active version", async () => {
    let clock = 100
    const books = createPhrasebookStore(freshDb().db, { now: () => clock++ })
    expect(await books.getActivePhrasebook()).toBeUndefined()
    await books.putPhrasebook("1", { rules: ["a"] }, { activate: true })
    await books.putPhrasebook("2", { rules: ["a", "b"] })
    expect((await books.getActivePhrasebook())?.version).toBe("1")
    await books.activatePhrasebook("2")
    expect(await books.getActivePhrasebook()).toEqual({
      version: "2",
      importedAt: 101,
      active: 1,
      book: { rules: ["a", "b"] },
    })
    await books.putPhrasebook("3", { rules: [] }, { activate: true })
    expect(await books.listPhrasebooks()).toEqual([
      { version: "3", importedAt: 102, active: 1 },
      { version: "2", importedAt: 101, active: 0 },
      { version: "1", importedAt: 100, active: 0 },
    ])
  })

  it("re-importing the active version keeps it active; unknown versions are not-found", async () => {
    const books = createPhrasebookStore(freshDb().db)
    await books.putPhrasebook("1", { v: 1 }, { activate: true })
    await books.putPhrasebook("1", { v: 2 })
    expect((await books.getActivePhrasebook())?.book).toEqual({ v: 2 })
    await expect(books.activatePhrasebook("9")).rejects.toMatchObject({
      name: "StoreError",
      code: "not-found",
    })
    expect((await books.getActivePhrasebook())?.version).toBe("1")
    await books.deletePhrasebook("1")
    expect(await books.getPhrasebook("1")).toBeUndefined()
    await expect(books.putPhrasebook("", {})).rejects.toMatchObject({ code: "invalid" })
  })
})
