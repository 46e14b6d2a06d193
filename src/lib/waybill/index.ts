/**
 * Waybill detection: the carrier registry as data, check digits, look-alike filters and
 * context ranking. Light on purpose (no zod): the content script imports `detectWaybills`.
 */
export { CARRIERS, CARRIER_CODES, getCarrier } from "./carriers"
export {
  CHECKSUMS,
  isEms13CheckValid,
  isValidChineseId,
  isValidDhl,
  isValidFedex12,
  isValidFedex15,
  isValidS10,
  isValidUps,
  s10CheckDigit,
} from "./checksums"
export { isCountryCode } from "./country-codes"
export { detectWaybills } from "./detect"
export { identifyWaybill } from "./identify"
export { type Lookalike, type LookalikeKind, lookalike } from "./lookalikes"
export { normalizeWaybill } from "./normalize"
export type {
  Carrier,
  CarrierCandidate,
  CarrierCode,
  ChecksumName,
  DetectContext,
  WaybillExample,
  WaybillFormat,
  WaybillMatch,
} from "./types"
