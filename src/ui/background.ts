/** Typed requests to the service worker; every answer is checked against the contract's schema. */
import { backgroundContract } from "~lib/protocol/schema"
import type { BackgroundRequestName, BackgroundRequests } from "~lib/protocol/types"

import type { Platform } from "./platform"

export class BackgroundError extends Error {
  override readonly name = "BackgroundError"
}

export async function callBackground<N extends BackgroundRequestName>(
  platform: Platform,
  name: N,
  body: BackgroundRequests[N]["request"],
): Promise<BackgroundRequests[N]["response"]> {
  const raw = await platform.sendMessage({ name, body })
  const parsed = backgroundContract[name].response.safeParse(raw)
  if (!parsed.success) throw new BackgroundError(`unexpected answer to ${name}`)
  return parsed.data as BackgroundRequests[N]["response"]
}
