/**
 * Conversation QA: the service checklist from the manuals as phrasebook data, scored over whole
 * conversations. The zod schema lives in `./schema` and is not re-exported (lint-only bundles stay free of zod).
 */
export { DEFAULT_CHECKLIST } from "./default-checklist"
export { parseExampleTurns, testChecklistItem, type ChecklistExampleResult } from "./examples"
export { maskQuotes } from "./quotes"
export {
  compileChecklist,
  scoreConversation,
  scoreConversationDetailed,
  weightedScore,
  type DetailedItemResult,
} from "./score"
export {
  DETECTOR_ROLES,
  ITEM_IDS,
  type Checklist,
  type ChecklistExample,
  type ChecklistItem,
  type Evidence,
  type ItemId,
  type ItemResult,
  type Outcome,
  type ScoreOptions,
  type ScoreResult,
  type Turn,
} from "./types"
