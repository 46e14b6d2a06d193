/**
 * The conversation record of the current ticket: every reply the CRM sends is stored (with the
 * customer's turns then on the page), and the turns so far feed the live checklist.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useMemo, useRef, useState } from "react"

import type { Phrasebook } from "~lib/phrasing/types"
import { conversationIdFor } from "~lib/qa/record"
import type { Turn } from "~lib/qa/types"

import { useServices } from "../services"
import type { SentMessage } from "./use-page-connection"

export interface ConversationContext {
  site: string
  page: string | null
  waybill: string | null
  agent: { workId: string; name?: string; company?: string }
}

/** Records sends and returns the turns so far (null while loading) and the last write error. */
export function useConversation(
  context: ConversationContext,
  subscribe: (listener: (m: SentMessage) => void) => () => void,
  /** The checklist's book: with team sync on, each send also queues the conversation's scorecard. */
  book?: Phrasebook,
): { turns: Turn[] | null; recorded: number; error: unknown } {
  const { now, conversations: store } = useServices()
  const [error, setError] = useState<unknown>(null)
  const ctx = useRef(context)
  ctx.current = context
  const bookRef = useRef(book)
  bookRef.current = book

  useEffect(
    () =>
      subscribe((message) => {
        const c = ctx.current
        if (!c.page) return
        store
          .recordSent(
            {
              site: c.site,
              page: c.page,
              waybill: c.waybill,
              agent: c.agent,
              text: message.draft.text,
              customer: message.customer,
              at: now(),
              via: message.via,
            },
            bookRef.current,
          )
          .then(
            () => setError(null),
            (e: unknown) => setError(e),
          )
      }),
    [subscribe, store, now],
  )

  const id = context.page ? conversationIdFor(context.site, context.page, context.waybill) : null
  const rows = useLiveQuery(() => (id ? store.listConversation(id) : Promise.resolve([])), [store, id])
  const turns = useMemo(() => rows?.map((r) => ({ role: r.role, text: r.text })) ?? null, [rows])
  return { turns, recorded: rows?.filter((r) => r.role === "agent").length ?? 0, error }
}
