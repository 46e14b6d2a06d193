/**
 * What a field label says about the value next to it. The words themselves are the waybill
 * module's (`readLabel`); this adds the field *names* CRMs use in markup (mailNo, waybill_no…).
 */
import { readLabel } from "../waybill/context"

export type LabelKind = "waybill" | "other-number" | "neutral"

// Identifiers like name="mailNo" / id="trackingNumber" / data-field="waybill_no".
const WAYBILL_FIELD_NAME =
  /(mail|waybill|way_?bill|tracking|express|logistics|ship(ment)?|awb)[_-]?(no|num|number|code|id)?$/i

/** Whether a label names the waybill field, another kind of number, or nothing in particular. */
export function labelKind(label: string | undefined | null): LabelKind {
  if (!label) return "neutral"
  const polarity = readLabel(label.slice(0, 80)).label
  if (polarity === 1) return "waybill"
  if (polarity === -1) return "other-number"
  return labelFromFieldName(label) ? "waybill" : "neutral"
}

/** A readable label for a form field known only by its name/id ("mailNo" → "运单号"), or "". */
export function labelFromFieldName(name: string | null | undefined): string {
  if (!name || name.length > 60) return ""
  return WAYBILL_FIELD_NAME.test(name) ? "运单号" : ""
}

/** Collapses whitespace, strips trailing colons and bounds the length (labels go over the port). */
export function cleanLabel(raw: string | null | undefined, max = 80): string {
  if (!raw) return ""
  return raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s:：*＊]+$/u, "")
    .replace(/^[\s*＊]+/u, "")
    .slice(0, max)
}
