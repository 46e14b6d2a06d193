/**
 * The live check of the agent's reply: lints every draft with the phrasebook in force, paints the
 * findings over the editor, applies fixes through the bridge and tells the QA trail. Lives above the
 * tabs, so highlights and the trail carry on while the agent looks at another tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react"

import type { TrackerContext } from "~lib/audit/tracker"
import { checkDraft, checkVersion } from "~lib/phrasing/check"
import { replacementSlots } from "~lib/phrasing/replacement"
import { clauseEdit, readyReplacement, rewriteReply, type ReplyRewrite } from "~lib/phrasing/rewrite"
import type { Phrasebook, PhrasingFinding } from "~lib/phrasing/types"
import type { Draft, EditErrorCode, SidebarToPage } from "~lib/protocol/types"
import { changedRange } from "~lib/text/changed-range"
import { findingKey, heldWhileTyping, TYPING_PAUSE_MS, visibleFindings } from "~lib/ui-logic/phrasing-fixes"

import type { StringKey } from "../i18n"
import { useLocale } from "../locale"
import { useActivePhrasebook } from "../use-active-phrasebook"
import { usePhrasingAudit } from "./phrasing-audit"
import type { CardFix, EditOutcome, EditRequest, SentMessage } from "./use-page-connection"

export type PhrasingNotice =
  | { kind: "ok"; key: StringKey; values?: Record<string, string | number> }
  | { kind: "error"; key: StringKey; values?: Record<string, string | number> }

export interface PhrasingSession {
  book: Phrasebook
  bookInvalid: boolean
  draft: Draft | null
  /** Findings for the current draft that the agent has not dismissed, in text order. */
  findings: PhrasingFinding[]
  /** Findings the agent dismissed (× or 不准确) whose words are still in the draft. */
  ignored: PhrasingFinding[]
  /** Fix all's rewrite of the whole reply, shown beside the original until applied or cancelled. */
  preview: FixAllPreview | null
  notice: PhrasingNotice | null
  busy: boolean
  /** Replaces the finding with `text` (a replacement, its slots already filled). */
  apply(finding: PhrasingFinding, text: string): Promise<boolean>
  /** Computes Fix all's rewrite (`known` fills slots) and shows it; nothing is written yet. */
  fixAll(known?: Readonly<Record<string, string | undefined>>): void
  /** Writes the previewed rewrite into the editor as one edit (one undo step in the CRM). */
  applyPreview(): Promise<boolean>
  cancelPreview(): void
  dismiss(finding: PhrasingFinding): void
  wrong(finding: PhrasingFinding, reason: string): void
  insert(text: string): Promise<boolean>
  clearNotice(): void
}

export interface FixAllPreview {
  /** The draft the rewrite was made from: applying is refused once the reply moved on. */
  editorId: string
  revision: number
  before: string
  rewrite: ReplyRewrite
}

/** Quoted ranges of `before` carried into `after` (one changed range between them). */
function shiftQuoted(
  quoted: Draft["quoted"],
  before: string,
  after: string,
): { start: number; end: number }[] | undefined {
  if (!quoted?.length) return quoted
  const c = changedRange(before, after)
  const delta = after.length - before.length
  return quoted
    .filter((q) => q.end <= c.start || q.start >= c.end)
    .map((q) => (q.start >= c.end ? { start: q.start + delta, end: q.end + delta } : q))
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
  /** The fix applied from the card on an underline in the CRM's editor. */
  cardFix?: CardFix | null
  /** The CRM's send, as send-watch saw it: ends the reply's QA session with the text sent. */
  onSent?: (listener: (message: SentMessage) => void) => () => void
}): PhrasingSession {
  const { draft, send, edit, context, shortcut, onSent, cardFix } = props
  const locale = useLocale()
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
  const checked = useMemo(
    () => (text === null ? [] : checkDraft(text, { book, quoted })),
    [text, book, quoted],
  )
  // The sentence being typed is judged by the tone model once the agent pauses: half a sentence
  // ("又不是…") is not what they will send, and a flicker is neither help nor a QA "shown".
  const revisionKey = draft ? `${draft.editorId}\u0000${draft.revision}` : null
  const [restingAt, setRestingAt] = useState<string | null>(null)
  useEffect(() => {
    if (revisionKey === null) return
    const timer = setTimeout(() => setRestingAt(revisionKey), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [revisionKey])
  const selection = draft?.selection
  const all = useMemo(
    () => (restingAt === revisionKey ? checked : heldWhileTyping(checked, selection)),
    [checked, selection, restingAt, revisionKey],
  )
  const findings = useMemo(() => visibleFindings(all, dismissed), [all, dismissed])
  const ignored = useMemo(() => all.filter((f) => dismissed.has(findingKey(f))), [all, dismissed])
  const [preview, setPreview] = useState<FixAllPreview | null>(null)

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

  // Sent: the reply's suggestions end with the text sent. A box cleared without a send seen is
  // judged by the tracker (retyped = discarded, else sent).
  useEffect(() => onSent?.((m) => audit.end(m.draft)), [onSent, audit])

  // Paint the visible findings over the editor, for this revision only.
  const revision = draft?.revision ?? null
  // Dismissed findings stay underlined, muted: hidden is not fixed.
  const spans = useMemo(
    () =>
      [
        // The reason and first ready fix ride along for the card a click on the underline shows.
        ...findings.map((f) => {
          const fix = readyReplacement(f)
          return {
            start: f.start,
            end: f.end,
            severity: f.severity,
            reason: (locale === "en" ? f.message.en : f.message.zh).slice(0, 500),
            ...(fix !== undefined ? { fix: fix.slice(0, 500) } : {}),
          }
        }),
        ...ignored.map((f) => ({ start: f.start, end: f.end, severity: f.severity, muted: true })),
      ].sort((a, b) => a.start - b.start),
    [findings, ignored, locale],
  )
  useEffect(() => {
    if (editorId === null || revision === null) return
    send({ type: "highlight", editorId, revision, spans })
  }, [editorId, revision, spans, send])

  const draftRef = useRef(draft)
  draftRef.current = draft
  const findingsRef = useRef(findings)
  findingsRef.current = findings
  const dismissedRef = useRef(dismissed)
  dismissedRef.current = dismissed

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
      // The fix rewrites the clause it sits in (and the findings beside it in that clause).
      const change = clauseEdit(d.text, finding, replacement, findingsRef.current)
      const outcome = await edit({
        type: "replace-range",
        editorId: d.editorId,
        revision: d.revision,
        start: change.start,
        end: change.end,
        expected: change.expected,
        text: change.text,
      })
      report(outcome)
      // The clause as it now stands in the reply: the trail follows it to see if it was kept.
      if (outcome.ok)
        audit.applied(d, finding, change.text, {
          start: change.start,
          end: change.end,
          also: change.findings.filter((f) => f !== finding),
        })
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

  // The fix applied from the card in the CRM's editor: the finding drawn at that span, this revision.
  const cardSeq = cardFix?.seq
  useEffect(() => {
    if (cardSeq === undefined || !cardFix) return
    const d = draftRef.current
    const f = findingsRef.current.find((x) => x.start === cardFix.start && x.end === cardFix.end)
    const r = f && readyReplacement(f)
    if (!d || d.editorId !== cardFix.editorId || d.revision !== cardFix.revision || !f || r === undefined) {
      setNotice({ kind: "error", key: "editStale" })
      return
    }
    void apply(f, r)
    // Once per card click: `seq` changes exactly then.
  }, [cardSeq])

  const fixAll = useCallback(
    (known: Readonly<Record<string, string | undefined>> = {}) => {
      const d = draftRef.current
      if (!d || busy) return
      setNotice(null)
      // Checked again after every pass, as the agent will see it (dismissed findings stay dismissed).
      const check = (t: string) =>
        visibleFindings(
          checkDraft(t, { book, quoted: shiftQuoted(d.quoted, d.text, t) }),
          dismissedRef.current,
        )
      const rewrite = rewriteReply(d.text, findingsRef.current, check, { known })
      if (!rewrite.steps.length) {
        setNotice({ kind: "error", key: "fixAllNothing" })
        return
      }
      setPreview({ editorId: d.editorId, revision: d.revision, before: d.text, rewrite })
    },
    [busy, book],
  )

  // The preview belongs to one text: once the reply changes it would overwrite the agent's typing.
  useEffect(() => {
    if (preview && (draft?.editorId !== preview.editorId || draft.text !== preview.before)) {
      setPreview(null)
      setNotice({ kind: "error", key: "fixAllStale" })
    }
  }, [draft, preview])

  const applyPreview = useCallback(async () => {
    const p = preview
    const d = draftRef.current
    if (!p || !d || busy) return false
    setBusy(true)
    setNotice(null)
    try {
      // One edit over the changed range: one undo step in the CRM's editor.
      const change = changedRange(p.before, p.rewrite.text)
      const outcome = await edit({
        type: "replace-range",
        editorId: p.editorId,
        revision: d.revision,
        start: change.start,
        end: change.end,
        expected: p.before.slice(change.start, change.end),
        text: change.text,
      })
      setPreview(null)
      report(outcome)
      if (!outcome.ok) return false
      let revision = d.revision
      for (const { before, edit: e } of p.rewrite.steps) {
        const [first, ...also] = e.findings
        if (first && e.replacement)
          audit.applied({ editorId: p.editorId, text: before, revision }, first, e.text, {
            start: e.start,
            end: e.end,
            also,
          })
        revision++
      }
      const fixed = p.rewrite.steps.reduce(
        (n, st) => n + (st.edit.replacement ? st.edit.findings.length : 0),
        0,
      )
      setNotice({ kind: "ok", key: "fixedN", values: { n: fixed } })
      return true
    } finally {
      setBusy(false)
    }
  }, [preview, busy, edit, report, audit])

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
    ignored,
    preview,
    notice,
    busy,
    apply,
    fixAll,
    applyPreview,
    cancelPreview: () => setPreview(null),
    dismiss,
    wrong,
    insert,
    clearNotice: () => setNotice(null),
  }
}
