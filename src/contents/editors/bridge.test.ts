// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { Draft } from "~lib/protocol/types"

import { createEditorBridge, type EditorBridge } from "./bridge"

let ac: AbortController
let drafts: Draft[]
let gone: number
let bridge: EditorBridge

function setup(...els: HTMLElement[]): void {
  setupWith(5, ...els)
}

function setupWith(debounceMs: number, ...els: HTMLElement[]): void {
  document.body.replaceChildren(...els)
  ac = new AbortController()
  drafts = []
  gone = 0
  bridge = createEditorBridge({
    root: document,
    signal: ac.signal,
    debounceMs,
    onDraft: (d) => drafts.push(d),
    onDraftGone: () => gone++,
    isOwnElement: (el) => el.id === "own",
  })
}

function el(tag: "textarea", props?: { value?: string; id?: string }): HTMLTextAreaElement
function el(tag: "input", props: { type: string }): HTMLInputElement
function el(tag: "div" | "p"): HTMLElement
function el(tag: string, props: Record<string, string> = {}): HTMLElement {
  return Object.assign(document.createElement(tag), props)
}

/** Types into a field the way a browser does: new value, then an input event. */
function type(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.value += text
  field.setSelectionRange(field.value.length, field.value.length)
  field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }))
}

const last = () => drafts.at(-1)

beforeEach(() => {
  document.body.replaceChildren()
})
afterEach(() => ac?.abort())

describe("focus following", () => {
  it("reports the focused textarea at once and its typing after the debounce", async () => {
    const ta = el("textarea")
    setup(ta)
    ta.focus()
    expect(last()).toMatchObject({ kind: "textarea", text: "", revision: 1 })
    type(ta, "不行")
    type(ta, "，这个没办法")
    await vi.waitFor(() => expect(last()?.text).toBe("不行，这个没办法"))
    // Coalesced: one draft for both input events.
    expect(drafts.map((d) => d.text)).toEqual(["", "不行，这个没办法"])
    expect(last()).toMatchObject({ revision: 2, selection: { start: 8, end: 8 } })
  })

  it("sends the first change after a quiet spell at once, and coalesces the rest of the window", async () => {
    vi.useFakeTimers()
    try {
      const ta = el("textarea")
      setupWith(100, ta)
      ta.focus()
      vi.advanceTimersByTime(500) // quiet
      type(ta, "不")
      vi.advanceTimersByTime(1) // the next task, not the end of a debounce
      expect(last()?.text).toBe("不")
      type(ta, "行")
      type(ta, "，")
      vi.advanceTimersByTime(50)
      expect(last()?.text).toBe("不") // within the window
      vi.advanceTimersByTime(60)
      expect(drafts.map((d) => d.text)).toEqual(["", "不", "不行，"])
    } finally {
      vi.useRealTimers()
    }
  })

  it("ignores password, search and number inputs, and our own UI", () => {
    const fields = [
      el("input", { type: "password" }),
      el("input", { type: "search" }),
      el("input", { type: "number" }),
      el("textarea", { id: "own" }),
    ]
    setup(...fields)
    for (const f of fields) f.focus()
    expect(drafts).toEqual([])
  })

  it("keeps one id per editor and reports the contenteditable host", () => {
    const ta = el("textarea")
    const ce = el("div")
    ce.setAttribute("contenteditable", "true")
    const p = el("p")
    p.append("回复")
    ce.append(p)
    setup(ta, ce)
    ta.focus()
    const first = last()!.editorId
    ce.focus()
    expect(last()).toMatchObject({ kind: "contenteditable", text: "回复" })
    const second = last()!.editorId
    ta.focus()
    expect(last()!.editorId).toBe(first)
    expect(second).not.toBe(first)
    // Nothing of ours on the page's elements.
    expect([...ta.attributes, ...ce.attributes].map((a) => a.name)).toEqual(["contenteditable"])
  })
})

describe("replaceRange", () => {
  it("refuses a stale revision, a wrong expected text and a reversed range", async () => {
    const ta = el("textarea", { value: "不行，这个没办法" })
    setup(ta)
    ta.focus()
    const d = last()!
    const base = {
      editorId: d.editorId,
      revision: d.revision,
      start: 0,
      end: 2,
      expected: "不行",
      text: "可以",
    }
    expect(await bridge.replaceRange({ ...base, revision: d.revision + 1 })).toMatchObject({
      ok: false,
      error: "stale-revision",
    })
    expect(await bridge.replaceRange({ ...base, expected: "可以" })).toMatchObject({
      ok: false,
      error: "range-mismatch",
    })
    expect(await bridge.replaceRange({ ...base, start: 2, end: 0, expected: "" })).toMatchObject({
      ok: false,
      error: "range-mismatch",
    })
    expect(ta.value).toBe("不行，这个没办法")
  })

  it("refuses when the agent typed after the sidebar read the draft, even before the debounce", async () => {
    const ta = el("textarea", { value: "不行" })
    setup(ta)
    ta.focus()
    const d = last()!
    type(ta, "！") // not yet reported
    const res = await bridge.replaceRange({
      editorId: d.editorId,
      revision: d.revision,
      start: 0,
      end: 2,
      expected: "不行",
      text: "可以",
    })
    expect(res).toMatchObject({
      ok: false,
      error: "stale-revision",
      draft: { text: "不行！", revision: d.revision + 1 },
    })
  })

  it("falls back to the native setter + input event, which a React-style value tracker accepts", async () => {
    const ta = el("textarea", { value: "不行，这个没办法" })
    // React's tracker: an instance-level `value` property; changes through it are not "user" changes.
    let tracked = ta.value
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!
    Object.defineProperty(ta, "value", {
      configurable: true,
      get: () => proto.get!.call(ta) as string,
      set: (v: string) => {
        tracked = v
        proto.set!.call(ta, v)
      },
    })
    const changes: string[] = []
    ta.addEventListener("input", () => {
      const now = proto.get!.call(ta) as string
      if (now !== tracked) changes.push((tracked = now))
    })
    setup(ta)
    ta.focus()
    const d = last()!
    const res = await bridge.replaceRange({
      editorId: d.editorId,
      revision: d.revision,
      start: 0,
      end: 2,
      expected: "不行",
      text: "非常抱歉",
    })
    expect(res).toMatchObject({ ok: true, draft: { text: "非常抱歉，这个没办法", revision: d.revision + 1 } })
    expect(changes).toEqual(["非常抱歉，这个没办法"])
  })
})

describe("highlight", () => {
  it("ignores spans for an old revision", () => {
    const ta = el("textarea", { value: "不行" })
    setup(ta)
    ta.focus()
    const d = last()!
    bridge.highlight(d.editorId, d.revision - 1, [{ start: 0, end: 2, severity: "forbidden" }])
    expect(document.querySelector("cs-sidekick-overlay")).toBeNull()
    bridge.highlight(d.editorId, d.revision, [{ start: 0, end: 2, severity: "forbidden" }])
    const mark = document.querySelector("cs-sidekick-overlay")?.shadowRoot?.querySelector("mark")
    expect(mark?.textContent).toBe("不行")
    // Outside the CRM's form; gone as soon as the text changes.
    expect(document.querySelector("cs-sidekick-overlay")?.parentElement).toBe(document.documentElement)
    type(ta, "！")
    expect(document.querySelector("cs-sidekick-overlay")).toBeNull()
  })
  it("puts the marks back when the agent retypes the same words (no new revision comes)", async () => {
    const ta = el("textarea", { value: "不行" })
    setup(ta)
    ta.focus()
    const d = last()!
    bridge.highlight(d.editorId, d.revision, [{ start: 0, end: 2, severity: "forbidden" }])
    const marked = () => document.querySelector("cs-sidekick-overlay")?.shadowRoot?.querySelector("mark")
    expect(marked()?.textContent).toBe("不行")
    // Select all, delete, type the same text again: marks come down while typing …
    ta.value = ""
    ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }))
    expect(marked()).toBeFalsy()
    type(ta, "不行")
    // … and, once the bridge reads the box again (debounce), the same text has the same marks.
    await vi.waitFor(() => expect(marked()?.textContent).toBe("不行"))
    expect(last()!.revision).toBe(d.revision)
    // A real change does not bring old marks back.
    type(ta, "！")
    await new Promise((r) => setTimeout(r, 30))
    expect(marked()).toBeFalsy()
    expect(last()!.revision).toBe(d.revision + 1)
  })
})

describe("teardown", () => {
  it("stops reporting after abort, and reports gone when the editor leaves", async () => {
    const ta = el("textarea")
    setup(ta)
    ta.focus()
    ta.remove()
    await vi.waitFor(() => expect(gone).toBe(1))
    expect(bridge.current()).toBeNull()
    const ta2 = el("textarea")
    document.body.append(ta2)
    ac.abort()
    vi.useFakeTimers()
    try {
      ta2.focus()
      type(ta2, "x")
      vi.advanceTimersByTime(1000)
    } finally {
      vi.useRealTimers()
    }
    expect(drafts.every((d) => d.text === "")).toBe(true)
  })
})
