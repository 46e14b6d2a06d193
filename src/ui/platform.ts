/**
 * The browser APIs the pages use, behind one small interface: the real one (`platform-browser.ts`)
 * wraps webextension-polyfill; component tests pass a fake.
 */

export interface TabInfo {
  id: number
  url?: string
}

/** The part of a runtime Port the sidebar uses. */
export interface PortLike {
  postMessage(message: unknown): void
  disconnect(): void
  onMessage: { addListener(listener: (message: unknown) => void): void }
  onDisconnect: { addListener(listener: () => void): void }
}

export interface Platform {
  /** `runtime.sendMessage` to the service worker; the caller validates the answer. */
  sendMessage(message: unknown): Promise<unknown>
  connectToTab(tabId: number, name: string, frameId: number): PortLike
  /** The active tab of the current window. */
  activeTab(): Promise<TabInfo | undefined>
  getTab(tabId: number): Promise<TabInfo | undefined>
  /** A tab was activated, or finished loading / changed URL; returns an unsubscribe function. */
  onTabChange(listener: (tabId: number, change: "activated" | "updated") => void): () => void
  storageGet(key: string): Promise<unknown>
  storageGetAll(): Promise<Record<string, unknown>>
  storageSet(key: string, value: unknown): Promise<void>
  storageRemove(keys: string | string[]): Promise<void>
  /**
   * Asks for host permission. Must be called synchronously inside the click handler (before any
   * await), or the browser refuses it for lack of a user gesture.
   */
  requestOrigins(origins: string[]): Promise<boolean>
  openOptions(): Promise<void>
  openTab(url: string): Promise<void>
  /** The query string of the page itself (e.g. the popup opened as `popup.html?tabId=3`). */
  pageSearch(): string
}
