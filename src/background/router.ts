/**
 * The one runtime-message entry of the worker: checks the sender, validates the body against the
 * contract (`parseBackgroundMessage`), and dispatches. Unknown senders and names get no answer.
 */
import { originOf } from "~lib/page/origin"
import { parseBackgroundMessage, type ParsedBackgroundMessage } from "~lib/protocol/schema"

import { syncCallbacks } from "./callbacks"
import { injectPart } from "./content-parts"
import { disableSite, enableSite, isEnabledOrigin, siteConfig, siteStatus } from "./sites"
import {
  teamLogin,
  teamLogout,
  teamPushNow,
  teamQa,
  teamRequeue,
  teamStatus,
  teamTimeline,
} from "./team-sync"

type Sender = chrome.runtime.MessageSender

/** An extension page of ours (popup, options, sidebar frame, side panel), not a content script. */
function fromExtensionPage(sender: Sender): boolean {
  return typeof sender.url === "string" && sender.url.startsWith(chrome.runtime.getURL(""))
}

/** Our content script in a page's top frame. */
function fromContentScript(sender: Sender): boolean {
  return sender.tab !== undefined && sender.frameId === 0 && !fromExtensionPage(sender)
}

/** Returns the answer, or undefined when the sender may not ask this. */
export async function handle(msg: ParsedBackgroundMessage, sender: Sender): Promise<unknown> {
  switch (msg.name) {
    case "site.enable":
      return fromExtensionPage(sender) ? enableSite(msg.body.origin, msg.body.tabId) : undefined
    case "site.disable":
      return fromExtensionPage(sender) ? disableSite(msg.body.origin) : undefined
    case "site.status":
      return fromExtensionPage(sender) ? siteStatus(msg.body.origin) : undefined
    case "callbacks.sync":
      return fromExtensionPage(sender) ? syncCallbacks() : undefined
    case "site.config":
      // The page's origin as the browser reports it, never from the message body.
      return fromContentScript(sender) ? siteConfig(sender.origin ?? originOf(sender.url)) : undefined
    case "content.part": {
      // Only our script in the top frame of a page of an enabled site, into that very frame.
      if (!fromContentScript(sender) || sender.tab?.id === undefined) return undefined
      if (!(await isEnabledOrigin(sender.origin ?? originOf(sender.url)))) return { ok: false }
      return { ok: await injectPart(sender.tab.id, sender.frameId ?? 0, msg.body.part) }
    }
    case "team.status":
      return fromExtensionPage(sender) ? teamStatus() : undefined
    case "team.login":
      return fromExtensionPage(sender) ? teamLogin(msg.body.name, msg.body.password) : undefined
    case "team.logout":
      return fromExtensionPage(sender) ? teamLogout() : undefined
    case "team.push":
      return fromExtensionPage(sender) ? teamPushNow() : undefined
    case "team.requeue":
      return fromExtensionPage(sender) ? teamRequeue() : undefined
    case "team.timeline":
      return fromExtensionPage(sender) ? teamTimeline(msg.body.waybill, msg.body.refresh ?? false) : undefined
    case "team.qa":
      return fromExtensionPage(sender) ? teamQa(msg.body.from, msg.body.to) : undefined
    case "sidebar.whoami": {
      if (!fromExtensionPage(sender)) return undefined
      const tabId = sender.tab?.id ?? null
      // The tab's URL is visible only for sites we hold a host permission for: others read as null.
      const origin = sender.tab ? originOf(sender.tab.url) : null
      return { tabId, origin, allowed: tabId !== null && (await isEnabledOrigin(origin)) }
    }
  }
}

export function onMessage(raw: unknown, sender: Sender, sendResponse: (r: unknown) => void): boolean {
  if (sender.id !== chrome.runtime.id) return false
  const msg = parseBackgroundMessage(raw)
  if (!msg) return false
  handle(msg, sender).then(
    (answer) => sendResponse(answer ?? null),
    (err: unknown) => {
      console.warn("cs-sidekick:", msg.name, err)
      const error = err instanceof Error ? err.message : String(err)
      sendResponse(msg.name === "site.enable" || msg.name === "site.disable" ? { ok: false, error } : null)
    },
  )
  return true // answered asynchronously
}
