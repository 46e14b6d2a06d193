/** Live settings (profile, sites, locale…) from the store; undefined while loading. */
import { useLiveQuery } from "dexie-react-hooks"

import type { Settings } from "~lib/store/contract"

import { useServices } from "./services"

export function useSettings(): Settings | undefined {
  const { store } = useServices()
  return useLiveQuery(() => store.getSettings(), [store])
}
