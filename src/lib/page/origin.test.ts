import { describe, expect, it } from "vitest"

import {
  originFromScriptId,
  originOf,
  originToPattern,
  patternCovers,
  scriptIdFor,
  siteCovers,
} from "./origin"

describe("origin helpers", () => {
  it("takes the origin of http(s) URLs only", () => {
    expect(originOf("https://crm.example.com/tickets/1?x#y")).toBe("https://crm.example.com")
    expect(originOf("http://127.0.0.1:5173/a")).toBe("http://127.0.0.1:5173")
    expect(originOf("chrome://extensions")).toBeNull()
    expect(originOf("not a url")).toBeNull()
    expect(originOf(undefined)).toBeNull()
  })

  it("lets a port-less site cover every port, and a site with a port only that port", () => {
    expect(siteCovers("http://127.0.0.1", "http://127.0.0.1:5173")).toBe(true)
    expect(siteCovers("http://127.0.0.1:5173", "http://127.0.0.1:5173")).toBe(true)
    expect(siteCovers("http://127.0.0.1:5173", "http://127.0.0.1:5174")).toBe(false)
    expect(siteCovers("https://crm.example.com", "http://crm.example.com")).toBe(false)
    expect(siteCovers("https://crm.example.com", "https://evil.example.com")).toBe(false)
  })

  it("derives match patterns, with or without the port", () => {
    expect(originToPattern("http://localhost:3000")).toBe("http://localhost:3000/*")
    expect(originToPattern("http://localhost:3000", { keepPort: false })).toBe("http://localhost/*")
    expect(originToPattern("https://CRM.example.com")).toBe("https://crm.example.com/*")
    expect(originToPattern("javascript:alert(1)")).toBeNull()
  })

  it("knows which granted patterns cover an origin", () => {
    expect(patternCovers("https://*/*", "https://crm.example.com")).toBe(true)
    expect(patternCovers("*://*.example.com/*", "https://crm.example.com")).toBe(true)
    expect(patternCovers("https://crm.example.com/*", "https://crm.example.com")).toBe(true)
    expect(patternCovers("http://localhost:3000/*", "http://localhost:4000")).toBe(false)
    expect(patternCovers("https://other.com/*", "https://crm.example.com")).toBe(false)
  })

  it("round-trips script ids", () => {
    expect(originFromScriptId(scriptIdFor("https://crm.example.com"))).toBe("https://crm.example.com")
    expect(originFromScriptId("something-else")).toBeNull()
  })
})
