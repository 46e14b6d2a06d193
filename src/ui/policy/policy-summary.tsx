/** The compact list of what the admin policy fixes, for the popup and the sidebar. Nothing when there is no policy. */
import { T, useLocale } from "../locale"
import { LockedBadge } from "./locked"
import { lockedValues } from "./policy-values"
import { usePolicy } from "./use-policy"

export function PolicySummary({ compact = false }: { compact?: boolean }) {
  const { policy } = usePolicy()
  const locale = useLocale()
  const rows = lockedValues(policy, locale)
  if (rows.length === 0) return null
  return (
    <details className="policy-summary" data-testid="policy-summary" open={!compact}>
      <summary>
        <T k="policyTitle" /> {policy.version ? <span className="muted">{policy.version}</span> : null}{" "}
        <LockedBadge />
      </summary>
      <ul className="locked-list">
        {rows.map((r) => (
          <li key={r.key} data-testid={`policy-value-${r.key}`}>
            <label className="field locked-field" data-locked="true">
              <span className="label">
                <T k={r.label} />
              </span>
              <input value={r.value} disabled readOnly aria-readonly="true" />
            </label>
          </li>
        ))}
      </ul>
    </details>
  )
}
