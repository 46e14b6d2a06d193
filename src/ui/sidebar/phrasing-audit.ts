/**
 * Feeds the QA trail (质检): what the phrasing panel showed and what the agent did with it. Events
 * are written fire-and-forget so typing never waits on the database; a failed write is reported once.
 */
import { useMemo, useRef } from "react"

import type { AuditEvent } from "~lib/audit/model"
import { createSuggestionTracker, type AppliedEdit, type TrackerContext } from "~lib/audit/tracker"
import type { PhrasingFinding } from "~lib/phrasing/types"

import { useServices } from "../services"

export interface AuditDraft {
  editorId: string
  text: string
  revision: number
}

export interface PhrasingAudit {
  update(draft: AuditDraft, findings: PhrasingFinding[]): void
  /** `edit`: the range the fix replaced when wider than the finding (its clause), and findings fixed with it. */
  applied(draft: AuditDraft, finding: PhrasingFinding, replacement: string, edit?: AppliedEdit): void
  dismissed(draft: AuditDraft, finding: PhrasingFinding, reason?: string): void
  wrong(draft: AuditDraft, finding: PhrasingFinding, reason: string): void
  end(finalDraft: AuditDraft | null): void
}

/** One tracker per panel; `context` is read at each call so a changed waybill or profile counts from then on. */
export function usePhrasingAudit(context: TrackerContext, onError: (error: unknown) => void): PhrasingAudit {
  const { now, newId, audit: store } = useServices()
  const ctx = useRef(context)
  ctx.current = context
  const report = useRef(onError)
  report.current = onError
  const tracker = useMemo(() => createSuggestionTracker({ now, newId }), [now, newId])

  const audit = useMemo<PhrasingAudit>(() => {
    const persist = (events: AuditEvent[]) => {
      if (!events.length) return
      store.addAuditEvents(events).catch((error: unknown) => report.current(error))
    }
    // The tracker is the QA engineer's pure code: a bug there must not break the agent's panel.
    const safely = (fn: () => AuditEvent[]) => {
      try {
        persist(fn())
      } catch (error) {
        report.current(error)
      }
    }
    return {
      update: (draft, findings) => safely(() => tracker.update(ctx.current, draft, findings)),
      applied: (draft, finding, replacement, edit) =>
        safely(() => tracker.applied(ctx.current, draft, finding, replacement, edit)),
      dismissed: (draft, finding, reason) =>
        safely(() => tracker.dismissed(ctx.current, draft, finding, reason)),
      wrong: (draft, finding, reason) => safely(() => tracker.wrong(ctx.current, draft, finding, reason)),
      end: (finalDraft) => safely(() => tracker.end(ctx.current, finalDraft)),
    }
  }, [tracker, store])
  return audit
}
