// liveQuery looks for a global indexedDB (not the instance's), so this file installs fake-indexeddb globally first.
import "fake-indexeddb/auto"

import { liveQuery } from "dexie"
import { describe, expect, it } from "vitest"

import { createDb } from "./db"
import { createStore } from "./repository"
import { makeNote } from "./store.test-helper"

describe("liveQuery", () => {
  it("re-runs listNotes and listDueCallbacks when addNote writes", async () => {
    const db = createDb(`live-${Math.random().toString(36).slice(2)}`)
    const store = createStore(db)
    const timeline: number[] = []
    const due: string[][] = []
    let done!: () => void
    const reachedEnd = new Promise<void>((resolve) => (done = resolve))
    const check = () => {
      if (timeline.at(-1) === 2 && due.at(-1)?.length === 1) done()
    }
    const subs = [
      liveQuery(() => store.listNotes("SF1234567890")).subscribe({
        next: (notes) => {
          timeline.push(notes.length)
          check()
        },
      }),
      liveQuery(() => store.listDueCallbacks(Number.MAX_SAFE_INTEGER)).subscribe({
        next: (cases) => {
          due.push(cases.map((c) => c.waybill))
          check()
        },
      }),
    ]
    // Write only after both queries have emitted their first (empty) result.
    while (timeline.length === 0 || due.length === 0) await new Promise((r) => setTimeout(r, 5))
    expect(timeline).toEqual([0])
    await store.addNote(makeNote({ id: "n1" }))
    await store.addNote(makeNote({ id: "n2", createdAt: 1_700_000_000_001, callbackAt: 1_700_000_100_000 }))
    await reachedEnd
    for (const sub of subs) sub.unsubscribe()
    expect(timeline[0]).toBe(0)
    expect(timeline.at(-1)).toBe(2)
    expect(due[0]).toEqual([])
    expect(due.at(-1)).toEqual(["SF1234567890"])
    db.close()
  })
})
