/** A labelled single-line input that hands its text over on every change. */
import type { InputHTMLAttributes, ReactNode, Ref } from "react"

import { Field } from "./field"

export function TextField({
  label,
  value,
  onValue,
  testid,
  fieldClassName,
  inputRef,
  ...input
}: {
  label: ReactNode
  value: string
  onValue: (value: string) => void
  testid: string
  /** The field's layout class ("wide", "inline"). */
  fieldClassName?: string
  inputRef?: Ref<HTMLInputElement>
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  return (
    <Field label={label} className={fieldClassName}>
      <input
        ref={inputRef}
        data-testid={testid}
        value={value}
        {...input}
        onChange={(e) => onValue(e.currentTarget.value)}
      />
    </Field>
  )
}
