/**
 * `assessCustomer`: the customer's state read from a ticket — calm, anxious or angry (from wording,
 * punctuation and repetition), threats to complain outside the company, and repeat contact.
 * Pure, deterministic, cheap (a handful of regular expressions over at most a few thousand characters).
 */
import { CUE_NEGATION, CUES, THREAT_KINDS, type ThreatKind } from "./cues"
import { foldSameLength } from "../text/normalise"

/** How the customer feels, as the agent should treat it. */
export type Emotion = "calm" | "anxious" | "angry"

/** A span of the ticket text that supports the assessment. */
export interface Evidence {
  start: number
  end: number
  text: string
  /** What the span shows. */
  signal: "anger" | "anxiety" | "abuse" | "repeat" | "punctuation" | "repetition" | ThreatKind
}

/** The result of {@link assessCustomer}. */
export interface CustomerState {
  emotion: Emotion
  threats: { kind: ThreatKind; start: number; end: number }[]
  /** The customer says they have contacted us before about this (or a note says so). */
  repeat: boolean
  /** Insults or swearing: offer the abusive-customer script and a supervisor. */
  abusive: boolean
  evidence: Evidence[]
}

/** How much of a ticket is read. */
export const ASSESS_TEXT_LIMIT = 2000

// Thresholds on the summed cue weights.
const ANGRY_AT = 2
const ANXIOUS_AT = 1

/**
 * Reads the customer's state from `text` (the ticket: messages, call notes, e-mail). Offsets in
 * `threats` and `evidence` point into `text`. Never throws.
 */
export function assessCustomer(text: string): CustomerState {
  const raw = typeof text === "string" ? text.slice(0, ASSESS_TEXT_LIMIT) : ""
  const t = foldSameLength(raw)
  const evidence: Evidence[] = []
  const threats: CustomerState["threats"] = []
  let anger = 0
  let anxiety = 0
  let repeat = false
  let abusive = false

  for (const cue of CUES) {
    cue.pattern.lastIndex = 0
    for (const m of t.matchAll(cue.pattern)) {
      const start = m.index
      const end = start + m[0].length
      const negatable = cue.signal === "anxiety" || (THREAT_KINDS as readonly string[]).includes(cue.signal)
      if (negatable && CUE_NEGATION.test(t.slice(Math.max(0, start - 6), start))) continue
      evidence.push({ start, end, text: raw.slice(start, end), signal: cue.signal })
      if (cue.signal === "anger") anger += cue.weight
      else if (cue.signal === "anxiety") anxiety += cue.weight
      else if (cue.signal === "abuse") {
        abusive = true
        anger += cue.weight
      } else if (cue.signal === "repeat") {
        repeat = true
        anger += 0.5
        anxiety += 0.5
      } else {
        threats.push({ kind: cue.signal, start, end })
        anger += 1
      }
    }
  }

  // Punctuation: runs of exclamation or question marks.
  for (const m of t.matchAll(/[!！]{2,}|[?？]{2,}|[!！?？]{3,}/g)) {
    evidence.push({
      start: m.index,
      end: m.index + m[0].length,
      text: raw.slice(m.index, m.index + m[0].length),
      signal: "punctuation",
    })
    if (/[!！]/.test(m[0])) anger += 1
    else anxiety += 0.5
  }
  // Repetition: the same short phrase three times in a row ("还没到还没到还没到").
  for (const m of t.matchAll(/(\S{2,6}?)[，,\s]*\1[，,\s]*\1/g)) {
    if (/^[\d#\s]+$/.test(m[1])) continue
    evidence.push({
      start: m.index,
      end: m.index + m[0].length,
      text: raw.slice(m.index, m.index + m[0].length),
      signal: "repetition",
    })
    anger += 1
  }

  const emotion: Emotion =
    abusive || anger >= ANGRY_AT ? "angry" : anxiety >= ANXIOUS_AT || anger >= 1 ? "anxious" : "calm"
  evidence.sort((a, b) => a.start - b.start || a.end - b.end)
  threats.sort((a, b) => a.start - b.start)
  return { emotion, threats, repeat, abusive, evidence }
}
