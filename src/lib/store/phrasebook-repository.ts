/** Stored phrasebooks: one JSON document per version, exactly one of them active. */
import type { PhrasebookRecord, SidekickDB } from "./db"
import { guard } from "./errors"
import { versionedDocs } from "./versioned-docs"

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
  const books = versionedDocs(db, db.phrasebooks, options.now ?? Date.now)
  return {
    putPhrasebook: (version, book, putOptions) => books.put(version, { book }, putOptions),

    getActivePhrasebook() {
      return guard(async () => {
        const row = await db.settings.get("policy")
        const policy = row?.key === "policy" ? row.value : undefined
        const book = policy?.policy?.phrasebook
        if (book) return { version: book.version, importedAt: policy.readAt, active: 1 as const, book }
        return books.getActive()
      })
    },

    getPhrasebook: books.get,
    listPhrasebooks: books.list,
    activatePhrasebook: books.activate,
    deletePhrasebook: books.delete,
  }
}
