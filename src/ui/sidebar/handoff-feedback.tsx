/**
 * Under the handoff form: what keeps the note from being saved (with the fixes a promise without a
 * callback offers), the answer to the last save or post, or that the draft is kept.
 */
import type { NoteProblem } from "~lib/ui-logic/note-form"
import { toLocalInputValue } from "~lib/ui-logic/callback-time"

import { primary, type StringKey } from "../i18n"
import { T, useLocale } from "../locale"

export type Feedback =
  | { kind: "saved" }
  | { kind: "error"; message: string }
  | { kind: "warning"; key: StringKey }
  | { kind: "posted" }
  | { kind: "post-error"; key: StringKey }
  | null

const PROBLEM_KEYS: Record<NoteProblem, StringKey> = {
  noWaybill: "problemNoWaybill",
  emptyNote: "problemEmptyNote",
  badCallback: "problemBadCallback",
  callbackPast: "problemCallbackPast",
  tooLong: "problemTooLong",
  promiseNoCallback: "problemPromiseNoCallback",
}

export function HandoffFeedback(props: {
  problems: NoteProblem[]
  feedback: Feedback
  draftEmpty: boolean
  /** The callback time read from the promise, when there is one to offer. */
  promisedAt: number | undefined
  onCallback: (localValue: string) => void
  /** "Save without a callback": the agent confirms the promise needs none. */
  onNoCallback: () => void
}) {
  const { problems, feedback, promisedAt } = props
  const locale = useLocale()
  return (
    <div aria-live="polite" className="feedback">
      {problems.map((p) => (
        <div key={p} className="error" role="alert" data-testid="handoff-problem-message" data-problem={p}>
          <T k={PROBLEM_KEYS[p]} />
          {p === "promiseNoCallback" && (
            <div className="actions">
              {promisedAt !== undefined && (
                <button
                  type="button"
                  className="small"
                  data-testid="handoff-callback-from-promise"
                  onClick={() => props.onCallback(toLocalInputValue(promisedAt))}
                >
                  {primary(locale, "setCallbackFromPromise", {
                    time: toLocalInputValue(promisedAt).replace("T", " "),
                  })}
                </button>
              )}
              <button
                type="button"
                className="small"
                data-testid="handoff-no-callback"
                onClick={props.onNoCallback}
              >
                {primary(locale, "saveWithoutCallback")}
              </button>
            </div>
          )}
        </div>
      ))}
      {feedback?.kind === "error" && (
        <div className="error" role="alert" data-testid="handoff-error">
          <T k="saveFailed" />: {feedback.message}
        </div>
      )}
      {feedback?.kind === "warning" && (
        <div className="notice" data-testid="handoff-warning">
          <T k={feedback.key} />
        </div>
      )}
      {feedback?.kind === "saved" && (
        <div className="ok" data-testid="handoff-saved">
          <T k="saved" />
        </div>
      )}
      {feedback?.kind === "posted" && (
        <div className="ok" data-testid="handoff-posted">
          <T k="postInserted" />
        </div>
      )}
      {feedback?.kind === "post-error" && (
        <div className="error" role="alert" data-testid="handoff-post-error">
          <T k={feedback.key} />
        </div>
      )}
      {!feedback && !problems.length && !props.draftEmpty && (
        <div className="muted small-text">
          <T k="draftKept" /> · <T k="saveShortcut" />
        </div>
      )}
    </div>
  )
}
