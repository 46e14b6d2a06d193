/** Storage failures as one error type with a code the UI can act on and a bilingual message. */

export type StoreErrorCode = "quota" | "invalid" | "not-found" | "blocked" | "forbidden" | "unknown"

const MESSAGES: Record<StoreErrorCode, string> = {
  quota:
    "存储空间已满，本次未保存，之前的记录完好 / Storage is full: this change was not saved; everything saved before is intact",
  invalid: "数据不符合要求，本次未保存 / The data is not valid: nothing was saved",
  "not-found": "找不到要操作的记录 / The record was not found",
  blocked:
    "数据库被另一个客服助手页面占用或已关闭，请关闭其他页面后重试 / The database is held or was closed by another CS Sidekick page: close the other pages and try again",
  forbidden: "由管理员统一设置，不能更改 / Set by your organisation: this cannot be changed here",
  unknown: "存储出错，本次未保存 / Storage error: this change was not saved",
}

/** A failed store operation. Every write is one transaction, so a StoreError means nothing was written. */
export class StoreError extends Error {
  override readonly name = "StoreError"
  readonly code: StoreErrorCode

  /** @param detail appended to the standard message, e.g. which field was invalid. */
  constructor(code: StoreErrorCode, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail ? `${MESSAGES[code]} (${options.detail})` : MESSAGES[code], {
      cause: options?.cause,
    })
    this.code = code
  }
}

const BLOCKED_NAMES = new Set(["VersionChangeError", "DatabaseClosedError", "BlockedError"])
const NOT_FOUND_NAMES = new Set(["NotFoundError", "NoSuchDatabaseError"])

function errorNames(error: unknown): string[] {
  const names: string[] = []
  let current: unknown = error
  // Dexie nests the real reason in `inner` (e.g. QuotaExceededError inside AbortError); also follow `cause`.
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown }
    if (typeof name === "string") names.push(name)
    current = inner ?? cause
  }
  return names
}

/** Maps any thrown value (Dexie, IndexedDB DOMException, other) to a StoreError. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error
  const names = errorNames(error)
  const code: StoreErrorCode = names.includes("QuotaExceededError")
    ? "quota"
    : names.some((n) => BLOCKED_NAMES.has(n))
      ? "blocked"
      : names.some((n) => NOT_FOUND_NAMES.has(n))
        ? "not-found"
        : names.some((n) => n === "DataError" || n === "DataCloneError" || n === "ConstraintError")
          ? "invalid"
          : "unknown"
  return new StoreError(code, { cause: error })
}

/** Runs a store operation and rethrows any failure as a StoreError. */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    throw toStoreError(error)
  }
}
