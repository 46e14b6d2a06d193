/**
 * The content script is not declared in the manifest: it is registered per enabled site at run time.
 * `url:` makes Parcel bundle `main.ts` as its own JS file and gives us its (hashed) name.
 */
import contentScriptUrl from "url:~contents/sidekick/main.ts"

import { originFromScriptId, originToPattern, scriptIdFor } from "~lib/page/origin"

/** Firefox rejects ports in match patterns; there the content script checks the exact origin itself. */
export const keepPort = process.env.PLASMO_BROWSER !== "firefox"

/** The bundled content script's path inside the extension, as registerContentScripts wants it. */
export function contentScriptFile(): string {
  return new URL(contentScriptUrl, chrome.runtime.getURL("/")).pathname.replace(/^\/+/, "")
}

export function sitePattern(origin: string): string | null {
  return originToPattern(origin, { keepPort })
}

/** Our registered scripts: origin → the file each one injects. */
export async function registeredSites(): Promise<Map<string, string[]>> {
  const scripts = await chrome.scripting.getRegisteredContentScripts()
  const out = new Map<string, string[]>()
  for (const s of scripts) {
    const origin = originFromScriptId(s.id)
    if (origin) out.set(origin, s.js ?? [])
  }
  return out
}

/** (Re)registers the content script for a site: top frame only, at document_start, kept across restarts. */
export async function registerSite(origin: string): Promise<void> {
  const pattern = sitePattern(origin)
  if (!pattern) throw new Error(`bad origin ${origin}`)
  const id = scriptIdFor(origin)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [id] })
  await chrome.scripting.registerContentScripts([
    {
      id,
      js: [contentScriptFile()],
      matches: [pattern],
      // Before the parse, not at document_idle: Chrome holds the page's load event back until a
      // document_idle script has run; main.ts itself waits for the parse and the load.
      runAt: "document_start",
      // Same-origin iframes are scanned by the top frame's script itself (one page state per tab).
      allFrames: false,
      persistAcrossSessions: true,
    },
  ])
}

export async function unregisterSite(origin: string): Promise<void> {
  const id = scriptIdFor(origin)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [id] })
}

/** Injects into a tab's top frame; the script itself makes a second copy replace the first. */
export async function injectInto(tabId: number): Promise<boolean> {
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: [contentScriptFile()] })
    return true
  } catch {
    // Tabs that navigated away, error pages, the web store: nothing to do there.
    return false
  }
}
