import type { SidekickStore } from "~lib/store/contract"
import { getDb } from "~lib/store/db"
import { createStore } from "~lib/store/repository"

let store: SidekickStore | undefined

/** The repository over the one database; a cache only (the worker may be stopped at any time). */
export function getStore(): SidekickStore {
  store ??= createStore(getDb())
  return store
}
