/** The case status as a labelled select (开放 / 等待 / 已解决), in the case panel and the handoff form. */
import { CASE_STATUSES, type CaseStatus } from "~lib/cases/model"

import { Field } from "../field"
import type { StringKey } from "../i18n"
import { T, useT } from "../locale"

export const STATUS_KEYS: Record<CaseStatus, StringKey> = {
  open: "statusOpen",
  waiting: "statusWaiting",
  resolved: "statusResolved",
}

export function CaseStatusSelect(props: {
  value: CaseStatus
  onChange: (status: CaseStatus) => void
  testid: string
  disabled?: boolean
  /** The field's layout class ("inline" beside the save button). */
  className?: string
}) {
  const t = useT()
  return (
    <Field label={<T k="caseStatus" />} className={props.className}>
      <select
        data-testid={props.testid}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as CaseStatus)}
      >
        {CASE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(STATUS_KEYS[status])}
          </option>
        ))}
      </select>
    </Field>
  )
}
