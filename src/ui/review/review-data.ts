/** What the review page reads: the trail in a date range, the phrasebook in force and its versions. */
import { useLiveQuery } from "dexie-react-hooks"
import { createContext, useContext, useMemo } from "react"

import type { AuditEvent } from "~lib/audit/model"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { phrasebookSchema } from "~lib/phrasing/schema"
import { TONE_LABELS, TONE_RULE_PREFIX } from "~lib/phrasing/tone/categories"
import type { Phrasebook, PhrasingCategory } from "~lib/phrasing/types"
import { type AuditStore, createAuditStore } from "~lib/store/audit-repository"
import type { SidekickDB } from "~lib/store/db"
import {
  createPhrasebookStore,
  type PhrasebookInfo,
  type PhrasebookStore,
} from "~lib/store/phrasebook-repository"

export interface ReviewDeps {
  db: SidekickDB
  audit: AuditStore
  phrasebooks: PhrasebookStore
}

export function reviewDeps(db: SidekickDB): ReviewDeps {
  return { db, audit: createAuditStore(db), phrasebooks: createPhrasebookStore(db) }
}

export const ReviewDepsContext = createContext<ReviewDeps | null>(null)

export function useReviewDeps(): ReviewDeps {
  const deps = useContext(ReviewDepsContext)
  if (!deps) throw new Error("useReviewDeps outside ReviewDepsContext")
  return deps
}

/** The most events one view loads; aggregation of more is the performance engineer's bench territory. */
export const MAX_EVENTS = 50_000

export function useTrail(from: number, to: number): AuditEvent[] | undefined {
  const { audit } = useReviewDeps()
  return useLiveQuery(() => audit.listAuditEvents({ from, to }, MAX_EVENTS), [audit, from, to])
}

export interface BookInForce {
  book: Phrasebook
  /** False when no valid book is stored and the built-in one is used. */
  stored: boolean
}

/** The active stored book if it validates, else the built-in one (the same rule the sidebar uses). */
export function useBookInForce(): BookInForce | undefined {
  const { phrasebooks } = useReviewDeps()
  const record = useLiveQuery(async () => (await phrasebooks.getActivePhrasebook()) ?? null, [phrasebooks])
  return useMemo(() => {
    if (record === undefined) return undefined
    if (record === null) return { book: DEFAULT_PHRASEBOOK, stored: false }
    const parsed = phrasebookSchema.safeParse(record.book)
    return parsed.success ? { book: parsed.data, stored: true } : { book: DEFAULT_PHRASEBOOK, stored: false }
  }, [record])
}

export function useVersions(): PhrasebookInfo[] | undefined {
  const { phrasebooks } = useReviewDeps()
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
