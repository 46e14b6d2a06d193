import { isValidChineseId } from "./checksums"

/** Why a normalised number is not taken for a waybill. */
export type LookalikeKind =
  "masked" | "mobile" | "id-card" | "datetime" | "date-prefixed" | "epoch" | "landline" | "hotline"

/** `hard`: never a waybill. Soft ones pass when the context says waybill or names a carrier. */
export interface Lookalike {
  kind: LookalikeKind
  hard: boolean
}

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/
const LANDLINE = /^0(?:10|2\d|[3-9]\d\d)\d{7,8}$/
const HOTLINE = /^[48]00\d{7}$/
const DIGITS = /^\d+$/

const num = (s: string, a: number, b: number): number => Number(s.slice(a, b))

function isDate(s: string, minYear: number, maxYear: number): boolean {
  const y = num(s, 0, 4)
  const m = num(s, 4, 6)
  const d = num(s, 6, 8)
  if (y < minYear || y > maxYear || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

// yyyyMMdd, yyyyMMddHHmm, yyyyMMddHHmmss
function isDateTime(s: string): boolean {
  if (s.length !== 8 && s.length !== 12 && s.length !== 14) return false
  if (!isDate(s, 1990, 2099)) return false
  if (s.length === 8) return true
  return num(s, 8, 10) < 24 && num(s, 10, 12) < 60 && (s.length === 12 || num(s, 12, 14) < 60)
}

/** Classify a normalised number as a look-alike (phone, ID, date, …), or undefined if it may be a waybill. */
export function lookalike(n: string): Lookalike | undefined {
  if (n.includes("*")) return { kind: "masked", hard: true }
  if (n.length === 18 && isValidChineseId(n) && isDate(n.slice(6, 14), 1900, 2099))
    return { kind: "id-card", hard: true }
  if (!DIGITS.test(n)) return undefined
  if (MOBILE.test(n)) return { kind: "mobile", hard: true }
  if (isDateTime(n)) return { kind: "datetime", hard: false }
  // Plausible epochs 2014–2036: below that, EMS 10/11/12-prefixed numbers would be lost.
  const v = Number(n)
  if ((n.length === 13 && v >= 1.4e12 && v < 2.1e12) || (n.length === 10 && v >= 1.4e9 && v < 2.1e9))
    return { kind: "epoch", hard: false }
  if (n.length >= 13 && isDate(n, 2000, 2039)) return { kind: "date-prefixed", hard: false }
  if (LANDLINE.test(n)) return { kind: "landline", hard: false }
  if (HOTLINE.test(n)) return { kind: "hotline", hard: false }
  return undefined
}
