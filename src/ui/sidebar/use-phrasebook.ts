/**
 * The phrasebook in force: the active stored one if it passes the schema, else the built-in book.
 * Stored books are JSON someone imported; they are checked here before any rule of theirs runs.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useMemo } from "react"

import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { phrasebookSchema } from "~lib/phrasing/schema"
import type { Phrasebook } from "~lib/phrasing/types"
import { getDb } from "~lib/store/db"
import { createPhrasebookStore } from "~lib/store/phrasebook-repository"

export interface ActivePhrasebook {
  book: Phrasebook
  /** A stored book was active but did not validate: the built-in one is used instead. */
  invalid: boolean
}

export function useActivePhrasebook(): ActivePhrasebook {
  const record = useLiveQuery(
    () =>
      createPhrasebookStore(getDb())
        .getActivePhrasebook()
        .catch(() => undefined),
    [],
  )
  return useMemo(() => {
    if (!record) return { book: DEFAULT_PHRASEBOOK, invalid: false }
    const parsed = phrasebookSchema.safeParse(record.book)
    return parsed.success
      ? { book: parsed.data, invalid: false }
      : { book: DEFAULT_PHRASEBOOK, invalid: true }
  }, [record])
}
