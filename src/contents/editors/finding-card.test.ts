// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"

import { CARD_TAG, createFindingCard, type CardFinding } from "./finding-card"

let ac = new AbortController()
afterEach(() => {
  ac.abort()
  ac = new AbortController()
  document.body.replaceChildren()
})

const FINDING: CardFinding = {
  editorId: "editor-1",
  revision: 3,
  start: 2,
  end: 5,
  severity: "warning",
  reason: '<img src=x onerror="alert(1)">“没办法”是生硬拒绝',
  fix: "<b>我帮您想想其他办法</b>",
}
const RECT = { left: 10, top: 20, bottom: 40 }

describe("finding card", () => {
  it("shows the reason and the fix as text (never markup), applies the fix and closes", () => {
    const applied: CardFinding[] = []
    const card = createFindingCard({ doc: document, signal: ac.signal, onApply: (f) => applied.push(f) })
    card.show(FINDING, RECT, true)
    const host = document.querySelector<HTMLElement>(CARD_TAG)!
    expect(host.style.getPropertyValue("display")).toBe("block")
    const reason = card.root.querySelector('[data-part="reason"]')!
    expect(reason.textContent).toBe(FINDING.reason)
    expect(card.root.querySelector("img, b")).toBeNull()
    const apply = card.root.querySelector<HTMLButtonElement>('[data-part="apply"]')!
    expect(apply.textContent).toContain("我帮您想想其他办法")
    // Opened from the keyboard: the fix has focus, so Enter applies it.
    expect(card.root.activeElement).toBe(apply)
    apply.click()
    expect(applied).toEqual([FINDING])
    expect(card.open).toBe(false)
    expect(host.style.getPropertyValue("display")).toBe("none")
  })

  it("Esc closes it without applying; a fix that needs details points to the sidebar", () => {
    const applied: CardFinding[] = []
    const card = createFindingCard({ doc: document, signal: ac.signal, onApply: (f) => applied.push(f) })
    card.show({ ...FINDING, fix: undefined }, RECT, false)
    const apply = card.root.querySelector<HTMLElement>('[data-part="apply"]')!
    const needs = card.root.querySelector<HTMLElement>('[data-part="needs-sidebar"]')!
    expect(apply.style.getPropertyValue("display")).toBe("none")
    expect(needs.style.getPropertyValue("display")).toBe("block")
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))
    expect(card.open).toBe(false)
    expect(applied).toEqual([])
  })
})
