/**
 * The pure domain core of CS Sidekick: strings and plain objects in, plain objects out.
 * No DOM, no browser APIs, no React, no database (the store is `./store`, imported separately).
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
export * from "./waybill"
export * from "./phrasing"
export * from "./scripts"
export * from "./escalation"
export { classifyCase, LOW_CONFIDENCE, type Classification } from "./cases/classify"
export { CLASSIFY_LEXICON } from "./cases/lexicon"
// The knowledge pack (search, suggestions, cards); its zod schema and `parseKnowledgePack` are in ./knowledge/schema.
export * from "./knowledge"
export * from "./qa"
export * from "./cases/model"
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
