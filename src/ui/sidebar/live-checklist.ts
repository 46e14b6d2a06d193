/**
 * Glue for the live checklist: the conversation record of this ticket (sent replies recorded here),
 * the draft scored as the next agent turn, and insertion of the missing sentence.
 */
import { useCallback, useDeferredValue, useMemo } from "react"

import { openChecklistItems, type OpenItem } from "~lib/qa/live"
import { varsFromContext } from "~lib/scripts/slots"
import type { AgentProfile } from "~lib/store/contract"

import type { PhrasingSession } from "./phrasing-session"
import type { usePageConnection } from "./use-page-connection"
import { useConversation } from "./use-conversation"

export interface LiveChecklist {
  open: OpenItem[]
  recorded: number
  vars: Record<string, string>
  insert(text: string, at: "start" | "caret"): Promise<boolean>
  error: unknown
}

export function useLiveChecklist(props: {
  page: ReturnType<typeof usePageConnection>
  session: PhrasingSession
  site: string
  url: string | null
  waybill: string | null
  profile?: AgentProfile
}): LiveChecklist {
  const { page, session, profile } = props
  const agent = useMemo(
    () => ({
      workId: profile?.workId ?? "",
      name: profile?.name || undefined,
      company: profile?.company || undefined,
    }),
    [profile?.workId, profile?.name, profile?.company],
  )
  const { turns, recorded, error } = useConversation(
    { site: props.site, page: props.url, waybill: props.waybill, agent },
    page.onSent,
    session.book,
  )
  // Deferred: the phrasing findings of a keystroke render first, the checklist right after.
  const text = useDeferredValue(page.draft?.text ?? "")
  const open = useMemo(
    () =>
      openChecklistItems(
        turns ?? [],
        text,
        {
          ...(agent.company ? { companyName: agent.company } : {}),
          ...(agent.workId ? { agentId: agent.workId } : {}),
        },
        session.book,
      ),
    [turns, text, agent, session.book],
  )
  const vars = useMemo(
    () => varsFromContext({ profile: agent, waybill: { number: props.waybill ?? undefined } }),
    [agent, props.waybill],
  )
  const { edit, draft } = page
  const insert = useCallback(
    async (sentence: string, at: "start" | "caret") => {
      if (at === "caret" || !draft) return session.insert(sentence)
      const outcome = await edit({
        type: "replace-range",
        editorId: draft.editorId,
        revision: draft.revision,
        start: 0,
        end: 0,
        expected: "",
        text: sentence,
      })
      return outcome.ok
    },
    [edit, draft, session],
  )
  return { open, recorded, vars, insert, error }
}
