/**
 * What every page needs from the outside world, provided once at the root (tests pass fakes): every
 * repository of the one database (`store`, `audit`, `phrasebooks`, `knowledge`, `conversations`), the
 * browser, the clock and ids. UI code reaches storage only through here.
 */
import { createContext, useContext, type ReactNode } from "react"

import type { Repositories } from "~lib/store/repositories"

import type { Platform } from "./platform"

export interface Services extends Repositories {
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
