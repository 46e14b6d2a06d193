/** What the rule and checklist workbenches share: the "edited" mark and the publish row. */
import type { ReactNode } from "react"

import { T } from "../locale"
import { StatusBox, type Status } from "../status-box"

/** " (已修改)" after the version or description while the form differs from what is published. */
export function EditedMark({ dirty }: { dirty: boolean }) {
  return dirty ? (
    <>
      {" "}
      <T k="qaEdited" />
    </>
  ) : null
}

/** The publish button (and any buttons beside it), then the publish answer. */
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
