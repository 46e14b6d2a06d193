import type { PhrasingFinding } from "./types"

const SLOT = /\{([^{}\s]{1,20})\}/g

/** Names of the `{slot}` placeholders in a replacement, in order of first use, without duplicates. */
export function replacementSlots(replacement: string): string[] {
  const names: string[] = []
  for (const m of replacement.matchAll(SLOT)) if (!names.includes(m[1])) names.push(m[1])
  return names
}

/** Fills `{slot}` placeholders from `values`; slots without a value are left as they are. */
export function fillReplacementSlots(replacement: string, values: Readonly<Record<string, string>>): string {
  return replacement.replace(SLOT, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  )
}

/**
 * Replaces a finding's span with `replacement` and returns the new text and the caret position
 * just after the inserted text. Throws a RangeError when the text no longer holds the finding
 * (the draft changed since it was linted), so a stale finding can never corrupt the draft.
 */
export function applyReplacement(
  text: string,
  finding: Pick<PhrasingFinding, "start" | "end" | "text">,
  replacement: string,
): { text: string; caret: number } {
  const { start, end } = finding
  if (start < 0 || end > text.length || start > end || text.slice(start, end) !== finding.text) {
    throw new RangeError("stale finding: the text changed since it was linted")
  }
  return { text: text.slice(0, start) + replacement + text.slice(end), caret: start + replacement.length }
}
