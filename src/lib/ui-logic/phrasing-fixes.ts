/**
 * What the phrasing panel does with lint findings, kept pure: which findings the agent still sees,
 * which fixes "全部修正 / Fix all" may apply without asking, and what a slot form starts with.
 */
import type { PhrasingFinding } from "~lib/phrasing/types"
import { replacementSlots } from "~lib/phrasing/replacement"

/**
 * A finding's identity across revisions: the rule and the words it flagged (offsets move as the agent
 * types before them). Dismissing one hides that rule on those words until the draft goes away.
 */
export function findingKey(f: Pick<PhrasingFinding, "ruleId" | "text">): string {
  return `${f.ruleId}\u0000${f.text}`
}

/** Findings the agent has not dismissed, in text order. */
export function visibleFindings(
  findings: readonly PhrasingFinding[],
  dismissed: ReadonlySet<string>,
): PhrasingFinding[] {
  return findings.filter((f) => !dismissed.has(findingKey(f))).sort((a, b) => a.start - b.start)
}

/** How long the reply must rest before a tone finding on the words being typed is shown. */
export const TYPING_PAUSE_MS = 800

/**
 * The findings to show while the agent is still typing: a tone-model finding whose sentence holds the
 * caret waits for a pause ("又不是" mid-sentence reads as impatience; "又不是我的错" is the rule's, and
 * "又不是很远" is fine). Rule findings match whole listed wordings and show at once. `null` selection
 * (the editor lost focus) or a selected range: nothing is being typed, everything shows.
 */
export function heldWhileTyping(
  findings: readonly PhrasingFinding[],
  selection: { start: number; end: number } | null | undefined,
): PhrasingFinding[] {
  if (!selection || selection.start !== selection.end) return [...findings]
  const caret = selection.start
  return findings.filter((f) => f.source !== "model" || caret < f.start || caret > f.end)
}

export interface SafeFix {
  finding: PhrasingFinding
  replacement: string
}

/**
 * The fixes Fix all applies: per rule finding its first replacement that needs no slot; findings
 * without one, and tone-model findings (whole sentences), are left for the agent. Non-overlapping, ordered from the end of the text backwards, so each
 * edit leaves the offsets of the ones still to come unchanged.
 */
export function safeFixes(findings: readonly PhrasingFinding[]): SafeFix[] {
  const fixes: SafeFix[] = []
  const byEnd = [...findings].sort((a, b) => b.start - a.start || b.end - a.end)
  let limit = Infinity
  for (const finding of byEnd) {
    // A model finding covers a whole sentence: only the agent decides what replaces it.
    if (finding.source === "model") continue
    const replacement = finding.replacements.find((r) => replacementSlots(r).length === 0)
    if (replacement === undefined || finding.end > limit) continue
    fixes.push({ finding, replacement })
    limit = finding.start
  }
  return fixes
}

/** Starting values for a slot form: what the case already knows, else empty. */
export function slotDefaults(
  slots: readonly string[],
  known: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of slots) out[s] = known[s]?.trim() ?? ""
  return out
}

/** Whether every slot has a value (trimmed). */
export function slotsComplete(values: Readonly<Record<string, string>>): boolean {
  return Object.values(values).every((v) => v.trim() !== "")
}

/** Alt+1..3 → replacement index 0..2, else null (Alt+digit works with and without an IME). */
export function altDigit(e: {
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  code: string
}): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null
  const m = /^(?:Digit|Numpad)([1-3])$/.exec(e.code)
  return m ? Number(m[1]) - 1 : null
}
