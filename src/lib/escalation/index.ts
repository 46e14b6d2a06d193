/** The escalation ladder (manual 九) and its contact directory. */
export {
  LADDER,
  LADDER_TIMING,
  ladderLevelOf,
  ladderStep,
  type LadderStep,
  type LadderTiming,
} from "./ladder"
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
} from "./next-escalation"
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
} from "./contacts-csv"
export {
  directoryPlaces,
  matchPlace,
  placeFromPage,
  type CasePlace,
  type DirectoryPlace,
  type PagePlace,
} from "./case-place"
