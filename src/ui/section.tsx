/** A titled section of an extension page; its heading names it for screen readers (aria-labelledby). */
import type { ReactNode } from "react"

export function Section(props: {
  /** The heading's id. */
  id: string
  title: ReactNode
  className?: string
  testid?: string
  children: ReactNode
}) {
  return (
    <section aria-labelledby={props.id} className={props.className} data-testid={props.testid}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  )
}
