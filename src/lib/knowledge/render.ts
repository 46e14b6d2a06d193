/** Filling a card's customer-facing script: the scenario-script slot machinery plus the pack's company values. */
import { fillTemplate, parseSlots } from "../scripts/template"
import type { CompanyValue, KnowledgeCard } from "./types"

/** A rendered card script: plain text (never HTML), with `【slot】` where a required value is missing. */
export interface RenderedCard {
  text: string
  /** Required slots still without a value: the agent is asked for them before inserting. */
  missing: string[]
  /** Company values the script uses that the admin has not set: shown with their typical range. */
  unset: { slot: string; typical: string; note?: string }[]
}

/**
 * Fills `card.script` from `vars` (what the sidebar knows, plus anything the agent typed) and the
 * pack's company values. The card's own values win, then the admin's, then `vars` (the agent is
 * only asked for slots none of these fill).
 */
export function renderCard(
  card: KnowledgeCard,
  vars: Readonly<Record<string, string | undefined>>,
  values: Readonly<Record<string, CompanyValue>> = {},
): RenderedCard {
  const company: Record<string, string> = {}
  const unset: RenderedCard["unset"] = []
  for (const slot of parseSlots(card.script)) {
    const v = Object.prototype.hasOwnProperty.call(values, slot) ? values[slot] : undefined
    if (!v) continue
    if (v.value.trim()) company[slot] = v.value.trim()
    else unset.push({ slot, typical: v.typical, ...(v.note ? { note: v.note } : {}) })
  }
  const { text, missing } = fillTemplate(card.script, { ...vars, ...company, ...card.vars })
  return { text, missing, unset: unset.filter((u) => missing.includes(u.slot)) }
}
