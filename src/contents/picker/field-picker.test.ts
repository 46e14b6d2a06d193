// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"

import { fieldSample, robustSelector, startFieldPicker } from "./field-picker"

/** Puts markup into the test document (parsed, as a page would be). */
function page(markup: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html")
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)))
}

afterEach(() => {
  document.body.replaceChildren()
})

describe("robustSelector", () => {
  it("uses a stable id, skips a generated one for the labelled position, and always finds the element alone", () => {
    page(`
      <div id="ticket"><table><tbody>
        <tr><th>运单号：</th><td id="ext-gen1043">SF1385628716739</td></tr>
        <tr><th>快递公司：</th><td id="carrier">顺丰</td></tr>
      </tbody></table>
      <input name="mailNo" value="YT8962646785389"><input name="mailNo2" value="x"></div>`)
    const waybill = document.querySelector("td")!
    const sel = robustSelector(waybill)
    expect(sel).toBe(
      "#ticket > table:nth-of-type(1) > tbody:nth-of-type(1) > tr:nth-of-type(1) > td:nth-of-type(1)",
    )
    expect(document.querySelectorAll(sel!)).toHaveLength(1)
    expect(robustSelector(document.getElementById("carrier")!)).toBe("#carrier")
    expect(robustSelector(document.querySelector("input")!)).toBe('input[name="mailNo"]')
  })
  it("does not use a name two fields share", () => {
    page(`<form id="f"><input name="q"><input name="q"></form>`)
    const second = document.querySelectorAll("input")[1]
    expect(robustSelector(second)).toBe("#f > input:nth-of-type(2)")
  })
  it("reads an input's value or an element's text as the sample", () => {
    page(`<input value=" SF1385628716739 "><span>  运单
      YT8962646785389 </span>`)
    expect(fieldSample(document.querySelector("input")!)).toBe("SF1385628716739")
    expect(fieldSample(document.querySelector("span")!)).toBe("运单 YT8962646785389")
  })
})

describe("startFieldPicker", () => {
  it("a click picks without reaching the page; Enter confirms; Esc cancels", () => {
    page(`<div id="info"><a href="#open" id="link">SF1385628716739</a></div>`)
    const pageClick = vi.fn()
    document.getElementById("link")!.addEventListener("click", pageClick)
    const done = vi.fn()
    startFieldPicker({ onDone: done })
    document
      .getElementById("link")!
      .dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }))
    expect(pageClick).not.toHaveBeenCalled()
    expect(done).not.toHaveBeenCalled()
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }))
    expect(done).toHaveBeenCalledWith({ selector: "#link", sample: "SF1385628716739" })
    expect(document.querySelector("[data-cs-sidekick-picker]")).toBeNull()

    const cancelled = vi.fn()
    startFieldPicker({ onDone: cancelled })
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))
    expect(cancelled).toHaveBeenCalledWith(null)
    expect(document.querySelector("[data-cs-sidekick-picker]")).toBeNull()
    // Pick mode is over: the page's own clicks work again.
    document
      .getElementById("link")!
      .dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }))
    expect(pageClick).toHaveBeenCalledTimes(1)
  })
})
