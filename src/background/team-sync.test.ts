import { IDBKeyRange, IDBFactory } from "fake-indexeddb"
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"

import { createDb, type SidekickDB } from "~lib/store/db"
import { createStore } from "~lib/store/repository"
import { makeNote } from "~lib/store/store.test-helper"

import { cookieFetch, startStandIn, type StandIn } from "../../tests/team/stand-in"
import { prepareServer } from "../../tests/team/harness"
import { fakeChrome, fakeLocks } from "./fake-chrome.test-helper"

let db: SidekickDB
vi.mock("~lib/store/db", async (orig) => ({ ...(await orig<object>()), getDb: () => db }))

const { runTeamPush, syncTeamPolicy, teamLogin, teamQa, teamStatus, teamTimeline, TEAM_ALARM } =
  await import("./team-sync")

function install(managed: Record<string, unknown>, granted: string[] = []) {
  const fake = fakeChrome({ granted })
  const chromeFake = {
    ...fake.chrome,
    storage: {
      ...fake.chrome.storage,
      managed: { get: vi.fn(async (key: string) => (key in managed ? { [key]: managed[key] } : {})) },
    },
    alarms: {
      ...fake.chrome.alarms,
      get: vi.fn(async (name: string) => fake.alarms.get(name)),
      create: vi.fn(async (name: string, info: { periodInMinutes?: number }) => {
        fake.alarms.set(name, {
          name,
          scheduledTime: 0,
          periodInMinutes: info.periodInMinutes,
          persistAcrossSessions: true,
        })
      }),
    },
  }
  vi.stubGlobal("chrome", chromeFake)
  return fake
}

async function writeNote(id: string) {
  const store = createStore(db)
  await store.updateSettings({ profile: { name: "李娜", workId: "A1", company: "" } })
  await store.addNote(makeNote({ id, waybill: "SF1234567890", author: { name: "李娜", workId: "A1" } }))
}

beforeEach(() => {
  db = createDb(`w-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange })
  fakeLocks()
})

describe("team sync in the worker, without a team server", () => {
  it("makes no network request and queues nothing", async () => {
    const spy = vi.fn(() => Promise.reject(new Error("no network expected")))
    vi.stubGlobal("fetch", spy)
    const fake = install({})
    await syncTeamPolicy()
    await writeNote("n1")
    expect(await runTeamPush(true)).toMatchObject({ status: "unavailable", error: "off" })
    expect(await teamTimeline("SF1234567890", true)).toMatchObject({ ok: false, error: "off" })
    expect(await teamQa(0, 1)).toMatchObject({ ok: false })
    expect((await teamStatus()).state).toBe("off")
    expect(await db.outbox.count()).toBe(0)
    expect(fake.alarms.has(TEAM_ALARM)).toBe(false)
    expect(spy).not.toHaveBeenCalled()
  })

  it("with a policy but no host permission: still no request, the panel asks for the permission", async () => {
    const spy = vi.fn(() => Promise.reject(new Error("no network expected")))
    vi.stubGlobal("fetch", spy)
    install({ teamServer: { url: "https://couch.example.com" } })
    await syncTeamPolicy()
    await writeNote("n1")
    expect(await db.outbox.count()).toBe(1) // queued, waiting for the permission
    expect((await teamStatus()).state).toBe("needs-permission")
    expect((await teamStatus()).hostPattern).toBe("https://couch.example.com/*")
    expect(spy).not.toHaveBeenCalled()
  })

  it("an invalid policy is reported and never used", async () => {
    install({ teamServer: { url: "http://couch.example.com" } })
    await syncTeamPolicy()
    const status = await teamStatus()
    expect(status.state).toBe("invalid")
    expect(status.problem).toMatch(/https/)
  })
})

describe("team sync in the worker, with the stand-in server", { timeout: 120_000 }, () => {
  let standIn: StandIn
  let url: string
  beforeAll(async () => {
    standIn = await startStandIn()
    await prepareServer(standIn, [
      { name: "A1", roles: ["agent"] },
      { name: "Q9", roles: ["qa"] },
    ])
    url = standIn.url
  }, 60_000)
  afterAll(() => standIn.close())

  it("needs a login, then pushes, serves the down path (cached) and refuses QA figures to an agent", async () => {
    vi.stubGlobal("fetch", cookieFetch())
    const fake = install({ teamServer: { url } }, ["http://127.0.0.1/*"])
    await syncTeamPolicy()
    expect(fake.alarms.get(TEAM_ALARM)?.periodInMinutes).toBe(1)
    await writeNote("n1")
    expect((await teamStatus()).state).toBe("needs-login")
    expect(await teamLogin("A1", "wrong")).toEqual({ ok: false, error: "bad-credentials" })
    expect(await teamLogin("A1", "A1-pw")).toEqual({ ok: true })
    const status = await teamStatus()
    expect(status).toMatchObject({ state: "ok", user: "A1", queued: 0, isQa: false })
    expect(JSON.stringify(await db.teamMeta.toArray())).not.toContain("A1-pw")
    const first = await teamTimeline("SF1234567890", false)
    expect(first).toMatchObject({ ok: true, cached: false })
    expect(first.docs).toHaveLength(1)
    expect(await teamTimeline("SF1234567890", false)).toMatchObject({ ok: true, cached: true })
    expect(await teamQa(0, Date.now())).toEqual({ ok: false, error: "not-qa" })
  })
})
