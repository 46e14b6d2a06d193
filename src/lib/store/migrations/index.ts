import type { Migration } from "./types"
import { v1 } from "./v1"
import { v2 } from "./v2"
import { v3 } from "./v3"

export type { Migration } from "./types"

/** Every database version in order. Append only; the meta test checks they run 1, 2, 3, … */
export const MIGRATIONS: readonly Migration[] = Object.freeze([v1, v2, v3])

/** The version a freshly opened database ends up at. */
export const DB_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version
