import { describe, expect, it } from "vitest"

import { DEFAULT_CHECKLIST } from "../qa/default-checklist"
import { SCRIPTS } from "../scripts/scripts"
import { SAMPLE_SLOTS } from "../scripts/sample-slots.test-helper"
import { checkDraft } from "./check"

/** A script as an agent inserts it: optional parts kept, slots filled with plausible values. */
function filled(text: string): string {
  return text.replace(/\[([^\]]*)\]/g, "$1").replace(/\{([^}]*)\}/g, (_, slot: string) => {
    const value = SAMPLE_SLOTS[slot]
    if (value === undefined) throw new Error(`no sample value for the slot {${slot}}`)
    return value
  })
}

// The sidebar must never flag what it offers itself: the checklist's inserts and the scenario
// scripts go through the same check (rules and the shipped tone model) as the agent's own words.
describe("the sidebar's own wordings pass the reply check", () => {
  const inserts = DEFAULT_CHECKLIST.items.flatMap((item) =>
    Object.entries(item.inserts ?? {}).map(([key, text]) => [`${item.id}.${key}`, text] as const),
  )
  it.each(inserts)("checklist insert %s", (_id, text) => {
    expect(checkDraft(text).map((f) => `${f.ruleId}: ${f.text}`)).toEqual([])
  })

  it.each(SCRIPTS.map((s) => [s.id, s.text] as const))("script %s", (_id, text) => {
    expect(checkDraft(filled(text)).map((f) => `${f.ruleId}: ${f.text}`)).toEqual([])
  })
})
