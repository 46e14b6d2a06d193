/** Carrier codes of the registry (research/waybill-formats.md §2). */
export type CarrierCode =
  | "sf"
  | "zto"
  | "yto"
  | "sto"
  | "yunda"
  | "jd"
  | "jt"
  | "ems"
  | "deppon"
  | "zjs"
  | "kye"
  | "best"
  | "ane"
  | "cainiao"
  | "s10"
  | "ups"
  | "fedex"
  | "dhl"
  | "yunexpress"
  | "yodel"

/** Check-digit schemes a format can require (see `checksums.ts`). */
export type ChecksumName = "s10" | "ups" | "dhl" | "fedex12" | "fedex15" | "ems13"

/** One number format of a carrier, matched against a normalised number. */
export interface WaybillFormat {
  /** Anchored pattern over the normalised number (upper case, no separators). */
  pattern: RegExp
  /**
   * `prefixed`: the letters decide the carrier (near-certain).
   * `numeric`: pure digits shared between carriers; only a ranked candidate.
   */
  kind: "prefixed" | "numeric"
  /** Prior weight (0–1] among formats that match the same number. */
  weight: number
  /** For `s10`/`ups`/`dhl`/`fedex*` the check must pass; `ems13` is only a signal (research §5). */
  check?: ChecksumName
  /** Counts only when the context names this carrier (DHL/FedEx checksums hit CN numbers, research §0.4). */
  needsContext?: boolean
  era: "current" | "legacy"
}

/** An example number and where it was published. */
export interface WaybillExample {
  number: string
  source: string
}

/** One registry entry. */
export interface Carrier {
  code: CarrierCode
  /** Chinese name shown to agents. */
  name: string
  nameEn: string
  /** Aggregator / platform codes (kuaidi100, Kdniao, Taobao), used to resolve a CRM carrier hint. */
  aliases: readonly string[]
  /** Words that name the carrier in page text. */
  keywords: readonly string[]
  formats: readonly WaybillFormat[]
  /** Carriers that may legitimately claim the same letter-prefixed numbers. */
  overlaps?: readonly CarrierCode[]
  /** A hint for this carrier also points at its successor (百世 → 极兔, research §0.5). */
  successor?: CarrierCode
}

/** A ranked carrier candidate for one number. */
export type CarrierCandidate = {
  code: string
  /** Chinese name, e.g. "顺丰速运". */
  name: string
  /** 0–1; the candidates of one number sum to at most 1. */
  confidence: number
  /** A check digit validated for this carrier. */
  checked: boolean
}

/** A waybill found in text. */
export type WaybillMatch = {
  /** Normalised: upper case, no separators. */
  number: string
  /** UTF-16 offset of the raw span in the input text. */
  start: number
  /** End of the raw span (exclusive). */
  end: number
  /** Best first. */
  carriers: CarrierCandidate[]
}

/** Optional context: a carrier named by the CRM, and the text of a field label / column header next to the value. */
export interface DetectContext {
  carrierHint?: string
  label?: string
}
