/**
 * The handoff note being written for one waybill: its stored draft (prefills land in empty fields only),
 * what keeps it from saving, and save / save-and-post. A failed save keeps the draft in the form and in
 * storage; nothing is half-written (one transaction).
 */
import { useEffect, useRef, useState } from "react"

import type { CaseRecord, CaseType, HandoffNote } from "~lib/cases/model"
import { cleanContent, renderBlock } from "~lib/handoff/block"
import { noteToBlock } from "~lib/handoff/note"
import { signBlock } from "~lib/handoff/sign"
import type { AgentProfile } from "~lib/store/contract"
import { EMPTY_DRAFT, type NoteDraft } from "~lib/ui-logic/drafts"
import { buildNote, draftAfterSave, noteBodyEmpty, type NoteProblem } from "~lib/ui-logic/note-form"

import { callBackground } from "../background"
import { errorMessage, useLocale } from "../locale"
import { useServices } from "../services"
import type { Feedback } from "./handoff-feedback"
import type { PostResult } from "./handoff-post"
import { useStoredDraft } from "./use-stored-draft"

/** Values handed over from another tab (e.g. the reply promised a callback); `token` makes each one new. */
export interface HandoffPrefill {
  token: number
  promise?: string
  callbackLocal?: string
  /** Read from the ticket page (page-facts.tsx): they fill only fields the agent left empty. */
  customerName?: string
  customerContact?: string
  actionsTaken?: string
}

export interface HandoffNoteInput {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  /** Undefined while settings load: saving waits, so no note goes out unsigned by accident. */
  profile: AgentProfile | undefined
  pageUrl?: string
  prefill?: HandoffPrefill | null
  /** Inserts a block into the CRM's internal note box (absent: no Post button, e.g. in tests). */
  post?: (text: string) => Promise<PostResult>
  teamKey?: string
  /** The newest note of this waybill written here: posted when the form is empty. */
  latestNote?: HandoffNote
}

const orPrefill = (typed: string, given: string | undefined) => (typed.trim() ? typed : (given ?? typed))

/** Renders a saved note as the block written into the ticket, signed with the team key if set. */
export async function blockTextFor(note: HandoffNote, teamKey: string | undefined): Promise<string> {
  const content = cleanContent(noteToBlock(note))
  return renderBlock(content, await signBlock(content, teamKey || undefined))
}

export function useHandoffNote(input: HandoffNoteInput) {
  const { waybill, caseType, record, profile, pageUrl, prefill, post, teamKey, latestNote } = input
  const { store, platform, now, newId } = useServices()
  const locale = useLocale()
  const [problems, setProblems] = useState<NoteProblem[]>([])
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [saving, setSaving] = useState(false)
  const [remindMe, setRemindMe] = useState(false)
  const [allowNoCallback, setAllowNoCallback] = useState(false)
  const recordRef = useRef(record)
  recordRef.current = record

  // The draft of this waybill (a fresh one starts with the case's current status); a new waybill clears
  // what the form said about the last one.
  const { draft, setDraft, loadedFor, forget } = useStoredDraft(waybill, () => ({
    ...EMPTY_DRAFT,
    status: recordRef.current?.status ?? "open",
  }))
  useEffect(() => {
    setProblems([])
    setFeedback(null)
  }, [waybill])

  // A prefill lands once the waybill's draft is loaded, without overwriting what the agent typed.
  const applied = useRef<number | null>(null)
  useEffect(() => {
    if (!prefill || applied.current === prefill.token || !waybill || loadedFor !== waybill) return
    applied.current = prefill.token
    setDraft((d) => ({
      ...d,
      promise: d.promise.trim() ? d.promise : (prefill.promise ?? ""),
      customerName: orPrefill(d.customerName, prefill.customerName),
      customerContact: orPrefill(d.customerContact, prefill.customerContact),
      actionsTaken: orPrefill(d.actionsTaken, prefill.actionsTaken),
      callbackLocal: prefill.callbackLocal ?? d.callbackLocal,
    }))
  }, [prefill, waybill, loadedFor])

  /** One field edited: the last problems and success go; a changed promise or callback asks again. */
  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setProblems([])
    setFeedback((f) => (f?.kind === "saved" || f?.kind === "posted" ? null : f))
    if (key === "promise" || key === "callbackLocal") setAllowNoCallback(false)
  }

  const postNote = async (note: HandoffNote) => {
    if (!post) return
    const result = await post(await blockTextFor(note, teamKey))
    if (result.kind === "inserted") setFeedback({ kind: "posted" })
    else if (result.kind === "error") setFeedback({ kind: "post-error", key: result.message })
  }

  const save = async (andPost = false, noCallbackOk = allowNoCallback) => {
    if (saving || !waybill || loadedFor !== waybill || !profile) return
    // Post with no note in the form (the customer's name and contact prefilled from the page are no
    // note): the newest note written here goes into the ticket.
    if (andPost && noteBodyEmpty(draft) && latestNote) {
      setSaving(true)
      setFeedback(null)
      await postNote(latestNote)
      setSaving(false)
      return
    }
    const result = buildNote(draft, {
      id: newId(),
      now: now(),
      waybill,
      author: { name: profile.name, workId: profile.workId },
      caseType,
      pageUrl,
      allowNoCallback: noCallbackOk,
      remindMe,
      self: [profile.name, profile.workId],
    })
    if (!result.ok) {
      setProblems(result.problems)
      return
    }
    setSaving(true)
    setFeedback(null)
    try {
      await store.addNote(result.note)
    } catch (error) {
      // Nothing was written (one transaction); the draft stays in the form and in storage.
      setFeedback({ kind: "error", message: errorMessage(error, locale) })
      setSaving(false)
      return
    }
    const next = draftAfterSave(draft)
    setDraft(next)
    forget()
    setFeedback({ kind: "saved" })
    setAllowNoCallback(false)
    setRemindMe(false)
    if (result.note.callbackAt !== undefined && result.note.remind !== false) {
      try {
        await callBackground(platform, "callbacks.sync", {})
      } catch {
        setFeedback({ kind: "warning", key: "reminderFailed" })
      }
    }
    if (andPost) await postNote(result.note)
    setSaving(false)
  }

  return {
    draft,
    set,
    /** The waybill's draft is loaded and the profile known: the form may be used. */
    ready: Boolean(waybill) && loadedFor === waybill && Boolean(profile),
    problems,
    feedback,
    saving,
    remindMe,
    setRemindMe,
    save,
    /** The agent confirmed the promise needs no callback: the next save does not ask again. */
    saveWithoutCallback: () => {
      setAllowNoCallback(true)
      setProblems([])
    },
  }
}
