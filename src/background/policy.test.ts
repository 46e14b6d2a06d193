import { IDBKeyRange, indexedDB } from "fake-indexeddb"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { SidekickStore } from "~lib/store/contract"
import { createDb } from "~lib/store/db"
import { createStore } from "~lib/store/repository"

import { fakeChrome, fakeLocks } from "./fake-chrome.test-helper"

vi.mock("url:~contents/sidekick/main.ts", () => ({ default: "chrome-extension://ext/main.1234.js" }))
let store: SidekickStore
vi.mock("./store", () => ({ getStore: () => store }))

const { onStorageChanged, readManaged, refreshPolicy } = await import("./policy")
const { disableSite, siteConfig } = await import("./sites")

const CRM = "https://crm.example.com"
let n = 0

/** The fake browser plus a managed area: an object, or a function (e.g. one that throws, as Firefox does). */
function setup(
  managed: Record<string, unknown> | (() => Promise<Record<string, unknown>>),
  granted: string[] = [],
) {
  const fake = fakeChrome({ granted, tabs: [{ id: 1, url: `${CRM}/ticket/1` }] })
  const get = typeof managed === "function" ? vi.fn(managed) : vi.fn(async () => structuredClone(managed))
  vi.stubGlobal("chrome", { ...fake.chrome, storage: { ...fake.chrome.storage, managed: { get } } })
  return { fake, get }
}

describe("the worker's policy", () => {
  beforeEach(() => {
    store = createStore(createDb(`policy-${n++}`, { indexedDB, IDBKeyRange }))
    fakeLocks()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("Firefox without policies.json: managed.get throws; read as unavailable, nothing locked", async () => {
    setup(async () => {
      throw new Error("Managed storage manifest not found")
    })
    expect(await readManaged()).toEqual({
      source: "unavailable",
      error: "Managed storage manifest not found",
    })
    const snapshot = await refreshPolicy(() => 5)
    expect(snapshot).toMatchObject({ source: "unavailable", policy: {}, diagnostics: [] })
    expect((await store.getPolicy()).source).toBe("unavailable")
  })

  it("applies a policy: its site registered once granted, its config to the page, not disableable", async () => {
    const { fake } = setup(
      {
        companyName: "盛辉物流",
        sites: [{ origin: CRM, waybillSelector: "#wb", internalNote: { selector: "#note" } }],
      },
      [`${CRM}/*`],
    )
    await refreshPolicy()
    expect([...fake.scripts.keys()]).toHaveLength(1)
    expect(fake.injected).toEqual([1]) // the open tab of the newly covered site
    expect(fake.sent).toContainEqual({ tabId: 1, message: { type: "site-config-changed" } })
    expect(await siteConfig(CRM)).toMatchObject({
      origin: CRM,
      pinnedSelector: "#wb",
      internalNote: { selector: "#note" },
    })
    expect(await disableSite(CRM)).toMatchObject({ ok: false })
    expect((await store.getSettings()).profile.company).toBe("盛辉物流")
  })

  it("a policy site without the host permission stays enabled, waiting; nothing registered", async () => {
    const { fake } = setup({ sites: [{ origin: CRM }] })
    await refreshPolicy()
    expect(fake.scripts.size).toBe(0)
    expect((await store.getSettings()).sites).toEqual([{ origin: CRM, enabledAt: 0, managed: true }])
  })

  it("an unchanged policy is not written again; a removed one unlocks and unregisters", async () => {
    const { fake, get } = setup({ sites: [{ origin: CRM }] }, [`${CRM}/*`])
    const first = await refreshPolicy(() => 1)
    expect((await refreshPolicy(() => 2)).readAt).toBe(first.readAt)
    get.mockImplementation(async () => ({}))
    const cleared = await refreshPolicy(() => 3)
    expect(cleared).toMatchObject({ source: "none", policy: {}, readAt: 3 })
    expect(fake.scripts.size).toBe(0)
    expect((await store.getSettings()).sites).toEqual([])
  })

  it("reacts to the managed area only", async () => {
    const refresh = vi.fn(async () => undefined)
    onStorageChanged("local", refresh)
    onStorageChanged("sync", refresh)
    expect(refresh).not.toHaveBeenCalled()
    onStorageChanged("managed", refresh)
    expect(refresh).toHaveBeenCalledTimes(1)
  })
})
