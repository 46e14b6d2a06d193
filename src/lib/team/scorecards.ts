/**
 * Conversation scorecards (issue 17) as team documents. A conversation grows with every send, and a
 * team document is never changed, so each send pushes the conversation's scorecard *as if it ended
 * then* and names the figures of the one it replaces (`prev`, the last one pushed from this profile).
 * The QA views add a scorecard's figures and subtract its `prev`'s, so their `_sum` is always the
 * latest scorecard of every conversation — the figures the review page computes locally for ended
 * conversations (`qa/aggregate.ts`), with the same checklist. Pure.
 */
import type { Phrasebook } from "../phrasing/types"
import { DEFAULT_CHECKLIST } from "../qa/default-checklist"
import { ENDED_AFTER_MS, recordOptions, type Conversation } from "../qa/record"
import { scoreConversation, weightedScore } from "../qa/score"
import type { ItemId, Outcome } from "../qa/types"

/** What the views count of one scorecard. */
export interface ScorecardFigures {
  items: { id: ItemId; outcome: Outcome }[]
  /** Weighted share of applicable items passed (0–1), null when none applied. */
  score: number | null
}

/** One conversation's scorecard as of its last recorded turn. */
export interface ScorecardRecord extends ScorecardFigures {
  conversationId: string
  site: string
  waybill?: string
  agentWorkId: string
  agentName?: string
  /** The views bucket a conversation by the day it started, so every version lands in one bucket. */
  startedAt: number
  lastAt: number
  turns: number
  phrasebookVersion: string
  /** The scorecard of this conversation pushed before from this profile, which this one replaces. */
  prev?: ScorecardFigures
}

/**
 * The scorecard of `conversation` scored as ended (what the review page shows once it has), with the
 * book's checklist; `prev` is the figures of the previous scorecard pushed for it, if any.
 */
export function scorecardOf(
  conversation: Conversation,
  book: Phrasebook,
  prev?: ScorecardFigures,
): ScorecardRecord {
  const opts = recordOptions(conversation, conversation.lastAt + ENDED_AFTER_MS)
  const result = scoreConversation(conversation.turns, opts, book)
  const record: ScorecardRecord = {
    conversationId: conversation.id,
    site: conversation.site,
    agentWorkId: conversation.agentWorkId,
    startedAt: conversation.startedAt,
    lastAt: conversation.lastAt,
    turns: conversation.turns.length,
    phrasebookVersion: book.version,
    items: result.items.map((i) => ({ id: i.id, outcome: i.outcome })),
    score: weightedScore(result, book.checklist ?? DEFAULT_CHECKLIST),
  }
  if (conversation.waybill) record.waybill = conversation.waybill
  if (conversation.agentName) record.agentName = conversation.agentName
  if (prev) record.prev = { items: prev.items.map((i) => ({ ...i })), score: prev.score }
  return record
}

/** Same figures (nothing for the views to change)? Then no new document is needed. */
export function sameFigures(a: ScorecardFigures, b: ScorecardFigures | undefined): boolean {
  if (!b || a.score !== b.score || a.items.length !== b.items.length) return false
  return a.items.every((i, k) => i.id === b.items[k].id && i.outcome === b.items[k].outcome)
}
