/** The admin policy in force (live: the worker rewrites it when managed storage changes). */
import { useLiveQuery } from "dexie-react-hooks"

import { EMPTY_POLICY_SNAPSHOT, type PolicySnapshot } from "~lib/policy/model"

import { useServices } from "../services"

/** The last policy the service worker read; the empty one while loading or when the store fails. */
export function usePolicy(): PolicySnapshot {
  const { store } = useServices()
  return (
    useLiveQuery(() => store.getPolicy().catch(() => EMPTY_POLICY_SNAPSHOT), [store]) ?? EMPTY_POLICY_SNAPSHOT
  )
}
