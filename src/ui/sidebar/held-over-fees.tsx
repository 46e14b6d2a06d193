/**
 * Rule 10 (十) for what the agent writes down, not only for replies: text that holds goods over internal
 * fees is flagged before it is saved (handoff notes, contact-attempt notes).
 */
import { useMemo } from "react"

import { lintPhrasing } from "~lib/phrasing/lint"
import type { PhrasingFinding } from "~lib/phrasing/types"

import { T } from "../locale"
import { useActivePhrasebook } from "../use-active-phrasebook"

/** The held-over-fees findings of `text` under the phrasebook in force (none for blank text). */
export function useHeldOverFees(text: string): PhrasingFinding[] {
  const { book } = useActivePhrasebook()
  return useMemo(
    () => (text.trim() ? lintPhrasing(text, book).filter((f) => f.category === "held-over-fees") : []),
    [text, book],
  )
}

/** The alert under a note that holds goods over fees: the words found, and why it matters. */
export function HeldOverFeesAlert({ findings, testid }: { findings: PhrasingFinding[]; testid: string }) {
  if (!findings.length) return null
  return (
    <div className="error held-over-fees" role="alert" data-testid={testid}>
      <T k="noteHeldOverFees" />: {findings.map((f) => `“${f.text}”`).join("、")}
      <div className="small-text">
        <T k="heldOverFeesBanner" />
      </div>
    </div>
  )
}
