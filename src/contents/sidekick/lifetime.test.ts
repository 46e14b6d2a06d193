// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { createLifetime, MARKER } from "./lifetime"

describe("createLifetime", () => {
  beforeEach(() => {
    vi.stubGlobal("chrome", { runtime: { id: "ext" } })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    delete document.documentElement.dataset[MARKER]
  })

  it("marks the page and ends the older copy when a new one starts", () => {
    const first = createLifetime()
    expect(document.documentElement.dataset[MARKER]).toBeTruthy()
    const second = createLifetime()
    expect(first.signal.aborted).toBe(true)
    expect(first.signal.reason).toBe("replaced")
    expect(second.alive()).toBe(true)
    second.end("teardown")
    expect(document.documentElement.dataset[MARKER]).toBeUndefined()
  })

  it("ends when the extension context is invalidated (reload / update)", () => {
    const life = createLifetime()
    expect(life.alive()).toBe(true)
    vi.stubGlobal("chrome", { runtime: {} })
    expect(life.alive()).toBe(false)
    expect(life.signal.reason).toBe("context invalidated")
  })
})
