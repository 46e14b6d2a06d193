/**
 * The pure domain core of CS Sidekick: strings and plain objects in, plain objects out.
 * No DOM, no browser APIs, no React, no database (the store is `./store`, imported separately).
 *
 * The five entry points named by the product brief:
 * - `detectWaybills(text, context?)` → waybill numbers with ranked carriers
 * - `lintPhrasing(text, book?)` → blunt / forbidden wording with reasons and replacements
 * - `renderScript(id, vars)` → a scenario script with its slots filled, missing ones reported
 * - `classifyCase(text)` → the case type and the words that decided it
 * - `nextEscalation(caseState, directory, now)` → the next step on the escalation ladder
 * - `scoreConversation(turns, opts?)` → the service checklist over a whole conversation
 */
export * from "./waybill"
export * from "./phrasing"
export * from "./scripts"
export * from "./escalation"
export * from "./qa"
export { classifyCase, CLASSIFY_LEXICON, TITLE_WEIGHT } from "./cases/classify"
export * from "./cases/model"
