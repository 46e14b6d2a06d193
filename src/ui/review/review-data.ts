/** What the review page reads: the trail in a date range, the phrasebook in force and its versions. */
import { useLiveQuery } from "dexie-react-hooks"

import type { AuditEvent } from "~lib/audit/model"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { TONE_LABELS, TONE_RULE_PREFIX } from "~lib/phrasing/tone/categories"
import type { Phrasebook, PhrasingCategory } from "~lib/phrasing/types"
import type { PhrasebookInfo } from "~lib/store/phrasebook-repository"

import { useServices } from "../services"
import { type ActivePhrasebook, useActivePhrasebook } from "../use-active-phrasebook"

/** The most events one view loads; aggregation of more is the performance engineer's bench territory. */
export const MAX_EVENTS = 50_000

export function useTrail(from: number, to: number): AuditEvent[] | undefined {
  const { audit } = useServices()
  return useLiveQuery(() => audit.listAuditEvents({ from, to }, MAX_EVENTS), [audit, from, to])
}

/** The book in force once the store has answered (`stored` false: the built-in one). */
export type BookInForce = Pick<ActivePhrasebook, "book" | "stored">

/** The phrasebook in force (`useActivePhrasebook`), or undefined while the store has not answered. */
export function useBookInForce(): BookInForce | undefined {
  const active = useActivePhrasebook()
  return active.loaded ? active : undefined
}

export function useVersions(): PhrasebookInfo[] | undefined {
  const { phrasebooks } = useServices()
  return useLiveQuery(() => phrasebooks.listPhrasebooks(), [phrasebooks])
}

/** Rule id → category, from the book in force and the built-in book (older events may name either). */
export function categoryLookup(book: Phrasebook): (ruleId: string) => PhrasingCategory | undefined {
  const map = new Map<string, PhrasingCategory>()
  for (const r of DEFAULT_PHRASEBOOK.rules) map.set(r.id, r.category)
  for (const r of book.rules) map.set(r.id, r.category)
  // Tone-model findings are recorded as "tone-<category>".
  for (const l of TONE_LABELS) if (l !== "polite") map.set(`${TONE_RULE_PREFIX}${l}`, l)
  return (ruleId) => map.get(ruleId)
}
