/**
 * The writing-assistant card: a click on an underline in the reply box (or Alt+Enter with the caret
 * in one) shows the finding's reason and its first fix beside the words; the fix can be applied from
 * the card, Esc closes it. Page-side, so it is built defensively: a closed shadow root, DOM nodes
 * filled with textContent only (the reason and fix come from the phrasebook, the words from the page:
 * neither is ever parsed as HTML), CSSOM styles (allowed under a strict style-src).
 */

export const CARD_TAG = "cs-sidekick-card"

/** What the card shows for one underline (sent by the sidebar with the highlights). */
export interface CardFinding {
  editorId: string
  revision: number
  start: number
  end: number
  severity: "forbidden" | "warning" | "hint"
  reason: string
  /** The first fix that needs nothing filled in; absent when the sidebar must ask for values. */
  fix?: string
}

export interface FindingCardOptions {
  doc: Document
  signal: AbortSignal
  /** The agent chose the fix on the card. */
  onApply(f: CardFinding): void
}

export interface FindingCard {
  /** Shows the card for `f` under `rect` (viewport coordinates of the top document). */
  show(f: CardFinding, rect: { left: number; top: number; bottom: number }, focus: boolean): void
  close(): void
  readonly open: boolean
  /** The finding the card shows, if open. */
  readonly shown: CardFinding | null
  /** Test hook: the card's shadow content (closed to the page). */
  readonly root: ShadowRoot
}

const SEVERITY_LABEL: Record<CardFinding["severity"], string> = {
  forbidden: "禁用语",
  warning: "不当用语",
  hint: "建议",
}
const SEVERITY_COLOUR: Record<CardFinding["severity"], string> = {
  forbidden: "#dc2626",
  warning: "#ca8a04",
  hint: "#2563eb",
}

export function createFindingCard(opts: FindingCardOptions): FindingCard {
  const { doc, signal } = opts
  const host = doc.createElement(CARD_TAG)
  const shadow = host.attachShadow({ mode: "closed" })
  const set = (el: HTMLElement, props: Record<string, string>) => {
    for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v, "important")
  }
  set(host, { all: "initial", position: "fixed", "z-index": "2147483647", display: "none" })
  const box = doc.createElement("div")
  box.setAttribute("role", "dialog")
  box.setAttribute("aria-label", "话术建议 / Suggestion")
  set(box, {
    "box-sizing": "border-box",
    width: "280px",
    padding: "10px 12px",
    background: "#fff",
    color: "#1f2937",
    border: "1px solid #d1d5db",
    "border-radius": "8px",
    "box-shadow": "0 6px 20px rgba(0,0,0,.18)",
    font: '13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
  })
  const head = doc.createElement("div")
  set(head, { display: "flex", "align-items": "center", gap: "6px", "margin-bottom": "4px" })
  const badge = doc.createElement("span")
  set(badge, { "font-weight": "600", "font-size": "12px" })
  const spacer = doc.createElement("span")
  set(spacer, { flex: "1" })
  const closeBtn = doc.createElement("button")
  closeBtn.type = "button"
  closeBtn.textContent = "×"
  closeBtn.title = "关闭 (Esc) / Close"
  closeBtn.setAttribute("aria-label", "关闭 / Close")
  closeBtn.dataset.part = "close"
  set(closeBtn, { border: "0", background: "transparent", cursor: "pointer", "font-size": "16px" })
  head.append(badge, spacer, closeBtn)
  const reason = doc.createElement("p")
  reason.dataset.part = "reason"
  set(reason, { margin: "0 0 8px" })
  const apply = doc.createElement("button")
  apply.type = "button"
  apply.dataset.part = "apply"
  set(apply, {
    display: "block",
    width: "100%",
    "text-align": "left",
    padding: "6px 8px",
    border: "1px solid #16a34a",
    "border-radius": "6px",
    background: "#f0fdf4",
    color: "#166534",
    cursor: "pointer",
    font: "inherit",
  })
  const needs = doc.createElement("p")
  needs.dataset.part = "needs-sidebar"
  needs.textContent = "这条建议需要补充信息，请在侧边栏“话术”中选择 / Needs details: choose it in the sidebar"
  set(needs, { margin: "0", color: "#6b7280", "font-size": "12px" })
  box.append(head, reason, apply, needs)
  shadow.append(box)

  let shown: CardFinding | null = null
  // Opened from the keyboard, the card takes focus; closing gives it back to the reply box.
  let returnFocus: HTMLElement | null = null

  const close = () => {
    if (!shown) return
    shown = null
    set(host, { display: "none" })
    const back = returnFocus
    returnFocus = null
    back?.focus()
  }

  closeBtn.addEventListener("click", close, { signal })
  apply.addEventListener(
    "click",
    () => {
      const f = shown
      close()
      if (f?.fix) opts.onApply(f)
    },
    { signal },
  )
  // Esc closes wherever focus is (the card, the page or the editor's iframe listens through `onKey`).
  const onKey = (e: KeyboardEvent) => {
    if (shown && e.key === "Escape") {
      e.preventDefault()
      e.stopPropagation()
      close()
    }
  }
  box.addEventListener("keydown", onKey, { signal })
  doc.addEventListener("keydown", onKey, { capture: true, signal })
  // A click elsewhere, scrolling or resizing closes it: the words may have moved away from it.
  doc.addEventListener(
    "mousedown",
    (e) => {
      if (shown && !e.composedPath().includes(host)) close()
    },
    { capture: true, signal },
  )
  doc.defaultView?.addEventListener("resize", close, { signal })
  signal.addEventListener("abort", () => host.remove(), { once: true })

  return {
    get open() {
      return shown !== null
    },
    get shown() {
      return shown
    },
    root: shadow,
    show(f, rect, focus) {
      shown = f
      badge.textContent = SEVERITY_LABEL[f.severity]
      set(badge, { color: SEVERITY_COLOUR[f.severity] })
      reason.textContent = f.reason
      if (f.fix) {
        apply.textContent = `应用：${f.fix}`
        set(apply, { display: "block" })
        set(needs, { display: "none" })
      } else {
        set(apply, { display: "none" })
        set(needs, { display: "block" })
      }
      if (!host.isConnected) (doc.documentElement ?? doc).append(host)
      const win = doc.defaultView
      const vw = win?.innerWidth ?? 1024
      const vh = win?.innerHeight ?? 768
      const left = Math.max(4, Math.min(rect.left, vw - 288))
      // Below the words, or above them when there is no room below.
      const below = rect.bottom + 6
      const top = below + 160 > vh ? Math.max(4, rect.top - 166) : below
      set(host, { display: "block", left: `${left}px`, top: `${top}px` })
      if (focus) {
        const active = doc.activeElement
        returnFocus = active instanceof (win?.HTMLElement ?? HTMLElement) && active !== host ? active : null
        ;(f.fix ? apply : closeBtn).focus()
      }
    },
    close,
  }
}

/** Esc in another document (the editor's iframe) closes the card too. */
export function closeOnEscapeIn(
  doc: Document,
  card: Pick<FindingCard, "open" | "close">,
  signal: AbortSignal,
): void {
  doc.addEventListener(
    "keydown",
    (e) => {
      if (card.open && e.key === "Escape") {
        e.preventDefault()
        card.close()
      }
    },
    { capture: true, signal },
  )
}
