/**
 * The agent's settings as plain types (pure: the policy module, the store and the UI all use them).
 * The store persists them (`store/contract.ts` re-exports these for its callers); the admin policy lays
 * its values over them (`policy/merge.ts`).
 */
import type { SidebarMode } from "./protocol/types"

export interface AgentProfile {
  /** 姓名 */
  name: string
  /** 工号 */
  workId: string
  /** 公司名称, used in greeting scripts */
  company: string
  /** 客服热线: from the admin policy (Options has no field for it yet); fills the {客服热线} slot */
  hotline?: string
  /** 服务时间, e.g. "09:00-21:00": from the admin policy, like `hotline` */
  businessHours?: string
}

export interface SiteSetting {
  /** e.g. "https://crm.example.com" (scheme + host + port, no path) */
  origin: string
  /** The admin's pinned CSS selector for the authoritative waybill field, if known. */
  pinnedSelector?: string
  /** Optional carrier code the CRM works for (a hint for ranking pure-digit numbers). */
  carrierHint?: string
  /** How this site's internal note box (内部备注) is recognised: handoffs go only there (issue 12). */
  internalBox?: { urlPattern?: string; selector?: string; toggleSelector?: string }
  /** True in the effective settings for a site the admin policy enables (never stored). */
  managed?: boolean
  enabledAt: number
}

/**
 * The UI language: "zh" 仅中文 (the default), "zh-en" Chinese with the English beside it (only when the
 * agent chooses it), "en" English only.
 */
export type UiLocale = "zh" | "zh-en" | "en"

export interface Settings {
  profile: AgentProfile
  sites: SiteSetting[]
  sidebarMode: SidebarMode
  locale: UiLocale
  /**
   * The team key that signs handoff blocks written into tickets and verifies colleagues' ones (HMAC);
   * "" when not set. Set in Options, or by the admin policy (which then wins and locks it).
   */
  teamKey: string
}

export const DEFAULT_SETTINGS: Settings = {
  profile: { name: "", workId: "", company: "" },
  sites: [],
  sidebarMode: "inpage",
  locale: "zh",
  teamKey: "",
}
