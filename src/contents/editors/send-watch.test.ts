// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"

import type { Draft } from "~lib/protocol/types"

import { createEditorBridge } from "./bridge"
import { sendButtonOf } from "./send-watch"

/** Test fixture only: our own markup, parsed with DOMParser (never innerHTML). */
function setBody(markup: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html")
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)))
}

let ac: AbortController | undefined
afterEach(() => {
  ac?.abort()
  document.body.replaceChildren()
})

function setup(html: string) {
  setBody(html)
  ac = new AbortController()
  const sent: { text: string; via: string }[] = []
  createEditorBridge({
    root: document,
    signal: ac.signal,
    debounceMs: 0,
    onDraft: () => undefined,
    onDraftGone: () => undefined,
    onSent: (d: Draft, via) => sent.push({ text: d.text, via }),
  })
  const ta = document.querySelector("textarea")!
  ta.focus()
  ta.value = "已为您催派，今天18点前回复您。"
  ta.dispatchEvent(new InputEvent("input", { bubbles: true }))
  return { sent, ta }
}

describe("the CRM's send", () => {
  it("is seen at the form's submit, with the text before the CRM clears it", () => {
    const { sent, ta } = setup(`<form id="f"><textarea></textarea><button>提交</button></form>`)
    const form = document.getElementById("f") as HTMLFormElement
    form.addEventListener("submit", (e) => {
      e.preventDefault()
      ta.value = "" // the CRM clears the box after our capture listener read it
    })
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }))
    expect(sent).toEqual([{ text: "已为您催派，今天18点前回复您。", via: "submit" }])
  })

  it("is seen at a click on the send button, once even when the click also submits", () => {
    const { sent } = setup(`<div><textarea></textarea><span role="button" id="b"> 发送 </span></div>`)
    document.getElementById("b")!.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    document.getElementById("b")!.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    expect(sent).toEqual([{ text: "已为您催派，今天18点前回复您。", via: "click" }])
  })

  it("is seen at Ctrl+Enter in the editor, not at Enter alone", () => {
    const { sent, ta } = setup(`<textarea></textarea>`)
    ta.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }))
    expect(sent).toEqual([])
    ta.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }))
    expect(sent).toEqual([{ text: "已为您催派，今天18点前回复您。", via: "key" }])
  })

  it("ignores other buttons, other forms and an empty box", () => {
    const { sent, ta } = setup(
      `<form id="search"><input name="q"></form><textarea></textarea><button id="s">搜索</button><button id="r">回复</button>`,
    )
    document.getElementById("s")!.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    document.getElementById("r")!.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    document.getElementById("search")!.dispatchEvent(new Event("submit", { bubbles: true }))
    ta.value = " "
    ta.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }))
    expect(sent).toEqual([])
  })

  it("knows send buttons by words, value, aria-label and title", () => {
    const make = (html: string) => {
      setBody(html)
      return document.body.firstElementChild!
    }
    expect(sendButtonOf(make(`<button><i></i>发送</button>`).querySelector("i"))).not.toBeNull()
    expect(sendButtonOf(make(`<input type="submit" value="Send">`))).not.toBeNull()
    expect(sendButtonOf(make(`<a aria-label="提交回复" href="#">➤</a>`))).not.toBeNull()
    expect(sendButtonOf(make(`<button>发送给同事的备注说明很长很长很长很长很长</button>`))).toBeNull()
    expect(sendButtonOf(make(`<div>发送</div>`))).toBeNull()
  })
})
