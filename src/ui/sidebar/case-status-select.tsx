/** The case status as a labelled select (开放 / 等待 / 已解决), in the case panel and the handoff form. */
import { CASE_STATUSES, type CaseStatus } from "~lib/cases/model"

import type { StringKey } from "../i18n"
import { T, useT } from "../locale"
import { SelectField } from "../select-field"

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
    <SelectField
      {...props}
      label={<T k="caseStatus" />}
      choices={CASE_STATUSES.map((status) => ({ value: status, label: t(STATUS_KEYS[status]) }))}
    />
  )
}
