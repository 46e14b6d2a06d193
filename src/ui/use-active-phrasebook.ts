/**
 * The phrasebook in force — the one rule, written once: the active stored book if it passes the schema,
 * else the built-in book. Stored books are JSON someone imported; they are checked here before any rule
 * of theirs runs. The sidebar, the review page and the options page all read it through this hook.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useMemo } from "react"

import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { phrasebookSchema } from "~lib/phrasing/schema"
import type { Phrasebook } from "~lib/phrasing/types"

import { useServices } from "./services"

export interface ActivePhrasebook {
  book: Phrasebook
  /** A valid stored book is in force (false: the built-in one). */
  stored: boolean
  /** A stored book was active but did not validate: the built-in one is used instead. */
  invalid: boolean
  /** False until the store has answered; the built-in book stands in meanwhile. */
  loaded: boolean
}

export function useActivePhrasebook(): ActivePhrasebook {
  const { phrasebooks } = useServices()
  // null = answered, nothing (readable) stored; undefined = not answered yet.
  const record = useLiveQuery(
    async () => (await phrasebooks.getActivePhrasebook().catch(() => undefined)) ?? null,
    [phrasebooks],
  )
  return useMemo(() => {
    if (record === undefined)
      return { book: DEFAULT_PHRASEBOOK, stored: false, invalid: false, loaded: false }
    if (record === null) return { book: DEFAULT_PHRASEBOOK, stored: false, invalid: false, loaded: true }
    const parsed = phrasebookSchema.safeParse(record.book)
    return parsed.success
      ? { book: parsed.data, stored: true, invalid: false, loaded: true }
      : { book: DEFAULT_PHRASEBOOK, stored: false, invalid: true, loaded: true }
  }, [record])
}
