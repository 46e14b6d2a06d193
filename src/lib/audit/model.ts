/**
 * The audit event model: one record per phrasing suggestion and what the agent did with it.
 * QA staff (质检) read these to judge both the agents and the rules. Plain types and constants only,
 * so any bundle can import them cheaply; the zod schema lives in `schema.ts`.
 */

/**
 * What happened to a suggestion:
 * shown = displayed; applied = replacement taken as is; edited = taken, then changed by the agent;
 * dismissed = closed by the agent; ignored = the message was sent with the flagged text still in it;
 * wrong = the agent reported the rule as mistaken (a false positive);
 * reverted = applied, then undone in the CRM's editor (Ctrl+Z): the blunt words are back, so it does
 * not count as applied; discarded = the agent cleared the reply and typed a new one: never sent;
 * inserted = a knowledge card's answer was inserted into the reply (`ruleId` is `knowledge:<card id>`,
 * `phrasebookVersion` the pack's version); not a phrasing suggestion, so not counted in its rates.
 */
export const AUDIT_OUTCOMES = [
  "shown",
  "applied",
  "dismissed",
  "ignored",
  "edited",
  "wrong",
  "inserted",
  "reverted",
  "discarded",
] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

/** Character offsets into the agent's text, end exclusive. */
export interface TextSpan {
  start: number
  end: number
}

export interface AuditEvent {
  id: string
  /** Epoch ms. */
  at: number
  outcome: AuditOutcome
  ruleId: string
  /** The `version` of the phrasebook the rule came from. */
  phrasebookVersion: string
  /** 工号 of the agent. */
  agentWorkId: string
  agentName: string
  /** Origin of the CRM page, e.g. "https://crm.example.com". */
  site: string
  waybill?: string
  span: TextSpan
  /** The text the rule flagged. */
  flagged: string
  /** A bounded piece of the surrounding text, for QA context. */
  excerpt: string
  /** The suggested wording, when the rule has one. */
  replacement?: string
  /** What the agent finally sent, for "edited" / "ignored". */
  finalText?: string
  /** The agent's reason, for "wrong" / "dismissed". */
  reason?: string
}

/** `ruleId` prefix of knowledge-card events (outcome "inserted"). */
export const KNOWLEDGE_RULE_PREFIX = "knowledge:"

/** True for a knowledge-card event rather than a phrasing one. */
export function isKnowledgeEvent(e: Pick<AuditEvent, "ruleId">): boolean {
  return e.ruleId.startsWith(KNOWLEDGE_RULE_PREFIX)
}
