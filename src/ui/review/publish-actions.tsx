/** The workbenches' publish button (and any buttons beside it), then the publish answer. */
import type { ReactNode } from "react"

import { T } from "../locale"
import { StatusBox, type Status } from "../status-box"

export function PublishActions(props: {
  testid: string
  /** Schema errors, failing examples or nothing changed: nothing to publish. */
  disabled: boolean
  onPublish: () => void
  status: Status | null
  statusTestid: string
  problemsTestid?: string
  /** Buttons after Publish (e.g. reset the edit). */
  children?: ReactNode
}) {
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid={props.testid}
          disabled={props.disabled}
          onClick={props.onPublish}
        >
          <T k="qaPublish" />
        </button>
        {props.children}
      </div>
      <StatusBox status={props.status} testid={props.statusTestid} problemsTestid={props.problemsTestid} />
    </>
  )
}
