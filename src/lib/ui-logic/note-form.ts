/** Turning the handoff form's draft into a `HandoffNote`, with checks the agent can act on. */
import type { AgentRef, CaseType, HandoffNote } from "../cases/model"
import { fromLocalInputValue } from "./callback-time"
import { EMPTY_DRAFT, type NoteDraft } from "./drafts"
import { detectPromise } from "./promise"

export interface NoteContext {
  id: string
  now: number
  waybill: string
  author: AgentRef
  caseType?: CaseType
  pageUrl?: string
  /** The agent said this promise needs no callback time (else a promise without one is a problem). */
  allowNoCallback?: boolean
  /** Handed to someone else, but the writer wants the reminder too. */
  remindMe?: boolean
  /** The agent's own name and work id: a handoff "to" them is not to someone else. */
  self?: string[]
}

/** Keys into the UI dictionary, so the form shows each problem in the agent's language. */
export type NoteProblem =
  "noWaybill" | "emptyNote" | "badCallback" | "callbackPast" | "tooLong" | "promiseNoCallback"

export type BuildNoteResult = { ok: true; note: HandoffNote } | { ok: false; problems: NoteProblem[] }

/** A callback more than this far in the past is almost certainly a typo (wrong day or year). */
const PAST_TOLERANCE_MS = 5 * 60_000
const SHORT_MAX = 200
const LONG_MAX = 20_000

const optional = (s: string) => (s.trim() ? s.trim() : undefined)

/**
 * No part of a note's body is filled in (problem, actions, contacts, promise, next step). The customer's
 * name and contact alone are no note: they are often prefilled from the ticket page.
 */
export function noteBodyEmpty(draft: NoteDraft): boolean {
  return noteBody(draft).every((s) => !s.trim())
}

const noteBody = (draft: NoteDraft): string[] => [
  draft.problem,
  draft.actionsTaken,
  draft.contacted,
  draft.promise,
  draft.nextStep,
]

/** Validates the draft and builds the note; the store validates again with the zod schema. */
export function buildNote(draft: NoteDraft, ctx: NoteContext): BuildNoteResult {
  const problems: NoteProblem[] = []
  if (!ctx.waybill) problems.push("noWaybill")
  const body = noteBody(draft)
  if (noteBodyEmpty(draft)) problems.push("emptyNote")
  let callbackAt: number | undefined
  if (draft.callbackLocal.trim()) {
    callbackAt = fromLocalInputValue(draft.callbackLocal)
    if (callbackAt === undefined) problems.push("badCallback")
    else if (callbackAt < ctx.now - PAST_TOLERANCE_MS) problems.push("callbackPast")
  }
  // 000 (七) / 2.1: a promise to get back to the customer needs a time to do it by.
  if (!draft.callbackLocal.trim() && !ctx.allowNoCallback && detectPromise(draft.promise))
    problems.push("promiseNoCallback")
  if (
    draft.handedTo.length > SHORT_MAX ||
    draft.customerName.length > SHORT_MAX ||
    draft.customerContact.length > SHORT_MAX ||
    body.some((s) => s.length > LONG_MAX)
  )
    problems.push("tooLong")
  if (problems.length) return { ok: false, problems }

  const note: HandoffNote = {
    id: ctx.id,
    waybill: ctx.waybill,
    createdAt: ctx.now,
    author: ctx.author,
    problem: draft.problem.trim(),
    actionsTaken: draft.actionsTaken.trim(),
    contacted: draft.contacted.trim(),
    promise: draft.promise.trim(),
    nextStep: draft.nextStep.trim(),
    status: draft.status,
  }
  const customerName = optional(draft.customerName)
  const customerContact = optional(draft.customerContact)
  if (customerName) note.customerName = customerName
  if (customerContact) note.customerContact = customerContact
  if (callbackAt !== undefined) note.callbackAt = callbackAt
  const handedTo = optional(draft.handedTo)
  if (handedTo) {
    note.handedTo = handedTo
    // Handed to someone else: the callback is theirs; no reminder here unless asked.
    const toSelf = (ctx.self ?? []).some((s) => s.trim() && s.trim() === handedTo)
    if (callbackAt !== undefined && !toSelf && !ctx.remindMe) note.remind = false
  }
  if (ctx.caseType) note.caseType = ctx.caseType
  if (ctx.pageUrl) note.pageUrl = ctx.pageUrl.slice(0, 2000)
  return { ok: true, note }
}

/** After a save: the customer stays (next note is about the same person), the rest is cleared. */
export function draftAfterSave(draft: NoteDraft): NoteDraft {
  return {
    ...EMPTY_DRAFT,
    customerName: draft.customerName,
    customerContact: draft.customerContact,
    status: draft.status,
  }
}
