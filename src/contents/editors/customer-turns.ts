/**
 * The customer's messages on the page, for the conversation record: chat bubbles and ticket replies
 * that CRMs mark as the customer's (class or data attribute). Read only at a send, bounded.
 */

/** How CRMs mark the customer's side of a conversation. */
export const CUSTOMER_SELECTOR = [
  "[data-role='customer']",
  "[data-sender='customer']",
  "[data-from='customer']",
  "[data-author-role='customer']",
  "[class*='customer-msg' i]",
  "[class*='msg-customer' i]",
  "[class*='customer-message' i]",
  "[class*='message-customer' i]",
  "[class*='from-customer' i]",
  "[class*='customer-reply' i]",
  "[class*='visitor-msg' i]",
  "[class*='msg-visitor' i]",
  "[class*='client-msg' i]",
  "[class*='msg-client' i]",
].join(", ")

const LOOK = 200
const MAX_TURNS = 20
const MAX_CHARS = 2_000

/** The latest customer texts in page order (innermost marked element each), skipping `skip`. */
export function customerTexts(doc: Document, skip: Element | null): string[] {
  const all = doc.querySelectorAll(CUSTOMER_SELECTOR)
  const from = Math.max(0, all.length - LOOK)
  const out: string[] = []
  for (let i = from; i < all.length; i++) {
    const el = all[i]
    // A marked wrapper around a marked message: the message itself is read.
    if (i + 1 < all.length && el.contains(all[i + 1])) continue
    if (skip?.contains(el) || el.querySelector("textarea, [contenteditable='true'], iframe")) continue
    const text = (el.textContent ?? "")
      .replace(/[ \t\r]+/g, " ")
      .replace(/ ?\n\s*/g, "\n")
      .trim()
    if (text) out.push(text.slice(0, MAX_CHARS))
  }
  return out.slice(-MAX_TURNS)
}
