/**
 * The handoff blocks read from the ticket page, parsed and checked against the team key here in the
 * extension page (the content script only sends raw text). A verified takeover of one of this agent's
 * own notes drops the pending reminder on this machine.
 */
import { useEffect, useMemo, useRef, useState } from "react"

import type { CaseRecord, HandoffNote } from "~lib/cases/model"
import { parseBlocks } from "~lib/handoff/block"
import { type CheckedBlock, mergeTimeline, parseAuthorLine, type TimelineEntry } from "~lib/handoff/note"
import { verifyBlock } from "~lib/handoff/sign"

import { callBackground } from "../background"
import { useServices } from "../services"

/**
 * Parses and verifies the page's block texts; null until the first result. `teamKey` is the loaded
 * settings' key (the handoff tab is shown only once settings are loaded: a key still loading would
 * make a block signed with our own key show as "no key here").
 */
export function useCheckedBlocks(
  texts: readonly string[] | undefined,
  waybill: string | null,
  teamKey: string | undefined,
): CheckedBlock[] | null {
  const [checked, setChecked] = useState<CheckedBlock[] | null>(null)
  useEffect(() => {
    let cancelled = false
    const blocks = (texts ?? []).flatMap((t) => parseBlocks(t))
    void Promise.all(
      blocks.map(async (block) => ({ block, verification: await verifyBlock(block, teamKey, waybill) })),
    ).then(
      (result) => {
        if (!cancelled) setChecked(result)
      },
      () => {
        if (!cancelled) setChecked([])
      },
    )
    return () => {
      cancelled = true
    }
  }, [texts, waybill, teamKey])
  return checked
}

/** The merged timeline of local notes and blocks read from the ticket. */
export function useTimeline(notes: readonly HandoffNote[] | undefined, checked: CheckedBlock[] | null) {
  return useMemo(() => mergeTimeline(notes ?? [], checked ?? []), [notes, checked])
}

/**
 * Drops the case's pending reminder once `takenOver` holds (a colleague's verified takeover of the note
 * that set it): the case is the colleague's now. Returns whether one was dropped. Shared by the ticket's
 * blocks and the team server's entries.
 */
export function useDropReminderWhen(record: CaseRecord | undefined, takenOver: boolean): boolean {
  const { store, platform } = useServices()
  const [dropped, setDropped] = useState(false)
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )
  useEffect(() => {
    if (!record || record.callbackAt === undefined || !takenOver) return
    // Not cancelled when the record changes (it does, by this very write).
    store
      .upsertCase({ waybill: record.waybill, callbackAt: undefined })
      .then(() => {
        if (mounted.current) setDropped(true)
        return callBackground(platform, "callbacks.sync", {})
      })
      .catch(() => undefined)
  }, [record, takenOver, store, platform])
  return dropped
}

/**
 * When the ticket shows a verified takeover of a note this machine wrote (by someone else), the
 * reminder it set here is dropped. Returns whether one was dropped.
 */
export function useDropTakenOverReminders(
  entries: readonly TimelineEntry[],
  record: CaseRecord | undefined,
  me: { workId: string; name: string } | undefined,
): boolean {
  const takenOver =
    record?.callbackAt !== undefined &&
    me !== undefined &&
    entries.some((e) => {
      if (!e.local || e.takenOver?.verification !== "verified") return false
      if (e.local.callbackAt !== record.callbackAt) return false
      const by = parseAuthorLine(e.takenOver.block.fields.author)
      // Our own takeover of it (posted from here) does not cancel our reminder.
      return !(me.workId && by.workId === me.workId)
    })
  return useDropReminderWhen(record, takenOver)
}
