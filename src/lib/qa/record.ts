/**
 * Conversation records (pure): what the agent sent and what the customer wrote, per conversation
 * (ticket page + waybill), masked like the audit excerpts, with deterministic ids so each row can be
 * replicated as an immutable document.
 */
import { maskForAudit } from "../audit/mask"
import { fnv64Hex } from "../text/fnv64"
import { agentReplyText } from "./live"
import type { ScoreOptions, Turn } from "./types"

/** How the CRM's own send was seen: a form submit, a click on its send button, or Ctrl/⌘+Enter. */
export const SENT_VIA = ["submit", "click", "key"] as const
export type SentVia = (typeof SENT_VIA)[number]

/** Longest stored turn (a reply is a few hundred characters; this bounds a pasted document). */
export const TURN_MAX = 5_000
/** Customer texts taken from the page per send (the most recent ones). */
export const CUSTOMER_TURNS_MAX = 20

/** Where a conversation happened and who answered: shared by its stored turns and the conversation. */
export interface ConversationPlace {
  /** The CRM's origin. */
  site: string
  /** The ticket page's address (digits masked like any text). */
  page: string
  waybill?: string
  agentWorkId: string
  agentName?: string
  companyName?: string
}

/** One stored turn. */
export interface ConversationTurnRecord extends ConversationPlace {
  /** Deterministic: conversation id + a hash of role, time and text. */
  id: string
  conversationId: string
  role: "agent" | "customer"
  /** Masked text. */
  text: string
  at: number
  via?: SentVia
}

/** One conversation as QA reads it. */
export interface Conversation extends ConversationPlace {
  id: string
  startedAt: number
  lastAt: number
  turns: Turn[]
  /** The stored rows, in the order of `turns`. */
  rows: ConversationTurnRecord[]
}

/** 64-bit FNV-1a as 16 hex digits: short, stable ids for the same input on every machine. */
export function stableHash(input: string): string {
  return fnv64Hex(input, 0x01000193 ^ 0x5bd1e995)
}

/** The conversation of one ticket page and waybill (a list pane beside a reading pane shares one address). */
export function conversationIdOf(site: string, page: string, waybill?: string | null): string {
  return `conv-${stableHash(`${site}\n${page}\n${waybill ?? ""}`)}`
}

/** The id `rowsForSent` gives the conversation of this raw page address (masked first, like the stored page). */
export function conversationIdFor(site: string, rawPage: string, waybill?: string | null): string {
  const w = waybill ?? undefined
  return conversationIdOf(site, maskForAudit(rawPage.slice(0, 2_000), rawPage, w), w)
}

/** A turn's id: the same turn recorded twice (a retried send) gets the same id. */
export function turnIdOf(conversationId: string, role: Turn["role"], at: number, text: string): string {
  return `${conversationId}-${role === "agent" ? "a" : "c"}-${stableHash(`${at}\n${text}`)}`
}

/** What the sidebar knows at the CRM's send. */
export interface SentInput {
  site: string
  page: string
  waybill?: string | null
  agent: { workId: string; name?: string; company?: string }
  /** The reply box's text at the send. */
  text: string
  /** Customer texts on the page, oldest first. */
  customer: readonly string[]
  at: number
  via: SentVia
  /** Rows already stored for this conversation (to add only customer texts not seen yet). */
  known: readonly ConversationTurnRecord[]
}

const clip = (text: string): string => text.slice(0, TURN_MAX)

/**
 * The rows one send adds: customer texts not recorded yet (in page order, just before the reply),
 * then the agent's own words. Empty when the reply has no words of the agent's own.
 */
export function rowsForSent(input: SentInput): ConversationTurnRecord[] {
  const own = agentReplyText(input.text)
  if (!own) return []
  const waybill = input.waybill ?? undefined
  const page = maskForAudit(input.page.slice(0, 2_000), input.page, waybill)
  const conversationId = conversationIdOf(input.site, page, waybill)
  const base = {
    conversationId,
    site: input.site,
    page,
    ...(waybill ? { waybill } : {}),
    agentWorkId: input.agent.workId,
    ...(input.agent.name ? { agentName: input.agent.name } : {}),
    ...(input.agent.company ? { companyName: input.agent.company } : {}),
  }
  const seen = new Set(input.known.filter((r) => r.role === "customer").map((r) => r.text))
  const fresh: string[] = []
  for (const raw of input.customer.slice(-CUSTOMER_TURNS_MAX)) {
    const text = clip(maskForAudit(raw.trim(), raw, waybill))
    if (!text || seen.has(text)) continue
    seen.add(text)
    fresh.push(text)
  }
  const rows: ConversationTurnRecord[] = fresh.map((text, i) => {
    const at = input.at - (fresh.length - i)
    return { ...base, id: turnIdOf(conversationId, "customer", at, text), role: "customer", text, at }
  })
  const text = clip(maskForAudit(own, own, waybill))
  rows.push({
    ...base,
    id: turnIdOf(conversationId, "agent", input.at, text),
    role: "agent",
    text,
    at: input.at,
    via: input.via,
  })
  return rows
}

/** Groups rows into conversations, turns in time order, newest conversation first. */
export function groupConversations(rows: readonly ConversationTurnRecord[]): Conversation[] {
  const by = new Map<string, ConversationTurnRecord[]>()
  for (const r of rows) {
    const list = by.get(r.conversationId)
    if (list) list.push(r)
    else by.set(r.conversationId, [r])
  }
  const out: Conversation[] = []
  for (const [id, list] of by) {
    list.sort((a, b) => a.at - b.at || (a.role === b.role ? 0 : a.role === "customer" ? -1 : 1))
    const first = list[0]
    const agentRow = list.find((r) => r.role === "agent") ?? first
    out.push({
      id,
      site: first.site,
      page: first.page,
      ...(first.waybill ? { waybill: first.waybill } : {}),
      agentWorkId: agentRow.agentWorkId,
      ...(agentRow.agentName ? { agentName: agentRow.agentName } : {}),
      ...(agentRow.companyName ? { companyName: agentRow.companyName } : {}),
      startedAt: first.at,
      lastAt: list[list.length - 1].at,
      turns: list.map((r) => ({ role: r.role, text: r.text })),
      rows: list,
    })
  }
  return out.sort((a, b) => b.lastAt - a.lastAt)
}

/** A conversation is over once nothing happened in it for this long (chats and tickets rarely pause longer mid-contact). */
export const ENDED_AFTER_MS = 30 * 60_000

/** Scoring options for a recorded conversation at `now`. */
export function recordOptions(c: Conversation, now: number): ScoreOptions {
  return {
    ...(c.companyName ? { companyName: c.companyName } : {}),
    ...(c.agentWorkId ? { agentId: c.agentWorkId } : {}),
    ended: now - c.lastAt >= ENDED_AFTER_MS,
  }
}
