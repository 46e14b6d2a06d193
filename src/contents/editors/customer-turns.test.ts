// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { customerTexts } from "./customer-turns"

/** Test fixture only: our own markup, parsed with DOMParser (never innerHTML). */
function setBody(markup: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html")
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)))
}

describe("customerTexts", () => {
  it("reads the customer's bubbles in page order, innermost only, and skips our host and editors", () => {
    setBody(`
      <div class="chat">
        <div class="msg msg-customer"><span class="customer-message">我的件呢？</span></div>
        <div class="msg msg-agent">您好</div>
        <div data-role="customer">  都三天了
          还没到 </div>
        <div class="msg-customer"><textarea>not a message</textarea></div>
        <div id="own"><div class="msg-customer">sidebar copy</div></div>
      </div>`)
    expect(customerTexts(document, document.getElementById("own"))).toEqual([
      "我的件呢？",
      "都三天了\n还没到",
    ])
  })

  it("keeps the latest 20", () => {
    setBody(Array.from({ length: 30 }, (_, i) => `<p data-sender="customer">m${i}</p>`).join(""))
    const texts = customerTexts(document, null)
    expect(texts).toHaveLength(20)
    expect(texts[19]).toBe("m29")
  })
})
