// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { mountSidebarHost } from "./host"

/** chrome.storage.local with nothing remembered, and its change events. */
function fakeChrome() {
  return {
    storage: {
      local: { get: () => Promise.resolve({}), set: () => Promise.resolve() },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  }
}

const displayed = (el: HTMLElement) => /display:\s*block/.test(el.style.cssText)
const settle = () => new Promise((r) => setTimeout(r, 0))

describe("mountSidebarHost", () => {
  let abort: AbortController
  beforeEach(() => {
    vi.stubGlobal("chrome", fakeChrome())
    abort = new AbortController()
  })
  afterEach(() => {
    abort.abort()
    document.getElementById("cs-sidekick-host")?.remove()
    vi.unstubAllGlobals()
  })

  it("is in the page but shows nothing until the sidebar in its frame is ready", async () => {
    const host = mountSidebarHost({ src: "chrome-extension://x/tabs/sidebar.html", signal: abort.signal })
    await settle()
    expect(host.element.isConnected).toBe(true)
    expect(displayed(host.element)).toBe(false)
    host.reveal() // no frame yet: nothing to show
    expect(displayed(host.element)).toBe(false)
    host.loadFrame() // the frame boots in the undisplayed host
    expect(displayed(host.element)).toBe(false)
    host.reveal()
    expect(displayed(host.element)).toBe(true)
    expect(host.element.dataset.collapsed).toBe("false")
  })

  it("keeps the page's layout out of the host's own changes (layout and size containment)", async () => {
    const host = mountSidebarHost({ src: "chrome-extension://x/tabs/sidebar.html", signal: abort.signal })
    host.loadFrame()
    host.reveal()
    await settle()
    expect(host.element.style.cssText).toMatch(/contain:\s*size layout style/)
    // No paint containment: the collapse tab hangs outside the host's box.
    expect(host.element.style.cssText).not.toMatch(/contain:[^;]*paint/)
  })
})
