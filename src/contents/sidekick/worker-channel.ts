/**
 * The service worker's channel: its commands (toggle, teardown, "the site's settings changed") and
 * the sidebar-mode key in extension storage. Only messages from our worker (not from a tab) count.
 */
import type { BackgroundToPage, SidebarMode, SiteConfig } from "~lib/protocol/types"
import { SIDEBAR_MODE_KEY } from "~lib/protocol/types"

/** Asks the service worker; null when it did not answer (asleep, gone, refused). */
export function ask<T>(name: string): Promise<T | null> {
  return chrome.runtime.sendMessage({ name, body: {} }).then(
    (r: unknown) => (r ?? null) as T | null,
    () => null,
  )
}

export function listenToWorker(opts: {
  signal: AbortSignal
  onToggle: () => void
  onTeardown: () => void
  /** The site's settings as the worker now gives them (null: the site is no longer enabled). */
  onConfig: (config: SiteConfig | null) => void
  onMode: (mode: SidebarMode) => void
}): void {
  const onMessage = (raw: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id || sender.tab || opts.signal.aborted) return
    const type = (raw as BackgroundToPage | null)?.type
    if (type === "toggle-sidebar") opts.onToggle()
    else if (type === "teardown") opts.onTeardown()
    else if (type === "site-config-changed")
      void ask<SiteConfig>("site.config").then((c) => opts.signal.aborted || opts.onConfig(c))
  }
  const onStorage = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    const mode: unknown = changes[SIDEBAR_MODE_KEY]?.newValue
    if (area === "local" && (mode === "inpage" || mode === "sidepanel") && !opts.signal.aborted)
      opts.onMode(mode)
  }
  chrome.runtime.onMessage.addListener(onMessage)
  chrome.storage.onChanged.addListener(onStorage)
  opts.signal.addEventListener(
    "abort",
    () => {
      chrome.runtime.onMessage.removeListener(onMessage)
      chrome.storage.onChanged.removeListener(onStorage)
    },
    { once: true },
  )
}
