/**
 * The handoff form's unsaved draft, kept per waybill in extension storage: loaded when the waybill
 * changes (or a fresh one), written shortly after typing stops, flushed at once when the waybill
 * changes, the form unmounts or the page goes away. Nothing typed is lost to a closed sidebar.
 */
import { useCallback, useEffect, useRef, useState } from "react"

import { draftKey, EMPTY_DRAFT, isDraftEmpty, readStoredDraft, type NoteDraft } from "~lib/ui-logic/drafts"

import { useServices } from "../services"

/** How long typing must pause before the draft is written. */
const DRAFT_SAVE_DELAY_MS = 300

export interface StoredDraft {
  draft: NoteDraft
  setDraft: (update: NoteDraft | ((d: NoteDraft) => NoteDraft)) => void
  /** The waybill whose stored draft is loaded (null while loading): writes wait for it. */
  loadedFor: string | null
  /** Drops the stored copy and any write still waiting (after the note is saved). */
  forget(): void
}

/** `fresh` gives the draft a waybill starts with when none is stored (read when the waybill changes). */
export function useStoredDraft(waybill: string | null, fresh: () => NoteDraft): StoredDraft {
  const { platform, now } = useServices()
  const [draft, setDraft] = useState<NoteDraft>(EMPTY_DRAFT)
  const [loadedFor, setLoadedFor] = useState<string | null>(null)
  const freshRef = useRef(fresh)
  freshRef.current = fresh

  // Load this waybill's draft (or start a fresh one).
  useEffect(() => {
    let cancelled = false
    setLoadedFor(null)
    if (!waybill) {
      setDraft(EMPTY_DRAFT)
      return
    }
    const start = freshRef.current()
    platform.storageGet(draftKey(waybill)).then(
      (value) => {
        if (cancelled) return
        setDraft(readStoredDraft(value, now()) ?? start)
        setLoadedFor(waybill)
      },
      () => {
        if (cancelled) return
        setDraft(start)
        setLoadedFor(waybill)
      },
    )
    return () => {
      cancelled = true
    }
  }, [waybill, platform, now])

  // Persist shortly after typing stops; flush at once when the waybill changes or we unmount.
  const pending = useRef<{ key: string; draft: NoteDraft } | null>(null)
  const flush = useCallback(() => {
    const p = pending.current
    if (!p) return
    pending.current = null
    const write = isDraftEmpty(p.draft)
      ? platform.storageRemove(p.key)
      : platform.storageSet(p.key, { savedAt: now(), draft: p.draft })
    write.catch(() => undefined) // storage full or gone: the form still holds the text
  }, [platform, now])

  useEffect(() => {
    if (!waybill || loadedFor !== waybill) return
    pending.current = { key: draftKey(waybill), draft }
    const timer = setTimeout(flush, DRAFT_SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft, loadedFor, waybill, flush])

  useEffect(() => () => flush(), [waybill, flush])

  useEffect(() => {
    window.addEventListener("pagehide", flush)
    return () => window.removeEventListener("pagehide", flush)
  }, [flush])

  const forget = useCallback(() => {
    pending.current = null
    if (waybill) platform.storageRemove(draftKey(waybill)).catch(() => undefined)
  }, [platform, waybill])

  return { draft, setDraft, loadedFor, forget }
}
