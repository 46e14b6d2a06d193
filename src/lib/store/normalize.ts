/** Small pure helpers shared by the store's repositories. */
import type * as z from "zod"

import { WAYBILL_SHAPE } from "../protocol/types"
import { StoreError } from "./errors"
import { formatPath } from "../import-problems"

/**
 * The storage key of a waybill: upper case without spaces, so one parcel is one key however it was
 * typed. Lighter than `normalizeWaybill` in `lib/waybill` (which also folds full-width and drops hyphens):
 * stored keys must stay exactly what was saved.
 */
export function waybillKey(waybill: string): string {
  return waybill.replace(/\s+/g, "").toUpperCase()
}

/** A search query that could be (the start of) a waybill: 4+ characters of [0-9A-Z-] with a digit. */
export function looksLikeWaybill(query: string): boolean {
  const q = waybillKey(query)
  return WAYBILL_SHAPE.test(q) && /\d/.test(q)
}

/** Drops keys whose value is undefined, so stored rows and exports hold only real fields. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v
  return out as T
}

/** Parses with a schema or throws StoreError("invalid") naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new StoreError("invalid", {
    cause: result.error,
    detail: `${formatPath(issue.path)}: ${issue.message}`,
  })
}
