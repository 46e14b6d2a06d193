import { describe, expect, it } from "vitest"

import { createKnowledgeStore } from "./knowledge-repository"
import { failWritesWithQuota, freshDb } from "./store.test-helper"

describe("knowledge pack store", () => {
  it("keeps at most one active version and lists newest first", async () => {
    let clock = 100
    const packs = createKnowledgeStore(freshDb().db, { now: () => clock++ })
    expect(await packs.getActivePack()).toBeUndefined()
    await packs.putPack("a", { cards: [1] }, { activate: true })
    await packs.putPack("b", { cards: [2] })
    expect((await packs.getActivePack())?.version).toBe("a")
    await packs.activatePack("b")
    expect(await packs.getActivePack()).toEqual({
      version: "b",
      importedAt: 101,
      active: 1,
      pack: { cards: [2] },
    })
    expect(await packs.listPacks()).toEqual([
      { version: "b", importedAt: 101, active: 1 },
      { version: "a", importedAt: 100, active: 0 },
    ])
    await packs.deactivateAll()
    expect(await packs.getActivePack()).toBeUndefined()
    expect(await packs.listPacks()).toHaveLength(2)
  })

  it("refuses an unknown or empty version and keeps the active one", async () => {
    const packs = createKnowledgeStore(freshDb().db)
    await packs.putPack("a", {}, { activate: true })
    await expect(packs.activatePack("zz")).rejects.toMatchObject({ name: "StoreError", code: "not-found" })
    await expect(packs.putPack("", {})).rejects.toMatchObject({ code: "invalid" })
    expect((await packs.getActivePack())?.version).toBe("a")
    await packs.deletePack("a")
    expect(await packs.listPacks()).toEqual([])
  })

  it("a failed write (disk full) leaves the previous active pack in force", async () => {
    const { db, factory, name } = freshDb()
    await createKnowledgeStore(db).putPack("a", { v: 1 }, { activate: true })
    db.close()
    const { db: again } = freshDb({ factory, name })
    failWritesWithQuota(again, "knowledgePacks")
    const packs = createKnowledgeStore(again)
    await expect(packs.putPack("b", { v: 2 }, { activate: true })).rejects.toMatchObject({
      name: "StoreError",
    })
    expect((await packs.getActivePack())?.version).toBe("a")
  })
})
