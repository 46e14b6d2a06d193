import { IDBKeyRange, indexedDB } from "fake-indexeddb"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { SidekickStore } from "~lib/store/contract"
import { createDb } from "~lib/store/db"
import { createStore } from "~lib/store/repository"

import { fakeChrome, fakeLocks } from "./fake-chrome.test-helper"

vi.mock("url:~contents/sidekick/main.ts", () => ({ default: "chrome-extension://ext/main.1234.js" }))
let store: SidekickStore
vi.mock("./store", () => ({ getStore: () => store }))

const { disableSite, enableSite, reconcileSites, siteConfig, siteStatus } = await import("./sites")

const CRM = "https://crm.example.com"
let n = 0

function setup(init: Parameters<typeof fakeChrome>[0]) {
  const fake = fakeChrome(init)
  vi.stubGlobal("chrome", fake.chrome)
  return fake
}

describe("sites", () => {
  beforeEach(() => {
    store = createStore(createDb(`sites-${n++}`, { indexedDB, IDBKeyRange }))
    fakeLocks()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("refuses to enable a site without its host permission", async () => {
    const fake = setup({})
    expect(await enableSite(CRM)).toMatchObject({ ok: false })
    expect(fake.scripts.size).toBe(0)
    expect((await store.getSettings()).sites).toEqual([])
  })

  it("enables: stores the site, registers the script for it, injects into its open tabs", async () => {
    const fake = setup({
      granted: [`${CRM}/*`],
      tabs: [
        { id: 1, url: `${CRM}/ticket/1` },
        { id: 2, url: "https://other.example.com/" },
      ],
    })
    expect(await enableSite(CRM)).toEqual({ ok: true })
    expect((await store.getSettings()).sites.map((s) => s.origin)).toEqual([CRM])
    expect([...fake.scripts.values()]).toEqual([
      expect.objectContaining({
        id: `site:${CRM}`,
        js: ["main.1234.js"],
        matches: [`${CRM}/*`],
        runAt: "document_start",
        persistAcrossSessions: true,
      }),
    ])
    expect(fake.injected).toEqual([1])
    expect(await siteStatus(CRM)).toEqual({ enabled: true, granted: true })
    expect(await siteConfig(CRM)).toEqual({ origin: CRM, sidebarMode: "inpage" })
    expect(await siteConfig("https://evil.example.com")).toBeNull()
    expect(fake.local.sidebarMode).toBe("inpage")
  })

  it("disables: forgets the site, unregisters, tears down open tabs and drops the permission", async () => {
    const fake = setup({ granted: [`${CRM}/*`, "https://*/*"], tabs: [{ id: 1, url: `${CRM}/t` }] })
    await enableSite(CRM)
    expect(await disableSite(CRM)).toEqual({ ok: true })
    expect((await store.getSettings()).sites).toEqual([])
    expect(fake.scripts.size).toBe(0)
    expect(fake.sent).toEqual([{ tabId: 1, message: { type: "teardown" } }])
    // The site's own grant goes; a broad all-sites grant is never revoked by us.
    expect([...fake.granted]).toEqual(["https://*/*"])
  })

  it("reconciles after a restart or update: stale files re-registered, revoked sites forgotten", async () => {
    const fake = setup({ granted: [`${CRM}/*`] })
    await store.updateSettings({
      sites: [
        { origin: CRM, enabledAt: 1 },
        { origin: "https://gone.example.com", enabledAt: 1 },
      ],
    })
    fake.scripts.set(`site:${CRM}`, { id: `site:${CRM}`, js: ["main.old.js"], matches: [`${CRM}/*`] })
    fake.scripts.set("site:https://stray.example.com", {
      id: "site:https://stray.example.com",
      js: ["main.old.js"],
    })
    fake.scripts.set("not-ours", { id: "not-ours", js: ["x.js"] })
    await reconcileSites({ inject: false })
    expect((await store.getSettings()).sites.map((s) => s.origin)).toEqual([CRM])
    expect([...fake.scripts.keys()].sort()).toEqual(["not-ours", `site:${CRM}`])
    expect(fake.scripts.get(`site:${CRM}`)?.js).toEqual(["main.1234.js"])
  })

  it("seeds the e2e sites on install (port-less origins cover every port)", async () => {
    setup({ granted: ["http://127.0.0.1/*"], tabs: [{ id: 5, url: "http://127.0.0.1:4173/a.html" }] })
    await reconcileSites({ inject: true, seed: ["http://127.0.0.1"] })
    expect((await store.getSettings()).sites.map((s) => s.origin)).toEqual(["http://127.0.0.1"])
    expect(await siteConfig("http://127.0.0.1:4173")).toMatchObject({ origin: "http://127.0.0.1:4173" })
  })
})
