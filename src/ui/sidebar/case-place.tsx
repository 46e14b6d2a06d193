/**
 * The case's 网点/公司/片区 for the ladder and the scripts' 【网点名称】: the one saved on the case, else
 * what the page says (a labelled field or the ticket's text, matched against the directory); and the
 * 升级 tab's picker to confirm or change it from the directory.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useMemo, useState } from "react"

import type { CaseRecord } from "~lib/cases/model"
import { directoryPlaces, placeFromPage, type CasePlace, type PagePlace } from "~lib/escalation/case-place"

import { T, useT } from "../locale"
import { useServices } from "../services"

export interface CasePlaceState {
  /** What the ladder and the scripts use now. */
  involved: CasePlace | undefined
  source: "stored" | "page" | "none"
  page: PagePlace
}

const filled = (p: CasePlace | undefined) => !!(p && (p.branch || p.company || p.region))

export function useCasePlace(
  record: CaseRecord | undefined,
  field: string | undefined,
  text: string,
): CasePlaceState {
  const { store } = useServices()
  const contacts = useLiveQuery(() => store.listContacts(), [store])
  const page = useMemo(() => placeFromPage({ field, text }, contacts ?? []), [field, text, contacts])
  if (filled(record?.involved)) return { involved: record?.involved, source: "stored", page }
  if (page.kind === "field" || page.kind === "text") return { involved: page.place, source: "page", page }
  return { involved: undefined, source: "none", page }
}

const labelOf = (p: CasePlace | undefined) => [p?.branch, p?.company, p?.region].filter(Boolean).join(" · ")

/** The 升级 tab's line: where the case is, where that came from, and a picker from the directory. */
export function CasePlacePicker(props: {
  state: CasePlaceState
  disabled: boolean
  onSave: (place: CasePlace) => Promise<void>
}) {
  const { state, disabled, onSave } = props
  const { store } = useServices()
  const t = useT()
  const contacts = useLiveQuery(() => store.listContacts(), [store])
  const places = useMemo(() => directoryPlaces(contacts ?? []), [contacts])
  const [editing, setEditing] = useState(false)
  const [choice, setChoice] = useState("")
  const [error, setError] = useState<string | null>(null)
  const open = editing || state.source === "none"

  const save = (place: CasePlace) => {
    setError(null)
    const clean: CasePlace = {}
    if (place.branch) clean.branch = place.branch
    if (place.company) clean.company = place.company
    if (place.region) clean.region = place.region
    onSave(clean).then(
      () => setEditing(false),
      () => setError(t("placeSaveFailed")),
    )
  }

  return (
    <div className="case-place" data-testid="case-place" data-source={state.source}>
      <div className="row">
        <span className="label">
          <T k="placeLabel" />
        </span>
        {state.involved ? (
          <strong data-testid="case-place-value">{labelOf(state.involved)}</strong>
        ) : (
          <span className="muted" data-testid="case-place-value">
            <T k="placeUnknown" />
          </span>
        )}
        {state.source === "page" && (
          <span className="muted small-text" data-testid="case-place-origin">
            <T k={state.page.kind === "field" ? "placeFromField" : "placeFromText"} />
          </span>
        )}
        <span className="spacer" />
        {state.source === "page" && state.involved && (
          <button
            type="button"
            className="small"
            data-testid="case-place-confirm"
            disabled={disabled}
            onClick={() => state.involved && save(state.involved)}
          >
            <T k="placeConfirm" />
          </button>
        )}
        {!open && (
          <button
            type="button"
            className="small"
            data-testid="case-place-change"
            onClick={() => setEditing(true)}
          >
            <T k="placeChange" />
          </button>
        )}
      </div>
      {state.source !== "stored" && state.page.kind === "ambiguous" && (
        <div className="row small-text" data-testid="case-place-choices">
          <span className="muted">
            <T k="placeSeveral" />
          </span>
          {state.page.choices.map((p) => (
            <button
              key={p.label}
              type="button"
              className="small"
              data-testid="case-place-choice"
              disabled={disabled}
              onClick={() => save(p)}
            >
              {p.branch ?? p.company ?? p.region}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault()
            const p = places[Number(choice)]
            if (p) save(p)
          }}
        >
          <select
            data-testid="case-place-select"
            aria-label={t("placePick")}
            value={choice}
            disabled={disabled || places.length === 0}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{places.length ? t("placePick") : t("placeNoDirectory")}</option>
            {places.map((p, i) => (
              <option key={p.label} value={String(i)}>
                {p.label}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="small"
            data-testid="case-place-save"
            disabled={disabled || choice === ""}
          >
            <T k="placeSave" />
          </button>
          {editing && (
            <button type="button" className="small" onClick={() => setEditing(false)}>
              <T k="cancel" />
            </button>
          )}
        </form>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </div>
  )
}
