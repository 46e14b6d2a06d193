// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { createLifetime, HANDOVER_KEY, MARKER, STOP_EVENT } from "./lifetime"

/** chrome.runtime.id plus an in-memory chrome.storage.local (what page scripts cannot touch). */
function fakeChrome(store: Map<string, unknown>) {
  return {
    runtime: { id: "ext" },
    storage: {
      local: {
        get: (key: string) => Promise.resolve(store.has(key) ? { [key]: store.get(key) } : {}),
        set: (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) store.set(k, v)
          return Promise.resolve()
        },
        remove: (key: string) => {
          store.delete(key)
          return Promise.resolve()
        },
      },
    },
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await settle()
}

describe("createLifetime", () => {
  let store: Map<string, unknown>
  beforeEach(() => {
    store = new Map()
    vi.stubGlobal("chrome", fakeChrome(store))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    delete document.documentElement.dataset[MARKER]
  })

  it("marks the page and ends the older copy when a new one starts", async () => {
    const first = createLifetime()
    expect(document.documentElement.dataset[MARKER]).toBeTruthy()
    const second = createLifetime()
    await until(() => first.signal.aborted)
    expect(first.signal.aborted).toBe(true)
    expect(first.signal.reason).toBe("replaced")
    expect(second.alive()).toBe(true)
    expect([...store.keys()].filter((k) => k.startsWith(HANDOVER_KEY))).toEqual([]) // single use
    second.end("teardown")
    expect(document.documentElement.dataset[MARKER]).toBeUndefined()
  })

  it("ignores stop events a page script dispatches (any detail, the marker token, a replay)", async () => {
    const life = createLifetime()
    const marker = document.documentElement.dataset[MARKER]!
    const forged: unknown[] = [undefined, null, "", "x", 42, { token: marker }, "0".repeat(32), marker + "0"]
    for (const detail of forged) document.dispatchEvent(new CustomEvent(STOP_EVENT, { detail }))
    // A page that saw a real handover replays its token after it was used.
    const second = createLifetime()
    const seen: string[] = []
    document.addEventListener(STOP_EVENT, (e) => seen.push(String((e as CustomEvent).detail)))
    await until(() => life.signal.aborted)
    expect(life.signal.aborted).toBe(true) // the genuine handover worked
    for (const detail of [...seen, document.documentElement.dataset[MARKER]]) {
      document.dispatchEvent(new CustomEvent(STOP_EVENT, { detail }))
      document.dispatchEvent(new CustomEvent(STOP_EVENT, { detail: String(detail).replace(/.$/, "f") }))
    }
    await settle()
    await settle()
    expect(second.alive()).toBe(true)
    second.end("teardown")
  })

  it("a forged event with a fresh-looking token but nothing in extension storage is ignored", async () => {
    const life = createLifetime()
    document.dispatchEvent(new CustomEvent(STOP_EVENT, { detail: "a".repeat(32) }))
    await settle()
    await settle()
    expect(life.alive()).toBe(true)
    life.end("teardown")
  })

  it("ends when the extension context is invalidated (reload / update)", () => {
    const life = createLifetime()
    expect(life.alive()).toBe(true)
    vi.stubGlobal("chrome", { runtime: {} })
    // alive() is a query: it reports the context gone but ends nothing; check() ends the lifetime.
    expect(life.alive()).toBe(false)
    expect(life.signal.aborted).toBe(false)
    expect(life.check()).toBe(false)
    expect(life.signal.aborted).toBe(true)
    expect(life.signal.reason).toBe("context invalidated")
  })
})
