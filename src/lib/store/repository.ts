/** `createStore(db)`: the SidekickStore contract implemented over the one Dexie database. */
import Dexie from "dexie"

import { URGENT_CASE_TYPES, type CaseRecord, type CaseType, type HandoffNote } from "../cases/model"
import { caseRecordSchema, contactAttemptSchema, contactSchema, handoffNoteSchema } from "../cases/schema"
import { effectiveSettings, exportAllowed, keepLocked } from "../policy/merge"
import { EMPTY_POLICY_SNAPSHOT, type PolicySnapshot } from "../policy/model"
import { backupFileSchema, settingsSchema } from "./backup-schema"
import {
  DEFAULT_SETTINGS,
  type BackupFile,
  type ImportProblem,
  type ImportResult,
  type Settings,
  type SidekickStore,
} from "./contract"
import type { SidekickDB } from "./db"
import { guard, StoreError } from "./errors"
import { capProblems, duplicateProblems, problemsFromIssues } from "../import-problems"
import { DB_VERSION } from "./migrations"
import { enqueueTeamDocs, outboxTables } from "./outbox"
import { compact, looksLikeWaybill, waybillKey, parseOrThrow } from "./normalize"

const SETTINGS_KEY = "settings"
const POLICY_KEY = "policy"
const DEFAULT_SEARCH_LIMIT = 50
/** Rows a prefix search may read before sorting newest first; one waybill has far fewer notes. */
const PREFIX_SCAN_CAP = 2_000
/** Notes a substring search reads (newest first) before giving up: typing stays responsive at 100k notes. */
export const SUBSTRING_SCAN_CAP = 5_000
const DEFAULT_CASE_TYPE: CaseType = "查询"

/** Options for `createStore`. */
export interface StoreOptions {
  /** Clock for `updatedAt` / `exportedAt`; tests pass a fixed one. */
  now?: () => number
}

const isUrgent = (caseType: CaseType): boolean => URGENT_CASE_TYPES.includes(caseType)

/**
 * The case after a note: a new note means the work is live again, so a resolved case reopens unless the
 * note says otherwise; fields the note leaves out keep their previous values.
 */
function caseAfterNote(existing: CaseRecord | undefined, note: HandoffNote, now: number): CaseRecord {
  const caseType = note.caseType ?? existing?.caseType ?? DEFAULT_CASE_TYPE
  const previousStatus = existing && existing.status !== "resolved" ? existing.status : "open"
  return compact({
    ...existing,
    waybill: note.waybill,
    caseType,
    status: note.status ?? previousStatus,
    urgent: note.caseType || !existing ? isUrgent(caseType) : existing.urgent,
    customerName: note.customerName ?? existing?.customerName,
    customerContact: note.customerContact ?? existing?.customerContact,
    // A note handed to someone else carries their callback time without a reminder here (remind: false).
    callbackAt: (note.remind === false ? undefined : note.callbackAt) ?? existing?.callbackAt,
    pageUrl: note.pageUrl ?? existing?.pageUrl,
    createdAt: existing?.createdAt ?? Math.min(note.createdAt, now),
    updatedAt: now,
  })
}

/** Settings as stored, field by field: anything missing or unreadable falls back to the default. */
function mergeSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>
  const pick = <K extends keyof Settings>(key: K, candidate: unknown): Settings[K] => {
    const result = settingsSchema.shape[key].safeParse(candidate)
    return result.success ? (result.data as Settings[K]) : DEFAULT_SETTINGS[key]
  }
  const profile = raw.profile && typeof raw.profile === "object" ? raw.profile : {}
  return {
    profile: pick("profile", { ...DEFAULT_SETTINGS.profile, ...profile }),
    sites: pick("sites", raw.sites),
    sidebarMode: pick("sidebarMode", raw.sidebarMode),
    locale: pick("locale", raw.locale),
    teamKey: pick("teamKey", raw.teamKey),
  }
}

/** Creates the repository over `db`. Every multi-table write is one transaction: all or nothing. */
export function createStore(db: SidekickDB, options: StoreOptions = {}): SidekickStore {
  const now = options.now ?? Date.now

  const readSettings = async (): Promise<Settings> =>
    mergeSettings((await db.settings.get(SETTINGS_KEY))?.value)
  const readPolicy = async (): Promise<PolicySnapshot> => {
    const row = await db.settings.get(POLICY_KEY)
    const value = row?.key === POLICY_KEY ? row.value : undefined
    return value && typeof value.policy === "object" ? value : EMPTY_POLICY_SNAPSHOT
  }
  /** Clears the settings table but keeps the admin policy (it is not the agent's data). */
  const clearKeepingPolicy = async () => {
    const policy = await db.settings.get(POLICY_KEY)
    await db.settings.clear()
    if (policy) await db.settings.put(policy)
  }

  const store: SidekickStore = {
    async addNote(input) {
      const note = compact(
        parseOrThrow(handoffNoteSchema, { ...input, waybill: waybillKey(String(input.waybill)) }),
      )
      await guard(() =>
        db.transaction("rw", [db.notes, db.cases, ...outboxTables(db)], async () => {
          const existing = await db.cases.get(note.waybill)
          await db.notes.put(note)
          await db.cases.put(caseAfterNote(existing, note, now()))
          // Same transaction: the team copy is queued exactly when the note is stored.
          await enqueueTeamDocs(db, note.takeoverOf ? "takeover" : "handoff", [note], now())
        }),
      )
    },

    listNotes(waybill) {
      const key = waybillKey(waybill)
      return guard(() =>
        db.notes.where("[waybill+createdAt]").between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray(),
      )
    },

    searchNotes(query, limit = DEFAULT_SEARCH_LIMIT) {
      return guard(async () => {
        const trimmed = query.trim()
        if (!trimmed || limit <= 0) return []
        const found = new Map<string, HandoffNote>()
        if (looksLikeWaybill(trimmed)) {
          const prefix = await db.notes
            .where("waybill")
            .startsWith(waybillKey(trimmed))
            .limit(PREFIX_SCAN_CAP)
            .toArray()
          for (const note of prefix) found.set(note.id, note)
        }
        // Phone numbers look like waybills, and so can a WeChat id: search the customer fields too
        // for digit-only queries and for waybill-like ones that matched no waybill.
        if (!looksLikeWaybill(trimmed) || /^[\d\s+-]+$/.test(trimmed) || found.size === 0) {
          // Indexed prefix matches find old notes too; the substring scan below is bounded to recent ones.
          const prefixed = await Promise.all(
            (["customerName", "customerContact"] as const).map((field) =>
              db.notes.where(field).startsWithIgnoreCase(trimmed).limit(PREFIX_SCAN_CAP).toArray(),
            ),
          )
          for (const note of prefixed.flat()) found.set(note.id, note)
          const needle = trimmed.toLowerCase()
          let scanned = 0
          let matched = 0
          const matches = await db.notes
            .orderBy("createdAt")
            .reverse()
            .until(() => scanned >= SUBSTRING_SCAN_CAP || matched >= limit)
            .filter((note) => {
              scanned++
              const hit =
                !found.has(note.id) &&
                ((note.customerName?.toLowerCase().includes(needle) ?? false) ||
                  (note.customerContact?.toLowerCase().includes(needle) ?? false))
              if (hit) matched++
              return hit
            })
            .toArray()
          for (const note of matches) found.set(note.id, note)
        }
        return [...found.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit)
      })
    },

    getCase(waybill) {
      return guard(() => db.cases.get(waybillKey(waybill)))
    },

    async upsertCase(patch) {
      const waybill = waybillKey(String(patch.waybill))
      return guard(() =>
        db.transaction("rw", db.cases, async () => {
          const existing = await db.cases.get(waybill)
          const at = now()
          const caseType = patch.caseType ?? existing?.caseType ?? DEFAULT_CASE_TYPE
          const merged = {
            ...existing,
            ...patch,
            waybill,
            caseType,
            // An explicit `undefined` in the patch clears an optional field, never a required one.
            status: patch.status ?? existing?.status ?? "open",
            createdAt: patch.createdAt ?? existing?.createdAt ?? at,
            // A changed caseType re-derives urgency unless the caller sets it explicitly.
            urgent: patch.urgent ?? (patch.caseType || !existing ? isUrgent(caseType) : existing.urgent),
            updatedAt: at,
          }
          const record = compact(parseOrThrow(caseRecordSchema, compact(merged)))
          await db.cases.put(record)
          return record
        }),
      )
    },

    listCases(filter) {
      return guard(async () => {
        const statuses = filter?.status
        if (statuses && statuses.length === 0) return []
        const rows = statuses
          ? await db.cases.where("status").anyOf(statuses).toArray()
          : await db.cases.toArray()
        return rows.sort((a, b) => b.updatedAt - a.updatedAt)
      })
    },

    listDueCallbacks(until) {
      return guard(() =>
        db.cases
          .where("callbackAt")
          .belowOrEqual(until)
          .filter((c) => c.status !== "resolved")
          .toArray(),
      )
    },

    async logAttempt(input) {
      const attempt = compact(
        parseOrThrow(contactAttemptSchema, { ...input, waybill: waybillKey(String(input.waybill)) }),
      )
      await guard(() =>
        db.transaction("rw", [db.attempts, db.cases, ...outboxTables(db)], async () => {
          await db.attempts.put(attempt)
          await enqueueTeamDocs(db, "attempt", [attempt], now())
          // Chasing the ladder is activity on the case: keep "recently updated" lists honest.
          await db.cases.update(attempt.waybill, { updatedAt: now() })
        }),
      )
    },

    listAttempts(waybill) {
      const key = waybillKey(waybill)
      return guard(() =>
        db.attempts.where("[waybill+at]").between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray(),
      )
    },

    async replaceContacts(input) {
      const contacts = input.map((c) => compact(parseOrThrow(contactSchema, c)))
      const dup = duplicateProblems({ contacts }, "contacts", "id")[0]
      if (dup) throw new StoreError("invalid", { detail: `${dup.where}: ${dup.message}` })
      await guard(() =>
        db.transaction("rw", db.contacts, async () => {
          await db.contacts.clear()
          await db.contacts.bulkPut(contacts)
        }),
      )
    },

    listContacts() {
      return guard(async () => (await readPolicy()).policy.contacts ?? db.contacts.toArray())
    },

    getSettings() {
      return guard(() =>
        db.transaction("r", db.settings, async () =>
          effectiveSettings(await readSettings(), (await readPolicy()).policy),
        ),
      )
    },

    async updateSettings(patch) {
      return guard(() =>
        db.transaction("rw", db.settings, async () => {
          const current = await readSettings()
          const { policy } = await readPolicy()
          const candidate = parseOrThrow(settingsSchema, { ...current, ...compact(patch) })
          const next = parseOrThrow(settingsSchema, keepLocked(current, candidate, policy))
          await db.settings.put({ key: SETTINGS_KEY, value: next })
          return effectiveSettings(next, policy)
        }),
      )
    },

    getPolicy() {
      return guard(readPolicy)
    },

    setPolicy(snapshot) {
      return guard(async () => {
        await db.settings.put({ key: POLICY_KEY, value: snapshot })
      })
    },

    exportAll() {
      return guard(() =>
        db.transaction("r", [db.cases, db.notes, db.attempts, db.contacts, db.settings], async () => {
          if (!exportAllowed((await readPolicy()).policy))
            throw new StoreError("forbidden", { detail: "export" })
          const backup: BackupFile = {
            format: "cs-sidekick-backup",
            schemaVersion: DB_VERSION,
            exportedAt: now(),
            cases: await db.cases.toArray(),
            notes: await db.notes.toArray(),
            attempts: await db.attempts.toArray(),
            contacts: await db.contacts.toArray(),
            settings: await readSettings(),
          }
          return backup
        }),
      )
    },

    async importAll(data, mode) {
      const parsed = backupFileSchema.safeParse(data)
      const problems: ImportProblem[] = parsed.success ? [] : problemsFromIssues(parsed.error.issues, data)
      problems.push(
        ...duplicateProblems(data, "cases", "waybill"),
        ...duplicateProblems(data, "notes", "id"),
        ...duplicateProblems(data, "attempts", "id"),
        ...duplicateProblems(data, "contacts", "id"),
      )
      if (parsed.success && parsed.data.schemaVersion > DB_VERSION)
        problems.unshift({
          where: "schemaVersion",
          message: `备份来自更新版本的客服助手（${parsed.data.schemaVersion}），请先升级 / backup from a newer CS Sidekick (${parsed.data.schemaVersion}): update first`,
        })
      if (!parsed.success || problems.length > 0) return { ok: false, problems: capProblems(problems) }

      const file = parsed.data
      const cases = file.cases.map(compact)
      const notes = file.notes.map(compact)
      const attempts = file.attempts.map(compact)
      const contacts = file.contacts.map(compact)
      await guard(() =>
        db.transaction("rw", [db.cases, db.notes, db.attempts, db.contacts, db.settings], async () => {
          let settings: Settings = file.settings
          if (mode === "replace") {
            await Promise.all([db.cases, db.notes, db.attempts, db.contacts].map((t) => t.clear()))
            await clearKeepingPolicy()
          } else {
            // Merge: a case edited here more recently than in the file stays as it is.
            const local = await db.cases.bulkGet(cases.map((c) => c.waybill))
            cases.splice(
              0,
              cases.length,
              ...cases.filter((c, i) => !local[i] || local[i].updatedAt <= c.updatedAt),
            )
            // Merge keeps this agent's own profile and preferences; it only adds sites not yet enabled.
            const current = await readSettings()
            const known = new Set(current.sites.map((s) => s.origin))
            settings = {
              ...current,
              sites: [...current.sites, ...file.settings.sites.filter((s) => !known.has(s.origin))],
            }
          }
          await db.cases.bulkPut(cases)
          await db.notes.bulkPut(notes)
          await db.attempts.bulkPut(attempts)
          await db.contacts.bulkPut(contacts)
          const { policy } = await readPolicy()
          await db.settings.put({ key: SETTINGS_KEY, value: keepLocked(settings, settings, policy) })
        }),
      )
      const result: ImportResult = {
        ok: true,
        counts: {
          cases: cases.length,
          notes: notes.length,
          attempts: attempts.length,
          contacts: contacts.length,
        },
      }
      return result
    },

    purgeAll() {
      return guard(() =>
        db.transaction("rw", db.tables, async () => {
          await Promise.all(db.tables.filter((t) => t.name !== "settings").map((t) => t.clear()))
          await clearKeepingPolicy()
        }),
      )
    },
  }
  return store
}
