/**
 * The handoff note's callback time: a date-time field, quick picks (+30 min, +2 h, tomorrow morning —
 * inside the company's service hours), the time spelled out, and a warning outside service hours.
 */
import { openingTime, outsideBusinessHours, type BusinessHours } from "~lib/ui-logic/business-hours"
import {
  fromLocalInputValue,
  quickCallbackAt,
  toLocalInputValue,
  type QuickCallback,
} from "~lib/ui-logic/callback-time"

import { primary, type StringKey } from "../i18n"
import { T, useLocale } from "../locale"
import { useServices } from "../services"

const QUICK: { kind: QuickCallback; key: StringKey; testid: string }[] = [
  { kind: "plus30m", key: "plus30m", testid: "callback-plus30m" },
  { kind: "plus2h", key: "plus2h", testid: "callback-plus2h" },
  { kind: "tomorrowMorning", key: "tomorrowMorning", testid: "callback-tomorrow" },
]

export function CallbackField(props: {
  /** The `datetime-local` value ("" for none). */
  value: string
  onChange: (value: string) => void
  /** The parsed service hours, and the admin's text of them for the warning. */
  hours: BusinessHours | null
  hoursText: string | undefined
}) {
  const { value, onChange, hours } = props
  const { now } = useServices()
  const locale = useLocale()
  const callbackMs = fromLocalInputValue(value)
  return (
    <div className="field wide">
      <label className="label" htmlFor="handoff-callback">
        <T k="callbackAt" />
      </label>
      <div className="callback-row">
        <input
          id="handoff-callback"
          type="datetime-local"
          data-testid="handoff-callback"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {QUICK.map((q) => (
          <button
            key={q.kind}
            type="button"
            className="small"
            data-testid={q.testid}
            onClick={() => onChange(toLocalInputValue(quickCallbackAt(q.kind, now(), openingTime(hours))))}
          >
            {primary(locale, q.key)}
          </button>
        ))}
        {value && (
          <button type="button" className="small link" onClick={() => onChange("")}>
            <T k="clearCallback" />
          </button>
        )}
      </div>
      {callbackMs !== undefined && (
        <span className="muted small-text" data-testid="handoff-callback-preview">
          {new Date(callbackMs).toLocaleString(locale === "en" ? "en-GB" : "zh-CN", {
            weekday: "short",
            month: "numeric",
            day: "numeric",
            hour: "2-digit",
            minute: "2-digit",
          })}
        </span>
      )}
      {callbackMs !== undefined && hours && outsideBusinessHours(callbackMs, hours) && (
        <span className="notice small-text" data-testid="handoff-outside-hours">
          <T k="callbackOutsideHours" values={{ hours: props.hoursText ?? "" }} />
        </span>
      )}
    </div>
  )
}
