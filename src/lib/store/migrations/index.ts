import type { Migration } from "./types"
import { v1 } from "./v1"
import { v2 } from "./v2"
import { v4 } from "./v4"
import { v5 } from "./v5"
import { v6 } from "./v6"
import { v8 } from "./v8"

export type { Migration } from "./types"

/**
 * Every database version in order. Append only; the meta test checks they increase from 1.
 */
export const MIGRATIONS: readonly Migration[] = Object.freeze([v1, v2, v4, v5, v6, v8])

/** The version a freshly opened database ends up at. */
export const DB_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version
