// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { type FrameWanted, whenFrameWanted } from "./frame-timing"

/** The long-task observer: captured so a test can report a long task of the page. */
let longTask: (() => void) | null = null
class FakeObserver {
  static supportedEntryTypes = ["longtask"]
  constructor(private cb: () => void) {}
  observe() {
    longTask = () => this.cb()
  }
  disconnect() {
    longTask = null
  }
}

function setVisibility(v: "visible" | "hidden") {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => v })
  document.dispatchEvent(new Event("visibilitychange"))
}

describe("whenFrameWanted", () => {
  let wanted: FrameWanted | false
  let abort: AbortController
  const start = (o: { quietMs?: number; maxWaitMs?: number } = {}) => {
    abort = new AbortController()
    void whenFrameWanted({ signal: abort.signal, quietMs: 1_000, maxWaitMs: 5_000, ...o }).then((why) => {
      wanted = why
    })
  }
  const elapse = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms)
  }

  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal("PerformanceObserver", FakeObserver)
    wanted = false
    setVisibility("visible")
  })
  afterEach(() => {
    abort.abort()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  /** Not after 0.9 s of quiet, yes after 1.1 s. */
  const comesAfterQuietSecond = async () => {
    await elapse(900)
    expect(wanted).toBe(false)
    await elapse(200)
    expect(wanted).toBe("quiet")
  }

  it("comes after a quiet second on a shown page, not before", async () => {
    start()
    await comesAfterQuietSecond()
  })

  it("every long task of the page starts the quiet time again; the deadline ends the wait", async () => {
    start()
    for (let t = 0; t < 4_800; t += 600) {
      await elapse(600)
      longTask?.()
    }
    expect(wanted).toBe(false)
    await elapse(300)
    expect(wanted).toBe("quiet")
  })

  it.each(["pointerdown", "keydown"])("a %s on the page brings it at once", async (type) => {
    start()
    longTask?.()
    document.body.dispatchEvent(new Event(type, { bubbles: true }))
    await elapse(0)
    expect(wanted).toBe("act")
  })

  it("a page opened in a background tab waits until the agent looks at it", async () => {
    setVisibility("hidden")
    start()
    await elapse(60_000)
    expect(wanted).toBe(false)
    setVisibility("visible")
    await comesAfterQuietSecond()
  })

  it("the page focusing a field by itself is not the agent asking", async () => {
    start()
    document.body.dispatchEvent(new FocusEvent("focusin", { bubbles: true }))
    await elapse(500)
    expect(wanted).toBe(false)
  })

  it("an aborted wait never resolves and stops listening", async () => {
    start()
    abort.abort()
    expect(longTask).toBeNull()
    document.body.dispatchEvent(new Event("keydown", { bubbles: true }))
    await elapse(10_000)
    expect(wanted).toBe(false)
  })
})
