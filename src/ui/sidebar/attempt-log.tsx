/** Every contact attempt of the case, newest first (做好跟踪工作). */
import type { ContactAttempt } from "~lib/cases/model"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { T } from "../locale"
import { OUTCOME_KEYS } from "./escalation-labels"

export function AttemptLog({ attempts }: { attempts: ContactAttempt[] }) {
  return (
    <>
      <h3>
        <T k="attempts" />
      </h3>
      {attempts.length === 0 && (
        <p className="muted small-text">
          <T k="noAttempts" />
        </p>
      )}
      <ol className="list">
        {[...attempts].reverse().map((a) => (
          <li key={a.id} className="list-item" data-testid="attempt-item">
            <div className="row small-text">
              <span>
                <span className="ladder-n">{a.level}</span> <strong>{a.contactName}</strong> ·{" "}
                <T k={OUTCOME_KEYS[a.outcome]} />
              </span>
              <time className="muted">{formatDateTime(a.at)}</time>
            </div>
            {a.note && <div className="small-text note-text">{a.note}</div>}
            {a.author?.name && (
              <div className="muted small-text">
                {a.author.name}
                {a.author.workId && ` (${a.author.workId})`}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  )
}
