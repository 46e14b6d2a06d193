/**
 * The suggestion tracker: turns what the sidebar sees (drafts, findings, the agent's clicks) into
 * audit events. Pure and synchronous; the caller stores the events it returns.
 *
 * ## Lifecycle of one suggestion
 * A *draft session* runs per `editorId` from its first `update` until `end` (or an implicit end, below).
 * A *suggestion* is one finding followed through the session: identified by editor, rule id and flagged
 * text, and followed by position as the agent types (offsets are carried through every edit, so typing
 * before it or around it keeps it the same suggestion).
 *
 * - `shown`     — the first `update` in which it appears. Once per suggestion: if it vanishes and comes
 *                 back (a guard toggling while the agent types, cut and paste) it is not shown again.
 * - `applied`   — `applied()`; the replacement is then followed in the text. A fix may rewrite more
 *                 than the flagged words (the whole clause, see phrasing/rewrite): `edit` gives the
 *                 range it replaced, and `also` the other findings it fixed with it (each `applied`).
 * - `reverted`  — an applied suggestion whose words come back where the replacement was (the agent
 *                 pressed the CRM's undo): it is open again, so the end of the session judges it anew.
 * - `dismissed` — `dismissed()` (the agent closed it). No further outcome for it.
 * - `wrong`     — `wrong()` (the agent reported the rule as mistaken). No further outcome for it
 *                 (except that `wrong` after `dismissed`, or the reverse, is still recorded once each).
 * - at the end of the session (the reply was sent, cleared or its editor went away), for each suggestion:
 *   - shown, never acted on, and still flagged in the final text → `ignored` (sent as is);
 *   - shown, never acted on, and no longer flagged → `edited` *without* `replacement`: the agent
 *     reworded it (or added context so the rule no longer fires) on their own;
 *   - applied, and the replacement is no longer intact in the final text → `edited` *with*
 *     `replacement`: taken, then changed;
 *   - applied and intact, dismissed or wrong → nothing more.
 *   So every shown suggestion ends with exactly one of applied / dismissed / wrong / ignored /
 *   edited(self), and an applied one may add edited(after apply).
 *
 * ## "Sent" heuristic
 * The tracker cannot see the send button. The sidebar calls `end(ctx, finalDraft)` when the draft goes
 * away: the editor is cleared (CRM chat boxes clear on send), its text is replaced wholesale (a template
 * pasted over it) or the editor leaves the page. `finalDraft` is the last text the agent had *before*
 * clearing; an empty or null final draft means "use the last text seen by `update`". `end(ctx, null)`
 * ends every open session. As a safety net, an `update` whose text is empty (after a non-empty one)
 * ends the session itself, so a cleared-after-send chat box is counted even if the sidebar does not call
 * `end`. Clearing alone does not end it: the sidebar also calls `end` when the CRM reports the send
 * (send-watch). A box cleared and then typed into again was a reply the agent threw away to retype:
 * its open suggestions end as `discarded` (never sent, so not `ignored`). A box cleared and never typed
 * into again ends (at `end`) with the text it had before it was cleared.
 *
 * ## What an event stores
 * rule id, phrasebook version, agent, site, waybill (when valid), time, the flagged span and text, an
 * excerpt of ±{@link EXCERPT_RADIUS} characters around it and, for ignored / edited, `finalText`: the
 * final text around the same place. Excerpts, final text, flagged text, replacement and reasons are
 * masked with {@link maskDigits}: phone numbers, ID-like numbers and long digit runs become `138****5678`;
 * waybill numbers stay. Spans are offsets into the text of that moment (the shown/acted-on draft, or
 * the final text for `ignored`).
 */
import { WAYBILL_SHAPE } from "../protocol/types"
import { changedRange } from "../text/changed-range"
import type { PhrasingFinding } from "../phrasing/types"
import { maskDigits, waybillsToKeep } from "./mask"
import type { AuditEvent, AuditOutcome, TextSpan } from "./model"

/** Who, where and with which book: copied into every event. */
export type TrackerContext = {
  phrasebookVersion: string
  agentWorkId: string
  agentName: string
  site: string
  waybill?: string
}

/** One editor's text at one moment. `revision` grows with every change; older updates are ignored. */
export type TrackedDraft = { editorId: string; text: string; revision: number }

export interface SuggestionTracker {
  /** New findings for a draft: `shown` for every suggestion not seen before in this session. */
  update(ctx: TrackerContext, draft: TrackedDraft, findings: PhrasingFinding[]): AuditEvent[]
  /** The agent took `replacement` for `finding` (the sidebar then writes it into the editor). */
  applied(
    ctx: TrackerContext,
    draft: TrackedDraft,
    finding: PhrasingFinding,
    replacement: string,
    edit?: AppliedEdit,
  ): AuditEvent[]
  dismissed(ctx: TrackerContext, draft: TrackedDraft, finding: PhrasingFinding, reason?: string): AuditEvent[]
  /** The agent reports the rule as mistaken here ("不准确"). */
  wrong(ctx: TrackerContext, draft: TrackedDraft, finding: PhrasingFinding, reason: string): AuditEvent[]
  /** The reply was sent / cleared / its editor is gone (see the file comment); null ends every session. */
  end(ctx: TrackerContext, finalDraft: TrackedDraft | null): AuditEvent[]
}

/** A fix wider than the flagged words: the range of the draft it replaced and the findings it fixed too. */
export interface AppliedEdit {
  start: number
  end: number
  also?: PhrasingFinding[]
}

/** Characters kept on each side of a span in `excerpt` and `finalText`. */
export const EXCERPT_RADIUS = 40

const MAX_FIELD = 2000

type State = "open" | "applied" | "closed"

interface Suggestion {
  ruleId: string
  flagged: string
  /** Where it is in the session's current text (carried through edits). */
  span: TextSpan
  /** Among the latest update's findings. */
  present: boolean
  state: State
  dismissed: boolean
  wrong: boolean
  replacement?: string
  /** Before it was applied: the text and the flagged span (an undo brings this back). */
  before?: { text: string; span: TextSpan }
  /** The text and span when it was last seen flagged (or when applied): the excerpt of an `edited`. */
  seenText: string
  seenSpan: TextSpan
}

interface Session {
  /** Set while the editor is empty after having text: the text it had (see "Sent" heuristic). */
  cleared?: boolean
  text: string
  revision: number
  suggestions: Suggestion[]
}

/** Where a position of `before` lands in `after`, given their common prefix and suffix. */
interface Diff {
  prefix: number
  oldChangedEnd: number
  newChangedEnd: number
  delta: number
}

function diff(before: string, after: string): Diff {
  const c = changedRange(before, after)
  return {
    prefix: c.start,
    oldChangedEnd: c.end,
    newChangedEnd: c.start + c.text.length,
    delta: after.length - before.length,
  }
}

/** A span's start moves to the start of a change it touches, its end to the change's end. */
function mapSpan(d: Diff, s: TextSpan): TextSpan {
  // Text inserted exactly at a span's edge stays outside the span.
  const mapStart = (x: number) => (x < d.prefix ? x : x >= d.oldChangedEnd ? x + d.delta : d.prefix)
  const mapEnd = (x: number) => (x <= d.prefix ? x : x >= d.oldChangedEnd ? x + d.delta : d.newChangedEnd)
  const start = mapStart(s.start)
  return { start, end: Math.max(start, mapEnd(s.end)) }
}

/** Nothing of the old text kept at either end: the agent typed a new reply over it. */
function replacedWholesale(before: string, after: string): boolean {
  const a = before.trim()
  const b = after.trim()
  if (!a || !b) return false
  return a[0] !== b[0] && a[a.length - 1] !== b[b.length - 1] && !b.includes(a.slice(0, 4))
}

const touches = (a: TextSpan, b: TextSpan) => a.start <= b.end && b.start <= a.end
const overlaps = (a: TextSpan, b: TextSpan) => a.start < b.end && b.start < a.end

function clip(s: string): string {
  return s.length > MAX_FIELD ? s.slice(0, MAX_FIELD) : s
}

/** Slice bounds that do not split a surrogate pair. */
function safeSlice(text: string, from: number, to: number): string {
  let a = Math.max(0, from)
  let b = Math.min(text.length, to)
  if (a > 0 && a < text.length && (text.charCodeAt(a) & 0xfc00) === 0xdc00) a--
  if (b > 0 && b < text.length && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b++
  return text.slice(a, b)
}

function excerptOf(text: string, span: TextSpan): string {
  return safeSlice(text, span.start - EXCERPT_RADIUS, span.end + EXCERPT_RADIUS)
}

/** Creates a tracker. `now` and `newId` are injectable for tests. */
export function createSuggestionTracker(
  opts: { now?: () => number; newId?: () => string } = {},
): SuggestionTracker {
  const now = opts.now ?? Date.now
  const newId = opts.newId ?? (() => globalThis.crypto.randomUUID())
  const sessions = new Map<string, Session>()
  /** Per editor, the text an `end` took as sent: the same text seen again is not a new reply. */
  const sent = new Map<string, string>()

  function event(
    ctx: TrackerContext,
    outcome: AuditOutcome,
    s: { ruleId: string; flagged: string; span: TextSpan },
    text: string,
    extra: {
      excerptFrom?: { text: string; span: TextSpan }
      finalText?: string
      replacement?: string
      reason?: string
    },
  ): AuditEvent {
    const context = extra.excerptFrom?.text ?? text
    const keep = waybillsToKeep(context, ctx.waybill)
    const mask = (v: string) => clip(maskDigits(v, keep))
    const waybill = ctx.waybill?.toUpperCase().replace(/\s/g, "")
    const e: AuditEvent = {
      id: newId(),
      at: now(),
      outcome,
      ruleId: s.ruleId,
      phrasebookVersion: ctx.phrasebookVersion,
      agentWorkId: ctx.agentWorkId,
      agentName: ctx.agentName,
      site: ctx.site,
      span: { ...s.span },
      flagged: mask(s.flagged),
      excerpt: mask(excerptOf(context, extra.excerptFrom?.span ?? s.span)),
    }
    if (waybill && WAYBILL_SHAPE.test(waybill)) e.waybill = waybill
    if (extra.replacement !== undefined) e.replacement = clip(maskDigits(extra.replacement, keep))
    if (extra.finalText !== undefined)
      e.finalText = clip(maskDigits(extra.finalText, waybillsToKeep(extra.finalText, ctx.waybill)))
    if (extra.reason !== undefined && extra.reason.trim()) e.reason = mask(extra.reason.trim())
    return e
  }

  function session(editorId: string): Session {
    let s = sessions.get(editorId)
    if (!s) {
      s = { text: "", revision: Number.NEGATIVE_INFINITY, suggestions: [] }
      sessions.set(editorId, s)
    }
    return s
  }

  /** Carries every suggestion's span into `text`. */
  function sync(s: Session, text: string): void {
    if (text === s.text) return
    const d = diff(s.text, text)
    for (const g of s.suggestions) g.span = mapSpan(d, g.span)
    s.text = text
  }

  /** The open (or already acted-on, unless `openOnly`) suggestion that `f` is, if any. */
  function match(
    s: Session,
    f: PhrasingFinding,
    taken: Set<Suggestion>,
    openOnly: boolean,
  ): Suggestion | undefined {
    const sameRule = s.suggestions.filter(
      (g) => !taken.has(g) && g.ruleId === f.ruleId && (!openOnly || g.state !== "applied"),
    )
    const same = sameRule.filter((g) => g.flagged === f.text)
    const span = { start: f.start, end: f.end }
    return (
      same.find((g) => g.span.start === f.start && g.span.end === f.end) ??
      same.find((g) => touches(g.span, span)) ??
      // The same rule over overlapping words with other text: the match grew or shrank as the agent
      // typed (又不是我 → 又不是我的错). One suggestion, not a new one shown and the old one "edited".
      sameRule.find((g) => g.state === "open" && overlaps(g.span, span)) ??
      same
        .filter((g) => !g.present && g.state === "open")
        .sort((a, b) => Math.abs(a.span.start - f.start) - Math.abs(b.span.start - f.start))[0]
    )
  }

  function fresh(f: PhrasingFinding, text: string): Suggestion {
    const span = { start: f.start, end: f.end }
    return {
      ruleId: f.ruleId,
      flagged: f.text,
      span,
      present: true,
      state: "open",
      dismissed: false,
      wrong: false,
      seenText: text,
      seenSpan: span,
    }
  }

  /** Final outcomes of a session whose last text is `finalText`. */
  function finish(ctx: TrackerContext, s: Session, finalText: string): AuditEvent[] {
    const known = finalText === s.text
    sync(s, finalText)
    const out: AuditEvent[] = []
    for (const g of s.suggestions) {
      const here = finalText.slice(g.span.start, g.span.end)
      const finalExcerpt = excerptOf(finalText, g.span)
      if (g.state === "open") {
        // Without findings for this exact text, "still flagged" falls back to "the words are still there".
        const stillFlagged = known ? g.present : g.present && here === g.flagged
        if (stillFlagged) out.push(event(ctx, "ignored", g, finalText, { finalText: finalExcerpt }))
        else
          out.push(
            event(ctx, "edited", { ...g, span: g.seenSpan }, g.seenText, {
              excerptFrom: { text: g.seenText, span: g.seenSpan },
              finalText: finalExcerpt,
            }),
          )
      } else if (g.state === "applied" && here !== g.replacement) {
        out.push(
          event(ctx, "edited", { ...g, span: g.seenSpan }, g.seenText, {
            excerptFrom: { text: g.seenText, span: g.seenSpan },
            finalText: finalExcerpt,
            replacement: g.replacement,
          }),
        )
      }
    }
    return out
  }

  /** The suggestion an action refers to, creating it (with its `shown`) if update never reported it. */
  function target(
    ctx: TrackerContext,
    draft: TrackedDraft,
    f: PhrasingFinding,
  ): { s: Session; g: Suggestion; events: AuditEvent[] } {
    const s = session(draft.editorId)
    sync(s, draft.text)
    s.revision = Math.max(s.revision, draft.revision)
    const g = match(s, f, new Set(), true) ?? match(s, f, new Set(), false)
    if (g) return { s, g, events: [] }
    const created = fresh(f, draft.text)
    s.suggestions.push(created)
    return { s, g: created, events: [event(ctx, "shown", created, draft.text, {})] }
  }

  return {
    update(ctx, draft, findings) {
      const existing = sessions.get(draft.editorId)
      if (existing && draft.revision < existing.revision) return []
      const out: AuditEvent[] = []
      if (existing && draft.text.trim() === "") {
        // Cleared: sent (the CRM empties its box) or thrown away to retype; the next update tells.
        if (existing.text.trim() !== "") existing.cleared = true
        existing.revision = draft.revision
        return out
      }
      if (!existing && sent.get(draft.editorId) === draft.text) return out // the reply just sent, seen again
      sent.delete(draft.editorId)
      // Typed over wholesale (select all, type) without an empty update seen in between: the same as
      // cleared and retyped, unless it is the text from before a fix (an undo).
      const undo = existing?.suggestions.some((g) => g.before?.text === draft.text)
      if (existing && !existing.cleared && !undo && replacedWholesale(existing.text, draft.text))
        existing.cleared = true
      if (existing?.cleared) {
        existing.cleared = false
        if (draft.text !== existing.text) {
          // Typed into again after clearing: the old reply was never sent.
          for (const g of existing.suggestions)
            if (g.state === "open")
              out.push(
                event(ctx, "discarded", { ...g, span: g.seenSpan }, g.seenText, {
                  excerptFrom: { text: g.seenText, span: g.seenSpan },
                }),
              )
          sessions.delete(draft.editorId)
        }
      }
      const s = session(draft.editorId)
      sync(s, draft.text)
      s.revision = draft.revision
      // Undone in the CRM: the exact text from before the fix, or the flagged words back in its place.
      for (const g of s.suggestions) {
        if (g.state !== "applied" || !g.before) continue
        const back =
          draft.text === g.before.text ||
          findings.some(
            (f) =>
              f.ruleId === g.ruleId &&
              f.text === g.flagged &&
              touches(g.span, { start: f.start, end: f.end }),
          )
        if (!back) continue
        out.push(event(ctx, "reverted", g, draft.text, { replacement: g.replacement }))
        g.state = "open"
        g.replacement = undefined
        if (draft.text === g.before.text) g.span = { ...g.before.span }
        g.before = undefined
      }
      const taken = new Set<Suggestion>()
      for (const f of findings) {
        let g = match(s, f, taken, true)
        if (!g) {
          g = fresh(f, draft.text)
          s.suggestions.push(g)
          out.push(event(ctx, "shown", g, draft.text, {}))
        }
        taken.add(g)
        g.span = { start: f.start, end: f.end }
        g.present = true
        if (g.state === "open") {
          g.flagged = f.text
          g.seenText = draft.text
          g.seenSpan = g.span
        }
      }
      for (const g of s.suggestions) if (!taken.has(g)) g.present = false
      return out
    },

    applied(ctx, draft, finding, replacement, edit) {
      const from = edit?.start ?? finding.start
      const to = edit?.end ?? finding.end
      const fixed: Suggestion[] = []
      const events: AuditEvent[] = []
      for (const f of [finding, ...(edit?.also ?? [])]) {
        const t = target(ctx, draft, f)
        events.push(...t.events)
        if (t.g.state !== "open" || fixed.includes(t.g)) continue
        events.push(event(ctx, "applied", t.g, draft.text, { replacement }))
        t.g.before = { text: draft.text, span: { start: f.start, end: f.end } }
        fixed.push(t.g)
      }
      if (!fixed.length) return events
      // Follow the replacement: the editor will hold the predicted text next.
      const s = session(draft.editorId)
      const predicted = draft.text.slice(0, from) + replacement + draft.text.slice(to)
      sync(s, predicted)
      for (const g of fixed) {
        g.state = "applied"
        g.replacement = replacement
        g.present = false
        g.span = { start: from, end: from + replacement.length }
        g.seenText = predicted
        g.seenSpan = g.span
      }
      return events
    },

    dismissed(ctx, draft, finding, reason) {
      const { g, events } = target(ctx, draft, finding)
      if (g.state === "applied" || g.dismissed) return events
      events.push(event(ctx, "dismissed", g, draft.text, { reason }))
      g.dismissed = true
      g.state = "closed"
      return events
    },

    wrong(ctx, draft, finding, reason) {
      const { g, events } = target(ctx, draft, finding)
      if (g.wrong) return events
      events.push(event(ctx, "wrong", g, draft.text, { reason }))
      g.wrong = true
      if (g.state === "open") g.state = "closed"
      return events
    },

    end(ctx, finalDraft) {
      if (finalDraft === null) {
        const out: AuditEvent[] = []
        for (const s of sessions.values()) out.push(...finish(ctx, s, s.text))
        sessions.clear()
        return out
      }
      const s = sessions.get(finalDraft.editorId)
      if (!s) return []
      sessions.delete(finalDraft.editorId)
      if (finalDraft.text.trim()) sent.set(finalDraft.editorId, finalDraft.text)
      return finish(ctx, s, finalDraft.text.trim() === "" ? s.text : finalDraft.text)
    },
  }
}
