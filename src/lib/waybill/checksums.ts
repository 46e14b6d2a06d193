import { isCountryCode } from "./country-codes"
import type { ChecksumName } from "./types"

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]
const FEDEX12_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

/** UPU S10 check digit of an 8-digit serial (mod 11; r==0 → 5, r==1 → 0). Returns -1 for a bad serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) return -1
  let sum = 0
  for (let i = 0; i < 8; i++) sum += digit(serial, i) * S10_WEIGHTS[i]
  const r = sum % 11
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r
}

/** A full S10 item id, e.g. `EA152563251CN`: format, check digit and a real ISO country code. */
export function isValidS10(id: string): boolean {
  if (!/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(id)) return false
  return s10CheckDigit(id.slice(2, 10)) === digit(id, 10) && isCountryCode(id.slice(11))
}

/**
 * Inferred EMS domestic 13-digit check (research §5): digit 11 is the S10 check of digits 3–10.
 * About 10% of random 13-digit strings pass, so callers must treat it as a signal only.
 */
export function isEms13CheckValid(n: string): boolean {
  return /^\d{13}$/.test(n) && s10CheckDigit(n.slice(2, 10)) === digit(n, 10)
}

/** UPS `1Z` + 15 alphanumerics + check digit: mod 10, letters as (code − 3) mod 10, odd positions doubled. */
export function isValidUps(n: string): boolean {
  if (!/^1Z[0-9A-Z]{16}$/.test(n)) return false
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const c = n.charCodeAt(i + 2)
    const v = c <= 57 ? c - 48 : (c - 3) % 10
    sum += i % 2 === 1 ? v * 2 : v
  }
  return (10 - (sum % 10)) % 10 === digit(n, 17)
}

/** DHL Express 10–11 digits: serial mod 7 equals the last digit. */
export function isValidDhl(n: string): boolean {
  if (!/^\d{10,11}$/.test(n)) return false
  return Number(n.slice(0, -1)) % 7 === digit(n, n.length - 1)
}

/** FedEx Express 12 digits: weights 3,1,7 over the first 11, then mod 11, mod 10. */
export function isValidFedex12(n: string): boolean {
  if (!/^\d{12}$/.test(n)) return false
  let sum = 0
  for (let i = 0; i < 11; i++) sum += digit(n, i) * FEDEX12_WEIGHTS[i]
  return (sum % 11) % 10 === digit(n, 11)
}

/** FedEx Ground 15 digits: mod 10 over the first 14, odd positions (0-based) ×3. */
export function isValidFedex15(n: string): boolean {
  if (!/^\d{15}$/.test(n)) return false
  let sum = 0
  for (let i = 0; i < 14; i++) sum += i % 2 === 1 ? digit(n, i) * 3 : digit(n, i)
  return (10 - (sum % 10)) % 10 === digit(n, 14)
}

/** GB 11643 resident ID (18 chars, last may be X): check character over the first 17 digits. */
export function isValidChineseId(n: string): boolean {
  if (!/^\d{17}[\dX]$/.test(n)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += digit(n, i) * ID_WEIGHTS[i]
  return "10X98765432"[sum % 11] === n[17]
}

/** The checks by name, as referenced from registry data. */
export const CHECKSUMS: Readonly<Record<ChecksumName, (n: string) => boolean>> = {
  s10: isValidS10,
  ups: isValidUps,
  dhl: isValidDhl,
  fedex12: isValidFedex12,
  fedex15: isValidFedex15,
  ems13: isEms13CheckValid,
}
