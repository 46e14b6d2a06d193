/**
 * Every repository over one database, as one object: what the composition root
 * (`src/ui/default-services.ts`) hands to the UI, and what tests build over a throwaway database.
 */
import { type AuditStore, createAuditStore } from "./audit-repository"
import type { SidekickStore } from "./contract"
import { type ConversationStore, createConversationStore } from "./conversation-repository"
import type { SidekickDB } from "./db"
import { createKnowledgeStore, type KnowledgeStore } from "./knowledge-repository"
import { createPhrasebookStore, type PhrasebookStore } from "./phrasebook-repository"
import { createStore } from "./repository"

/** The repositories of the one database; each is the only way the UI reaches its tables. */
export interface Repositories {
  /** Cases, handoff notes, contact attempts, the directory, settings, the policy snapshot, backup. */
  store: SidekickStore
  /** The phrasing audit trail (质检). */
  audit: AuditStore
  /** Imported phrasebooks and which one is active. */
  phrasebooks: PhrasebookStore
  /** Imported knowledge packs and which one is active. */
  knowledge: KnowledgeStore
  /** Sent replies and customer turns (conversation QA). */
  conversations: ConversationStore
}

/** Creates every repository over `db`. */
export function createRepositories(db: SidekickDB, options: { now?: () => number } = {}): Repositories {
  return {
    store: createStore(db, options),
    audit: createAuditStore(db, options),
    phrasebooks: createPhrasebookStore(db, options),
    knowledge: createKnowledgeStore(db, options),
    conversations: createConversationStore(db),
  }
}
