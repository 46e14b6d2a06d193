/**
 * Enabled CRM sites: the setting in the store, the granted host permission and the registered
 * content script must agree. Every change runs under one Web Lock so that enable, disable and the
 * start-up reconcile never interleave (the worker keeps no state of its own).
 */
import { type BackgroundToPage, type SiteConfig, SITES_LOCK } from "~lib/protocol/types"
import { originOf, patternCovers, siteCovers } from "~lib/page/origin"
import type { SiteSetting } from "~lib/store/contract"

import {
  contentScriptFile,
  injectInto,
  registerSite,
  registeredSites,
  sitePattern,
  unregisterSite,
} from "./content-script"
import { mirrorSidebarMode } from "./sidebar-mode"
import { getStore } from "./store"

async function locked<T>(fn: () => Promise<T>): Promise<T> {
  return (await navigator.locks.request(SITES_LOCK, fn)) as T
}

async function hasPermission(origin: string): Promise<boolean> {
  const pattern = sitePattern(origin)
  return pattern !== null && (await chrome.permissions.contains({ origins: [pattern] }))
}

/** Tabs whose page is covered by the site (needs the host permission to see their URLs). */
async function openTabsOf(origin: string): Promise<chrome.tabs.Tab[]> {
  const pattern = sitePattern(origin)
  if (!pattern) return []
  const tabs = await chrome.tabs.query({ url: pattern })
  return tabs.filter((t) => {
    const o = originOf(t.url)
    return t.id !== undefined && o !== null && siteCovers(origin, o)
  })
}

export function findSite(sites: SiteSetting[], pageOrigin: string): SiteSetting | undefined {
  return sites.find((s) => s.origin === pageOrigin) ?? sites.find((s) => siteCovers(s.origin, pageOrigin))
}

export async function enableSite(origin: string, tabId?: number): Promise<{ ok: boolean; error?: string }> {
  return locked(async () => {
    if (!(await hasPermission(origin))) {
      return { ok: false, error: "未获得该网站的访问权限 / host permission not granted" }
    }
    const store = getStore()
    const settings = await store.getSettings()
    const previous = settings.sites.find((s) => s.origin === origin)
    // Setting first: the injected script asks site.config right away.
    await store.updateSettings({
      sites: [
        ...settings.sites.filter((s) => s.origin !== origin),
        { ...previous, origin, enabledAt: Date.now() },
      ],
    })
    await registerSite(origin)
    const tabIds = new Set((await openTabsOf(origin)).map((t) => t.id as number))
    if (tabId !== undefined) tabIds.add(tabId)
    await Promise.all([...tabIds].map(injectInto))
    return { ok: true }
  })
}

/** Forgets a site: setting, registration, open sidebars, and the host permission if nothing else needs it. */
export async function disableSite(origin: string): Promise<{ ok: boolean; error?: string }> {
  return locked(async () => {
    const store = getStore()
    const settings = await store.getSettings()
    if (settings.sites.some((s) => s.origin === origin && s.managed)) {
      return { ok: false, error: "由管理员统一设置，不能停用 / Set by your organisation: cannot be disabled" }
    }
    const remaining = settings.sites.filter((s) => s.origin !== origin)
    await store.updateSettings({ sites: remaining })
    await unregisterSite(origin)
    // Tell open tabs before the permission goes (after that their URLs are hidden from us).
    for (const tab of await openTabsOf(origin)) {
      const stillCovered = remaining.some((s) => siteCovers(s.origin, originOf(tab.url) ?? ""))
      if (!stillCovered) await sendToTab(tab.id as number, { type: "teardown" })
    }
    await dropPermission(origin, remaining)
    return { ok: true }
  })
}

async function dropPermission(origin: string, remaining: SiteSetting[]): Promise<void> {
  const granted = (await chrome.permissions.getAll()).origins ?? []
  const removable = granted.filter(
    (p) =>
      patternCovers(p, origin) &&
      // Never revoke an all-sites grant, nor a pattern another enabled site still needs.
      !/^[^:]+:\/\/\*[/:]/.test(p) &&
      p !== "<all_urls>" &&
      !remaining.some((s) => patternCovers(p, s.origin)),
  )
  if (removable.length === 0) return
  try {
    await chrome.permissions.remove({ origins: removable })
  } catch {
    // Permissions granted by the manifest itself (the e2e build) cannot be removed; fine.
  }
}

async function sendToTab(tabId: number, message: BackgroundToPage): Promise<void> {
  try {
    await chrome.tabs.sendMessage(tabId, message, { frameId: 0 })
  } catch {
    // No content script there (yet / any more).
  }
}

export async function siteStatus(
  origin: string,
): Promise<{ enabled: boolean; granted: boolean; managed?: boolean }> {
  const [settings, granted] = await Promise.all([getStore().getSettings(), hasPermission(origin)])
  const site = findSite(settings.sites, origin)
  return site?.managed ? { enabled: true, granted, managed: true } : { enabled: site !== undefined, granted }
}

/** The config for the page a content script runs in, or null when that page's site is not enabled. */
export async function siteConfig(pageOrigin: string | null): Promise<SiteConfig | null> {
  if (!pageOrigin) return null
  const settings = await getStore().getSettings()
  await mirrorSidebarMode(settings.sidebarMode)
  const site = findSite(settings.sites, pageOrigin)
  if (!site) return null
  const config: SiteConfig = { origin: pageOrigin, sidebarMode: settings.sidebarMode }
  if (site.pinnedSelector) config.pinnedSelector = site.pinnedSelector
  if (site.carrierHint) config.carrierHint = site.carrierHint
  if (site.internalBox) config.internalNote = { ...site.internalBox }
  return config
}

/** Whether an enabled site covers this page origin and we may read it (for the in-page sidebar frame). */
export async function isEnabledOrigin(pageOrigin: string | null): Promise<boolean> {
  if (!pageOrigin) return false
  const settings = await getStore().getSettings()
  return findSite(settings.sites, pageOrigin) !== undefined
}

/**
 * Makes registrations match settings + granted permissions: sites whose permission is gone are
 * forgotten, stale registrations (other file after an update, or no setting) are replaced or removed.
 * With `inject`, open tabs of enabled sites get a fresh copy (after install / update / reload); with
 * `injectNew`, only open tabs of sites registered just now (a policy or a grant added them).
 * A site the admin policy enables stays enabled without its permission: it waits for the agent's one
 * click (Options / popup) and is registered once the permission is granted.
 */
export async function reconcileSites(opts: {
  inject: boolean
  injectNew?: boolean
  seed?: string[]
}): Promise<void> {
  await locked(async () => {
    const store = getStore()
    let settings = await store.getSettings()
    if (opts.seed && opts.seed.length > 0) {
      const missing = opts.seed.filter((o) => !settings.sites.some((s) => s.origin === o))
      if (missing.length > 0) {
        settings = await store.updateSettings({
          sites: [...settings.sites, ...missing.map((origin) => ({ origin, enabledAt: Date.now() }))],
        })
      }
    }
    await mirrorSidebarMode(settings.sidebarMode)
    const granted: SiteSetting[] = []
    for (const site of settings.sites) if (await hasPermission(site.origin)) granted.push(site)
    // Only the agent's own sites are forgotten without a permission (the store keeps policy sites anyway).
    const own = settings.sites.filter((s) => !s.managed)
    const ownGranted = granted.filter((s) => !s.managed)
    if (ownGranted.length !== own.length) await store.updateSettings({ sites: ownGranted })

    const file = contentScriptFile()
    const registered = await registeredSites()
    for (const [origin] of registered) {
      if (!granted.some((s) => s.origin === origin)) await unregisterSite(origin)
    }
    const added: SiteSetting[] = []
    for (const site of granted) {
      const js = registered.get(site.origin)
      if (!js) added.push(site)
      if (!js || js.length !== 1 || js[0] !== file) await registerSite(site.origin)
    }
    const injectFor = opts.inject ? granted : opts.injectNew ? added : []
    if (injectFor.length > 0) {
      const tabIds = new Set<number>()
      for (const site of injectFor) for (const t of await openTabsOf(site.origin)) tabIds.add(t.id as number)
      await Promise.all([...tabIds].map(injectInto))
    }
  })
}

/** A host permission was revoked (from the browser's UI or ours): forget the sites it covered. */
export async function onPermissionsRemoved(): Promise<void> {
  await reconcileSites({ inject: false })
  await notifyAllTabs()
}

/** A host permission was granted (e.g. the agent's one click for the policy's sites): start there. */
export async function onPermissionsAdded(): Promise<void> {
  await reconcileSites({ inject: false, injectNew: true })
}

/** Every content script re-asks site.config: it stops when the answer is null, else takes the new config. */
export async function notifyAllTabs(): Promise<void> {
  const tabs = await chrome.tabs.query({})
  await Promise.all(
    tabs.map((t) => (t.id === undefined ? undefined : sendToTab(t.id, { type: "site-config-changed" }))),
  )
}

export { sendToTab }
