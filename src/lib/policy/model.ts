/**
 * The admin policy as the extension uses it: every value already validated and normalised (big values
 * parsed from their JSON strings). A key missing here is one the policy does not set: the agent's own.
 */
import type { Contact } from "../cases/model"
import type { Phrasebook } from "../phrasing/types"

/** Where a site's internal-note box is (the handoff work reads it); passed through to the site config. */
export interface InternalNoteSetting {
  urlPattern?: string
  selector?: string
  toggleSelector?: string
}

/** A CRM site the policy enables (always locked: the agent cannot disable it). */
export interface PolicySite {
  /** `scheme://host[:port]`, lower-case host. */
  origin: string
  pinnedSelector?: string
  carrierHint?: string
  internalNote?: InternalNoteSetting
}

export interface Policy {
  version?: string
  sites?: PolicySite[]
  company?: string
  hotline?: string
  businessHours?: string
  /** The whole book in force (schema and its own examples checked). */
  phrasebook?: Phrasebook
  allowRuleEditing?: boolean
  contacts?: Contact[]
  teamKey?: string
  auditRetentionDays?: number
  allowExport?: boolean
  locale?: "zh" | "en"
  /** The team server's URL when the policy names a valid one (team sync reads the entry itself). */
  teamServer?: string
}

/** One value of the policy that was ignored (or accepted with a remark), for the admin. */
export interface PolicyDiagnostic {
  /** The policy key as the admin wrote it, with a path inside it: "sites[2].origin". */
  key: string
  level: "ignored" | "warning"
  /** Bilingual, Chinese first: "不是有效的 JSON / not valid JSON". */
  message: string
}

/**
 * What the service worker last read from managed storage, kept in the database for every page.
 * `source`: "managed" = a policy was read; "none" = the browser has no policy for us;
 * "unavailable" = managed storage could not be read (Firefox without policies.json throws).
 */
export interface PolicySnapshot {
  readAt: number
  source: "managed" | "none" | "unavailable"
  policy: Policy
  diagnostics: PolicyDiagnostic[]
  /** The raw error text when `source` is "unavailable". */
  error?: string
}

export const EMPTY_POLICY_SNAPSHOT: PolicySnapshot = {
  readAt: 0,
  source: "none",
  policy: {},
  diagnostics: [],
}
