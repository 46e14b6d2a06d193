/**
 * Pick mode for a site's waybill field (admin, from Options): the picker part (content-parts.ts) is
 * injected into an open tab of the site only when asked (never in the core content script), started
 * there, and its answer is left
 * in chrome.storage.local (`FIELD_PICK_KEY`) for Options, which fills the selector field from it.
 */
import { originOf, originToPattern, siteCovers } from "~lib/page/origin"
import { FIELD_PICK_KEY, type FieldPick } from "~lib/protocol/types"

import { injectPart } from "./content-parts"

// The origin and tab a pick was started for (session storage: the worker may sleep meanwhile).
const PENDING_KEY = "fieldPickPending"

/** Injects pick mode into the site's tab (the active one if several) and brings that tab forward. */
export async function startFieldPick(
  origin: string,
): Promise<{ ok: boolean; error?: "no-tab" | "inject-failed" }> {
  const pattern = originToPattern(origin)
  const tabs = pattern ? await chrome.tabs.query({ url: pattern }) : []
  // A site without a port covers every port of its host (as the content script's check does).
  const sameOrigin = tabs.filter((t) => {
    const page = originOf(t.url)
    return page !== null && siteCovers(origin, page)
  })
  const tab =
    sameOrigin.find((t) => t.active) ??
    [...sameOrigin].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]
  if (tab?.id === undefined) return { ok: false, error: "no-tab" }
  try {
    await chrome.storage.session.set({ [PENDING_KEY]: { origin, tabId: tab.id } })
    if (!(await injectPart(tab.id, 0, "picker"))) return { ok: false, error: "inject-failed" }
    // The part registered its API on the content scripts' global (sidekick/parts.ts): start it there.
    await chrome.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [0] },
      func: () => {
        const parts = (globalThis as { csSidekickParts?: { picker?: { pickField(): void } } }).csSidekickParts
        parts?.picker?.pickField()
      },
    })
  } catch {
    return { ok: false, error: "inject-failed" }
  }
  await chrome.tabs.update(tab.id, { active: true }).catch(() => undefined)
  if (tab.windowId !== undefined)
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => undefined)
  return { ok: true }
}

/** The pick-mode part's answer: accepted only from the tab and origin the pick was started for. */
export async function fieldPicked(
  body: { selector: string; sample: string } | { cancelled: true },
  sender: chrome.runtime.MessageSender,
): Promise<{ ok: boolean }> {
  const pending = (await chrome.storage.session.get(PENDING_KEY))[PENDING_KEY] as
    { origin: string; tabId: number } | undefined
  const page = sender.origin ?? originOf(sender.url)
  if (!pending || sender.tab?.id !== pending.tabId || !page || !siteCovers(pending.origin, page))
    return { ok: false }
  await chrome.storage.session.remove(PENDING_KEY)
  const pick: FieldPick = { origin: pending.origin, at: Date.now(), ...body }
  await chrome.storage.local.set({ [FIELD_PICK_KEY]: pick })
  return { ok: true }
}
