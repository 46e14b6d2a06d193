/**
 * The real `Platform`, for extension pages. Not imported by tests (the polyfill needs a browser).
 * Every promise-returning method is `async` on purpose: once the extension is reloaded or removed,
 * the APIs throw "Extension context invalidated" synchronously, and this turns that into a rejection
 * the callers already handle (an uncaught error in a page frame would show in the CRM's console).
 */
import browser from "webextension-polyfill"

import type { Platform, PortLike, TabInfo } from "./platform"

const toTabInfo = (tab: browser.Tabs.Tab | undefined): TabInfo | undefined =>
  tab?.id === undefined ? undefined : { id: tab.id, url: tab.url }

export const browserPlatform: Platform = {
  sendMessage: async (message) => browser.runtime.sendMessage(message),
  connectToTab: (tabId, name, frameId) => browser.tabs.connect(tabId, { name, frameId }) as PortLike,
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
    return toTabInfo(tab)
  },
  async getTab(tabId) {
    try {
      return toTabInfo(await browser.tabs.get(tabId))
    } catch {
      return undefined // closed meanwhile
    }
  },
  onTabChange(listener) {
    const activated = (info: browser.Tabs.OnActivatedActiveInfoType) => listener(info.tabId, "activated")
    const updated = (tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (change.status === "complete" || change.url !== undefined) listener(tabId, "updated")
    }
    browser.tabs.onActivated.addListener(activated)
    browser.tabs.onUpdated.addListener(updated)
    return () => {
      try {
        browser.tabs.onActivated.removeListener(activated)
        browser.tabs.onUpdated.removeListener(updated)
      } catch {
        // The extension context is gone; so are the listeners.
      }
    }
  },
  async storageGet(key) {
    return (await browser.storage.local.get(key))[key]
  },
  storageGetAll: async () => browser.storage.local.get(null),
  storageSet: async (key, value) => browser.storage.local.set({ [key]: value }),
  storageRemove: async (keys) => browser.storage.local.remove(keys),
  // Async, yet `permissions.request` is still called synchronously: an async body runs up to its first await.
  requestOrigins: async (origins) => browser.permissions.request({ origins }),
  openOptions: async () => browser.runtime.openOptionsPage(),
  async openTab(url) {
    await browser.tabs.create({ url })
  },
  pageSearch: () => window.location.search,
}
