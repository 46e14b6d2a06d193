/**
 * Masking of personal numbers in what the audit trail stores (excerpts, final text, reasons).
 * QA needs the wording, not the customer's phone or ID number; waybill numbers stay readable
 * because QA looks the case up by them.
 */
import { detectWaybills } from "../waybill/detect"

/** Runs of 7 or more digits are masked (phones, landlines, ID cards, bank cards, long order numbers). */
export const MASK_MIN_DIGITS = 7

// A run: digits (ASCII or full-width), groups joined by one space or hyphen, an ID card's trailing X.
const RUN = /[0-9\uFF10-\uFF19](?:[ \-\uFF0D]?[0-9\uFF10-\uFF19])*[xX\uFF38\uFF58]?/g

const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)

function asciiDigit(c: number): string {
  return String.fromCharCode(c >= 0xff10 ? c - 0xff10 + 48 : c)
}

/**
 * Masks every run of {@link MASK_MIN_DIGITS}+ digits in place ("13812345678" → "138****5678"):
 * 11+ digits keep the first 3 and last 4, shorter runs the first 2 and last 2. Separators stay and
 * the length never changes, so offsets into a masked excerpt still line up with the original.
 * A run whose digits are part of a number in `keep` (normalised waybills: upper case, no separators)
 * is left as is.
 */
export function maskDigits(text: string, keep: readonly string[] = []): string {
  return text.replace(RUN, (run) => {
    const positions: number[] = []
    let digits = ""
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i)
      if (isDigitCode(c)) {
        positions.push(i)
        digits += asciiDigit(c)
      } else if (i === run.length - 1) {
        // The trailing X of an ID card counts as its last "digit".
        positions.push(i)
        digits += "X"
      }
    }
    const n = positions.length
    if (n < MASK_MIN_DIGITS) return run
    if (keep.some((w) => w.includes(digits))) return run
    const head = n >= 11 ? 3 : 2
    const tail = n >= 11 ? 4 : 2
    const chars = [...run]
    // Every character of a run is a single UTF-16 unit, so `positions` index `chars` directly.
    for (let k = head; k < n - tail; k++) chars[positions[k]] = "*"
    return chars.join("")
  })
}

/**
 * The waybill numbers to keep readable when masking `text`: the case's own waybill plus every
 * letter-prefixed number the waybill detector recognises in the text (SF…, YT…, JD…, S10 …).
 * Pure-digit numbers the detector merely ranks as possible waybills are masked like any other long
 * digit run: a phone typed next to other digits ("13812345678" + "5678") reads as a 15-digit
 * "waybill" too, and privacy wins over readability when the two cannot be told apart.
 */
export function waybillsToKeep(text: string, caseWaybill?: string): string[] {
  const keep = detectWaybills(text)
    .map((m) => m.number)
    .filter((n) => /[A-Z]/.test(n))
  if (caseWaybill) keep.push(caseWaybill.toUpperCase().replace(/[\s-]/g, ""))
  return keep
}

/** Masks `text` keeping waybills found in `context` (the full draft the piece was cut from) or `caseWaybill`. */
export function maskForAudit(text: string, context: string = text, caseWaybill?: string): string {
  return maskDigits(text, waybillsToKeep(context, caseWaybill))
}
