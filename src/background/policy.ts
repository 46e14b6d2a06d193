/**
 * The admin policy from the browser's managed storage: read at every worker start and on
 * `storage.onChanged` (area "managed"), validated (`parsePolicy`), stored for the pages (the store's
 * "policy" row: every page's live queries pick it up) and applied to the sites. Chrome re-reads
 * policy files on its own schedule and at chrome://policy → Reload; Firefox reads policies.json only
 * when the browser starts.
 */
import { parsePolicy } from "~lib/policy/parse"
import type { PolicySnapshot } from "~lib/policy/model"

import { notifyAllTabs, reconcileSites } from "./sites"
import { getStore } from "./store"

interface ManagedRead {
  source: PolicySnapshot["source"]
  raw?: Record<string, unknown>
  error?: string
}

/** Managed storage as it is: Firefox rejects `get` when no policy names us, and some builds lack the area. */
export async function readManaged(): Promise<ManagedRead> {
  const area = (chrome.storage as { managed?: chrome.storage.StorageArea } | undefined)?.managed
  if (!area) return { source: "unavailable", error: "storage.managed is not available" }
  try {
    const raw = (await area.get(null)) as Record<string, unknown>
    return { source: Object.keys(raw).length > 0 ? "managed" : "none", raw }
  } catch (error) {
    return { source: "unavailable", error: error instanceof Error ? error.message : String(error) }
  }
}

/** Reads, validates and applies the policy; returns what is now in force. */
export async function refreshPolicy(now: () => number = Date.now): Promise<PolicySnapshot> {
  const read = await readManaged()
  const { policy, diagnostics } = parsePolicy(read.raw)
  const snapshot: PolicySnapshot = { readAt: now(), source: read.source, policy, diagnostics }
  if (read.error) snapshot.error = read.error.slice(0, 500)
  const store = getStore()
  const before = await store.getPolicy()
  // Unchanged (the usual worker start): no write, so open pages are not woken for nothing.
  const same = (s: PolicySnapshot) => JSON.stringify([s.source, s.policy, s.diagnostics, s.error ?? null])
  if (same(before) === same(snapshot)) return before
  await store.setPolicy(snapshot)
  // Policy sites with access get the content script (and open tabs of newly covered sites a copy);
  // sites the policy dropped lose it. Open pages re-ask their config (selector, hint, note box).
  await reconcileSites({ inject: false, injectNew: true })
  await notifyAllTabs()
  return snapshot
}

/** Listener for `chrome.storage.onChanged`: only the managed area matters here. */
export function onStorageChanged(area: string, refresh: () => Promise<unknown> = refreshPolicy): void {
  if (area !== "managed") return
  refresh().catch((err: unknown) => console.warn("cs-sidekick: policy change", err))
}
