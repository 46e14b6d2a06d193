/**
 * The case / handoff model shared by the domain core, the store and the UI.
 * Plain types and constants only (no zod here) so that the content script can import it cheaply;
 * the runtime schemas live in `schema.ts`.
 */
import type { ThreatKind } from "../customer"

/** Case types named by the manuals (DOMAIN.md "Case types"). */
export const CASE_TYPES = [
  "查询",
  "延误",
  "滞留",
  "破损",
  "少货",
  "丢失",
  "理赔",
  "价格时效",
  "网点",
  "业务办理",
] as const
export type CaseType = (typeof CASE_TYPES)[number]

export const CASE_TYPE_LABELS: Record<CaseType, { zh: string; en: string }> = {
  查询: { zh: "快件查询", en: "Tracking inquiry" },
  延误: { zh: "延误", en: "Delay" },
  滞留: { zh: "滞留", en: "Stranded / held" },
  破损: { zh: "破损", en: "Damage" },
  少货: { zh: "少货", en: "Shortage" },
  丢失: { zh: "丢失", en: "Lost" },
  理赔: { zh: "理赔", en: "Claim" },
  价格时效: { zh: "价格及时效", en: "Price & transit time" },
  网点: { zh: "网点信息", en: "Outlet info" },
  业务办理: { zh: "业务办理", en: "Service request" },
}

/** Manual (十一): stranded, damaged and short goods are handled first. */
export const URGENT_CASE_TYPES: readonly CaseType[] = ["滞留", "破损", "少货"]

export const CASE_STATUSES = ["open", "waiting", "resolved"] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** The escalation ladder (manual 九): 1 window staff / site manager → 2 related company CS → 3 company or regional head → 4 HQ. */
export const LADDER_LEVELS = [1, 2, 3, 4] as const
export type LadderLevel = (typeof LADDER_LEVELS)[number]

export const CONTACT_ROLES = [
  "window", // 窗口人员
  "site_manager", // 现场管理员
  "branch_cs", // 相关公司客服
  "company_head", // 公司负责人
  "regional_head", // 片区办公室负责人
  "hq_dept", // 总部职能部门
] as const
export type ContactRole = (typeof CONTACT_ROLES)[number]

export const ROLE_LEVEL: Record<ContactRole, LadderLevel> = {
  window: 1,
  site_manager: 1,
  branch_cs: 2,
  company_head: 3,
  regional_head: 3,
  hq_dept: 4,
}

export const ATTEMPT_OUTCOMES = ["reached", "no_progress", "no_answer"] as const
/** reached = resolved or firmly committed; no_progress = talked, nothing moved; no_answer = not reached. */
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export interface AgentRef {
  name: string
  workId: string
}

/** One entry of the contact directory the admin loads. */
export interface Contact {
  id: string
  name: string
  role: ContactRole
  /** 网点 / branch (outlet) name, for level 1. */
  branch?: string
  /** 公司 (franchise company / subsidiary) the branch belongs to. */
  company?: string
  /** 片区 / region. */
  region?: string
  /** HQ functional department name, for level 4. */
  department?: string
  phone?: string
  im?: string
  /** Free text, e.g. "周一至周六 8:30-18:00". */
  hours?: string
  note?: string
}

/** A logged attempt to reach someone on the ladder. */
export interface ContactAttempt {
  id: string
  waybill: string
  at: number
  level: LadderLevel
  contactId?: string
  contactName: string
  outcome: AttemptOutcome
  note: string
  author?: AgentRef
}

/** A handoff note (交接, manual 七): what the next agent needs so the customer never repeats anything. */
export interface HandoffNote {
  id: string
  waybill: string
  createdAt: number
  author: AgentRef
  customerName?: string
  customerContact?: string
  /** The problem as confirmed with the customer. */
  problem: string
  /** What has been done, and by whom. */
  actionsTaken: string
  /** Who was contacted on the ladder and with what result. */
  contacted: string
  /** What was promised to the customer. */
  promise: string
  /** When the customer was promised a callback (epoch ms). */
  callbackAt?: number
  nextStep: string
  /** 交给: whom the case is handed to (a colleague, a team, "下一班"). */
  handedTo?: string
  /** false: the callback is the recipient's (交给 someone else); no reminder on the writer's machine. */
  remind?: boolean
  /** 接手: the id of the colleague's handoff (read from the ticket) this note takes over. */
  takeoverOf?: string
  caseType?: CaseType
  status?: CaseStatus
  /** Where the note was written (CRM page), to reopen it from a reminder. */
  pageUrl?: string
}

/** The case bound to a waybill: the latest state, kept alongside the note timeline. */
export interface CaseRecord {
  waybill: string
  carrier?: string
  caseType: CaseType
  status: CaseStatus
  urgent: boolean
  customerName?: string
  customerContact?: string
  /** The branch / company / region involved, used to pick escalation contacts. */
  involved?: { branch?: string; company?: string; region?: string }
  pageUrl?: string
  callbackAt?: number
  createdAt: number
  updatedAt: number
}

/** What `nextEscalation` needs to know about a case. */
export interface CaseState {
  waybill: string
  caseType: CaseType
  involved?: { branch?: string; company?: string; region?: string }
  attempts: ContactAttempt[]
  /** What the customer said that makes any case urgent: outside-complaint threats, repeat contact (issue 15). */
  customer?: { threats: readonly ThreatKind[]; repeat: boolean }
}
