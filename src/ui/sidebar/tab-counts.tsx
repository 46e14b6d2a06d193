/**
 * What each sidebar tab has waiting, as a live count on the tab (so the agent sees the sidebar has
 * something while working in the CRM): 交接 = callbacks past their time, 话术 = findings (and open
 * checklist items), 升级 = a ladder step that is due now. Also: the switch to 话术 when the reply box
 * shows new findings, unless the agent is typing in the sidebar.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useRef, useState } from "react"

import type { CaseRecord, CaseState, CaseType, ContactAttempt } from "~lib/cases/model"
import { nextEscalation, type EscalationAdvice } from "~lib/escalation/next-escalation"

import type { StringKey } from "../i18n"
import { useT } from "../locale"
import { useServices } from "../services"

const MINUTE = 60_000

/** A count badge for one tab; nothing when there is nothing to count. */
export function TabCount(props: { tab: string; n: number; titleKey: StringKey }) {
  const t = useT()
  if (props.n <= 0) return null
  const title = t(props.titleKey, { n: props.n })
  return (
    <span className="tab-count" data-testid={`tab-${props.tab}-count`} title={title} aria-label={title}>
      {props.n}
    </span>
  )
}

/** The current time, refreshed every minute (callbacks and ladder windows pass while the tab is open). */
function useMinuteClock(now: () => number): number {
  const [at, setAt] = useState(now)
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), MINUTE)
    return () => clearInterval(timer)
  }, [now])
  return at
}

/** True when the ladder says to act now for a case already being escalated (not before any attempt). */
export function ladderDue(
  advice: Pick<EscalationAdvice, "decision" | "waitBeforeRetryMs">,
  attempts: number,
): boolean {
  if (attempts === 0) return false
  if (advice.decision === "escalate") return true
  return (advice.decision === "retry" || advice.decision === "wait") && advice.waitBeforeRetryMs === 0
}

/** Live counts for the handoff and escalation tabs. */
export function useTabCounts(props: {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  attempts: ContactAttempt[] | undefined
  customer: CaseState["customer"]
}): { handoff: number; escalation: number } {
  const { store, now } = useServices()
  const at = useMinuteClock(now)
  const due = useLiveQuery(() => store.listDueCallbacks(at), [store, at])
  const contacts = useLiveQuery(() => store.listContacts(), [store])
  let escalation = 0
  const { waybill, attempts } = props
  if (waybill && attempts && contacts) {
    const advice = nextEscalation(
      {
        waybill,
        caseType: props.caseType,
        involved: props.record?.involved,
        attempts,
        customer: props.customer,
      },
      contacts,
      at,
    )
    if (ladderDue(advice, attempts.length)) escalation = 1
  }
  return { handoff: due?.length ?? 0, escalation }
}

/**
 * True when the agent is working in the sidebar itself: it has focus (a click on 写入工单 or 插入 put
 * text into the box, the agent did not type it there), or a field of ours has it.
 */
function workingInSidebar(doc: Document): boolean {
  if (doc.hasFocus()) return true
  const el = doc.activeElement as HTMLElement | null
  if (!el || el === doc.body) return false
  return (
    el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable
  )
}

/**
 * Switches to 话术 when findings appear for the reply box (none → some, or another box) while the agent
 * works in the CRM's page, not in the sidebar (typing in it, or a click of ours that wrote the text). Only on that change: an agent who goes back to
 * another tab is not pulled away again while the same findings stay.
 */
export function useSwitchToFindings(props: {
  editorId: string | null
  findings: number
  active: boolean
  open(): void
}): void {
  const last = useRef<{ editorId: string | null; findings: number }>({ editorId: null, findings: 0 })
  const open = useRef(props.open)
  open.current = props.open
  useEffect(() => {
    const prev = last.current
    last.current = { editorId: props.editorId, findings: props.findings }
    if (props.editorId === null || props.findings === 0 || props.active) return
    const appeared = prev.findings === 0 || prev.editorId !== props.editorId
    if (appeared && !workingInSidebar(document)) open.current()
  }, [props.editorId, props.findings, props.active])
}
