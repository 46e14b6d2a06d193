/** The current waybill, its carrier, the other numbers on the page and a field to type one in. */
import { useState, type FormEvent } from "react"

import type { CarrierGuess, WaybillCandidate } from "~lib/protocol/types"
import { describeCarriers, percent } from "~lib/ui-logic/page"
import { parseWaybillInput } from "~lib/ui-logic/waybill-input"

import { CopyButton } from "../copy-button"
import { T, useT } from "../locale"

/** Pages with long histories list many numbers; the first few are the likely ones (ranked by the page). */
const FEW_CANDIDATES = 4

function CarrierLine({ carriers }: { carriers: readonly CarrierGuess[] }) {
  const shown = describeCarriers(carriers)
  if (shown.kind === "none")
    return (
      <div className="carrier muted" data-testid="waybill-carrier">
        <T k="carrierUnknown" />
      </div>
    )
  if (shown.kind === "sure")
    return (
      <div className="carrier" data-testid="waybill-carrier">
        {shown.carrier.name}
      </div>
    )
  return (
    <div className="carrier" data-testid="waybill-carrier" data-ambiguous="true">
      <span className="muted">
        <T k="carrierMaybe" />
      </span>{" "}
      {shown.candidates.map((c, i) => (
        <span key={c.code} className="carrier-guess">
          {i > 0 ? " · " : ""}
          {c.name} <span className="pct">{percent(c.confidence)}</span>
        </span>
      ))}
    </div>
  )
}

export function WaybillHeader(props: {
  waybill: string | null
  carriers: readonly CarrierGuess[]
  candidates: readonly WaybillCandidate[]
  onSelect: (number: string) => void
}) {
  const { waybill, carriers, candidates, onSelect } = props
  const t = useT()
  const [typed, setTyped] = useState("")
  const [invalid, setInvalid] = useState(false)
  const [showAll, setShowAll] = useState(false)
  // Collapsed to a count: a long history lists many numbers and the tabs must stay in view.
  const [showOthers, setShowOthers] = useState(false)
  const others = candidates.filter((c) => c.number !== waybill)
  const visible = showAll ? others : others.slice(0, FEW_CANDIDATES)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const number = parseWaybillInput(typed)
    setInvalid(number === null)
    if (number) {
      onSelect(number)
      setTyped("")
    }
  }

  return (
    <section className="waybill" aria-label={t("waybill")}>
      {waybill ? (
        <>
          <div className="waybill-row">
            <span className="label">
              <T k="waybill" />
            </span>
            <code className="waybill-number" data-testid="waybill-number">
              {waybill}
            </code>
            <CopyButton value={waybill} testid="waybill-copy" />
          </div>
          <CarrierLine carriers={carriers} />
        </>
      ) : (
        <div className="empty" data-testid="waybill-empty">
          <T k="noWaybill" />
          <div className="muted">
            <T k="noWaybillHint" />
          </div>
        </div>
      )}

      {/* One line: the other numbers as a count (opened on demand) and the field to type one in. */}
      <div className="waybill-tools">
        {others.length > 0 && (
          <button
            type="button"
            className="chip link"
            data-testid="waybill-others-toggle"
            aria-expanded={showOthers}
            title={t("otherNumbers")}
            onClick={() => setShowOthers((v) => !v)}
          >
            <T k="otherNumbersCount" values={{ n: others.length }} /> {showOthers ? "▴" : "▾"}
          </button>
        )}
        <form className="waybill-input" onSubmit={submit}>
          <input
            data-testid="waybill-input"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value)
              setInvalid(false)
            }}
            placeholder={t("enterWaybill")}
            aria-label={t("enterWaybill")}
            aria-invalid={invalid}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
          />
          <button type="submit" data-testid="waybill-go">
            <T k="go" />
          </button>
        </form>
      </div>

      {showOthers && others.length > 0 && (
        <div className="others" data-testid="waybill-others">
          <ul className="chips">
            {visible.map((c) => (
              <li key={c.number}>
                <button
                  type="button"
                  className="chip"
                  data-testid="waybill-candidate"
                  data-number={c.number}
                  title={c.label}
                  onClick={() => onSelect(c.number)}
                >
                  <code>{c.number}</code>
                  {c.carriers[0] && <span className="muted"> {c.carriers[0].name}</span>}
                </button>
              </li>
            ))}
            {others.length > FEW_CANDIDATES && (
              <li>
                <button
                  type="button"
                  className="chip link"
                  data-testid="waybill-candidates-toggle"
                  aria-expanded={showAll}
                  onClick={() => setShowAll((v) => !v)}
                >
                  {showAll ? <T k="showFewer" /> : <T k="showAll" values={{ n: others.length }} />}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
      {invalid && (
        <div className="error" role="alert">
          <T k="badWaybill" />
        </div>
      )}
    </section>
  )
}
