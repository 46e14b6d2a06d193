/**
 * The four-level escalation ladder (阶梯联系, manual 九) and its timing thresholds, as data.
 * The decision rules that use them live in `next-escalation.ts`.
 */
import { ROLE_LEVEL, type ContactRole, type LadderLevel } from "../cases/model"
import type { Bilingual } from "../scripts/slots"

/** One rung of the ladder. */
export interface LadderStep {
  level: LadderLevel
  name: Bilingual
  roles: readonly ContactRole[]
  description: Bilingual
  /** The internal script (src/lib/scripts) for what to say at this step. */
  scriptId: string
}

/** Manual (九): "找准沟通对象，逐步阶梯联系，做好跟踪工作". */
export const LADDER: readonly LadderStep[] = [
  {
    level: 1,
    name: { zh: "网点窗口 / 现场管理员", en: "Branch window staff / site manager" },
    roles: ["window", "site_manager"],
    description: {
      zh: "手册（九）：处理货损货差、货物滞留时，先联系相关窗口人员和现场管理员。",
      en: "Manual (九): for damage, shortage or stranded goods, first contact the branch's window staff and site manager.",
    },
    scriptId: "internal-level-1",
  },
  {
    level: 2,
    name: { zh: "相关公司客服", en: "Related company's customer service" },
    roles: ["branch_cs"],
    description: {
      zh: "手册（九）（六）：可联系相关公司的客服人员协商处理，全集团客服有责任互帮互助。",
      en: "Manual (九)(六): contact the related company's customer service; every CS agent in the group must help.",
    },
    scriptId: "internal-level-2",
  },
  {
    level: 3,
    name: { zh: "公司负责人 / 片区办公室负责人", en: "Company head / regional office head" },
    roles: ["company_head", "regional_head"],
    description: {
      zh: "手册（九）：处理不顺利或有异常，再联系其公司负责人或片区办公室负责人参与处理。",
      en: "Manual (九): if it does not go smoothly, involve the company head or the regional office head.",
    },
    scriptId: "internal-level-3",
  },
  {
    level: 4,
    name: { zh: "总部职能部门", en: "HQ functional department" },
    roles: ["hq_dept"],
    description: {
      zh: "手册（九）：需要总部职能部门协调解决的，再联系总部职能部门。",
      en: "Manual (九): when HQ coordination is needed, contact the HQ functional department.",
    },
    scriptId: "internal-level-4",
  },
]

/** The ladder level a contact role belongs to. */
export function ladderLevelOf(role: ContactRole): LadderLevel {
  return ROLE_LEVEL[role]
}

/** The ladder step for a level. */
export function ladderStep(level: LadderLevel): LadderStep {
  return LADDER[level - 1]
}

const MIN = 60_000
const HOUR = 60 * MIN

/** Timing thresholds. Urgent = 滞留 / 破损 / 少货 (manual 十一: handle at once), so every window is shorter. */
export interface LadderTiming {
  /** How long a level gets, from its first attempt, before we move up. Also how long a "reached" commitment is trusted. */
  levelWindowMs: Record<LadderLevel, number>
  /** The minimum gap before trying the same level again after no answer. */
  retryWaitMs: number
  /** This many no-answer attempts at one level move the case up. */
  noAnswerLimit: number
}

/** The thresholds, as data; `nextEscalation` reads only these. */
export const LADDER_TIMING: Readonly<Record<"normal" | "urgent", LadderTiming>> = {
  normal: {
    levelWindowMs: { 1: 2 * HOUR, 2: 4 * HOUR, 3: 8 * HOUR, 4: 24 * HOUR },
    retryWaitMs: 30 * MIN,
    noAnswerLimit: 2,
  },
  urgent: {
    levelWindowMs: { 1: 30 * MIN, 2: 1 * HOUR, 3: 2 * HOUR, 4: 4 * HOUR },
    retryWaitMs: 10 * MIN,
    noAnswerLimit: 2,
  },
}
