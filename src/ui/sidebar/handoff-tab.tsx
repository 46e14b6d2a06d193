/**
 * The 交接 tab: the handoff form, Post to ticket, and the timeline of this machine's notes merged with
 * the handoffs read from the ticket (issue 12), with 接手 (take over) on a colleague's handoff.
 */
import { useState } from "react"

import type { CaseRecord, CaseType, ContactAttempt, HandoffNote } from "~lib/cases/model"
import { cleanContent, renderBlock } from "~lib/handoff/block"
import { takeoverBlock, type TimelineEntry } from "~lib/handoff/note"
import { signBlock } from "~lib/handoff/sign"
import { siteCovers } from "~lib/page/origin"
import type { Settings } from "~lib/store/contract"

import { callBackground } from "../background"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import { HandoffForm, type HandoffPrefill } from "./handoff-form"
import { type PostError, usePostToTicket } from "./handoff-post"
import { NoteTimeline } from "./note-timeline"
import { useCheckedBlocks, useDropTakenOverReminders, useTimeline } from "./ticket-handoffs"
import type { usePageConnection } from "./use-page-connection"

const cut = (s: string | undefined, n: number) => (s ?? "").slice(0, n)

export function HandoffTab(props: {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  settings: Settings | undefined
  origin: string
  pageUrl?: string
  prefill: HandoffPrefill | null
  notes: HandoffNote[] | undefined
  attempts: ContactAttempt[]
  page: ReturnType<typeof usePageConnection>
}) {
  const { waybill, caseType, record, settings, origin, pageUrl, prefill, notes, attempts, page } = props
  const { store, platform, now, newId } = useServices()
  const locale = useLocale()
  const profile = settings?.profile
  const teamKey = settings?.teamKey || undefined
  // Exact origin first; a site enabled without a port covers every port of its host.
  const site =
    settings?.sites.find((s) => s.origin === origin) ??
    settings?.sites.find((s) => siteCovers(s.origin, origin))
  const { post, dialog } = usePostToTicket({ postHandoff: page.postHandoff, site, sites: settings?.sites })

  const checked = useCheckedBlocks(page.handoffTexts?.texts, waybill, teamKey)
  const { entries, otherWaybill } = useTimeline(waybill ? notes : [], waybill ? checked : [])
  const dropped = useDropTakenOverReminders(entries, record, profile)
  const takenHere = (notes ?? []).flatMap((n) => (n.takeoverOf ? [n.takeoverOf] : []))
  // listNotes is oldest first.
  const latestNote = notes?.length ? notes[notes.length - 1] : undefined

  const [confirming, setConfirming] = useState<TimelineEntry | null>(null)
  type Message = { ok: boolean; key: "postInserted" | PostError } | { ok: false; text: string }
  const [message, setMessage] = useState<Message | null>(null)

  const takeOver = async (entry: TimelineEntry, confirmed = false) => {
    const remote = entry.remote
    if (!remote || !waybill || !profile) return
    if (remote.verification !== "verified" && !confirmed) {
      setConfirming(entry)
      return
    }
    setConfirming(null)
    setMessage(null)
    const f = remote.block.fields
    const id = newId()
    const at = now()
    const note: HandoffNote = {
      id,
      waybill,
      createdAt: at,
      author: { name: profile.name, workId: profile.workId },
      problem: cut(f.problem, 20_000),
      actionsTaken: cut(f.actionsTaken, 20_000),
      contacted: cut(f.contacted, 20_000),
      promise: cut(f.promise, 20_000),
      nextStep: cut(f.nextStep, 20_000),
      takeoverOf: remote.block.id,
      status: "waiting",
      caseType,
    }
    if (f.customer) note.customerName = cut(f.customer, 200)
    if (remote.block.callbackAt !== undefined) note.callbackAt = remote.block.callbackAt
    if (pageUrl) note.pageUrl = pageUrl.slice(0, 2000)
    try {
      await store.addNote(note)
      await callBackground(platform, "callbacks.sync", {}).catch(() => undefined)
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error, locale) })
      return
    }
    const content = cleanContent(
      takeoverBlock({ id, at, author: note.author, original: remote.block, callbackAt: note.callbackAt }),
    )
    const result = await post(renderBlock(content, await signBlock(content, teamKey)))
    if (result.kind === "error") setMessage({ ok: false, key: result.message })
    else if (result.kind === "inserted") setMessage({ ok: true, key: "postInserted" })
  }

  return (
    <>
      <HandoffForm
        waybill={waybill}
        caseType={caseType}
        record={record}
        profile={profile}
        pageUrl={pageUrl}
        prefill={prefill}
        post={post}
        teamKey={teamKey}
        latestNote={latestNote}
      />
      {dialog}
      {dropped && (
        <div className="notice" data-testid="handoff-reminder-dropped">
          <T k="reminderDropped" />
        </div>
      )}
      {confirming && (
        <div className="notice" role="alertdialog" data-testid="handoff-takeover-ask">
          <p>
            <T k="takeOverUnverified" />
          </p>
          <div className="actions">
            <button
              type="button"
              data-testid="handoff-takeover-confirm"
              onClick={() => void takeOver(confirming, true)}
            >
              <T k="takeOverConfirm" />
            </button>
            <button type="button" className="primary" onClick={() => setConfirming(null)}>
              <T k="cancel" />
            </button>
          </div>
        </div>
      )}
      {message && (
        <div className={message.ok ? "ok" : "error"} data-testid="handoff-takeover-result">
          {"key" in message ? <T k={message.key} /> : message.text}
        </div>
      )}
      <NoteTimeline
        notes={waybill ? notes : []}
        attempts={waybill ? attempts : []}
        entries={entries}
        otherWaybill={otherWaybill}
        truncated={page.handoffTexts?.truncated ?? false}
        onTakeOver={(e) => void takeOver(e)}
        takenHere={takenHere}
      />
    </>
  )
}
