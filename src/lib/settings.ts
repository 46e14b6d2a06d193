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
  /** Where the CRM's internal-note box is (handoff work); opaque here, validated by the admin policy. */
  internalNote?: { urlPattern?: string; selector?: string; toggleSelector?: string }
  /** True in the effective settings for a site the admin policy enables (never stored). */
  managed?: boolean
  enabledAt: number
}

export type UiLocale = "zh" | "en"

export interface Settings {
  profile: AgentProfile
  sites: SiteSetting[]
  sidebarMode: SidebarMode
  locale: UiLocale
}

export const DEFAULT_SETTINGS: Settings = {
  profile: { name: "", workId: "", company: "" },
  sites: [],
  sidebarMode: "inpage",
  locale: "zh",
}
