import type { HighlightSpan } from "~lib/protocol/types"

/**
 * Highlights for textarea/input, whose text no DOM Range can reach: a mirror of the field's text with
 * the same box, font and scroll, in our own shadow root appended to <html> (outside the CRM's form).
 * The mirror's text is transparent; only the marks' backgrounds show through over the field.
 */

export const OVERLAY_TAG = "cs-sidekick-overlay"

const COPIED = [
  "box-sizing",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant",
  "font-stretch",
  "line-height",
  "letter-spacing",
  "word-spacing",
  "text-align",
  "text-indent",
  "text-transform",
  "tab-size",
  "direction",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "border-top-width",
  "border-right-width",
  "border-bottom-width",
  "border-left-width",
  "border-top-style",
  "border-right-style",
  "border-bottom-style",
  "border-left-style",
]

const MARK_STYLE: Record<HighlightSpan["severity"], [string, string]> = {
  forbidden: ["rgba(220, 38, 38, 0.28)", "#dc2626"],
  warning: ["rgba(234, 179, 8, 0.3)", "#ca8a04"],
  hint: ["rgba(37, 99, 235, 0.15)", "#2563eb"],
}

export interface OverlayHandle {
  readonly host: HTMLElement
  /** The drawn box of the mark for [start, end), if there is one. */
  rectOf(start: number, end: number): DOMRect | null
  remove(): void
}

export function showOverlay(
  field: HTMLTextAreaElement | HTMLInputElement,
  spans: HighlightSpan[],
): OverlayHandle {
  const doc = field.ownerDocument
  const win = doc.defaultView
  const host = doc.createElement(OVERLAY_TAG)
  const shadow = host.attachShadow({ mode: "open" })
  const mirror = doc.createElement("div")
  shadow.append(mirror)

  // CSSOM writes (not a style attribute), which a strict style-src CSP allows.
  const set = (el: HTMLElement, props: Record<string, string>) => {
    for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v, "important")
  }
  set(host, {
    all: "initial",
    position: "fixed",
    left: "0",
    top: "0",
    "z-index": "2147483646",
    "pointer-events": "none",
  })
  const multiline = field.tagName.toUpperCase() === "TEXTAREA"
  const cs = win?.getComputedStyle(field)
  const copied: Record<string, string> = {}
  for (const p of COPIED) copied[p] = cs?.getPropertyValue(p) ?? ""
  set(mirror, {
    ...copied,
    position: "absolute",
    overflow: "hidden",
    color: "transparent",
    "border-color": "transparent",
    background: "transparent",
    "white-space": multiline ? "pre-wrap" : "pre",
    "overflow-wrap": multiline ? "break-word" : "normal",
    margin: "0",
  })

  const text = field.value
  const marks = new Map<string, HTMLElement>()
  let at = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(s.start, text.length))
    const end = Math.max(start, Math.min(s.end, text.length))
    if (start > at) mirror.append(doc.createTextNode(text.slice(at, start)))
    if (end > start) {
      const mark = doc.createElement("mark")
      mark.textContent = text.slice(start, end)
      mark.dataset.severity = s.severity
      marks.set(`${s.start}:${s.end}`, mark)
      const [bg, line] = MARK_STYLE[s.severity]
      if (s.muted) mark.dataset.muted = "true"
      // A dismissed finding stays marked, quietly: the words are still in the reply.
      set(mark, {
        color: "transparent",
        "background-color": s.muted ? "transparent" : bg,
        "border-radius": "2px",
        "text-decoration": s.muted ? "underline dotted #9ca3af" : `underline wavy ${line}`,
      })
      mirror.append(mark)
    }
    at = end
  }
  if (at < text.length) mirror.append(doc.createTextNode(text.slice(at)))
  // A trailing newline needs something after it to take up its line, as in the textarea.
  if (multiline) mirror.append(doc.createTextNode("\u200b"))

  const place = () => {
    const r = field.getBoundingClientRect()
    const borderX = parseFloat(copied["border-left-width"]) + parseFloat(copied["border-right-width"]) || 0
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borderX)
    set(mirror, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
      "padding-right": `calc(${copied["padding-right"] || "0px"} + ${scrollbar}px)`,
    })
    mirror.scrollTop = field.scrollTop
    mirror.scrollLeft = field.scrollLeft
  }

  const ac = new AbortController()
  const opts = { signal: ac.signal, passive: true, capture: true }
  field.addEventListener("scroll", place, opts)
  win?.addEventListener("scroll", place, opts)
  win?.addEventListener("resize", place, opts)
  const Resize = (win as (Window & typeof globalThis) | null)?.ResizeObserver
  const ro = Resize ? new Resize(place) : null
  ro?.observe(field)
  ;(doc.documentElement ?? doc).append(host)
  place()

  return {
    host,
    rectOf: (start, end) => marks.get(`${start}:${end}`)?.getClientRects()[0] ?? null,
    remove() {
      ac.abort()
      ro?.disconnect()
      host.remove()
    },
  }
}
