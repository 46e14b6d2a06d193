/** A labelled select whose choices are data: a value and its text each, optionally an empty first choice. */
import type { ReactNode } from "react"

import { Field } from "./field"

export interface Choice<V extends string> {
  value: V
  label: string
}

export function SelectField<V extends string>(props: {
  label: ReactNode
  value: V
  choices: readonly Choice<V>[]
  onChange: (value: V) => void
  testid: string
  disabled?: boolean
  /** The field's layout class (e.g. "inline"). */
  className?: string
  /** The text of an empty first choice ("all", "none"); choosing it gives "" (so V must allow it). */
  empty?: string
}) {
  return (
    <Field label={props.label} className={props.className}>
      <select
        data-testid={props.testid}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  )
}
