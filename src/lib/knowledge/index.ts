/** The knowledge pack: cards with sources, search (Chinese, synonyms, pinyin initials), suggestions. */
export { DEFAULT_KNOWLEDGE_PACK } from "./default-pack"
export { outletCards } from "./outlets"
export { initialsOfChar, initialsSpellings } from "./pinyin"
export { renderCard, type RenderedCard } from "./render"
export {
  buildKnowledgeIndex,
  normalizeQuery,
  searchKnowledge,
  suggestKnowledge,
  type KnowledgeHit,
  type KnowledgeIndex,
  type SuggestContext,
} from "./search"
export * from "./types"
