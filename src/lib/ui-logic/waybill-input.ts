/** Normalising what an agent types or pastes into the waybill field. */
import { WAYBILL_SHAPE } from "../protocol/types"
import { normalizeWaybill } from "../waybill/normalize"

/**
 * "ｓｆ 1234 5678 9012" → "SF123456789012": the same normalisation the page scanner applies (full-width
 * to ASCII, separators dropped, upper case), so a typed number matches the one found on the page.
 */
export function normalizeWaybillInput(text: string): string {
  return normalizeWaybill(text)
}

/** The normalised number, or null when it cannot be a waybill. */
export function parseWaybillInput(text: string): string | null {
  const n = normalizeWaybillInput(text)
  return WAYBILL_SHAPE.test(n) ? n : null
}
