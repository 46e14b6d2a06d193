/**
 * The pure domain core of CS Sidekick: strings and plain objects in, plain objects out.
 * No DOM, no browser APIs, no React, no database (the store is `./store`, imported separately).
 * This is the one barrel of the core, its public API; inside the repository, code imports the module
 * that defines what it needs (a barrel pulls its whole tree into every bundle that touches it), and
 * the customer state through `./customer`, its only way in.
 *
 * The five entry points named by the product brief:
 * - `detectWaybills(text, context?)` → waybill numbers with ranked carriers
 * - `lintPhrasing(text, book?)` → blunt / forbidden wording with reasons and replacements
 * - `renderScript(id, vars)` → a scenario script with its slots filled, missing ones reported
 * - `classifyCase(text, {title})` → the case type (trained model), its calibrated confidence and the phrases that decided it
 * - `nextEscalation(caseState, directory, now)` → the next step on the escalation ladder
 * - `assessCustomer(text)` → the customer's state: calm / anxious / angry, outside-complaint threats, repeat contact
 * - `scoreConversation(turns, opts?)` → the service checklist over a whole conversation
 */
// Waybill detection: the carrier registry as data, check digits, look-alike filters, context ranking.
export { CARRIERS, CARRIER_CODES, getCarrier } from "./waybill/carriers"
export {
  CHECKSUMS,
  isEms13CheckValid,
  isValidChineseId,
  isValidDhl,
  isValidFedex12,
  isValidFedex15,
  isValidS10,
  isValidUps,
  s10CheckDigit,
} from "./waybill/checksums"
export { isCountryCode } from "./waybill/country-codes"
export { detectWaybills } from "./waybill/detect"
export { identifyWaybill } from "./waybill/identify"
export { type Lookalike, type LookalikeKind, lookalike } from "./waybill/lookalikes"
export { normalizeWaybill } from "./waybill/normalize"
export type {
  Carrier,
  CarrierCandidate,
  CarrierCode,
  ChecksumName,
  DetectContext,
  WaybillExample,
  WaybillFormat,
  WaybillMatch,
} from "./waybill/types"

// Phrasing lint: a versioned phrasebook (data) and one fast matcher. The zod schema is in
// ./phrasing/schema, not exported here, so lint-only bundles stay free of zod.
export { compilePhrasebook, type CompiledPhrasebook } from "./phrasing/compile"
export { DEFAULT_PHRASEBOOK } from "./phrasing/default-phrasebook"
export { lintPhrasing } from "./phrasing/lint"
export { applyReplacement, fillReplacementSlots, replacementSlots } from "./phrasing/replacement"
export { parseTrigger, type ParsedTrigger } from "./phrasing/trigger"
export {
  GAP_MAX,
  PHRASING_CATEGORIES,
  PHRASING_SEVERITIES,
  WINDOW,
  type BilingualText,
  type Phrasebook,
  type PhrasingCategory,
  type PhrasingContext,
  type PhrasingFinding,
  type PhrasingRule,
  type PhrasingSeverity,
} from "./phrasing/types"

// Scenario scripts with `{slot}` placeholders: data, slot catalogue and rendering.
export { SCRIPTS, SCRIPT_STAGES, type Script, type ScriptExample, type ScriptStage } from "./scripts/scripts"
export {
  SLOTS,
  getSlot,
  varsFromContext,
  type Bilingual,
  type SlotContext,
  type SlotDef,
  type SlotSource,
} from "./scripts/slots"
export {
  fillTemplate,
  parseSlots,
  requiredSlots,
  tokenize,
  type FillResult,
  type TemplateToken,
} from "./scripts/template"
export {
  getScript,
  listScripts,
  scriptsForCase,
  renderScript,
  type RenderError,
  type RenderOk,
  type RenderResult,
} from "./scripts/render"

// The escalation ladder (manual 九) and its contact directory.
export {
  LADDER,
  LADDER_TIMING,
  ladderLevelOf,
  ladderStep,
  type LadderStep,
  type LadderTiming,
} from "./escalation/ladder"
export {
  HQ_DEPARTMENT_HINTS,
  LADDER_RULES,
  formatDuration,
  nextEscalation,
  rankContacts,
  urgencyReasons,
  type ContactMatch,
  type EscalationAdvice,
  type EscalationDecision,
  type LadderRule,
  type LadderRuleId,
  type LevelFacts,
  type RankedContact,
} from "./escalation/next-escalation"
export {
  CONTACTS_CSV_LIMITS,
  EXPORT_HEADERS,
  HEADER_ALIASES,
  ROLE_ALIASES,
  ROLE_LABELS,
  contactId,
  contactsToCsv,
  csvCell,
  parseContactsCsv,
  parseRole,
  type ContactsImportResult,
  type ImportProblem,
} from "./escalation/contacts-csv"
export {
  directoryPlaces,
  matchPlace,
  placeFromPage,
  type CasePlace,
  type DirectoryPlace,
  type PagePlace,
} from "./escalation/case-place"

// The case type (trained model) and the case / handoff model.
export { classifyCase, LOW_CONFIDENCE, type Classification } from "./cases/classify"
export { CLASSIFY_LEXICON } from "./cases/lexicon"
export * from "./cases/model"

// The knowledge pack (search, suggestions, cards); its zod schema and `parseKnowledgePack` are in ./knowledge/schema.
export { DEFAULT_KNOWLEDGE_PACK } from "./knowledge/default-pack"
export { outletCards } from "./knowledge/outlets"
export { initialsOfChar, initialsSpellings } from "./knowledge/pinyin"
export { renderCard, type RenderedCard } from "./knowledge/render"
export {
  buildKnowledgeIndex,
  normalizeQuery,
  searchKnowledge,
  suggestKnowledge,
  type KnowledgeHit,
  type KnowledgeIndex,
  type SuggestContext,
} from "./knowledge/search"
export * from "./knowledge/types"

// Conversation QA: the service checklist, scored over whole conversations (schema in ./qa/schema).
export { DEFAULT_CHECKLIST } from "./qa/default-checklist"
export { parseExampleTurns, testChecklistItem, type ChecklistExampleResult } from "./qa/examples"
export { maskQuotes } from "./qa/quotes"
export {
  compileChecklist,
  scoreConversation,
  scoreConversationDetailed,
  weightedScore,
  type DetailedItemResult,
} from "./qa/score"
export {
  DETECTOR_ROLES,
  ITEM_IDS,
  type Checklist,
  type ChecklistExample,
  type ChecklistItem,
  type ItemId,
  type ItemResult,
  type Outcome,
  type ScoreOptions,
  type ScoreResult,
  type Turn,
} from "./qa/types"

// The customer's state: emotion, outside-complaint threats, repeat contact.
export {
  assessCustomer,
  firstScriptsFor,
  THREAT_KINDS,
  THREAT_LABELS,
  type CustomerState,
  type Emotion,
  type Evidence,
  type ThreatKind,
} from "./customer"
