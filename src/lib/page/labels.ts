/**
 * What a field label says about the value next to it. Pure text in, a verdict out; the content
 * script finds the label in the DOM, this decides what it means.
 */

export type LabelKind = "waybill" | "other-number" | "neutral"

// Labels that name the waybill field in CRMs (zh and en, incl. common field names like mailNo).
const WAYBILL_LABEL =
  /运单|快递单|物流单|面单|单号|tracking\s*(no|number|#|id)?|waybill|way\s*bill|mail\s*no|express\s*no|logistics\s*no|shipment\s*(no|number|id)|awb|\bwb\s*no|(^|[^a-z])(mailno|waybillno|waybillnumber|trackingno|trackingnumber|expressno|logisticsno|shipno|billno)/i

// Labels of numbers that look like waybills but are not: orders, phones, ids.
const OTHER_NUMBER_LABEL =
  /订单|工单|手机|电话|联系方式|座机|身份证|会员|客户编号|客户id|用户id|邮编|金额|时间|日期|order|ticket|phone|mobile|tel\b|customer\s*id|user\s*id|zip|postcode|amount|date|time/i

/** Whether a label names the waybill field, another kind of number, or nothing in particular. */
export function labelKind(label: string | undefined | null): LabelKind {
  if (!label) return "neutral"
  const text = label.slice(0, 80)
  // "运单号" beats "订单": check the waybill words on the label itself first…
  const waybill = WAYBILL_LABEL.test(text)
  const other = OTHER_NUMBER_LABEL.test(text)
  if (waybill && !other) return "waybill"
  if (other && !waybill) return "other-number"
  if (waybill && other) {
    // …but "订单号" contains "单号": decide by which word is more specific.
    return /运单|快递单|物流单|面单|waybill|tracking|mail\s*no|mailno/i.test(text)
      ? "waybill"
      : "other-number"
  }
  return "neutral"
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
