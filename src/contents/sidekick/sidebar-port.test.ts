import { describe, expect, it } from "vitest"

import { readSidebarMessage } from "./sidebar-port"

describe("readSidebarMessage: the sidebar's messages are checked before the content script acts", () => {
  it("keeps each message type of the contract with the fields it needs", () => {
    const good = [
      { type: "hello" },
      { type: "rescan" },
      { type: "select-waybill", number: "SF1234567890123" },
      { type: "set-collapsed", collapsed: true },
      {
        type: "replace-range",
        requestId: "r1",
        editorId: "e1",
        revision: 3,
        start: 0,
        end: 2,
        expected: "不行",
        text: "暂时无法",
      },
      { type: "insert-text", requestId: "r2", text: "您好" },
      { type: "insert-text", requestId: "r2", editorId: "e1", text: "您好" },
      {
        type: "highlight",
        editorId: "e1",
        revision: 1,
        spans: [{ start: 0, end: 2, severity: "forbidden" }],
      },
      { type: "post-handoff", requestId: "r3", text: "【交接】", rule: {}, confirmed: false },
    ]
    for (const m of good) expect(readSidebarMessage(m), m.type).toBe(m)
  })

  it("drops unknown types, missing or wrong fields and prototype tricks", () => {
    const bad: unknown[] = [
      null,
      "hello",
      { type: "toString" },
      { type: "__proto__" },
      { type: "eval" },
      { type: "select-waybill", number: "<img src=x>" },
      { type: "select-waybill" },
      { type: "set-collapsed", collapsed: "yes" },
      { type: "replace-range", requestId: "r", editorId: "e", revision: 1, start: 0, end: 2, expected: "x" },
      {
        type: "replace-range",
        requestId: "r",
        editorId: "e",
        revision: NaN,
        start: 0,
        end: 2,
        expected: "",
        text: "",
      },
      { type: "insert-text", requestId: "r", text: 42 },
      { type: "insert-text", requestId: "r", editorId: 7, text: "x" },
      { type: "highlight", editorId: "e", revision: 1, spans: [{ start: 0, end: 1, severity: "red" }] },
      { type: "highlight", editorId: "e", revision: 1, spans: "all" },
      { type: "highlight", editorId: "e", revision: 1, spans: [null] },
      { type: "post-handoff", requestId: "r", text: "x", rule: null, confirmed: false },
      { type: "post-handoff", requestId: "r", text: "x", rule: { selector: 5 }, confirmed: false },
      { type: "post-handoff", requestId: "r", text: "x", rule: {}, confirmed: "true" },
      { type: "insert-text", requestId: "r", text: "x".repeat(20_001) },
    ]
    for (const m of bad) expect(readSidebarMessage(m), JSON.stringify(m)?.slice(0, 80)).toBeNull()
  })
})
