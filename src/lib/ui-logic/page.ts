/** Small helpers about pages, origins and carrier guesses, shared by the sidebar and the popup. */
import type { CarrierGuess } from "../protocol/types"

/** "https://crm.example.com/t/1?x" → "https://crm.example.com"; null for non-web pages (chrome://, file:, about:). */
export function webOrigin(url: string | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null
  } catch {
    return null
  }
}

/** The permission pattern for one origin, as `permissions.request` wants it. */
export function originPattern(origin: string): string {
  return `${origin}/*`
}

/** At or above this, one carrier is shown alone; below it the top few with percentages. */
export const CONFIDENT = 0.8
export const MAX_ALTERNATIVES = 3

export type CarrierDisplay =
  | { kind: "none" }
  | { kind: "sure"; carrier: CarrierGuess }
  | { kind: "ambiguous"; candidates: CarrierGuess[] }

/**
 * A check-digit match or a clearly leading guess is "sure"; pure-digit numbers that several carriers
 * could issue are "ambiguous" and show their top candidates.
 */
export function describeCarriers(carriers: readonly CarrierGuess[]): CarrierDisplay {
  const sorted = [...carriers].sort(
    (a, b) => Number(b.checked) - Number(a.checked) || b.confidence - a.confidence,
  )
  const [first, second] = sorted
  if (!first) return { kind: "none" }
  const leads = !second || first.confidence - second.confidence >= 0.3
  if ((first.checked && !second?.checked) || (first.confidence >= CONFIDENT && leads))
    return { kind: "sure", carrier: first }
  return { kind: "ambiguous", candidates: sorted.slice(0, MAX_ALTERNATIVES) }
}

export function percent(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`
}

/** Reconnect delay after the n-th consecutive failure: 250 ms doubling, capped at 5 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(5000, 250 * 2 ** Math.max(0, attempt))
}

/**
 * A bilingual store message "中文 / English" in the agent's language: the Chinese half (仅中文), the
 * English half, or whole ("zh-en"); whole when there is no split.
 */
export function pickLanguage(message: string, locale: "zh" | "zh-en" | "en"): string {
  if (locale === "zh-en") return message
  const i = message.indexOf(" / ")
  if (i < 0) return message
  return locale === "en" ? message.slice(i + 3) : message.slice(0, i)
}
