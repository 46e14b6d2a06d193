/**
 * Options → 团队密钥: the key that signs handoff blocks written into tickets and verifies colleagues'
 * (issue 12). Kept in Settings as `teamKey` so that admin policy can push it later. Never shown back
 * in full once saved.
 */
import { useState, type FormEvent } from "react"

import { TEAM_KEY_MIN } from "~lib/handoff/sign"

import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { Section } from "../section"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"

export function TeamKeySection({ teamKey }: { teamKey: string }) {
  const { store } = useServices()
  const locale = useLocale()
  const [value, setValue] = useState("")
  const [status, setStatus] = useState<Status | null>(null)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const key = value.trim()
    if (key.length < TEAM_KEY_MIN) {
      setStatus({ kind: "error", message: text(locale, "teamKeyTooShort") })
      return
    }
    try {
      await store.updateSettings({ teamKey: key })
      setValue("")
      setStatus({ kind: "ok", message: text(locale, "teamKeySaved") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const clear = async () => {
    try {
      await store.updateSettings({ teamKey: "" })
      setStatus(null)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <Section id="team-key-title" title={<T k="teamKeyTitle" />}>
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
      <StatusBox status={status} testid="team-key-status" />
    </Section>
  )
}
