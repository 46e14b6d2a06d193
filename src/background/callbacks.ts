/**
 * Callback reminders: one alarm per case with a promised callback time (`callback:<waybill>`), a
 * notification when it fires, and the case's CRM page on click. Which reminders were already shown is
 * kept in chrome.storage.local, never in memory (the worker may stop at any time).
 */
import { originOf, originToPattern } from "~lib/page/origin"
import type { CaseRecord } from "~lib/cases/model"

import { getStore } from "./store"

const PREFIX = "callback:"
const NOTIFIED_KEY = "notifiedCallbacks"

type Notified = Record<string, number>

async function readNotified(): Promise<Notified> {
  const v = (await chrome.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY]
  return v && typeof v === "object" ? (v as Notified) : {}
}

async function markNotified(waybill: string, at: number): Promise<void> {
  const notified = await readNotified()
  notified[waybill] = at
  await chrome.storage.local.set({ [NOTIFIED_KEY]: notified })
}

const due = (c: CaseRecord): c is CaseRecord & { callbackAt: number } =>
  c.status !== "resolved" && typeof c.callbackAt === "number"

/** Re-reads callback times and (re)schedules one alarm per case; overdue ones are shown now. */
export async function syncCallbacks(now = Date.now()): Promise<{ scheduled: number }> {
  const store = getStore()
  const cases = (await store.listDueCallbacks(Number.MAX_SAFE_INTEGER)).filter(due)
  const notified = await readNotified()
  const alarms = new Map(
    (await chrome.alarms.getAll()).filter((a) => a.name.startsWith(PREFIX)).map((a) => [a.name, a]),
  )
  let scheduled = 0
  const wanted = new Set<string>()
  for (const c of cases) {
    const name = PREFIX + c.waybill
    if (notified[c.waybill] === c.callbackAt) continue
    if (c.callbackAt <= now) {
      await notifyCallback(c.waybill)
      scheduled++
      continue
    }
    wanted.add(name)
    scheduled++
    if (alarms.get(name)?.scheduledTime !== c.callbackAt)
      await chrome.alarms.create(name, { when: c.callbackAt })
  }
  for (const name of alarms.keys()) if (!wanted.has(name)) await chrome.alarms.clear(name)
  // Forget shown reminders of cases that no longer wait for a callback (keeps the record small).
  const open = new Set(cases.map((c) => c.waybill))
  const kept = Object.fromEntries(Object.entries(notified).filter(([w]) => open.has(w)))
  if (Object.keys(kept).length !== Object.keys(notified).length)
    await chrome.storage.local.set({ [NOTIFIED_KEY]: kept })
  return { scheduled }
}

export async function onAlarm(alarm: chrome.alarms.Alarm): Promise<void> {
  if (alarm.name.startsWith(PREFIX)) await notifyCallback(alarm.name.slice(PREFIX.length))
}

function iconUrl(): string {
  const icons = chrome.runtime.getManifest().icons ?? {}
  const path = icons["128"] ?? icons["64"] ?? Object.values(icons)[0] ?? ""
  return chrome.runtime.getURL(path)
}

/** Shows the reminder for a case unless it was resolved, rescheduled or already shown. */
export async function notifyCallback(waybill: string): Promise<boolean> {
  const store = getStore()
  const c = await store.getCase(waybill)
  if (!c || !due(c)) return false
  if (c.callbackAt > Date.now() + 60_000) return false // rescheduled later; its own alarm will come
  const notified = await readNotified()
  if (notified[waybill] === c.callbackAt) return false
  const notes = await store.listNotes(waybill)
  const promise =
    [...notes]
      .reverse()
      .find((n) => n.promise.trim())
      ?.promise.trim() ?? ""
  const customer = c.customerName ?? [...notes].reverse().find((n) => n.customerName)?.customerName ?? ""
  const lines = [`${waybill}${customer ? ` · ${customer}` : ""}`]
  if (promise) lines.push(`承诺 / Promise: ${promise}`)
  await chrome.notifications.create(PREFIX + waybill, {
    type: "basic",
    iconUrl: iconUrl(),
    title: "回电提醒 / Callback due",
    message: lines.join("\n").slice(0, 500),
    priority: 2,
    requireInteraction: true,
  })
  await markNotified(waybill, c.callbackAt)
  return true
}

/** Opens (or focuses) the CRM page the case was written on. */
export async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(PREFIX)) return
  const waybill = id.slice(PREFIX.length)
  await chrome.notifications.clear(id)
  const c = await getStore().getCase(waybill)
  const url = c?.pageUrl
  const origin = originOf(url)
  if (!url || !origin) return // only http(s) pages, never javascript: or data:
  const pattern = originToPattern(origin)
  const tabs = pattern ? await chrome.tabs.query({ url: pattern }) : []
  const strip = (u: string) => u.split("#")[0]
  const existing = tabs.find((t) => t.url && strip(t.url) === strip(url))
  if (existing?.id !== undefined) {
    await chrome.tabs.update(existing.id, { active: true })
    if (existing.windowId !== undefined) await chrome.windows.update(existing.windowId, { focused: true })
  } else {
    await chrome.tabs.create({ url })
  }
}
