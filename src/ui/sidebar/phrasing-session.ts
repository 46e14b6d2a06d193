/**
 * The live check of the agent's reply: lints every draft with the phrasebook in force, paints the
 * findings over the editor, applies fixes through the bridge and tells the QA trail. Lives above the
 * tabs, so highlights and the trail carry on while the agent looks at another tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react"

import type { TrackerContext } from "~lib/audit/tracker"
import { checkDraft, checkVersion } from "~lib/phrasing/check"
import { replacementSlots } from "~lib/phrasing/replacement"
import type { Phrasebook, PhrasingFinding } from "~lib/phrasing/types"
import type { Draft, EditErrorCode, SidebarToPage } from "~lib/protocol/types"
import { findingKey, safeFixes, visibleFindings } from "~lib/ui-logic/phrasing-fixes"

import type { StringKey } from "../i18n"
import { usePhrasingAudit } from "./phrasing-audit"
import { useActivePhrasebook } from "../use-active-phrasebook"
import type { EditOutcome, EditRequest } from "./use-page-connection"

export type PhrasingNotice =
  | { kind: "ok"; key: StringKey; values?: Record<string, string | number> }
  | { kind: "error"; key: StringKey; values?: Record<string, string | number> }

export interface PhrasingSession {
  book: Phrasebook
  bookInvalid: boolean
  draft: Draft | null
  /** Findings for the current draft that the agent has not dismissed, in text order. */
  findings: PhrasingFinding[]
  notice: PhrasingNotice | null
  busy: boolean
  /** Replaces the finding with `text` (a replacement, its slots already filled). */
  apply(finding: PhrasingFinding, text: string): Promise<boolean>
  fixAll(): Promise<void>
  dismiss(finding: PhrasingFinding): void
  wrong(finding: PhrasingFinding, reason: string): void
  insert(text: string): Promise<boolean>
  clearNotice(): void
}

/** What the agent reads for each way an edit can fail (the rest: the generic message with the detail). */
const EDIT_ERROR_NOTICE: Partial<Record<EditErrorCode, StringKey>> = {
  "no-editor": "noEditorToInsert",
  "stale-revision": "editStale",
  "range-mismatch": "editStale",
}

export function usePhrasingSession(props: {
  draft: Draft | null
  send: (message: SidebarToPage) => boolean
  edit: (request: EditRequest) => Promise<EditOutcome>
  /** Who and where, for the QA trail; the phrasebook version is added here. */
  context: Omit<TrackerContext, "phrasebookVersion">
  /** Alt+1..3 pressed in the CRM's editor. */
  shortcut?: { index: number; seq: number } | null
}): PhrasingSession {
  const { draft, send, edit, context, shortcut } = props
  const { book, invalid } = useActivePhrasebook()
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const [notice, setNotice] = useState<PhrasingNotice | null>(null)
  const [busy, setBusy] = useState(false)
  // The QA trail records the phrasebook and the tone model that produced the findings.
  const audit = usePhrasingAudit({ ...context, phrasebookVersion: checkVersion(book) }, () =>
    setNotice({ kind: "error", key: "auditFailed" }),
  )

  const text = draft?.text ?? null
  const quoted = draft?.quoted
  const all = useMemo(() => (text === null ? [] : checkDraft(text, { book, quoted })), [text, book, quoted])
  const findings = useMemo(() => visibleFindings(all, dismissed), [all, dismissed])

  // A new editor (or none) starts with nothing dismissed.
  const editorId = draft?.editorId ?? null
  useEffect(() => setDismissed(new Set()), [editorId])

  // The QA trail: new findings are "shown"; a sent (cleared) or abandoned draft ends them.
  const last = useRef<Draft | null>(null)
  useEffect(() => {
    const prev = last.current
    last.current = draft
    if (!draft) {
      if (prev) audit.end(prev)
      return
    }
    // A cleared editor (sent) is ended by the tracker's own update; another editor ends this one.
    if (prev && prev.editorId !== draft.editorId) audit.end(prev)
    audit.update(draft, all)
    // `all` changes exactly when the text or the book does; the draft object on every revision.
  }, [draft, all, audit])

  // Paint the visible findings over the editor, for this revision only.
  const revision = draft?.revision ?? null
  const spans = useMemo(
    () => findings.map((f) => ({ start: f.start, end: f.end, severity: f.severity })),
    [findings],
  )
  useEffect(() => {
    if (editorId === null || revision === null) return
    send({ type: "highlight", editorId, revision, spans })
  }, [editorId, revision, spans, send])

  const draftRef = useRef(draft)
  draftRef.current = draft

  const report = useCallback((outcome: EditOutcome) => {
    if (outcome.ok) return
    const key = outcome.error ? EDIT_ERROR_NOTICE[outcome.error] : undefined
    setNotice(
      key
        ? { kind: "error", key }
        : { kind: "error", key: "editFailed", values: { error: outcome.detail ?? outcome.error ?? "?" } },
    )
  }, [])

  const apply = useCallback(
    async (finding: PhrasingFinding, replacement: string) => {
      const d = draftRef.current
      if (!d) return false
      setNotice(null)
      const outcome = await edit({
        type: "replace-range",
        editorId: d.editorId,
        revision: d.revision,
        start: finding.start,
        end: finding.end,
        expected: finding.text,
        text: replacement,
      })
      report(outcome)
      // The filled text, as it now stands in the reply: the trail follows it to see if it was kept.
      if (outcome.ok) audit.applied(d, finding, replacement)
      return outcome.ok
    },
    [edit, report, audit],
  )

  // Alt+n from the editor: the first finding's suggestion n, if it needs nothing filled in.
  const firstRef = useRef<PhrasingFinding | undefined>(undefined)
  firstRef.current = findings[0]
  const seq = shortcut?.seq
  useEffect(() => {
    if (seq === undefined || !shortcut) return
    const f = firstRef.current
    const r = f?.replacements[shortcut.index]
    if (!f || r === undefined) return
    if (replacementSlots(r).length) setNotice({ kind: "error", key: "shortcutNeedsSlots" })
    else void apply(f, r)
    // Once per press: `seq` changes exactly then (the press and `apply` are read for that press only).
  }, [seq])

  const fixAll = useCallback(async () => {
    const d = draftRef.current
    if (!d || busy) return
    setBusy(true)
    setNotice(null)
    let revision = d.revision
    let text = d.text
    let fixed = 0
    try {
      // Last finding first: each edit leaves the offsets of the ones before it unchanged.
      for (const { finding, replacement } of safeFixes(findings)) {
        const outcome = await edit({
          type: "replace-range",
          editorId: d.editorId,
          revision,
          start: finding.start,
          end: finding.end,
          expected: finding.text,
          text: replacement,
        })
        if (!outcome.ok || !outcome.draft) {
          report(outcome)
          break
        }
        audit.applied({ editorId: d.editorId, text, revision }, finding, replacement)
        revision = outcome.draft.revision
        text = outcome.draft.text
        fixed++
      }
    } finally {
      setBusy(false)
    }
    if (fixed) setNotice((n) => n ?? { kind: "ok", key: "fixedN", values: { n: fixed } })
  }, [busy, findings, edit, report, audit])

  const dismiss = useCallback(
    (finding: PhrasingFinding) => {
      setDismissed((s) => new Set(s).add(findingKey(finding)))
      const d = draftRef.current
      if (d) audit.dismissed(d, finding)
    },
    [audit],
  )

  const wrong = useCallback(
    (finding: PhrasingFinding, reason: string) => {
      setDismissed((s) => new Set(s).add(findingKey(finding)))
      const d = draftRef.current
      if (d) audit.wrong(d, finding, reason.trim().slice(0, 500))
    },
    [audit],
  )

  const insert = useCallback(
    async (insertText: string) => {
      setNotice(null)
      const outcome = await edit({
        type: "insert-text",
        editorId: draftRef.current?.editorId,
        text: insertText,
      })
      report(outcome)
      if (outcome.ok) setNotice({ kind: "ok", key: "inserted" })
      return outcome.ok
    },
    [edit, report],
  )

  return {
    book,
    bookInvalid: invalid,
    draft,
    findings,
    notice,
    busy,
    apply,
    fixAll,
    dismiss,
    wrong,
    insert,
    clearNotice: () => setNotice(null),
  }
}
