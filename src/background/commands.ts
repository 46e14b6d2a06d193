import type { BackgroundToPage } from "~lib/protocol/types"

import { cachedSidebarMode } from "./sidebar-mode"

/** The keyboard shortcut: toggles the in-page sidebar, or opens the browser's side panel in that mode. */
export function onCommand(command: string, tab?: chrome.tabs.Tab): void {
  if (command !== "toggle-sidebar" || tab?.id === undefined) return
  if (cachedSidebarMode() === "sidepanel" && chrome.sidePanel?.open) {
    // Synchronously, inside the shortcut's user gesture (awaiting first would lose it).
    chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined)
    return
  }
  const message: BackgroundToPage = { type: "toggle-sidebar" }
  chrome.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined)
}
