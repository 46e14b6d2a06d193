import { describe, expect, it } from "vitest"

import { boxVerdict, ruleIsSet, urlMatches } from "./internal-box"

describe("internal box verdict", () => {
  it("only a configured sign makes a box internal; any sign against it makes it public", () => {
    expect(boxVerdict({ urlMatches: null, selectorMatches: null, toggleOn: null })).toBe("unknown")
    expect(boxVerdict({ urlMatches: false, selectorMatches: null, toggleOn: null })).toBe("unknown")
    expect(boxVerdict({ urlMatches: true, selectorMatches: null, toggleOn: null })).toBe("internal")
    expect(boxVerdict({ urlMatches: null, selectorMatches: true, toggleOn: null })).toBe("internal")
    expect(boxVerdict({ urlMatches: null, selectorMatches: null, toggleOn: true })).toBe("internal")
    // The reply box on the internal comment page's URL is still not the internal box.
    expect(boxVerdict({ urlMatches: true, selectorMatches: false, toggleOn: null })).toBe("public")
    // The one editor of an SPA while its toggle says "reply to customer".
    expect(boxVerdict({ urlMatches: null, selectorMatches: true, toggleOn: false })).toBe("public")
  })

  it("matches URL patterns with wildcards, path-only or whole", () => {
    expect(urlMatches("/tickets/*/comment*", "http://crm.test/tickets/42/comments?x=1")).toBe(true)
    expect(urlMatches("/tickets/*/comment*", "http://crm.test/tickets/42")).toBe(false)
    expect(urlMatches("https://crm.test/note/*", "https://crm.test/note/7")).toBe(true)
    expect(urlMatches("https://crm.test/note/*", "https://evil.test/note/7")).toBe(false)
    expect(urlMatches("/a.b", "http://x/aXb")).toBe(false)
    expect(urlMatches("", "http://x/")).toBe(false)
  })

  it("knows an empty rule", () => {
    expect(ruleIsSet(undefined)).toBe(false)
    expect(ruleIsSet({ selector: " " })).toBe(false)
    expect(ruleIsSet({ toggleSelector: "#internal" })).toBe(true)
  })
})
