/** A labelled file picker for imports (the change handler does the reading; see file-import.ts). */
import type { ChangeEvent, Ref } from "react"

import { Field } from "./field"
import type { StringKey } from "./i18n"
import { T, useT } from "./locale"

export function FileField(props: {
  label: StringKey
  /** The input's `accept`: ".json,application/json", ".csv,text/csv". */
  accept: string
  testid: string
  onChange: (e: ChangeEvent<HTMLInputElement>) => void
  multiple?: boolean
  disabled?: boolean
  inputRef?: Ref<HTMLInputElement>
  /** Also name the input by the label's text (aria-label), for pages whose tests and readers look it up so. */
  named?: boolean
}) {
  const t = useT()
  return (
    <Field label={<T k={props.label} />}>
      <input
        ref={props.inputRef}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        data-testid={props.testid}
        aria-label={props.named ? t(props.label) : undefined}
        disabled={props.disabled}
        onChange={props.onChange}
      />
    </Field>
  )
}
