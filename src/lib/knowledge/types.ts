/**
 * The knowledge pack (知识库): cards an agent finds by search or gets suggested from the ticket, each
 * with a short answer for the agent, a customer-facing script with `{slot}`s, and where the rule comes
 * from. Plain types and constants only; the zod schema lives in `schema.ts`.
 */
import type { CaseType } from "../cases/model"

/** The areas manual 004 §1.2 asks agents to know. "outlets" cards are built from the contact directory. */
export const KNOWLEDGE_AREAS = ["prohibited", "claims", "products", "services", "outlets"] as const
export type KnowledgeArea = (typeof KNOWLEDGE_AREAS)[number]

/**
 * What kind of authority a fact rests on. "company" = a company rule the admin sets (no law fixes it);
 * "manual" = the training manuals in `shared/seeds`.
 */
export const SOURCE_KINDS = ["law", "regulation", "catalogue", "standard", "manual", "company"] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** One citation. `article` is the article / clause actually read, e.g. "第二十七条". */
export interface KnowledgeSource {
  kind: SourceKind
  /** e.g. 《快递暂行条例》 */
  title: string
  article?: string
  /** What the cited text says, in one line, or why a number is a company placeholder. */
  note?: string
}

/** One card. `script` uses the scenario-script slot syntax (`{slot}`, `[optional {slot}]`). */
export interface KnowledgeCard {
  /** kebab-case, stable: stored in the QA trail. */
  id: string
  area: KnowledgeArea
  title: string
  /** Words the card is about; searched, and looked for in the customer's text. */
  keywords: string[]
  /** Other ways customers and agents say the same thing (充电宝 for 移动电源). */
  synonyms: string[]
  /** The short answer for the agent (not sent to the customer). */
  answer: string
  /** What the agent must check before promising anything. */
  checks: string[]
  /** The customer-facing answer; inserted into the reply box. */
  script: string
  sources: KnowledgeSource[]
  /** When the rule took effect (YYYY-MM-DD): the law's date, or the company rule's. */
  effective: string
  /** Case types for which the card is suggested without a search. */
  caseTypes: CaseType[]
  /** Questions that must find this card by search (a test checks each). */
  examples: string[]
  /** Values the card fills itself (an outlet card's own phone); plain text, never re-expanded. */
  vars?: Record<string, string>
}

/**
 * A company-specific value the scripts use (`{保价费率}`): set by the admin in the pack; while unset,
 * the card shows the typical range and the agent is asked for the value before inserting.
 */
export interface CompanyValue {
  /** The company's value; empty = not set yet. */
  value: string
  /** The usual range in the industry, shown while unset. */
  typical: string
  note?: string
}

/** The pack: versioned, replaced or extended as a whole by the admin (or later by policy). */
export interface KnowledgePack {
  format: "cs-sidekick-knowledge"
  version: string
  /** Who maintains it, e.g. "内置" or the company name. */
  publisher: string
  cards: KnowledgeCard[]
  values: Record<string, CompanyValue>
}
