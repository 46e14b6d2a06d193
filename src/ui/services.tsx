/** What every page needs from the outside world, provided once at the root (tests pass fakes). */
import { createContext, useContext, type ReactNode } from "react"

import type { SidekickStore } from "~lib/store/contract"

import type { Platform } from "./platform"

export interface Services {
  store: SidekickStore
  platform: Platform
  now: () => number
  newId: () => string
}

const ServicesContext = createContext<Services | null>(null)

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error("useServices outside ServicesProvider")
  return services
}
