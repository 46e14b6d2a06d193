import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { parsePolicy } from "../policy/parse"
import type { PolicySnapshot } from "../policy/model"
import { createPhrasebookStore } from "./phrasebook-repository"
import { createStore } from "./repository"
import { freshDb } from "./store.test-helper"

const book = { ...DEFAULT_PHRASEBOOK, version: "2026.12.1" }

function snapshot(raw: Record<string, unknown>): PolicySnapshot {
  const { policy, diagnostics } = parsePolicy(raw)
  return { readAt: 1000, source: "managed", policy, diagnostics }
}

describe("the store under an admin policy", () => {
  it("reads the effective settings, stores only the agent's own, and keeps the policy across replace-import and purge", async () => {
    const { db } = freshDb()
    const store = createStore(db)
    await store.updateSettings({ profile: { name: "王芳", workId: "8012", company: "我的公司" } })
    await store.setPolicy(
      snapshot({ companyName: "盛辉物流", sites: [{ origin: "https://crm.example.com" }] }),
    )

    const eff = await store.getSettings()
    expect(eff.profile.company).toBe("盛辉物流")
    expect(eff.sites).toEqual([{ origin: "https://crm.example.com", enabledAt: 0, managed: true }])

    // The agent saves the profile form (which showed the policy's company, disabled).
    await store.updateSettings({ profile: { ...eff.profile, name: "王芳芳" }, sites: [] })
    const row = await db.settings.get("settings")
    expect(row?.value).toMatchObject({ profile: { name: "王芳芳", company: "我的公司" }, sites: [] })
    expect((await store.getSettings()).sites.map((s) => s.origin)).toEqual(["https://crm.example.com"])

    const backup = await store.exportAll()
    expect(backup.settings.profile.company).toBe("我的公司")
    expect(await store.importAll(backup, "replace")).toMatchObject({ ok: true })
    expect((await store.getPolicy()).policy.company).toBe("盛辉物流")
    await store.purgeAll()
    expect((await store.getSettings()).profile).toEqual({ name: "", workId: "", company: "盛辉物流" })
  })

  it("the policy's directory and phrasebook are the ones in force; the agent's come back without it", async () => {
    const { db } = freshDb()
    const store = createStore(db)
    const books = createPhrasebookStore(db)
    await store.replaceContacts([{ id: "mine", name: "自己导入", role: "window" }])
    await books.putPhrasebook("2026.11.9", DEFAULT_PHRASEBOOK, { activate: true })
    await store.setPolicy(
      snapshot({ contactDirectory: "姓名,角色\n周敏,总部职能部门\n", phrasebook: JSON.stringify(book) }),
    )
    expect((await store.listContacts()).map((c) => c.name)).toEqual(["周敏"])
    expect((await books.getActivePhrasebook())?.version).toBe("2026.12.1")

    await store.setPolicy(snapshot({}))
    expect((await store.listContacts()).map((c) => c.name)).toEqual(["自己导入"])
    expect((await books.getActivePhrasebook())?.version).toBe("2026.11.9")
  })

  it("refuses export when the policy forbids it", async () => {
    const { db } = freshDb()
    const store = createStore(db)
    await store.setPolicy(snapshot({ allowExport: false }))
    await expect(store.exportAll()).rejects.toMatchObject({ code: "forbidden" })
    await store.setPolicy(snapshot({ allowExport: true }))
    await expect(store.exportAll()).resolves.toMatchObject({ format: "cs-sidekick-backup" })
  })

  it("without a policy: an empty snapshot, settings exactly as stored", async () => {
    const { db } = freshDb()
    const store = createStore(db)
    expect(await store.getPolicy()).toMatchObject({ source: "none", policy: {}, diagnostics: [] })
    const saved = await store.updateSettings({ locale: "en" })
    expect(await store.getSettings()).toEqual(saved)
  })
})
