/**
 * Knowledge cards in the QA trail: an event for each card answer inserted into the reply, and the
 * per-card table the review page shows. Pure.
 */
import { maskForAudit } from "./mask"
import { KNOWLEDGE_RULE_PREFIX, isKnowledgeEvent, type AuditEvent } from "./model"

const MAX_TEXT = 2000

/** Who, where and what for one insert. */
export interface KnowledgeInsert {
  id: string
  at: number
  cardId: string
  cardTitle: string
  packVersion: string
  /** The text as inserted (slots filled). */
  text: string
  agentWorkId: string
  agentName: string
  site: string
  waybill?: string
}

/** The audit event for one inserted card answer; phone and ID-like numbers in the text are masked. */
export function knowledgeInsertEvent(i: KnowledgeInsert): AuditEvent {
  const text = maskForAudit(i.text.slice(0, MAX_TEXT), i.text, i.waybill).slice(0, MAX_TEXT)
  return {
    id: i.id,
    at: i.at,
    outcome: "inserted",
    ruleId: `${KNOWLEDGE_RULE_PREFIX}${i.cardId}`.slice(0, 200),
    phrasebookVersion: i.packVersion.slice(0, 100),
    agentWorkId: i.agentWorkId,
    agentName: i.agentName,
    site: i.site,
    ...(i.waybill ? { waybill: i.waybill } : {}),
    span: { start: 0, end: text.length },
    flagged: i.cardTitle.slice(0, 200),
    excerpt: text,
    replacement: text,
  }
}

/** One row per card: how often its answer was inserted, by how many agents, last when. */
export interface KnowledgeRow {
  cardId: string
  title: string
  inserts: number
  agents: number
  lastAt: number
  /** Pack versions the inserts came from. */
  versions: string[]
}

/** The knowledge-card inserts among `events`, per card, most inserted first (then by id). */
export function byKnowledgeCard(events: readonly AuditEvent[]): KnowledgeRow[] {
  const rows = new Map<string, { row: KnowledgeRow; agents: Set<string>; versions: Set<string> }>()
  for (const e of events) {
    if (e.outcome !== "inserted" || !isKnowledgeEvent(e)) continue
    const cardId = e.ruleId.slice(KNOWLEDGE_RULE_PREFIX.length)
    let r = rows.get(cardId)
    if (!r) {
      r = {
        row: { cardId, title: e.flagged, inserts: 0, agents: 0, lastAt: 0, versions: [] },
        agents: new Set(),
        versions: new Set(),
      }
      rows.set(cardId, r)
    }
    r.row.inserts++
    if (e.at >= r.row.lastAt) {
      r.row.lastAt = e.at
      r.row.title = e.flagged
    }
    r.agents.add(e.agentWorkId)
    r.versions.add(e.phrasebookVersion)
  }
  return [...rows.values()]
    .map(({ row, agents, versions }) => ({ ...row, agents: agents.size, versions: [...versions].sort() }))
    .sort((a, b) => b.inserts - a.inserts || a.cardId.localeCompare(b.cardId))
}
