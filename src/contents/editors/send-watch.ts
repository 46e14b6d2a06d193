/**
 * Recognises the CRM's own send of the reply: a form submit around the editor, a click on its send
 * button, or Ctrl/⌘+Enter in the editor. Read in the capture phase, before the CRM clears the box.
 */

/** Button wording of a CRM's send/submit (not "回复" alone: in mail clients it opens a reply). */
const SEND_LABEL =
  /^(?:发送|发 送|提交|提交回复|回复客户|发送回复|确认发送|发送消息|send|submit|send reply|reply and close|回复并关闭)$/i

const BUTTONS = "button, input[type='submit'], input[type='button'], [role='button'], a"

/** The send button the click landed on, if it is one (its own words, value, aria-label or title). */
export function sendButtonOf(target: Element | null): Element | null {
  const el = target?.closest?.(BUTTONS) ?? null
  if (!el) return null
  const words = [
    el.textContent,
    (el as HTMLInputElement).value,
    el.getAttribute("aria-label"),
    el.getAttribute("title"),
  ]
  for (const w of words) {
    const t = (w ?? "").replace(/\s+/g, " ").trim()
    if (t && t.length <= 20 && SEND_LABEL.test(t)) return el
  }
  return null
}

/** Ctrl/⌘+Enter without other modifiers. */
export function isSendKey(e: KeyboardEvent): boolean {
  return e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && !e.isComposing
}

/** The same text "sent" again this soon is one send (a click on a submit button also submits its form). */
export const SEND_DEDUPE_MS = 1_500
