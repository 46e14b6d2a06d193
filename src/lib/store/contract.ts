/**
 * The repository interface the UI, the service worker and the tests program against.
 * `createStore(db)` in `./repository.ts` implements it over the one Dexie database (`./db.ts`).
 * Every write that touches several tables runs in one Dexie transaction: all or nothing.
 */
import type { CaseRecord, CaseStatus, Contact, ContactAttempt, HandoffNote } from "../cases/model"

export interface AgentProfile {
  /** 姓名 */
  name: string
  /** 工号 */
  workId: string
  /** 公司名称, used in greeting scripts */
  company: string
}

export interface SiteSetting {
  /** e.g. "https://crm.example.com" (scheme + host + port, no path) */
  origin: string
  /** The admin's pinned CSS selector for the authoritative waybill field, if known. */
  pinnedSelector?: string
  /** Optional carrier code the CRM works for (a hint for ranking pure-digit numbers). */
  carrierHint?: string
  /** How this site's internal note box (内部备注) is recognised: handoffs go only there (issue 12). */
  internalBox?: { urlPattern?: string; selector?: string; toggleSelector?: string }
  enabledAt: number
}

export type SidebarMode = "inpage" | "sidepanel"
export type UiLocale = "zh" | "en"

export interface Settings {
  profile: AgentProfile
  sites: SiteSetting[]
  sidebarMode: SidebarMode
  locale: UiLocale
  /**
   * The team key that signs handoff blocks written into tickets and verifies colleagues' ones (HMAC);
   * "" when not set. Set by the admin in Options (admin policy may push it later).
   */
  teamKey: string
}

export const DEFAULT_SETTINGS: Settings = {
  profile: { name: "", workId: "", company: "" },
  sites: [],
  sidebarMode: "inpage",
  locale: "zh",
  teamKey: "",
}

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

export interface ImportProblem {
  /** JSON path or CSV row, e.g. "notes[3].waybill" */
  where: string
  /** Bilingual message, Chinese first: "缺少运单号 / missing waybill" */
  message: string
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
  listContacts(): Promise<Contact[]>

  getSettings(): Promise<Settings>
  updateSettings(patch: Partial<Settings>): Promise<Settings>

  exportAll(): Promise<BackupFile>
  /** Validates everything first; writes nothing unless all of it is valid. "replace" clears first (in the same transaction). */
  importAll(data: unknown, mode: "merge" | "replace"): Promise<ImportResult>
  purgeAll(): Promise<void>
}
