/** Normalising what an agent types or pastes into the waybill field. */

/** Full-width ASCII (U+FF01–U+FF5E, what Chinese IMEs produce) → half-width; ideographic space → space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
}

/** Same shape the message contract accepts for a waybill. */
export const WAYBILL_PATTERN = /^[0-9A-Z-]{4,40}$/

/**
 * "ｓｆ 1234 5678 9012" → "SF123456789012". Spaces of any kind are dropped (agents paste numbers split
 * in groups); hyphens stay, some carriers print them.
 */
export function normalizeWaybillInput(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "").toUpperCase()
}

/** The normalised number, or null when it cannot be a waybill. */
export function parseWaybillInput(text: string): string | null {
  const n = normalizeWaybillInput(text)
  return WAYBILL_PATTERN.test(n) ? n : null
}
