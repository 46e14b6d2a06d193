/**
 * The escalation ladder (阶梯联系, manual 九) for the current case: which level to contact now and
 * whom, what to say, and a log of every attempt (做好跟踪工作).
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useState } from "react"

import type { CaseRecord, CaseState, CaseType, ContactAttempt } from "~lib/cases/model"
import type { CasePlace } from "~lib/escalation/case-place"
import { nextEscalation } from "~lib/escalation/next-escalation"
import { renderScript } from "~lib/scripts/render"
import { varsFromContext } from "~lib/scripts/slots"
import type { AgentProfile } from "~lib/store/contract"

import { T } from "../locale"
import { useServices } from "../services"
import { AttemptForm, useAttemptContact } from "./attempt-form"
import { AttemptLog } from "./attempt-log"
import { CasePlacePicker, type CasePlaceState } from "./case-place"
import { EscalationAdvice, EscalationScript, LadderSteps } from "./escalation-advice"
import { NextContacts } from "./next-contacts"

/** Waiting times move on their own: re-advise this often. */
const TICK_MS = 30_000

export function EscalationPanel(props: {
  waybill: string | null
  caseType: CaseType
  record: CaseRecord | undefined
  profile: AgentProfile | undefined
  /** Outside-complaint threats and repeat contact read from the ticket: they shorten the windows. */
  customer?: CaseState["customer"]
  /** The case's 网点/公司/片区 (saved, or from the page) and how to save the agent's pick. */
  place?: CasePlaceState
  onPlace?: (place: CasePlace) => Promise<void>
}) {
  const { waybill, caseType, record, profile, customer, place, onPlace } = props
  const involved = place ? place.involved : record?.involved
  const { store, now } = useServices()
  const [at, setAt] = useState(now)
  const attempt = useAttemptContact()

  useEffect(() => {
    const timer = setInterval(() => setAt(now()), TICK_MS)
    return () => clearInterval(timer)
  }, [now])

  const attempts = useLiveQuery(
    () => (waybill ? store.listAttempts(waybill) : Promise.resolve([] as ContactAttempt[])),
    [store, waybill],
  )
  const contacts = useLiveQuery(() => store.listContacts(), [store])

  if (!waybill)
    return (
      <p className="muted" data-testid="escalation-panel">
        <T k="problemNoWaybill" />
      </p>
    )
  if (!attempts || !contacts)
    return (
      <p className="muted" data-testid="escalation-panel">
        <T k="loading" />
      </p>
    )

  const advice = nextEscalation(
    { waybill, caseType, involved, attempts, customer },
    contacts,
    Math.max(at, now()),
  )
  const script = renderScript(
    advice.scriptId,
    varsFromContext({
      profile,
      waybill: { number: waybill },
      case: { customerName: record?.customerName, ...involved },
      contact: { name: attempt.contact.name || advice.contacts[0]?.contact.name },
    }),
  )

  return (
    <section className="escalation" data-testid="escalation-panel">
      {place && onPlace && <CasePlacePicker state={place} disabled={!waybill} onSave={onPlace} />}
      <LadderSteps level={advice.level} />
      <EscalationAdvice advice={advice} />
      {script.ok && <EscalationScript text={script.text} />}
      <NextContacts
        ranked={advice.contacts}
        directoryLoaded={contacts.length > 0}
        onChoose={attempt.choose}
      />
      <AttemptForm
        waybill={waybill}
        level={advice.level}
        profile={profile}
        attempt={attempt}
        onLogged={() => setAt(now())}
      />
      <AttemptLog attempts={attempts} />
    </section>
  )
}
