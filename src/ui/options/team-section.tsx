/**
 * The options page's team-server panel (issue 19): shown only when the admin's policy names a team
 * server. Grants the one host permission, logs in once (cookie session; the password goes to the
 * server and is never stored), and shows what waits, what the server refused and why.
 */
import { useCallback, useEffect, useState, type FormEvent } from "react"

import type { TeamStatus } from "~lib/protocol/types"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { callBackground } from "../background"
import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import { Field } from "../field"
import { Section } from "../section"

type Note = { kind: "ok" | "error"; message: string } | null

export function TeamSection({ workId }: { workId: string }) {
  const { platform } = useServices()
  const locale = useLocale()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [name, setName] = useState(workId)
  const [password, setPassword] = useState("")
  const [note, setNote] = useState<Note>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setStatus(await callBackground(platform, "team.status", {}))
    } catch (error) {
      setNote({ kind: "error", message: errorMessage(error, locale) })
    }
  }, [platform, locale])

  useEffect(() => {
    void refresh()
  }, [refresh])
  useEffect(() => {
    if (workId) setName((n) => n || workId)
  }, [workId])

  if (!status || status.state === "off") return null

  const act = async (work: () => Promise<Note>) => {
    setBusy(true)
    setNote(null)
    try {
      setNote(await work())
    } catch (error) {
      setNote({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
      await refresh()
    }
  }

  const grant = () => {
    // Synchronously in the click: the permission prompt needs the user gesture.
    const asked = platform.requestOrigins([status.hostPattern ?? ""])
    void act(async () =>
      (await asked) ? null : { kind: "error", message: text(locale, "permissionDenied") },
    )
  }

  const login = (e: FormEvent) => {
    e.preventDefault()
    const pw = password
    setPassword("") // never kept, not even in the form
    void act(async () => {
      const r = await callBackground(platform, "team.login", { name: name.trim(), password: pw })
      if (r.ok) return null
      return {
        kind: "error",
        message: r.error === "bad-credentials" ? text(locale, "teamBadCredentials") : (r.error ?? ""),
      }
    })
  }

  const at = (ms: number) => formatDateTime(ms)

  return (
    <Section id="team-title" title={<T k="teamTitle" />} testid="team-section">
      {status.server ? (
        <p className="muted">
          <T k="teamServer" values={{ url: status.server }} />
        </p>
      ) : null}
      {status.state === "invalid" ? (
        <div className="error" role="alert" data-testid="team-invalid">
          <T k="teamInvalid" values={{ problem: status.problem ?? "" }} />
        </div>
      ) : null}
      {status.state === "needs-permission" ? (
        <p>
          <T k="teamNeedsPermission" values={{ host: status.hostPattern ?? "" }} />{" "}
          <button type="button" onClick={grant} disabled={busy} data-testid="team-grant">
            <T k="teamGrant" />
          </button>
        </p>
      ) : null}
      {status.state === "needs-login" ? (
        <form onSubmit={login} data-testid="team-login-form">
          <p>
            <T k="teamNeedsLogin" />
          </p>
          <Field label={<T k="teamUser" />}>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="username"
              data-testid="team-user"
            />
          </Field>
          <Field label={<T k="teamPassword" />}>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              data-testid="team-password"
            />
          </Field>
          <button type="submit" disabled={busy || !name.trim() || !password} data-testid="team-login">
            <T k="teamLogin" />
          </button>
        </form>
      ) : null}
      {status.state === "ok" ? (
        <p data-testid="team-user-line">
          <T k="teamLoggedIn" values={{ user: status.user ?? "" }} />{" "}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => ((await callBackground(platform, "team.logout", {})).ok ? null : null))
            }
          >
            <T k="teamLogout" />
          </button>
        </p>
      ) : null}
      {status.state !== "invalid" ? (
        <div data-testid="team-outbox">
          <p>
            <T k="teamQueued" values={{ n: status.queued }} />
            {status.lastSuccessAt ? (
              <>
                {" · "}
                <T k="teamLastSync" values={{ at: at(status.lastSuccessAt) }} />
              </>
            ) : null}
          </p>
          {status.nextAttemptAt && status.nextAttemptAt > Date.now() ? (
            <p className="muted" role="status">
              <T k="teamNextTry" values={{ at: at(status.nextAttemptAt) }} />
            </p>
          ) : null}
          {status.state === "ok" ? (
            <button
              type="button"
              disabled={busy}
              data-testid="team-push"
              onClick={() =>
                void act(async () => {
                  const r = await callBackground(platform, "team.push", {})
                  return r.ok
                    ? { kind: "ok", message: text(locale, "teamPushed", { n: r.sent ?? 0 }) }
                    : { kind: "error", message: r.error ?? "" }
                })
              }
            >
              <T k="teamPushNow" />
            </button>
          ) : null}
          {status.rejected > 0 ? (
            <div className="error" role="alert" data-testid="team-rejected">
              <T k="teamRejected" values={{ n: status.rejected }} />
              <ul>
                {status.rejections.map((r) => (
                  <li key={r.docId}>
                    <code>{r.docId}</code> — {r.reason}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => (await callBackground(platform, "team.requeue", {}), null))
                }
              >
                <T k="teamRequeue" />
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {note ? (
        <div className={note.kind} role={note.kind === "error" ? "alert" : "status"} data-testid="team-note">
          {note.message}
        </div>
      ) : null}
    </Section>
  )
}
