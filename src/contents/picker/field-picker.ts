/**
 * Pick mode on the CRM page (admin, per site): the element under the pointer is outlined, a click
 * chooses it (the page never sees that click), the chosen field stays highlighted while a bar asks to
 * use it, pick again or cancel; Esc cancels. Not part of the core content script: the service worker
 * injects it (picker-part.ts) only when the admin asks. Page text is only ever set as textContent.
 */
import { selectorCandidates, type NodeInfo, ANCHOR_ATTRS } from "~lib/page/selector"

import { closedShadowHost } from "../sidekick/shadow-host"

export interface PickedField {
  selector: string
  /** The field's text or value when picked (a preview for the admin), at most 120 characters. */
  sample: string
}

const BAR_CSS = `
:host { all: initial; }
.bar { position: fixed; top: 12px; left: 12px; max-width: min(640px, 60vw);
  display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 8px 12px; border-radius: 8px;
  background: #1f2328; color: #fff; font: 14px/1.5 system-ui, "Microsoft YaHei", sans-serif;
  box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.text { flex: 1 1 260px; min-width: 0; overflow-wrap: anywhere; }
code { font: 13px ui-monospace, monospace; color: #ffd580; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border-radius: 6px; border: 1px solid #8c959f;
  background: #2d333b; color: #fff; cursor: pointer; }
button.use { background: #0b63c5; border-color: #0b63c5; }
.box { position: fixed; pointer-events: none; box-sizing: border-box; border: 2px solid #0b63c5;
  background: rgba(11,99,197,.12); border-radius: 3px; display: none; }
.box.chosen { border-color: #1a7f37; background: rgba(26,127,55,.16); border-width: 3px; }
`

/** Describes an element for the selector rules (lib/page/selector). */
function describe(el: Element): NodeInfo {
  let nth = 1
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) nth++
  const attrs: Record<string, string> = {}
  for (const a of ANCHOR_ATTRS) {
    const v = el.getAttribute(a)
    if (v) attrs[a] = v
  }
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || undefined,
    name: el.getAttribute("name") ?? undefined,
    attrs,
    nth,
  }
}

/** The first candidate selector that finds this element and nothing else on the page. */
export function robustSelector(el: Element, doc: Document = el.ownerDocument): string | null {
  const ancestors: NodeInfo[] = []
  for (let p = el.parentElement; p && p !== doc.documentElement; p = p.parentElement)
    ancestors.push(describe(p))
  const escape = (s: string) =>
    typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/([^\w-])/g, "\\$1")
  for (const candidate of selectorCandidates(describe(el), ancestors, escape)) {
    try {
      const found = doc.querySelectorAll(candidate)
      if (found.length === 1 && found[0] === el) return candidate
    } catch {
      // not valid on this page: try the next one
    }
  }
  return null
}

/** What the field shows: an input's value, else its text (whitespace collapsed). */
export function fieldSample(el: Element): string {
  const raw =
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
      ? el.value
      : (el.textContent ?? "")
  return raw.replace(/\s+/g, " ").trim().slice(0, 120)
}

/**
 * Starts pick mode on `doc`; `onDone` gets the confirmed field, or null when the admin cancels (Esc,
 * 取消, or the signal aborts). Returns a function that ends pick mode.
 */
export function startFieldPicker(opts: {
  onDone: (picked: PickedField | null) => void
  doc?: Document
  signal?: AbortSignal
}): () => void {
  const doc = opts.doc ?? document
  const win = doc.defaultView ?? window
  const ac = new AbortController()
  const on = { capture: true, signal: ac.signal } as const

  const { host, shadow } = closedShadowHost(doc, BAR_CSS)
  host.setAttribute("data-cs-sidekick-picker", "")
  host.style.cssText =
    "all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important;"
  const box = doc.createElement("div")
  box.className = "box"
  const bar = doc.createElement("div")
  bar.className = "bar"
  bar.style.pointerEvents = "auto"
  bar.setAttribute("role", "dialog")
  shadow.append(box, bar)
  doc.documentElement.append(host)

  let chosen: { el: Element; picked: PickedField } | null = null
  let finished = false

  const finish = (result: PickedField | null) => {
    if (finished) return
    finished = true
    ac.abort()
    host.remove()
    opts.onDone(result)
  }
  opts.signal?.addEventListener("abort", () => finish(null), { once: true })

  const button = (label: string, cls: string, action: () => void) => {
    const b = doc.createElement("button")
    b.type = "button"
    b.className = cls
    b.textContent = label
    b.addEventListener("click", (e) => {
      e.stopPropagation()
      action()
    })
    return b
  }
  const say = (...parts: (string | Node)[]) => {
    const text = doc.createElement("span")
    text.className = "text"
    text.append(...parts)
    bar.replaceChildren(text)
    return bar
  }
  const asking = () => {
    chosen = null
    box.className = "box"
    box.style.display = "none"
    say("客服助手：请点击页面上的运单号字段（Esc 取消）").append(button("取消", "cancel", () => finish(null)))
  }
  const outline = (el: Element) => {
    const r = el.getBoundingClientRect()
    box.style.cssText = `display:block;left:${r.left - 2}px;top:${r.top - 2}px;width:${r.width + 4}px;height:${r.height + 4}px`
  }
  const ours = (e: Event) => e.composedPath().includes(host)
  const target = (e: Event): Element | null => {
    const t = e.composedPath()[0]
    return t instanceof Element && t !== doc.documentElement && t !== doc.body ? t : null
  }

  asking()

  win.addEventListener(
    "mousemove",
    (e) => {
      if (chosen || ours(e)) return
      const el = target(e)
      if (el) outline(el)
    },
    on,
  )
  // The page must not act on the click that picks (a link, a row that opens a ticket …).
  for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup"] as const)
    win.addEventListener(
      type,
      (e) => {
        if (ours(e)) return
        e.preventDefault()
        e.stopImmediatePropagation()
      },
      on,
    )
  win.addEventListener(
    "click",
    (e) => {
      if (ours(e)) return
      e.preventDefault()
      e.stopImmediatePropagation()
      if (chosen) return
      const el = target(e)
      if (!el) return
      const selector = robustSelector(el, doc)
      if (!selector) {
        say("无法为这个元素生成稳定的选择器，请点击运单号所在的字段本身").append(
          button("取消", "cancel", () => finish(null)),
        )
        return
      }
      chosen = { el, picked: { selector, sample: fieldSample(el) } }
      outline(el)
      box.className = "box chosen"
      const code = doc.createElement("code")
      code.textContent = selector
      const sample = doc.createElement("strong")
      sample.textContent = chosen.picked.sample || "（空）"
      say("已选择：", sample, " · ", code).append(
        button("使用此字段", "use", () => chosen && finish(chosen.picked)),
        button("重选", "again", asking),
        button("取消", "cancel", () => finish(null)),
      )
      bar.querySelector<HTMLButtonElement>("button.use")?.focus()
    },
    on,
  )
  win.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "Escape") {
        e.preventDefault()
        e.stopImmediatePropagation()
        finish(null)
      } else if (e.key === "Enter" && chosen && !ours(e)) {
        e.preventDefault()
        finish(chosen.picked)
      }
    },
    on,
  )
  // The outline follows the chosen field when the page scrolls.
  win.addEventListener("scroll", () => chosen && outline(chosen.el), { ...on, passive: true })

  return () => finish(null)
}
