/**
 * Glue for the 知识 tab: the pack in force, the outlet cards from the contact directory, suggestions
 * for the ticket, and the QA trail event for every card answer inserted.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useCallback, useMemo } from "react"

import { knowledgeInsertEvent } from "~lib/audit/knowledge"
import type { CaseType } from "~lib/cases/model"
import { outletCards } from "~lib/knowledge/outlets"
import type { KnowledgeHit } from "~lib/knowledge/search"
import type { KnowledgeCard } from "~lib/knowledge/types"

import { useServices } from "../services"
import { usePackInForce } from "../knowledge/use-knowledge-pack"
import { KnowledgePanel, useKnowledgeView, useSuggestions, type KnowledgeView } from "./knowledge-panel"

/** "YYYY-MM-DD" of a local date: the directory's outlet cards are in force from today. */
function localDay(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

export interface KnowledgeTabState {
  view: KnowledgeView
  suggestions: KnowledgeHit[]
}

/** Lives above the tabs so the tab label can show how many cards are suggested. */
export function useKnowledgeTab(props: { caseType: CaseType; caseText: string }): KnowledgeTabState {
  const { store, now } = useServices()
  const { pack, invalid } = usePackInForce()
  const contacts = useLiveQuery(() => store.listContacts().catch(() => []), [store])
  const outlets = useMemo(() => outletCards(contacts ?? [], localDay(now())), [contacts, now])
  const view = useKnowledgeView(pack, outlets, invalid)
  const suggestions = useSuggestions(view, props.caseType, props.caseText)
  return { view, suggestions }
}

/** Who and where, for the QA trail. */
export interface KnowledgeAuditContext {
  agentWorkId: string
  agentName: string
  site: string
  waybill?: string
}

export function KnowledgeTab(props: {
  state: KnowledgeTabState
  vars: Record<string, string>
  insert(text: string): Promise<boolean>
  audit: KnowledgeAuditContext
  onAuditError(error: unknown): void
}) {
  const { now, newId, audit: trail } = useServices()
  const { state, audit, onAuditError } = props
  const onInserted = useCallback(
    (card: KnowledgeCard, text: string) => {
      try {
        const event = knowledgeInsertEvent({
          id: newId(),
          at: now(),
          cardId: card.id,
          cardTitle: card.title,
          packVersion: state.view.pack.version,
          text,
          ...audit,
        })
        trail.addAuditEvents([event]).catch(onAuditError)
      } catch (error) {
        onAuditError(error)
      }
    },
    [newId, now, state.view.pack.version, audit, trail, onAuditError],
  )
  return (
    <KnowledgePanel
      view={state.view}
      suggestions={state.suggestions}
      vars={props.vars}
      insert={props.insert}
      onInserted={onInserted}
      autoFocus
    />
  )
}
