/**
 * Names that changed. Stored audit events, stored phrasebooks and files exported before a rename still
 * carry the old names; the schemas read them through these so an old file imports as the new name.
 * (The database itself is rewritten once by migration v8.)
 */
import { TONE_RULE_PREFIX } from "./tone/categories"
import type { PhrasingCategory } from "./types"

/** Old category → new: "rule-10" was named after the manual's section (十), not what it is about. */
export const RENAMED_CATEGORIES: Readonly<Record<string, PhrasingCategory>> = Object.freeze({
  "rule-10": "held-over-fees",
})

/** A category as read from stored or imported data: an old name becomes the new one, anything else is kept. */
export function currentCategory(value: unknown): unknown {
  return typeof value === "string" ? (RENAMED_CATEGORIES[value] ?? value) : value
}

/** A rule id as read from stored or imported data: a tone finding's "tone-<old category>" gets the new name. */
export function currentRuleId(value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith(TONE_RULE_PREFIX)) return value
  const renamed = RENAMED_CATEGORIES[value.slice(TONE_RULE_PREFIX.length)]
  return renamed ? `${TONE_RULE_PREFIX}${renamed}` : value
}
