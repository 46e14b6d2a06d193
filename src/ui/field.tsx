/** One labelled form control: the label text above the control, the whole block clickable. */
import type { ReactNode } from "react"

export function Field(props: { label: ReactNode; children: ReactNode; className?: string; testid?: string }) {
  return (
    <label className={props.className ? `field ${props.className}` : "field"} data-testid={props.testid}>
      <span className="label">{props.label}</span>
      {props.children}
    </label>
  )
}
