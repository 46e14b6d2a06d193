/**
 * A copy of the "sidebar mode" setting in chrome.storage.local. The database is the truth; the copy
 * exists because `sidePanel.open` must be called synchronously inside the shortcut's user gesture,
 * and because content scripts (which never open the database) switch modes live from it.
 */
import { SIDEBAR_MODE_KEY, type SidebarMode } from "~lib/protocol/types"

let cached: SidebarMode | undefined

export async function mirrorSidebarMode(mode: SidebarMode): Promise<void> {
  cached = mode
  const current = (await chrome.storage.local.get(SIDEBAR_MODE_KEY))[SIDEBAR_MODE_KEY]
  if (current !== mode) await chrome.storage.local.set({ [SIDEBAR_MODE_KEY]: mode })
}

/** The mode if already known in this worker's life (synchronous, for user-gesture handlers). */
export function cachedSidebarMode(): SidebarMode | undefined {
  return cached
}

/** Loads the copy into the cache and keeps it fresh; called once when the worker starts. */
export function watchSidebarMode(): void {
  void chrome.storage.local.get(SIDEBAR_MODE_KEY).then((r) => {
    const v = r[SIDEBAR_MODE_KEY]
    if (v === "inpage" || v === "sidepanel") cached ??= v
  })
  chrome.storage.onChanged.addListener((changes, area) => {
    const v = changes[SIDEBAR_MODE_KEY]?.newValue
    if (area === "local" && (v === "inpage" || v === "sidepanel")) cached = v
  })
}
