/**
 * Documents kept one per version with at most one active (phrasebooks, knowledge packs): the others
 * stay for rollback. One implementation, so both kinds activate, list and overwrite alike.
 */
import type { Table } from "dexie"

import type { SidekickDB } from "./db"
import { guard, StoreError } from "./errors"

/** What every versioned row has besides its payload. */
export interface VersionedRow {
  version: string
  importedAt: number
  /** 1 for the one in use, else 0 (IndexedDB cannot index booleans). */
  active: 0 | 1
}

export interface VersionedDocs<R extends VersionedRow> {
  /** Stores (or overwrites) one version; with `activate`, it becomes the active one in the same transaction. */
  put(version: string, payload: Omit<R, keyof VersionedRow>, options?: { activate?: boolean }): Promise<void>
  getActive(): Promise<R | undefined>
  get(version: string): Promise<R | undefined>
  /** All stored versions without their payloads, newest import first. */
  list(): Promise<VersionedRow[]>
  /** Makes `version` the only active one; StoreError "not-found" if it is not stored. */
  activate(version: string): Promise<void>
  /** None active; stored versions stay. */
  deactivateAll(): Promise<void>
  delete(version: string): Promise<void>
}

/** The versioned documents of one table of `db`. */
export function versionedDocs<R extends VersionedRow>(
  db: SidekickDB,
  table: Table<R, string>,
  now: () => number,
): VersionedDocs<R> {
  const deactivate = () =>
    table
      .where("active")
      .equals(1)
      .modify((row) => {
        row.active = 0
      })

  return {
    put(version, payload, { activate = false } = {}) {
      if (!version) return Promise.reject(new StoreError("invalid", { detail: "version" }))
      return guard(() =>
        db.transaction("rw", table, async () => {
          const existing = await table.get(version)
          if (activate) await deactivate()
          const row = {
            ...payload,
            version,
            importedAt: now(),
            active: activate ? 1 : (existing?.active ?? 0),
          } as R
          await table.put(row)
        }),
      )
    },

    getActive: () => guard(() => table.where("active").equals(1).first()),

    get: (version) => guard(() => table.get(version)),

    list() {
      return guard(async () => {
        const rows = await table.toArray()
        return rows
          .map(({ version, importedAt, active }) => ({ version, importedAt, active }))
          .sort((a, b) => b.importedAt - a.importedAt)
      })
    },

    activate(version) {
      return guard(() =>
        db.transaction("rw", table, async () => {
          if (!(await table.get(version))) throw new StoreError("not-found", { detail: version })
          await deactivate()
          await table.update(version, (row) => {
            row.active = 1
          })
        }),
      )
    },

    deactivateAll: () => guard(() => db.transaction("rw", table, deactivate).then(() => undefined)),

    delete: (version) => guard(() => table.delete(version)),
  }
}
