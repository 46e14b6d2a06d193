/**
 * Options → 管理员策略: what the policy fixes (with values), what was ignored and why (the diagnostics
 * the admin needs, since Chrome drops bad values silently), and the one click that grants access to
 * the sites the policy enables.
 */
import { useEffect, useState } from "react"

import type { Policy, PolicyDiagnostic, PolicySite } from "~lib/policy/model"
import { originToPattern } from "~lib/page/origin"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { pickLanguage } from "~lib/ui-logic/page"

import { callBackground } from "../background"
import { text } from "../i18n"
import { T, useLocale } from "../locale"
import { useServices } from "../services"
import { LockedBadge } from "./locked"
import { lockedValues } from "./policy-values"
import { usePolicy } from "./use-policy"

/**
 * Selectors the worker could not check (it has no DOM): a selector the browser cannot parse is ignored
 * by the page, so the admin is told here.
 */
export function selectorDiagnostics(policy: Policy): PolicyDiagnostic[] {
  const out: PolicyDiagnostic[] = []
  const parses = (selector: string) => {
    try {
      document.createDocumentFragment().querySelector(selector)
      return true
    } catch {
      return false
    }
  }
  ;(policy.sites ?? []).forEach((site, i) => {
    const fields: [string, string | undefined][] = [
      ["waybillSelector", site.pinnedSelector],
      ["internalNote.selector", site.internalNote?.selector],
      ["internalNote.toggleSelector", site.internalNote?.toggleSelector],
    ]
    for (const [field, selector] of fields) {
      if (selector && !parses(selector)) {
        out.push({
          key: `sites[${i}].${field}`,
          level: "warning",
          message: `不是有效的 CSS 选择器，页面上不会使用 / not a valid CSS selector: the page will not use it`,
        })
      }
    }
  })
  return out
}

/** Policy sites this browser has no host permission for yet (asked of the worker). */
function useSitesWaiting(sites: PolicySite[] | undefined): [PolicySite[], () => void] {
  const { platform } = useServices()
  const [waiting, setWaiting] = useState<PolicySite[]>([])
  const [round, setRound] = useState(0)
  const key = (sites ?? []).map((s) => s.origin).join(" ")
  useEffect(() => {
    let live = true
    void Promise.all(
      (sites ?? []).map(async (s) => {
        const status = await callBackground(platform, "site.status", { origin: s.origin }).catch(() => null)
        return status && !status.granted ? s : null
      }),
    ).then((list) => {
      if (live) setWaiting(list.filter((s): s is PolicySite => s !== null))
    })
    return () => {
      live = false
    }
  }, [key, round, platform])
  return [waiting, () => setRound((r) => r + 1)]
}

/** The one-click grant for every policy site still waiting (one browser prompt for all of them). */
export function PolicyAccess() {
  const { platform } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [waiting, recheck] = useSitesWaiting(policy.sites)
  const [status, setStatus] = useState<"granted" | "refused" | null>(null)
  if (waiting.length === 0) return null
  const patterns = waiting.map((s) => originToPattern(s.origin)).filter((p): p is string => p !== null)
  const allow = () => {
    setStatus(null)
    // Synchronously in the click handler: the browser needs the user gesture.
    platform.requestOrigins(patterns).then(
      (ok) => {
        setStatus(ok ? "granted" : "refused")
        recheck()
      },
      () => setStatus("refused"),
    )
  }
  return (
    <div className="notice policy-access" data-testid="policy-access">
      <T k="policyAccessNeeded" values={{ n: waiting.length }} />
      <ul>
        {waiting.map((s) => (
          <li key={s.origin}>
            <code>{s.origin}</code>{" "}
            <span className="muted">
              (<T k="policyWaitingAccess" />)
            </span>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" data-testid="policy-allow-access" onClick={allow}>
        <T k="policyAllowAccess" />
      </button>
      {status ? (
        <span className={status === "granted" ? "ok" : "error"} role="status">
          {text(locale, status === "granted" ? "policyAccessGranted" : "policyAccessRefused")}
        </span>
      ) : null}
    </div>
  )
}

export function PolicyPanel() {
  const snapshot = usePolicy()
  const locale = useLocale()
  const { policy } = snapshot
  const diagnostics = [...snapshot.diagnostics, ...selectorDiagnostics(policy)]
  const rows = lockedValues(policy, locale)
  return (
    <section aria-labelledby="policy-title" data-testid="policy-panel" data-source={snapshot.source}>
      <h2 id="policy-title">
        <T k="policyTitle" /> {rows.length > 0 ? <LockedBadge /> : null}
      </h2>
      {snapshot.source === "unavailable" ? (
        <p className="muted" data-testid="policy-status">
          <T k="policyUnavailable" values={{ error: snapshot.error ?? "?" }} />
        </p>
      ) : snapshot.source === "none" && diagnostics.length === 0 ? (
        <p className="muted" data-testid="policy-status">
          <T k="policyNone" />
        </p>
      ) : (
        <p data-testid="policy-status">
          <T
            k="policyInForce"
            values={{
              version: policy.version ?? text(locale, "policyNoVersion"),
              time: formatDateTime(snapshot.readAt),
            }}
          />
        </p>
      )}
      <PolicyAccess />
      {rows.length > 0 ? (
        <>
          <h3>
            <T k="policySettings" />
          </h3>
          <table className="policy-table" data-testid="policy-settings">
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid={`policy-setting-${r.key}`}>
                  <th scope="row">
                    <T k={r.label} />
                  </th>
                  <td>
                    <input value={r.value} disabled readOnly aria-readonly="true" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {snapshot.source !== "none" || diagnostics.length > 0 ? (
        <>
          <h3>
            <T k="policyIgnored" />
          </h3>
          {diagnostics.length === 0 ? (
            <p className="muted" data-testid="policy-diagnostics-empty">
              <T k="policyIgnoredNone" />
            </p>
          ) : (
            <table className="policy-table" data-testid="policy-diagnostics">
              <tbody>
                {diagnostics.map((d, i) => (
                  <tr key={i} data-testid="policy-diagnostic" data-key={d.key} data-level={d.level}>
                    <th scope="row">
                      <code>{d.key}</code>
                    </th>
                    <td>
                      <strong>
                        {text(locale, d.level === "ignored" ? "policyIgnoredWord" : "policyWarning")}
                      </strong>
                      {": "}
                      {pickLanguage(d.message, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted small-text">
            <T k="policySchemaHint" />
          </p>
        </>
      ) : null}
    </section>
  )
}
