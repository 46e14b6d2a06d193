/**
 * How the policy and the agent's own settings combine. The rules (also in the README's admin guide):
 *
 * - A value the policy sets wins and is locked; the agent's own value is kept underneath, untouched,
 *   and comes back when the policy stops setting it.
 * - Sites are merged: the policy's sites (locked, with the policy's selector, carrier hint and
 *   internal-note box) plus the agent's own other sites. A policy site's config is the policy's as a
 *   whole; the agent cannot disable it.
 * - The phrasebook and the contact directory are replaced while the policy sets them (the agent's
 *   imported ones stay stored, unused, and come back without the policy).
 * - Permissions (export, rule editing) default to allowed when the policy is silent.
 */
import type { AgentProfile, Settings, SiteSetting } from "../settings"
import type { Policy } from "./model"

/** The settings a policy can lock, as the UI names them. */
export type LockKey =
  | "sites"
  | "company"
  | "hotline"
  | "businessHours"
  | "phrasebook"
  | "ruleEditing"
  | "contacts"
  | "teamKey"
  | "auditRetentionDays"
  | "export"
  | "locale"

/** What each lock is made of, so `lockedKeys` and the UI cannot disagree. */
const LOCKED_BY: Record<LockKey, (p: Policy) => boolean> = {
  sites: (p) => (p.sites?.length ?? 0) > 0,
  company: (p) => p.company !== undefined,
  hotline: (p) => p.hotline !== undefined,
  businessHours: (p) => p.businessHours !== undefined,
  phrasebook: (p) => p.phrasebook !== undefined,
  ruleEditing: (p) => p.allowRuleEditing !== undefined || p.phrasebook !== undefined,
  contacts: (p) => p.contacts !== undefined,
  teamKey: (p) => p.teamKey !== undefined,
  auditRetentionDays: (p) => p.auditRetentionDays !== undefined,
  export: (p) => p.allowExport !== undefined,
  locale: (p) => p.locale !== undefined,
}

/** The settings this policy fixes. */
export function lockedKeys(policy: Policy): Set<LockKey> {
  return new Set((Object.keys(LOCKED_BY) as LockKey[]).filter((k) => LOCKED_BY[k](policy)))
}

/** Origins of the policy's sites (locked). */
export function policyOrigins(policy: Policy): Set<string> {
  return new Set((policy.sites ?? []).map((s) => s.origin))
}

/** The agent's stored settings with the policy laid over them: what every page and the worker use. */
export function effectiveSettings(stored: Settings, policy: Policy): Settings {
  const profile: AgentProfile = { ...stored.profile }
  if (policy.company !== undefined) profile.company = policy.company
  if (policy.hotline !== undefined) profile.hotline = policy.hotline
  if (policy.businessHours !== undefined) profile.businessHours = policy.businessHours
  const managed = policyOrigins(policy)
  const sites: SiteSetting[] = (policy.sites ?? []).map((s) => {
    const own = stored.sites.find((o) => o.origin === s.origin)
    const site: SiteSetting = { origin: s.origin, enabledAt: own?.enabledAt ?? 0, managed: true }
    if (s.pinnedSelector) site.pinnedSelector = s.pinnedSelector
    if (s.carrierHint) site.carrierHint = s.carrierHint
    if (s.internalNote) site.internalBox = { ...s.internalNote }
    return site
  })
  for (const own of stored.sites) if (!managed.has(own.origin)) sites.push(own)
  return {
    ...stored,
    profile,
    sites,
    locale: policy.locale ?? stored.locale,
    teamKey: policy.teamKey ?? stored.teamKey,
  }
}

/**
 * The settings to store when the agent saves `candidate` (built from what they saw, policy included):
 * locked values are put back to the agent's own stored ones, so a save never writes the policy's
 * values as the agent's, nor lets the agent change what is locked.
 */
export function keepLocked(current: Settings, candidate: Settings, policy: Policy): Settings {
  const managed = policyOrigins(policy)
  const profile: AgentProfile = { ...candidate.profile }
  for (const field of ["company", "hotline", "businessHours"] as const) {
    if (policy[field] === undefined) continue
    if (current.profile[field] === undefined) delete profile[field]
    else profile[field] = current.profile[field]
  }
  const sites = [
    ...candidate.sites.filter((s) => !managed.has(s.origin)),
    ...current.sites.filter((s) => managed.has(s.origin)),
  ].map(({ managed: _managed, ...own }) => own)
  return {
    ...candidate,
    profile,
    sites,
    locale: policy.locale !== undefined ? current.locale : candidate.locale,
    teamKey: policy.teamKey !== undefined ? current.teamKey : candidate.teamKey,
  }
}

/** Export (backup, QA trail) is allowed unless the policy forbids it. */
export function exportAllowed(policy: Policy): boolean {
  return policy.allowExport !== false
}

/**
 * Local rule editing: as the policy says; when it is silent, allowed unless the policy fixes the book
 * (a book published here could never be in force over the policy's).
 */
export function ruleEditingAllowed(policy: Policy): boolean {
  return policy.allowRuleEditing ?? policy.phrasebook === undefined
}

/** The team key for signed handoffs: the policy's when it sets one, else the agent's own (if any). */
export function effectiveTeamKey(policy: Policy, own?: string): string | undefined {
  return policy.teamKey ?? own
}
