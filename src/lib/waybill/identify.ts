import { CARRIERS } from "./carriers"
import { CHECKSUMS } from "./checksums"
import { type Evidence, NO_EVIDENCE, readLabel, resolveHint } from "./context"
import { lookalike } from "./lookalikes"
import { normalizeWaybill } from "./normalize"
import type { Carrier, CarrierCandidate, DetectContext, WaybillFormat } from "./types"

type Entry = { carrier: Carrier; format: WaybillFormat; order: number }

// Split once at load: a pure-digit number is only tried against numeric formats and vice versa.
const NUMERIC: Entry[] = []
const PREFIXED: Entry[] = []
CARRIERS.forEach((carrier, order) => {
  for (const format of carrier.formats)
    (format.kind === "numeric" ? NUMERIC : PREFIXED).push({ carrier, format, order })
})

// One alternation per kind answers "could any format match?" before any context work.
const anyOf = (xs: Entry[]): RegExp => new RegExp(xs.map((x) => `(?:${x.format.pattern.source})`).join("|"))
const ANY_NUMERIC = anyOf(NUMERIC)
const ANY_PREFIXED = anyOf(PREFIXED)

const DIGITS = /^\d+$/

/** Cheap pre-check: does any registry format match this normalised number at all? */
export function matchesAnyFormat(n: string): boolean {
  return (DIGITS.test(n) ? ANY_NUMERIC : ANY_PREFIXED).test(n)
}
const HINT_BOOST = 10
/** Mass left to "some carrier we do not know" for digit-only numbers: never a false certainty. */
const UNKNOWN = { strong: 0.15, labelled: 0.4, none: 0.5 }
/** Without a carrier named or hinted, a digit-only candidate never exceeds this. */
const WEAK_CAP = 0.75

/** Ranked candidates plus whether the evidence was strong (used by the text scanner's gating). */
export interface Ranking {
  carriers: CarrierCandidate[]
  prefixed: boolean
  strong: boolean
}

const EMPTY: Ranking = { carriers: [], prefixed: false, strong: false }
const floor3 = (x: number): number => Math.floor(x * 1000) / 1000

/** Rank carriers for a normalised number given the evidence around it. */
export function rank(n: string, ev: Evidence): Ranking {
  const numeric = DIGITS.test(n)
  if (numeric && ev.label < 0) return EMPTY
  const look = lookalike(n)
  const named = ev.mentions.size > 0 || ev.hinted.size > 0
  if (look && (look.hard || (ev.label <= 0 && !named))) return EMPTY

  const scores = new Map<Carrier, { w: number; checked: boolean; order: number }>()
  for (const { carrier, format, order } of numeric ? NUMERIC : PREFIXED) {
    if (!format.pattern.test(n)) continue
    let w = format.weight
    let checked = false
    if (format.check) {
      checked = CHECKSUMS[format.check](n)
      // EMS-13 is a signal only (research §5); every other check is required.
      if (format.check === "ems13") w *= checked ? 3 : 0.25
      else if (!checked) continue
    }
    if (format.needsContext && !ev.mentions.has(carrier.code) && !ev.hinted.has(carrier.code)) continue
    const prev = scores.get(carrier)
    if (!prev || w > prev.w) scores.set(carrier, { w, checked: checked || !!prev?.checked, order })
  }
  if (scores.size === 0) return EMPTY

  let total = 0
  let strong = false
  for (const [carrier, s] of scores) {
    const boost = Math.max(ev.hinted.has(carrier.code) ? HINT_BOOST : 1, ev.mentions.get(carrier.code) ?? 1)
    if (boost > 1) strong = true
    s.w *= boost
    total += s.w
  }
  // A soft look-alike (timestamp, date…) needs a label or a carrier that actually fits.
  if (look && !strong && ev.label <= 0) return EMPTY

  const ranked = [...scores].sort((a, b) => b[1].w - a[1].w || a[1].order - b[1].order)
  const carriers = ranked.map(([carrier, s]) => {
    let confidence: number
    if (!numeric) confidence = (s.w / total) * (s.checked ? 0.99 : 0.98)
    else {
      const unknown = strong ? UNKNOWN.strong : ev.label > 0 ? UNKNOWN.labelled : UNKNOWN.none
      confidence = s.w / (total + unknown)
      if (!strong) confidence = Math.min(confidence, WEAK_CAP)
    }
    return { code: carrier.code, name: carrier.name, confidence: floor3(confidence), checked: s.checked }
  })
  return { carriers, prefixed: !numeric, strong }
}

/** Evidence from the caller's context alone (no surrounding text). */
export function contextEvidence(context?: DetectContext): Evidence {
  if (!context?.label && !context?.carrierHint) return NO_EVIDENCE
  const { label, carriers } = readLabel(context.label ?? "")
  return { label, mentions: new Map(carriers.map((c) => [c, 6])), hinted: resolveHint(context.carrierHint) }
}

/**
 * Rank the carriers of one already-extracted number (raw or normalised).
 * Empty when it is not a waybill (wrong shape, failed check digit, phone, ID card, masked…).
 */
export function identifyWaybill(number: string, context?: DetectContext): CarrierCandidate[] {
  return rank(normalizeWaybill(number), contextEvidence(context)).carriers
}
