/**
 * The one place the service worker reads the team-server policy: `teamServer` in
 * chrome.storage.managed (set by the admin's enterprise policy; issue 16 reads the same area for the
 * rest of the policy — the lead joins the two at merge, and the managed-storage schema must list
 * `teamServer`). Absent means off: the extension then makes no network request at all.
 *
 * Test-only path: the e2e build (PLASMO_PUBLIC_E2E_TEAM, set only by scripts/build-e2e.ts and
 * inlined by Parcel, so absent from the production build) also reads `e2eTeamServer` from
 * chrome.storage.local, which a spec sets when it wants a team server; other specs leave it unset.
 */
import { parseTeamPolicy, type TeamPolicyResult } from "~lib/team/config"

export const TEAM_POLICY_KEY = "teamServer"
export const E2E_TEAM_KEY = "e2eTeamServer"

const e2eTeam = (): boolean => process.env.PLASMO_PUBLIC_E2E_TEAM === "1"

/** The team policy as it stands now (read fresh every time: the worker keeps nothing in memory). */
export async function readTeamPolicy(): Promise<TeamPolicyResult> {
  let raw: unknown
  try {
    raw = (await chrome.storage.managed.get(TEAM_POLICY_KEY))[TEAM_POLICY_KEY]
  } catch {
    raw = undefined // no managed storage here (no policy, or a browser without it): off
  }
  if (raw === undefined && e2eTeam()) raw = (await chrome.storage.local.get(E2E_TEAM_KEY))[E2E_TEAM_KEY]
  return parseTeamPolicy(raw)
}

/** Does a storage change touch the team policy? */
export function isTeamPolicyChange(changes: Record<string, unknown>, area: string): boolean {
  return (
    (area === "managed" && TEAM_POLICY_KEY in changes) ||
    (area === "local" && e2eTeam() && E2E_TEAM_KEY in changes)
  )
}
