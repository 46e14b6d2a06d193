/**
 * Unsaved handoff drafts, one per waybill, kept in extension storage so that a reload, a crash or a
 * switch to another ticket never loses what the agent typed. Pure: storage is done by the caller.
 */

export const DRAFT_PREFIX = "cs-sidekick:draft:v1:"
/** Drafts older than this are dropped on start: a stale draft is worse than none. */
export const DRAFT_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000

export interface NoteDraft {
  customerName: string
  customerContact: string
  problem: string
  actionsTaken: string
  contacted: string
  promise: string
  /** The datetime-local value, "" when none. */
  callbackLocal: string
  nextStep: string
  /** 交给: a colleague, a team or "下一班"; "" when the writer keeps the case. */
  handedTo: string
  status: "open" | "waiting" | "resolved"
}

export const EMPTY_DRAFT: NoteDraft = {
  customerName: "",
  customerContact: "",
  problem: "",
  actionsTaken: "",
  contacted: "",
  promise: "",
  callbackLocal: "",
  nextStep: "",
  handedTo: "",
  status: "open",
}

export interface StoredDraft {
  savedAt: number
  draft: NoteDraft
}

export function draftKey(waybill: string): string {
  return DRAFT_PREFIX + waybill
}

/** True when nothing worth keeping was typed (status alone is not a draft). */
export function isDraftEmpty(draft: NoteDraft): boolean {
  return (Object.keys(EMPTY_DRAFT) as (keyof NoteDraft)[]).every(
    (key) => key === "status" || draft[key].trim() === "",
  )
}

/** Reads a stored value defensively: storage may hold anything from an older version. */
export function readStoredDraft(value: unknown, now: number): NoteDraft | null {
  if (typeof value !== "object" || value === null) return null
  const { savedAt, draft } = value as { savedAt?: unknown; draft?: unknown }
  if (typeof savedAt !== "number" || now - savedAt > DRAFT_MAX_AGE_MS) return null
  if (typeof draft !== "object" || draft === null) return null
  const out: NoteDraft = { ...EMPTY_DRAFT }
  for (const key of Object.keys(EMPTY_DRAFT) as (keyof NoteDraft)[]) {
    const v = (draft as Record<string, unknown>)[key]
    if (key === "status") {
      if (v === "open" || v === "waiting" || v === "resolved") out.status = v
    } else if (typeof v === "string") out[key] = v.slice(0, 20_000)
  }
  return out
}

/** Storage keys of drafts that have expired (or are unreadable) and should be removed. */
export function expiredDraftKeys(all: Record<string, unknown>, now: number): string[] {
  return Object.keys(all).filter(
    (key) => key.startsWith(DRAFT_PREFIX) && readStoredDraft(all[key], now) === null,
  )
}
