/** Case type (detected from the ticket, editable) and case status for the current waybill. */
import { CASE_TYPE_LABELS, CASE_TYPES, URGENT_CASE_TYPES } from "~lib/cases/model"
import type { CaseRecord, CaseStatus, CaseType } from "~lib/cases/model"

import { T, useLocale, useT } from "../locale"
import type { UiLocale } from "~lib/settings"
import { Field } from "../field"
import { CaseStatusSelect } from "./case-status-select"

export function caseTypeText(type: CaseType, locale: UiLocale): string {
  const label = CASE_TYPE_LABELS[type]
  if (locale === "en") return label.en
  return locale === "zh-en" ? `${label.zh} ${label.en}` : label.zh
}

export function CasePanel(props: {
  waybill: string | null
  caseType: CaseType
  /** From the stored case (agent's choice or a saved note) or detected from the ticket text. */
  source: "stored" | "auto"
  matched: readonly string[]
  /** When the model is unsure: the two likeliest types, for the agent to pick. */
  unsure?: { confidence: number; choices: readonly CaseType[] }
  /** The customer threatened an outside complaint or contacted us again: urgent whatever the type. */
  urgentByCustomer?: boolean
  record: CaseRecord | undefined
  onCaseType: (type: CaseType) => void
  onStatus: (status: CaseStatus) => void
}) {
  const { waybill, caseType, source, matched, unsure, urgentByCustomer, record, onCaseType, onStatus } = props
  const locale = useLocale()
  const t = useT()
  const urgent = (record?.urgent ?? URGENT_CASE_TYPES.includes(caseType)) || Boolean(urgentByCustomer)
  const disabled = !waybill

  return (
    <section className="case" aria-label={t("caseType")}>
      <div className="field-row">
        <Field label={<T k="caseType" />}>
          <select
            data-testid="case-type"
            value={caseType}
            disabled={disabled}
            onChange={(e) => onCaseType(e.target.value as CaseType)}
          >
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {caseTypeText(type, locale)}
              </option>
            ))}
          </select>
        </Field>
        <CaseStatusSelect
          testid="case-status"
          value={record?.status ?? "open"}
          disabled={disabled}
          onChange={onStatus}
        />
      </div>
      <div className="case-meta">
        {urgent && (
          <span
            className="badge urgent"
            data-testid="case-urgent"
            title={urgentByCustomer ? t("urgentBecauseCustomer") : undefined}
          >
            <T k="urgent" />
          </span>
        )}
        <span className="muted small-text" data-testid="case-type-source" data-source={source}>
          <T k={source === "auto" ? "caseTypeAuto" : "caseTypeStored"} />
          {source === "auto" && matched.length > 0 && (
            <>
              {" · "}
              <T k="matchedWords" />: {matched.slice(0, 5).join("、")}
            </>
          )}
        </span>
      </div>
      {source === "auto" && unsure && unsure.choices.length > 1 && (
        <div className="notice small-text" data-testid="case-type-unsure">
          <T k="caseTypeUnsure" values={{ p: `${Math.round(unsure.confidence * 100)}%` }} />{" "}
          {unsure.choices.map((type) => (
            <button
              key={type}
              type="button"
              className="small"
              data-testid="case-type-choice"
              data-type={type}
              disabled={disabled}
              onClick={() => onCaseType(type)}
            >
              {caseTypeText(type, locale)}
            </button>
          ))}
        </div>
      )}
      {urgentByCustomer && (
        <p className="muted small-text" data-testid="case-urgent-reason">
          <T k="urgentBecauseCustomer" />
        </p>
      )}
    </section>
  )
}
