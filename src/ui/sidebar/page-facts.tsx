/**
 * The customer's facts read from the ticket page (name, phone, addresses, latest scan), shown above
 * the handoff form that they prefill. The phone is masked until the agent asks to see it.
 */
import { useEffect, useState } from "react"

import { type CustomerFacts, maskPhone, scanLine } from "~lib/page/facts"

import type { StringKey } from "../i18n"
import { T } from "../locale"
import { CopyButton } from "../copy-button"

const ADDRESS_KEYS: Record<CustomerFacts["addresses"][number]["kind"], StringKey> = {
  to: "factsAddressTo",
  from: "factsAddressFrom",
  other: "factsAddress",
}

function Row(props: { label: StringKey; testid: string; children: React.ReactNode }) {
  return (
    <div className="fact" data-testid={props.testid}>
      <span className="label">
        <T k={props.label} />
      </span>{" "}
      {props.children}
    </div>
  )
}

export function PageFacts({ facts }: { facts: CustomerFacts }) {
  const [shown, setShown] = useState(false)
  // Another customer's phone starts hidden again.
  useEffect(() => setShown(false), [facts.phone])
  if (!facts.name && !facts.phone && facts.addresses.length === 0 && !facts.latest) return null
  return (
    <section className="page-facts" data-testid="page-facts">
      <div className="label">
        <T k="factsTitle" />
      </div>
      {facts.name && (
        <Row label="factsCustomer" testid="fact-name">
          <span>{facts.name}</span>
        </Row>
      )}
      {facts.phone && (
        <Row label="factsPhone" testid="fact-phone">
          <code data-testid="fact-phone-value">{shown ? facts.phone : maskPhone(facts.phone)}</code>{" "}
          <button
            type="button"
            className="small link"
            data-testid="fact-phone-toggle"
            aria-pressed={shown}
            onClick={() => setShown((v) => !v)}
          >
            <T k={shown ? "factsHidePhone" : "factsShowPhone"} />
          </button>
          {shown && <CopyButton value={facts.phone} testid="fact-phone-copy" />}
        </Row>
      )}
      {facts.addresses.map((a) => (
        <Row key={`${a.kind}:${a.text}`} label={ADDRESS_KEYS[a.kind]} testid="fact-address">
          <span>{a.text}</span>
        </Row>
      ))}
      {facts.latest && (
        <Row label="factsLatest" testid="fact-latest">
          <span>{scanLine(facts.latest)}</span>
        </Row>
      )}
      <div className="muted small-text">
        <T k="factsHint" />
      </div>
    </section>
  )
}
