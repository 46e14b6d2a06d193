/** Stored phrasebooks: one JSON document per version, exactly one of them active. */
import type { PhrasebookRecord, SidekickDB } from "./db"
import { guard, StoreError } from "./errors"

/** Summary of a stored phrasebook, without the (possibly large) book itself. */
export type PhrasebookInfo = Omit<PhrasebookRecord, "book">

/** Reads and writes stored phrasebooks. The book is opaque JSON here; the phrasing module validates it. */
export interface PhrasebookStore {
  /** Stores (or overwrites) one version; with `activate`, it becomes the active one in the same transaction. */
  putPhrasebook(version: string, book: unknown, options?: { activate?: boolean }): Promise<void>
  /** The phrasebook in force: the admin policy's when it sets one, else the active stored one, if any. */
  getActivePhrasebook(): Promise<PhrasebookRecord | undefined>
  getPhrasebook(version: string): Promise<PhrasebookRecord | undefined>
  /** All stored versions, newest import first. */
  listPhrasebooks(): Promise<PhrasebookInfo[]>
  /** Makes `version` the only active one; StoreError "not-found" if it is not stored. */
  activatePhrasebook(version: string): Promise<void>
  deletePhrasebook(version: string): Promise<void>
}

/** Creates the phrasebook repository over `db`. */
export function createPhrasebookStore(db: SidekickDB, options: { now?: () => number } = {}): PhrasebookStore {
  const now = options.now ?? Date.now

  const deactivateAll = () =>
    db.phrasebooks
      .where("active")
      .equals(1)
      .modify((p) => {
        p.active = 0
      })

  return {
    putPhrasebook(version, book, { activate = false } = {}) {
      if (!version) return Promise.reject(new StoreError("invalid", { detail: "version" }))
      return guard(() =>
        db.transaction("rw", db.phrasebooks, async () => {
          const existing = await db.phrasebooks.get(version)
          if (activate) await deactivateAll()
          await db.phrasebooks.put({
            version,
            importedAt: now(),
            active: activate ? 1 : (existing?.active ?? 0),
            book,
          })
        }),
      )
    },

    getActivePhrasebook() {
      return guard(async () => {
        const row = await db.settings.get("policy")
        const policy = row?.key === "policy" ? row.value : undefined
        const book = policy?.policy?.phrasebook
        if (book) return { version: book.version, importedAt: policy.readAt, active: 1 as const, book }
        return db.phrasebooks.where("active").equals(1).first()
      })
    },

    getPhrasebook(version) {
      return guard(() => db.phrasebooks.get(version))
    },

    listPhrasebooks() {
      return guard(async () => {
        const rows = await db.phrasebooks.toArray()
        return rows
          .map(({ version, importedAt, active }) => ({ version, importedAt, active }))
          .sort((a, b) => b.importedAt - a.importedAt)
      })
    },

    activatePhrasebook(version) {
      return guard(() =>
        db.transaction("rw", db.phrasebooks, async () => {
          if (!(await db.phrasebooks.get(version))) throw new StoreError("not-found", { detail: version })
          await deactivateAll()
          await db.phrasebooks.update(version, { active: 1 })
        }),
      )
    },

    deletePhrasebook(version) {
      return guard(() => db.phrasebooks.delete(version))
    },
  }
}
