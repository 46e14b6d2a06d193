/** The real services for extension pages: the one database and the browser. */
import { getDb } from "~lib/store/db"
import { createStore } from "~lib/store/repository"

import { browserPlatform } from "./platform-browser"
import type { Services } from "./services"

let services: Services | undefined

export function defaultServices(): Services {
  services ??= {
    store: createStore(getDb()),
    platform: browserPlatform,
    now: Date.now,
    newId: () => crypto.randomUUID(),
  }
  return services
}
