/**
 * The repository interface the UI, the service worker and the tests program against.
 * `createStore(db)` in `./repository.ts` implements it over the one Dexie database (`./db.ts`).
 * Every write that touches several tables runs in one Dexie transaction: all or nothing.
 */
import type { CaseRecord, CaseStatus, Contact, ContactAttempt, HandoffNote } from "../cases/model"
import type { ImportProblem } from "../import-problems"
import type { PolicySnapshot } from "../policy/model"
import type { SidebarMode } from "../protocol/types"
import type { Settings } from "../settings"

export type { ImportProblem, SidebarMode }
export {
  DEFAULT_SETTINGS,
  type AgentProfile,
  type Settings,
  type SiteSetting,
  type UiLocale,
} from "../settings"

/** The whole database as one JSON document (export / backup / restore). */
export interface BackupFile {
  format: "cs-sidekick-backup"
  schemaVersion: number
  exportedAt: number
  cases: CaseRecord[]
  notes: HandoffNote[]
  attempts: ContactAttempt[]
  contacts: Contact[]
  settings: Settings
}

export type ImportResult =
  { ok: true; counts: Record<string, number> } | { ok: false; problems: ImportProblem[] }

export interface SidekickStore {
  /** Adds a note and, in the same transaction, creates or updates the case (status, callbackAt, customer, caseType). */
  addNote(note: HandoffNote): Promise<void>
  /** The timeline for one waybill, oldest first. */
  listNotes(waybill: string): Promise<HandoffNote[]>
  /** By waybill (prefix) or customer name / contact (substring); newest first. */
  searchNotes(query: string, limit?: number): Promise<HandoffNote[]>

  getCase(waybill: string): Promise<CaseRecord | undefined>
  upsertCase(patch: Partial<CaseRecord> & { waybill: string }): Promise<CaseRecord>
  listCases(filter?: { status?: CaseStatus[] }): Promise<CaseRecord[]>
  /** Cases not resolved whose callbackAt <= until, earliest first. */
  listDueCallbacks(until: number): Promise<CaseRecord[]>

  logAttempt(attempt: ContactAttempt): Promise<void>
  listAttempts(waybill: string): Promise<ContactAttempt[]>

  /** Replaces the whole directory atomically. */
  replaceContacts(contacts: Contact[]): Promise<void>
  /** The directory in force: the admin policy's when it sets one, else the imported one. */
  listContacts(): Promise<Contact[]>

  /** The effective settings: the agent's own with the admin policy laid over them (`effectiveSettings`). */
  getSettings(): Promise<Settings>
  /** Saves the agent's own settings; values the policy locks keep the agent's stored ones (`keepLocked`). */
  updateSettings(patch: Partial<Settings>): Promise<Settings>

  /** The admin policy last read by the service worker (an empty one when there is none). */
  getPolicy(): Promise<PolicySnapshot>
  /** Service worker only: stores what it read from managed storage. */
  setPolicy(snapshot: PolicySnapshot): Promise<void>

  /** StoreError "forbidden" when the admin policy disallows export. */
  exportAll(): Promise<BackupFile>
  /** Validates everything first; writes nothing unless all of it is valid. "replace" clears first (in the same transaction). */
  importAll(data: unknown, mode: "merge" | "replace"): Promise<ImportResult>
  purgeAll(): Promise<void>
}
