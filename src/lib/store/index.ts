/**
 * The store's public surface. Extension pages and the service worker only — never a content script
 * (IndexedDB there belongs to the CRM page's origin).
 */
export * from "./contract"
export { createDb, getDb, DB_NAME, SidekickDB, type PhrasebookRecord, type SettingsRow } from "./db"
export { StoreError, toStoreError, type StoreErrorCode } from "./errors"
export { createStore, type StoreOptions } from "./repository"
export { createAuditStore, type AuditFilter, type AuditStore } from "./audit-repository"
export { createPhrasebookStore, type PhrasebookInfo, type PhrasebookStore } from "./phrasebook-repository"
export {
  agentProfileSchema,
  backupFileSchema,
  settingsSchema,
  siteSettingSchema,
  BACKUP_FORMAT,
} from "./backup-schema"
export { DB_VERSION, MIGRATIONS } from "./migrations"
export { waybillKey } from "./normalize"
