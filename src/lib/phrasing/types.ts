import type { Checklist } from "../qa/types"

/** Rule categories, in the order the research list uses them. */
export const PHRASING_CATEGORIES = [
  "refusal",
  "blame-shifting",
  "impatience",
  "uncertainty",
  "rudeness",
  "over-promising",
  "held-over-fees",
] as const

/** forbidden = never send (高); warning = blunt, rephrase (中); hint = vague, add a reason or time (低). */
export const PHRASING_SEVERITIES = ["forbidden", "warning", "hint"] as const

export type PhrasingCategory = (typeof PHRASING_CATEGORIES)[number]
export type PhrasingSeverity = (typeof PHRASING_SEVERITIES)[number]

/** A bilingual explanation; cites the manual section where one applies, e.g. "(四)" or "2.1". */
export interface BilingualText {
  zh: string
  en: string
}

/**
 * Regex sources (no slashes, no flags; compiled with "iu") checked around a hit, inside the hit's
 * sentence and at most {@link WINDOW} UTF-16 units away from it.
 * - `before`: must match the text that ends right where the hit starts (compiled as `(?:src)$`);
 * - `after`: must match the text that starts right where the hit ends (compiled as `^(?:src)`);
 * - `sentence`: may match anywhere in the bounded sentence window that contains the hit.
 */
export interface PhrasingContext {
  before?: string[]
  after?: string[]
  sentence?: string[]
}

/** Defined in the matcher so the schema and the compiler agree on the window size. */
export const WINDOW = 40

/**
 * One rule. `triggers` are literal phrases in a tiny syntax:
 * - `…` (one or more U+2026) = a gap of 0–{@link GAP_MAX} characters, not crossing a sentence end;
 * - a leading `^` = the hit must open a clause (text start or after punctuation);
 * - a trailing `$` = the hit must close a clause (punctuation or text end follows).
 * Matching folds ASCII case and full-width ASCII (Ｂｕｇ = bug, １００％ = 100%).
 */
export interface PhrasingRule {
  /** Stable kebab-case id, e.g. "refusal-buxing". */
  id: string
  /**
   * Short Chinese title QA sees everywhere (filters, tables, the rule picker); the id is a detail.
   * Every built-in rule has one; imported books may omit it (see `ruleTitle`).
   */
  title?: string
  category: PhrasingCategory
  severity: PhrasingSeverity
  triggers: string[]
  /** A hit is dropped when any guard pattern matches (the words are not blunt in that context). */
  guards?: PhrasingContext
  /** A hit counts only when, for every list given, at least one pattern matches. */
  requires?: PhrasingContext
  message: BilingualText
  /** 1–3 suggestions; `{slot名}` marks a value the agent must fill in before applying. */
  replacements: string[]
  /** Self-tests: each blunt example is flagged by this rule, no polite one by any rule. */
  examples: { blunt: string[]; polite: string[] }
  /** Where the wording comes from (research source ids such as "S17", "G1", "Manual A"). */
  sources?: string[]
}

/** A versioned, JSON-serialisable rule set. */
export interface Phrasebook {
  id: string
  /** Calendar version "YYYY.M.patch", e.g. "2026.11.0". */
  version: string
  title: string
  rules: PhrasingRule[]
  /** The conversation checklist (since 2026.12.0); books without one use the built-in checklist. */
  checklist?: Checklist
}

/** One blunt span in a draft. Offsets are UTF-16, `end` exclusive, `text === input.slice(start, end)`. */
export interface PhrasingFinding {
  ruleId: string
  start: number
  end: number
  text: string
  category: PhrasingCategory
  severity: PhrasingSeverity
  message: BilingualText
  replacements: string[]
  /** "model" for a tone-model finding (the whole sentence); absent for a rule finding. */
  source?: "model"
  /** Model findings: calibrated P(not polite), 0–1. */
  confidence?: number
  /** Model findings: the words that weighed most, as spans of the draft (strongest first). */
  cues?: { start: number; end: number; text: string }[]
}

/** Longest gap a `…` in a trigger may stand for. */
export const GAP_MAX = 8
