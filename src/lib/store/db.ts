/**
 * The one Dexie database of CS Sidekick ("cs-sidekick").
 *
 * Open it only from extension pages (sidebar, popup, options) and the service worker — never from a
 * content script: there IndexedDB belongs to the CRM page's origin, where the page's own scripts could
 * read every customer's name and phone number.
 */
import Dexie, { type DexieOptions, type Table } from "dexie"

import type { AuditEvent } from "../audit/model"
import type { CaseRecord, Contact, ContactAttempt, HandoffNote } from "../cases/model"
import type { PolicySnapshot } from "../policy/model"
import type { ConversationTurnRecord } from "../qa/record"
import type { OutboxRow } from "../team/replicator"
import type { Settings } from "./contract"
import { MIGRATIONS } from "./migrations"

export const DB_NAME = "cs-sidekick"

/** One stored phrasebook per version. The phrasing module owns the book's type; here it is opaque JSON. */
export interface PhrasebookRecord {
  version: string
  importedAt: number
  /** 1 for the one phrasebook in use, else 0 (IndexedDB cannot index booleans). */
  active: 0 | 1
  book: unknown
}

/** One stored knowledge pack per version (Options → 知识库). The knowledge module validates `pack`. */
export interface KnowledgePackRecord {
  version: string
  importedAt: number
  /** 1 for the pack in use, else 0. */
  active: 0 | 1
  pack: unknown
}

/**
 * The `settings` table holds the agent's settings (key "settings") and the admin policy the service
 * worker last read from managed storage (key "policy"; written only by the worker).
 */
export type SettingsRow = { key: "settings"; value: Settings } | { key: "policy"; value: PolicySnapshot }

/** A row of `teamMeta`: "enabled" (team sync on: writes enqueue), "push" (the push's state). */
export interface TeamMetaRow {
  key: string
  value: unknown
}

/** Colleagues' documents for one waybill, as last fetched from the team server. */
export interface TeamCacheRow {
  waybill: string
  fetchedAt: number
  docs: unknown[]
}

/** The Dexie database: tables and the numbered migrations from `./migrations`, applied in order. */
export class SidekickDB extends Dexie {
  cases!: Table<CaseRecord, string>
  notes!: Table<HandoffNote, string>
  attempts!: Table<ContactAttempt, string>
  contacts!: Table<Contact, string>
  phrasebooks!: Table<PhrasebookRecord, string>
  auditEvents!: Table<AuditEvent, string>
  knowledgePacks!: Table<KnowledgePackRecord, string>
  settings!: Table<SettingsRow, string>
  /** Since v4: sent replies and customer turns (issue 17). */
  conversationTurns!: Table<ConversationTurnRecord, string>
  outbox!: Table<OutboxRow, string>
  teamMeta!: Table<TeamMetaRow, string>
  teamCache!: Table<TeamCacheRow, string>

  /**
   * @param name database name; tests pass a unique one.
   * @param options Dexie options, e.g. `{ indexedDB, IDBKeyRange }` from fake-indexeddb for an isolated instance.
   */
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options)
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores({ ...migration.stores })
      if (migration.upgrade) version.upgrade(migration.upgrade)
    }
  }
}

let singleton: SidekickDB | undefined

/**
 * The app's one database. Created on first call and opened lazily by Dexie on the first query.
 * Extension pages and the service worker only (see the file comment).
 */
export function getDb(): SidekickDB {
  singleton ??= new SidekickDB()
  return singleton
}

/** A separate database instance, for tests and tools. Extension pages / service worker only. */
export function createDb(name: string = DB_NAME, options?: DexieOptions): SidekickDB {
  return new SidekickDB(name, options)
}
