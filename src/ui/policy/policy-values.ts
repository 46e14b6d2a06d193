/** The policy's locked settings as label + display value, in one order for Options, popup and sidebar. */
import { lockedKeys, type LockKey } from "~lib/policy/merge"
import type { Policy } from "~lib/policy/model"

import { text, type StringKey } from "../i18n"
import type { UiLocale } from "~lib/store/contract"

const LABELS: Record<LockKey, StringKey> = {
  sites: "policyKeySites",
  company: "policyKeyCompany",
  hotline: "policyKeyHotline",
  businessHours: "policyKeyBusinessHours",
  phrasebook: "policyKeyPhrasebook",
  ruleEditing: "policyKeyRuleEditing",
  contacts: "policyKeyContacts",
  teamKey: "policyKeyTeamKey",
  auditRetentionDays: "policyKeyRetention",
  export: "policyKeyExport",
  locale: "policyKeyLocale",
}

export interface LockedValue {
  key: LockKey
  label: StringKey
  value: string
}

/** Every setting the policy fixes with the value shown to the agent (the team key never in clear). */
export function lockedValues(policy: Policy, locale: UiLocale): LockedValue[] {
  const allowed = (v: boolean | undefined) => text(locale, v === false ? "policyForbidden" : "policyAllowed")
  const value: Record<LockKey, () => string> = {
    sites: () => (policy.sites ?? []).map((s) => s.origin).join(", "),
    company: () => policy.company ?? "",
    hotline: () => policy.hotline ?? "",
    businessHours: () => policy.businessHours ?? "",
    phrasebook: () => policy.phrasebook?.version ?? "",
    ruleEditing: () => allowed(policy.allowRuleEditing ?? policy.phrasebook === undefined),
    contacts: () =>
      text(locale, "policyContactsCount", { n: policy.contacts?.length ?? 0 }) +
      (policy.version ? ` · ${policy.version}` : ""),
    teamKey: () => text(locale, "policyTeamKeySet", { n: policy.teamKey?.length ?? 0 }),
    auditRetentionDays: () => String(policy.auditRetentionDays ?? ""),
    export: () => allowed(policy.allowExport),
    locale: () => (policy.locale === "en" ? "English" : "仅中文"),
  }
  return [...lockedKeys(policy)].map((key) => ({ key, label: LABELS[key], value: value[key]() }))
}
