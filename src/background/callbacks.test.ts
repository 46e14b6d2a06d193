import { IDBKeyRange, indexedDB } from "fake-indexeddb"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { HandoffNote } from "~lib/cases/model"
import type { SidekickStore } from "~lib/store/contract"
import { createDb } from "~lib/store/db"
import { createStore } from "~lib/store/repository"

import { fakeChrome } from "./fake-chrome.test-helper"

let store: SidekickStore
vi.mock("./store", () => ({ getStore: () => store }))

const { onAlarm, onNotificationClicked, syncCallbacks } = await import("./callbacks")

let n = 0
const NOW = Date.now()

function note(
  waybill: string,
  callbackAt: number | undefined,
  extra: Partial<HandoffNote> = {},
): HandoffNote {
  return {
    id: `${waybill}-${n++}`,
    waybill,
    createdAt: NOW - 60_000,
    author: { name: "张晓梅", workId: "KF10086" },
    customerName: "李建国",
    problem: "快件滞留",
    actionsTaken: "已联系网点",
    contacted: "",
    promise: "今天下午五点前回电",
    callbackAt,
    nextStep: "",
    caseType: "滞留",
    status: "waiting",
    pageUrl: "https://crm.example.com/ticket/1",
    ...extra,
  }
}

describe("callback reminders", () => {
  let fake: ReturnType<typeof fakeChrome>
  beforeEach(() => {
    store = createStore(createDb(`callbacks-${n++}`, { indexedDB, IDBKeyRange }))
    fake = fakeChrome({ granted: ["https://crm.example.com/*"] })
    vi.stubGlobal("chrome", fake.chrome)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("schedules one alarm per future callback, shows overdue ones once, and clears stale alarms", async () => {
    await store.addNote(note("SF1385628716739", NOW + 3_600_000))
    await store.addNote(note("YT8962646785389", NOW - 1_000))
    await store.addNote(note("JT5261988016578", undefined))
    fake.alarms.set("callback:OLD", {
      name: "callback:OLD",
      scheduledTime: NOW + 5,
      persistAcrossSessions: true,
    })

    expect(await syncCallbacks(NOW)).toEqual({ scheduled: 2 })
    expect([...fake.alarms.keys()]).toEqual(["callback:SF1385628716739"])
    expect(fake.alarms.get("callback:SF1385628716739")?.scheduledTime).toBe(NOW + 3_600_000)
    expect(fake.notifications).toHaveLength(1)
    expect(fake.notifications[0]).toMatchObject({
      id: "callback:YT8962646785389",
      options: { title: "回电提醒 / Callback due" },
    })
    expect(fake.notifications[0].options.message).toContain("李建国")
    expect(fake.notifications[0].options.message).toContain("今天下午五点前回电")

    // Running again (e.g. on the next start) does not repeat a reminder already shown.
    expect(await syncCallbacks(NOW)).toEqual({ scheduled: 1 })
    expect(fake.notifications).toHaveLength(1)
  })

  it("an alarm for a case resolved meanwhile shows nothing", async () => {
    await store.addNote(note("SF1385628716739", NOW - 10))
    await store.upsertCase({ waybill: "SF1385628716739", status: "resolved" })
    await onAlarm({ name: "callback:SF1385628716739", scheduledTime: NOW, persistAcrossSessions: true })
    expect(fake.notifications).toHaveLength(0)
  })

  it("clicking the reminder focuses the case's tab, or opens its page; never a non-http URL", async () => {
    await store.addNote(note("SF1385628716739", NOW - 10))
    fake.tabs.push({ id: 7, url: "https://crm.example.com/ticket/1#reply", windowId: 3 })
    await onNotificationClicked("callback:SF1385628716739")
    expect(fake.chrome.tabs.update).toHaveBeenCalledWith(7, { active: true })
    expect(fake.chrome.windows.update).toHaveBeenCalledWith(3, { focused: true })

    fake.tabs.length = 0
    await onNotificationClicked("callback:SF1385628716739")
    expect(fake.chrome.tabs.create).toHaveBeenCalledWith({ url: "https://crm.example.com/ticket/1" })

    await store.addNote(note("YT8962646785389", NOW - 10, { pageUrl: "javascript:alert(1)" }))
    fake.chrome.tabs.create.mockClear()
    await onNotificationClicked("callback:YT8962646785389")
    expect(fake.chrome.tabs.create).not.toHaveBeenCalled()
  })
})
