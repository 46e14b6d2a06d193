/** The customer's state next to the case type: emotion, outside-complaint threats, repeat contact, evidence. */
import type { CustomerState, Emotion } from "~lib/customer"
import { THREAT_LABELS } from "~lib/customer"

import type { StringKey } from "../i18n"
import { T, useLocale, usePick } from "../locale"

const EMOTION_KEYS: Record<Emotion, StringKey> = {
  calm: "emotionCalm",
  anxious: "emotionAnxious",
  angry: "emotionAngry",
}

export function CustomerStateView(props: { state: CustomerState; onDeescalate?: () => void }) {
  const { state, onDeescalate } = props
  const locale = useLocale()
  const pick = usePick()
  const kinds = [...new Set(state.threats.map((t) => t.kind))]
    .map((k) => pick(THREAT_LABELS[k]))
    .join(locale === "en" ? ", " : "、")
  // Each distinct phrase once, in reading order (page text: rendered as text, never as HTML).
  const phrases = [...new Set(state.evidence.map((e) => e.text.trim()).filter(Boolean))].slice(0, 5)

  return (
    <section
      className={`customer-state ${state.emotion}`}
      data-testid="customer-state"
      data-emotion={state.emotion}
      data-repeat={state.repeat}
      data-threats={state.threats.map((t) => t.kind).join(",")}
    >
      <div className="case-meta">
        <span className="label">
          <T k="customerState" />
        </span>
        <span className={`badge emotion-${state.emotion}`} data-testid="customer-emotion">
          <T k={EMOTION_KEYS[state.emotion]} />
        </span>
        {kinds && (
          <span className="badge urgent" data-testid="customer-threat">
            <T k="customerThreat" values={{ kinds }} />
          </span>
        )}
        {state.repeat && (
          <span className="badge urgent" data-testid="customer-repeat">
            <T k="customerRepeat" />
          </span>
        )}
        {state.abusive && (
          <span className="badge" data-testid="customer-abusive">
            <T k="customerAbusive" />
          </span>
        )}
      </div>
      {phrases.length > 0 && (
        <p className="muted small-text" data-testid="customer-evidence">
          <T k="matchedWords" />: {phrases.join("、")}
        </p>
      )}
      {state.emotion === "angry" && (
        <div className="notice small-text" data-testid="customer-deescalate">
          <T k="deescalateFirst" />{" "}
          {onDeescalate && (
            <button type="button" className="small" data-testid="open-deescalation" onClick={onDeescalate}>
              <T k="openDeescalation" />
            </button>
          )}
        </div>
      )}
    </section>
  )
}
