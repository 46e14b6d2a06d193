/**
 * Bundled with esbuild into a benchmark page (window.csStoreBench): the extension's store (Dexie
 * database + repository) next to raw IndexedDB doing the same queries, in the same page.
 */
import Dexie from "dexie"

import { createDb } from "../../src/lib/store/db"
import { createStore } from "../../src/lib/store/repository"

const NAME = "cs-sidekick-bench"

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function note(i: number, waybill: string, createdAt: number) {
  return {
    id: `n-${i}`,
    waybill,
    createdAt,
    author: { name: "李娜", workId: "A1024" },
    customerName: "王先生",
    customerContact: `138${String(i).padStart(8, "0")}`,
    problem: "快件滞留在网点三天未派送",
    actionsTaken: "已联系网点窗口",
    contacted: "窗口人员：答应今天派送",
    promise: "今天 18:00 前回电",
    nextStep: "18:00 前确认是否派送",
  }
}

const db = createDb(NAME)
const store = createStore(db)
let raw: IDBDatabase | null = null

const api = {
  /** Fresh database with `total` notes, `mine` of them for the target waybill; returns that waybill. */
  async seed(total: number, mine: number): Promise<string> {
    await db.delete()
    await db.open()
    const target = "SF1385628716739"
    const base = 1_700_000_000_000
    const batch: ReturnType<typeof note>[] = []
    const every = Math.floor(total / mine)
    for (let i = 0; i < total; i++) {
      const wb =
        i % every === 0 && i / every < mine ? target : `SF${String(1_000_000_000_000 + (i % 20_000))}`
      batch.push(note(i, wb, base + i * 60_000))
      if (batch.length === 10_000) await db.notes.bulkPut(batch.splice(0))
    }
    if (batch.length) await db.notes.bulkPut(batch)
    raw = await req(indexedDB.open(NAME))
    return target
  },
  async count(): Promise<number> {
    return db.notes.count()
  },
  /** The sidebar's notes timeline query through the repository. */
  async dexieTimeline(waybill: string): Promise<{ ms: number; n: number }> {
    const t0 = performance.now()
    const notes = await store.listNotes(waybill)
    return { ms: performance.now() - t0, n: notes.length }
  },
  /** The same query in raw IndexedDB: the compound index, one getAll over the waybill's range. */
  async rawTimeline(waybill: string): Promise<{ ms: number; n: number }> {
    if (!raw) throw new Error("seed first")
    const t0 = performance.now()
    const tx = raw.transaction("notes", "readonly")
    const range = IDBKeyRange.bound([waybill, Dexie.minKey], [waybill, Dexie.maxKey])
    const notes = await req(tx.objectStore("notes").index("[waybill+createdAt]").getAll(range))
    return { ms: performance.now() - t0, n: notes.length }
  },
  contacts(n: number) {
    return Array.from({ length: n }, (_, i) => ({
      id: `c-${i}`,
      name: `联系人${i}`,
      role: "site_manager",
      branch: `杭州${i % 300}网点`,
      company: "顺丰速运",
      region: "浙江",
      phone: `138${String(i).padStart(8, "0")}`,
    }))
  },
  async replaceContacts(n: number): Promise<number> {
    const list = api.contacts(n)
    const t0 = performance.now()
    await store.replaceContacts(list as never)
    return performance.now() - t0
  },
  async rawReplaceContacts(n: number): Promise<number> {
    if (!raw) throw new Error("seed first")
    const list = api.contacts(n)
    const t0 = performance.now()
    const tx = raw.transaction("contacts", "readwrite")
    const os = tx.objectStore("contacts")
    os.clear()
    for (const c of list) os.put(c)
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    return performance.now() - t0
  },
}

;(globalThis as unknown as { csStoreBench: typeof api }).csStoreBench = api
export type CsStoreBench = typeof api
