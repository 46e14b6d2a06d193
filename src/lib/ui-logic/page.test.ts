import { describe, expect, it } from "vitest"

import type { CarrierGuess } from "../protocol/types"
import { backoffDelay, describeCarriers, originPattern, percent, pickLanguage, webOrigin } from "./page"

const guess = (code: string, confidence: number, checked = false): CarrierGuess => ({
  code,
  name: code.toUpperCase(),
  confidence,
  checked,
})

describe("webOrigin", () => {
  it.each([
    ["https://crm.example.com/t/1?x=1#y", "https://crm.example.com"],
    ["http://localhost:8080/a", "http://localhost:8080"],
    ["chrome://extensions", null],
    ["file:///tmp/x.html", null],
    ["about:blank", null],
    ["not a url", null],
    [undefined, null],
  ])("%j → %j", (url, origin) => {
    expect(webOrigin(url)).toBe(origin)
  })

  it("pattern", () => {
    expect(originPattern("https://crm.example.com")).toBe("https://crm.example.com/*")
  })
})

describe("describeCarriers", () => {
  it("none", () => {
    expect(describeCarriers([])).toEqual({ kind: "none" })
  })

  it("a single check-digit match is sure even at low confidence", () => {
    expect(describeCarriers([guess("zto", 0.4), guess("sf", 0.5, true)])).toEqual({
      kind: "sure",
      carrier: guess("sf", 0.5, true),
    })
  })

  it("a clear leader is sure", () => {
    expect(describeCarriers([guess("sf", 0.95), guess("zto", 0.1)]).kind).toBe("sure")
    expect(describeCarriers([guess("sf", 0.9)]).kind).toBe("sure")
  })

  it("pure-digit lookalikes are ambiguous: top three, best first", () => {
    const shown = describeCarriers([guess("a", 0.2), guess("b", 0.4), guess("c", 0.3), guess("d", 0.1)])
    expect(shown).toEqual({
      kind: "ambiguous",
      candidates: [guess("b", 0.4), guess("c", 0.3), guess("a", 0.2)],
    })
  })

  it("two close high guesses are ambiguous", () => {
    expect(describeCarriers([guess("a", 0.85), guess("b", 0.8)]).kind).toBe("ambiguous")
  })
})

describe("misc", () => {
  it("percent clamps and rounds", () => {
    expect(percent(0.456)).toBe("46%")
    expect(percent(1.2)).toBe("100%")
    expect(percent(-1)).toBe("0%")
  })

  it("backoff doubles and caps", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffDelay)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000])
  })

  it("pickLanguage", () => {
    expect(pickLanguage("存储已满 / Storage is full (x)", "en")).toBe("Storage is full (x)")
    expect(pickLanguage("存储已满 / Storage is full", "zh-en")).toBe("存储已满 / Storage is full")
    // 仅中文: only the Chinese half
    expect(pickLanguage("存储已满 / Storage is full", "zh")).toBe("存储已满")
    expect(pickLanguage("plain", "zh")).toBe("plain")
    expect(pickLanguage("plain", "en")).toBe("plain")
  })
})
