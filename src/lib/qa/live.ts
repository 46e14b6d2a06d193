/**
 * The live checklist of the reply being written: the conversation so far plus the draft as the next
 * agent turn, scored; what the draft can still fix is "open", with the sentence to insert.
 */
import type { Phrasebook } from "../phrasing/types"
import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { DEFAULT_CHECKLIST } from "./default-checklist"
import { scoreConversationDetailed } from "./score"
import type { ChecklistItem, ItemId, ScoreOptions, Turn } from "./types"
import { quotedRanges } from "../phrasing/quoted"

/** Items the draft can fix while being written (no-blunt is the phrasing findings' job). */
const LIVE_ITEMS: readonly ItemId[] = ["greeting", "restate", "apology-first", "deferral", "eta-disclaimer"]

/** Where the missing sentence goes: openings at the start of the reply, the rest at the caret. */
const AT_START: readonly ItemId[] = ["greeting", "restate", "apology-first"]

/** One open item of the draft. */
export interface OpenItem {
  id: ItemId
  item: ChecklistItem
  /** What is missing, e.g. ["time"]. */
  missing: string[]
  /** Sentence to insert (`{slot}` placeholders), or undefined when the item's script is offered. */
  insert?: string
  scriptId?: string
  at: "start" | "caret"
}

/**
 * Open checklist items of `draft` as the next agent turn after `history`. Pure; an empty draft has
 * none (nothing is being written yet).
 */
export function openChecklistItems(
  history: readonly Turn[],
  draft: string,
  opts: ScoreOptions = {},
  book: Phrasebook = DEFAULT_PHRASEBOOK,
): OpenItem[] {
  if (!draft.trim()) return []
  const turns = [...history, { role: "agent" as const, text: draft }]
  const draftIndex = turns.length - 1
  const items = (book.checklist ?? DEFAULT_CHECKLIST).items
  const open: OpenItem[] = []
  for (const r of scoreConversationDetailed(turns, { ...opts, ended: false }, book)) {
    if (r.outcome !== "fail" || !LIVE_ITEMS.includes(r.id)) continue
    // Only what this draft decided: a past turn cannot be fixed any more.
    if (r.at !== draftIndex) continue
    const item = items.find((i) => i.id === r.id)
    if (!item) continue
    const missing = r.missing ?? []
    const key = missing.length === 1 ? missing[0] : "default"
    open.push({
      id: r.id,
      item,
      missing,
      insert: item.inserts?.[key] ?? item.inserts?.default,
      scriptId: item.scriptId,
      at: AT_START.includes(r.id) ? "start" : "caret",
    })
  }
  return open
}

/**
 * The agent's own words of a sent reply: the quoted e-mail parts (the same detector the phrasing check
 * uses, `quotedRanges`: "> " lines, attribution headers and the history below them) removed.
 */
export function agentReplyText(text: string): string {
  let own = ""
  let at = 0
  for (const r of quotedRanges(text)) {
    own += text.slice(at, r.start)
    at = r.end
  }
  return (own + text.slice(at)).trim()
}
