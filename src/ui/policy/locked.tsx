/** How a setting the admin policy fixes looks everywhere: the badge, and a disabled field with its value. */
import type { ReactNode } from "react"

import { T } from "../locale"

export function LockedBadge() {
  return (
    <span className="locked-badge" data-testid="locked-badge">
      <T k="policyLocked" />
    </span>
  )
}

/** A read-only row: the label, the policy's value in a disabled field, and the badge. */
export function LockedField({ label, value, testid }: { label: ReactNode; value: string; testid: string }) {
  return (
    <label className="field locked-field" data-testid={testid} data-locked="true">
      <span className="label">
        {label} <LockedBadge />
      </span>
      <input value={value} disabled readOnly aria-readonly="true" />
    </label>
  )
}
