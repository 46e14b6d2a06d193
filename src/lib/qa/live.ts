/**
 * The live checklist of the reply being written: the conversation so far plus the draft as the next
 * agent turn, scored; what the draft can still fix is "open", with the sentence to insert.
 */
import type { Phrasebook } from "../phrasing/types"
import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { DEFAULT_CHECKLIST } from "./default-checklist"
import { scoreConversationDetailed } from "./score"
import type { ChecklistItem, ItemId, ScoreOptions, Turn } from "./types"

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

/** Lines an e-mail reply quotes ("> …") and the history below "-----原始邮件-----" are not the agent's words. */
const QUOTED_HISTORY =
  /\n[ \t]*(?:-{2,}\s*(?:原始邮件|Original Message|转发邮件|Forwarded message)\s*-{2,}|(?:在|On) [^\n]{1,80}(?:写道|wrote)[:：])/iu

/** The agent's own words of a sent reply: quoted e-mail history cut, "> " lines dropped. */
export function agentReplyText(text: string): string {
  const cut = QUOTED_HISTORY.exec(text)
  const own = cut ? text.slice(0, cut.index) : text
  return own
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .trim()
}
