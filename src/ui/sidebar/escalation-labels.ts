/** The i18n keys of the escalation ladder's decisions, attempt outcomes and contact roles. */
import type { AttemptOutcome, ContactRole } from "~lib/cases/model"
import type { EscalationDecision } from "~lib/escalation/next-escalation"

import type { StringKey } from "../i18n"

export const DECISION_KEYS: Record<EscalationDecision, StringKey> = {
  start: "decisionStart",
  wait: "decisionWait",
  escalate: "decisionEscalate",
  retry: "decisionRetry",
  exhausted: "decisionExhausted",
}

export const OUTCOME_KEYS: Record<AttemptOutcome, StringKey> = {
  reached: "outcomeReached",
  no_progress: "outcomeNoProgress",
  no_answer: "outcomeNoAnswer",
}

export const ROLE_KEYS: Record<ContactRole, StringKey> = {
  window: "roleWindow",
  site_manager: "roleSiteManager",
  branch_cs: "roleBranchCs",
  company_head: "roleCompanyHead",
  regional_head: "roleRegionalHead",
  hq_dept: "roleHqDept",
}
