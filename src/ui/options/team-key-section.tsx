/**
 * Options → 团队密钥: the key that signs handoff blocks written into tickets and verifies colleagues'
 * (issue 12). Kept in Settings as `teamKey` so that admin policy can push it later. Never shown back
 * in full once saved.
 */
import { useState, type FormEvent } from "react"

import { TEAM_KEY_MIN } from "~lib/handoff/sign"

import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"

export function TeamKeySection({ teamKey }: { teamKey: string }) {
  const { store } = useServices()
  const locale = useLocale()
  const [value, setValue] = useState("")
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const key = value.trim()
    if (key.length < TEAM_KEY_MIN) {
      setStatus({ ok: false, message: text(locale, "teamKeyTooShort") })
      return
    }
    try {
      await store.updateSettings({ teamKey: key })
      setValue("")
      setStatus({ ok: true, message: text(locale, "teamKeySaved") })
    } catch (error) {
      setStatus({ ok: false, message: errorMessage(error, locale) })
    }
  }

  const clear = async () => {
    try {
      await store.updateSettings({ teamKey: "" })
      setStatus(null)
    } catch (error) {
      setStatus({ ok: false, message: errorMessage(error, locale) })
    }
  }

  return (
    <section aria-labelledby="team-key-title">
      <h2 id="team-key-title">
        <T k="teamKeyTitle" />
      </h2>
      <p className="muted small-text">
        <T k="teamKeyHelp" />
      </p>
      <form onSubmit={save} className="row">
        <span data-testid="team-key-state" data-set={teamKey ? "yes" : "no"}>
          <T k={teamKey ? "teamKeyIsSet" : "teamKeyNotSet"} />
        </span>
        <input
          type="password"
          data-testid="team-key-input"
          value={value}
          maxLength={200}
          autoComplete="off"
          aria-label={text(locale, "teamKeyTitle")}
          onChange={(e) => {
            setValue(e.target.value)
            setStatus(null)
          }}
        />
        <button type="submit" data-testid="team-key-save">
          <T k="save" />
        </button>
        {teamKey && (
          <button type="button" data-testid="team-key-clear" onClick={() => void clear()}>
            <T k="teamKeyClear" />
          </button>
        )}
      </form>
      {status && (
        <div
          className={status.ok ? "ok" : "error"}
          role={status.ok ? "status" : "alert"}
          data-testid="team-key-status"
        >
          {status.message}
        </div>
      )}
    </section>
  )
}
