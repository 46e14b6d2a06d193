/** The composition root of extension pages: the one database (opened here only) and the browser. */
import { getDb } from "~lib/store/db"
import { createRepositories } from "~lib/store/repositories"

import { browserPlatform } from "./platform-browser"
import type { Services } from "./services"

let services: Services | undefined

export function defaultServices(): Services {
  services ??= {
    ...createRepositories(getDb()),
    platform: browserPlatform,
    now: Date.now,
    newId: () => crypto.randomUUID(),
  }
  return services
}
