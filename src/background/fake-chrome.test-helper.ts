/** A small in-memory stand-in for the chrome.* APIs the service worker uses (tests only). */
import { vi } from "vitest"

export interface FakeTab {
  id: number
  url: string
  windowId?: number
}

function matches(pattern: string, url: string): boolean {
  const re = new RegExp(
    "^" +
      pattern
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")
        .replace("://.*\\.", "://(?:.*\\.)?") +
      "$",
  )
  // A pattern without a port matches every port.
  const portless = url.replace(/^(https?:\/\/[^/:]+):\d+/, "$1")
  return re.test(url) || (!/:\/\/[^/]+:\d+/.test(pattern) && re.test(portless))
}

export function fakeChrome(init: { granted?: string[]; tabs?: FakeTab[] } = {}) {
  const granted = new Set(init.granted ?? [])
  const scripts = new Map<string, chrome.scripting.RegisteredContentScript>()
  const tabs = init.tabs ?? []
  const local: Record<string, unknown> = {}
  const alarms = new Map<string, chrome.alarms.Alarm>()
  const sent: { tabId: number; message: unknown }[] = []
  const injected: number[] = []
  const notifications: { id: string; options: chrome.notifications.NotificationOptions }[] = []
  const covers = (origin: string) => [...granted].some((p) => matches(p, `${origin}/`))

  const chromeFake = {
    runtime: {
      id: "ext",
      getURL: (p: string) => `chrome-extension://ext/${p.replace(/^\//, "")}`,
      getManifest: () => ({ icons: { "128": "icon128.png" } }),
    },
    permissions: {
      contains: vi.fn(async ({ origins }: { origins: string[] }) =>
        origins.every((o) => granted.has(o) || covers(o.replace(/\/\*$/, ""))),
      ),
      getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        for (const o of origins) granted.delete(o)
        return true
      }),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (list: chrome.scripting.RegisteredContentScript[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`)
          scripts.set(s.id, s)
        }
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) scripts.delete(id)
      }),
      executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId)
        return []
      }),
    },
    tabs: {
      // Without the "tabs" permission, URL filters only see tabs of granted hosts.
      query: vi.fn(async (q: { url?: string }) =>
        tabs.filter((t) => (q.url ? matches(q.url, t.url) && covers(new URL(t.url).origin) : true)),
      ),
      sendMessage: vi.fn(async (tabId: number, message: unknown) => {
        sent.push({ tabId, message })
      }),
      update: vi.fn(async () => undefined),
      create: vi.fn(async (p: { url: string }) => ({ id: 999, url: p.url })),
    },
    windows: { update: vi.fn(async () => undefined) },
    storage: {
      local: {
        get: vi.fn(async (keys: string | string[]) =>
          Object.fromEntries(
            (Array.isArray(keys) ? keys : [keys]).filter((k) => k in local).map((k) => [k, local[k]]),
          ),
        ),
        set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(local, items)),
      },
      onChanged: { addListener: vi.fn() },
    },
    alarms: {
      getAll: vi.fn(async () => [...alarms.values()]),
      create: vi.fn(async (name: string, info: { when: number }) => {
        alarms.set(name, { name, scheduledTime: info.when, persistAcrossSessions: true })
      }),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
    },
    notifications: {
      create: vi.fn(async (id: string, options: chrome.notifications.NotificationOptions) => {
        notifications.push({ id, options })
        return id
      }),
      clear: vi.fn(async () => true),
    },
  }
  return { chrome: chromeFake, granted, scripts, tabs, local, alarms, sent, injected, notifications }
}

/** Web Locks are missing in Node 20: run the callbacks one after the other. */
export function fakeLocks(): void {
  let chain: Promise<unknown> = Promise.resolve()
  vi.stubGlobal("navigator", {
    locks: {
      request: (_name: string, fn: () => Promise<unknown>) => {
        const run = chain.then(fn, fn)
        chain = run.catch(() => undefined)
        return run
      },
    },
  })
}
