/**
 * Test support: isolated databases under fake-indexeddb, sample records, and a DBCore middleware that
 * fails writes like a full disk. Imported by tests only.
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreQueryRequest,
  type DBCoreTable,
} from "dexie"
import { IDBFactory, IDBKeyRange } from "fake-indexeddb"

import type { ContactAttempt, HandoffNote } from "../cases/model"
import { createDb, type SidekickDB } from "./db"
import type { Migration } from "./migrations/types"

let counter = 0

/** A database in its own fake IndexedDB, so tests never share state. Pass `factory` and `name` to reopen one. */
export function freshDb(options: { factory?: IDBFactory; name?: string } = {}): {
  db: SidekickDB
  factory: IDBFactory
  name: string
} {
  counter++
  const factory = options.factory ?? new IDBFactory()
  const name = options.name ?? `test-${counter}-${Math.random().toString(36).slice(2)}`
  return { db: createDb(name, { indexedDB: factory, IDBKeyRange }), factory, name }
}

/**
 * A database as an older release leaves it on disk: declared with the frozen schemas `versions`
 * (e.g. `[v1, v2]`) only and opened as `old`. Seed `old`, close it, then open `db` (the current
 * schema, same file) to run the upgrades.
 */
export async function olderDb(versions: readonly Migration[]): Promise<{ old: Dexie; db: SidekickDB }> {
  const { db, factory, name } = freshDb()
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange })
  for (const m of versions) old.version(m.version).stores({ ...m.stores })
  await old.open()
  return { old, db }
}

/** A valid handoff note; override any field. */
export function makeNote(overrides: Partial<HandoffNote> = {}): HandoffNote {
  return {
    id: `n-${++counter}`,
    waybill: "SF1234567890",
    createdAt: 1_700_000_000_000,
    author: { name: "李娜", workId: "A1024" },
    customerName: "王先生",
    customerContact: "13800138000",
    problem: "快件滞留在网点三天未派送",
    actionsTaken: "已联系网点窗口",
    contacted: "窗口人员：答应今天派送",
    promise: "今天 18:00 前回电",
    nextStep: "18:00 前确认是否派送",
    ...overrides,
  }
}

/** A valid ladder attempt; override any field. */
export function makeAttempt(overrides: Partial<ContactAttempt> = {}): ContactAttempt {
  return {
    id: `a-${++counter}`,
    waybill: "SF1234567890",
    at: 1_700_000_000_000,
    level: 1,
    contactName: "窗口 小张",
    outcome: "no_answer",
    note: "",
    ...overrides,
  }
}

/** Makes every write to `table` fail with QuotaExceededError, as a full disk does. Call before the first query. */
export function failWritesWithQuota(db: SidekickDB, table: string): void {
  db.use({
    stack: "dbcore",
    name: "test-quota",
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name)
        if (name !== table) return t
        return {
          ...t,
          mutate: (_req: DBCoreMutateRequest) =>
            Promise.reject(new DOMException("The quota has been exceeded.", "QuotaExceededError")),
        }
      },
    }),
  })
}

/** Records which index each query used and how many rows it returned. Call before the first query. */
export function recordQueries(db: SidekickDB): { index: string; table: string; rows: number }[] {
  const log: { index: string; table: string; rows: number }[] = []
  db.use({
    stack: "dbcore",
    name: "test-query-log",
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name)
        return {
          ...t,
          query: async (req: DBCoreQueryRequest) => {
            const res = await t.query(req)
            log.push({ table: name, index: req.query.index.name ?? ":id", rows: res.result.length })
            return res
          },
        }
      },
    }),
  })
  return log
}
