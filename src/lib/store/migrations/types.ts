import type { Transaction } from "dexie"

/**
 * One numbered database version. Once released a migration is frozen: never edit it, add the next
 * number instead (users may still hold any older version on disk).
 */
export interface Migration {
  readonly version: number
  /** Dexie store spec for the tables this version adds or changes; `null` deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>
  /** Rewrites existing rows from the previous version's shape; runs inside the upgrade transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void>
}
