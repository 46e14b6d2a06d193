/**
 * What to do next on the escalation ladder for a case: which level, whom (ranked), why, and when.
 * The decision is a first-match table of rules ({@link LADDER_RULES}) over facts computed from the
 * attempts already logged; all thresholds come from {@link LADDER_TIMING}.
 */
import {
  ROLE_LEVEL,
  URGENT_CASE_TYPES,
  type AttemptOutcome,
  type CaseState,
  type CaseType,
  type Contact,
  type ContactAttempt,
  type LadderLevel,
} from "../cases/model"
import { THREAT_LABELS } from "../customer"
import type { Bilingual } from "../scripts/slots"
import { LADDER_TIMING, ladderStep, type LadderTiming } from "./ladder"

/** start = first contact; wait = a commitment is pending; escalate = move up now; retry = same level again; exhausted = level 4 did not resolve it. */
export type EscalationDecision = "start" | "wait" | "escalate" | "retry" | "exhausted"

/** How a contact relates to the case's branch / company / region (best match). */
export type ContactMatch = "branch" | "company" | "region" | "department" | "other"

/** A directory entry ranked for the advised level. */
export interface RankedContact {
  contact: Contact
  score: number
  match: ContactMatch
  /** Why it is ranked where it is, e.g. "同一网点；30分钟前未接通". */
  reason: Bilingual
  /** The latest logged attempt with this contact, if any. */
  lastAttempt?: { at: number; outcome: AttemptOutcome; level: LadderLevel }
}

/** The advice `nextEscalation` returns. */
export interface EscalationAdvice {
  /** The level to contact now (or to keep waiting on, when `decision` is "wait"). */
  level: LadderLevel
  levelName: Bilingual
  decision: EscalationDecision
  /** The rule of {@link LADDER_RULES} that decided. */
  ruleId: LadderRuleId
  /** Contacts at `level`, best first. May be empty (see `notes`). */
  contacts: RankedContact[]
  reason: Bilingual
  /** Extra remarks, e.g. "目录中没有该级联系人 / no contact at this level in the directory". */
  notes: Bilingual[]
  /** The internal script for this step (src/lib/scripts). */
  scriptId: string
  /** Since the latest attempt at any level; null when nothing was logged. */
  sinceLastAttemptMs: number | null
  /** Attempts already logged at `level` (0 right after moving up). */
  attemptsAtLevel: number
  /** 滞留 / 破损 / 少货 (manual 十一), or a customer threatening to complain outside / calling again: shorter windows. */
  urgent: boolean
  /** Why the case is urgent (empty when it is not). */
  urgentBecause: Bilingual[]
  /** How long to wait before the next call at `level`; 0 = act now. */
  waitBeforeRetryMs: number
  /** true when level 4 has been tried without resolution. */
  exhausted: boolean
}

/** Facts about the current level that the rules read. */
export interface LevelFacts {
  level: LadderLevel
  attempts: number
  noAnswer: number
  /** no_progress attempts plus reached attempts whose window passed without resolution. */
  noProgress: number
  /** The latest reached attempt is within its window and nothing after it reported no progress. */
  pendingReached: ContactAttempt | undefined
  /** A reached commitment has expired (counted in `noProgress` too). */
  expiredReached: number
  sinceFirstMs: number
  sinceLastMs: number
  timing: LadderTiming
  windowMs: number
}

export type LadderRuleId =
  | "no-attempts"
  | "reached-pending"
  | "reached-expired"
  | "no-progress"
  | "no-answer-limit"
  | "window-passed"
  | "retry"

/** One row of the transition table. */
export interface LadderRule {
  id: LadderRuleId
  decision: "start" | "wait" | "escalate" | "retry"
  when: Bilingual
  test: (f: LevelFacts) => boolean
}

/** The transition table, first match wins. Order matters: a fresh commitment outranks earlier failures. */
export const LADDER_RULES: readonly LadderRule[] = [
  {
    id: "no-attempts",
    decision: "start",
    when: { zh: "还没有联系记录：从第1级开始", en: "Nothing logged yet: start at level 1" },
    test: (f) => f.attempts === 0,
  },
  {
    id: "reached-pending",
    decision: "wait",
    when: {
      zh: "已联系上并承诺处理，仍在时限内：等待结果",
      en: "Reached and committed, still within the window: wait for the result",
    },
    test: (f) => f.pendingReached !== undefined,
  },
  {
    id: "reached-expired",
    decision: "escalate",
    when: {
      zh: "承诺处理但超过时限仍未解决：视为无进展，升级",
      en: "Committed but the window passed unresolved: counts as no progress, move up",
    },
    test: (f) => f.expiredReached > 0,
  },
  {
    id: "no-progress",
    decision: "escalate",
    when: { zh: "本级联系上但无进展：升级", en: "Talked at this level but nothing moved: move up" },
    test: (f) => f.noProgress > 0,
  },
  {
    id: "no-answer-limit",
    decision: "escalate",
    when: { zh: "本级多次未接通：升级", en: "Not reached too many times at this level: move up" },
    test: (f) => f.noAnswer >= f.timing.noAnswerLimit,
  },
  {
    id: "window-passed",
    decision: "escalate",
    when: {
      zh: "自本级首次联系已超过时限：升级",
      en: "The level's window since the first attempt has passed: move up",
    },
    test: (f) => f.sinceFirstMs > f.windowMs,
  },
  {
    id: "retry",
    decision: "retry",
    when: { zh: "尚未达到升级条件：同级再试", en: "No reason to move up yet: try this level again" },
    test: () => true,
  },
]

/** Human duration, e.g. "1小时30分钟" / "1 h 30 min". */
export function formatDuration(ms: number): Bilingual {
  const totalMin = Math.max(0, Math.round(ms / 60_000))
  const h = Math.floor(totalMin / 60)
  const m = totalMin % 60
  if (h === 0) return { zh: `${m}分钟`, en: `${m} min` }
  if (m === 0) return { zh: `${h}小时`, en: `${h} h` }
  return { zh: `${h}小时${m}分钟`, en: `${h} h ${m} min` }
}

/** HQ departments whose names suggest they own a case type (level 4 ranking), most specific first. */
export const HQ_DEPARTMENT_HINTS: Readonly<Record<CaseType, readonly string[]>> = {
  滞留: ["运营", "调度", "客服"],
  延误: ["运营", "调度", "客服"],
  破损: ["理赔", "质量", "质控", "客服"],
  少货: ["理赔", "质量", "质控", "客服"],
  丢失: ["理赔", "安全", "客服"],
  理赔: ["理赔", "财务", "客服"],
  价格时效: ["市场", "价格", "产品", "客服"],
  网点: ["网络", "网点", "运营", "客服"],
  业务办理: ["产品", "业务", "客服"],
  查询: ["客服", "运营"],
}

const SCORE = {
  branch: 400,
  company: 200,
  region: 100,
  departmentMax: 50,
  committed: 1000,
  recentFail: -1000,
}
// Within a level the manual names window staff before the site manager, and the company head before the region.
const ROLE_TIEBREAK: Partial<Record<Contact["role"], number>> = { window: 5, company_head: 5 }

const norm = (s: string | undefined) => (s ?? "").replace(/\s+/g, "").toLowerCase()

function attemptsWith(contact: Contact, attempts: readonly ContactAttempt[]): ContactAttempt[] {
  return attempts.filter((a) =>
    a.contactId
      ? a.contactId === contact.id
      : norm(a.contactName) !== "" && norm(a.contactName) === norm(contact.name),
  )
}

/** Ranks the directory's contacts for one ladder level: branch → company → region → others; recent failures sink. */
export function rankContacts(
  level: LadderLevel,
  caseState: Pick<CaseState, "caseType" | "involved" | "attempts" | "customer">,
  directory: readonly Contact[],
  now: number,
): RankedContact[] {
  const urgent = urgencyReasons(caseState).length > 0
  const timing = LADDER_TIMING[urgent ? "urgent" : "normal"]
  const windowMs = timing.levelWindowMs[level]
  const inv = caseState.involved ?? {}
  const hints = HQ_DEPARTMENT_HINTS[caseState.caseType] ?? []
  const ranked: RankedContact[] = []
  for (const contact of directory) {
    if (ROLE_LEVEL[contact.role] !== level) continue
    let score = ROLE_TIEBREAK[contact.role] ?? 0
    let match: ContactMatch = "other"
    const zh: string[] = []
    const en: string[] = []
    if (norm(inv.branch) && norm(contact.branch) === norm(inv.branch)) {
      score += SCORE.branch
      match = "branch"
      zh.push("同一网点")
      en.push("same branch")
    }
    if (norm(inv.company) && norm(contact.company) === norm(inv.company)) {
      score += SCORE.company
      if (match === "other") match = "company"
      zh.push("同一公司")
      en.push("same company")
    }
    if (norm(inv.region) && norm(contact.region) === norm(inv.region)) {
      score += SCORE.region
      if (match === "other") match = "region"
      zh.push("同一片区")
      en.push("same region")
    }
    if (level === 4) {
      const dept = norm(contact.department) || norm(contact.name)
      const i = hints.findIndex((h) => dept.includes(h))
      if (i >= 0) {
        score += SCORE.departmentMax - 10 * i
        if (match === "other") match = "department"
        zh.push(`部门对口（${hints[i]}）`)
        en.push(`department fits (${hints[i]})`)
      }
    }
    if (zh.length === 0) {
      zh.push("无网点/公司/片区匹配")
      en.push("no branch/company/region match")
    }
    const history = attemptsWith(contact, caseState.attempts).sort((a, b) => a.at - b.at)
    const last = history[history.length - 1]
    if (last) {
      const ago = formatDuration(now - last.at)
      const recent = now - last.at <= windowMs
      if (last.outcome === "reached" && recent) {
        score += SCORE.committed
        zh.push(`${ago.zh}前已承诺处理，先跟进此人`)
        en.push(`committed ${ago.en} ago: follow up with them first`)
      } else if (last.outcome === "no_answer" && recent) {
        score += SCORE.recentFail
        zh.push(`${ago.zh}前未接通`)
        en.push(`no answer ${ago.en} ago`)
      } else if (last.outcome === "no_progress" && recent) {
        score += SCORE.recentFail
        zh.push(`${ago.zh}前联系过，无进展`)
        en.push(`no progress ${ago.en} ago`)
      }
    }
    ranked.push({
      contact,
      score,
      match,
      reason: { zh: zh.join("；"), en: en.join("; ") },
      ...(last ? { lastAttempt: { at: last.at, outcome: last.outcome, level: last.level } } : {}),
    })
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.contact.name < b.contact.name ? -1 : a.contact.name > b.contact.name ? 1 : 0) ||
      (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0),
  )
}

function factsAt(
  level: LadderLevel,
  attempts: readonly ContactAttempt[],
  timing: LadderTiming,
  now: number,
): LevelFacts {
  const at = attempts.filter((a) => a.level === level).sort((a, b) => a.at - b.at)
  const windowMs = timing.levelWindowMs[level]
  const expired = (a: ContactAttempt) => a.outcome === "reached" && now - a.at > windowMs
  let lastReachedIdx = -1
  at.forEach((a, i) => {
    if (a.outcome === "reached") lastReachedIdx = i
  })
  const lastReached = lastReachedIdx >= 0 ? at[lastReachedIdx] : undefined
  const laterNoProgress = at.slice(lastReachedIdx + 1).some((a) => a.outcome === "no_progress")
  const pendingReached = lastReached && !expired(lastReached) && !laterNoProgress ? lastReached : undefined
  // Only the latest commitment can still be pending; older ones were superseded by it.
  const expiredReached = pendingReached ? 0 : at.filter(expired).length
  return {
    level,
    attempts: at.length,
    noAnswer: at.filter((a) => a.outcome === "no_answer").length,
    noProgress: at.filter((a) => a.outcome === "no_progress").length + expiredReached,
    pendingReached,
    expiredReached,
    sinceFirstMs: at.length ? Math.max(0, now - at[0].at) : 0,
    sinceLastMs: at.length ? Math.max(0, now - at[at.length - 1].at) : 0,
    timing,
    windowMs,
  }
}

const levelLabel = (level: LadderLevel): Bilingual => {
  const s = ladderStep(level)
  return { zh: `第${level}级（${s.name.zh}）`, en: `level ${level} (${s.name.en})` }
}

function reasonFor(rule: LadderRule, f: LevelFacts, next: LadderLevel | null, waitMs: number): Bilingual {
  const cur = levelLabel(f.level)
  const up = next ? levelLabel(next) : null
  const moveZh = up ? `，升级到${up.zh}` : "，已是最高一级"
  const moveEn = up ? `; move up to ${up.en}` : "; this is the top level"
  const win = formatDuration(f.windowMs)
  const wait = formatDuration(waitMs)
  switch (rule.id) {
    case "no-attempts":
      return {
        zh: `尚未联系任何人，从${cur.zh}开始`,
        en: `Nobody contacted yet: start with ${cur.en}`,
      }
    case "reached-pending":
      return {
        zh: `${cur.zh}已联系上并承诺处理（${f.pendingReached?.contactName ?? ""}），在${win.zh}时限内等待结果；${wait.zh}后仍未解决则升级`,
        en: `${cur.en} reached and committed (${f.pendingReached?.contactName ?? ""}); wait for the result within ${win.en}; move up if unresolved in ${wait.en}`,
      }
    case "reached-expired":
      return {
        zh: `${cur.zh}承诺处理后已超过${win.zh}仍未解决，视为无进展${moveZh}`,
        en: `${cur.en} committed but ${win.en} passed without resolution, counted as no progress${moveEn}`,
      }
    case "no-progress":
      return {
        zh: `${cur.zh}已联系${f.attempts}次仍无进展${moveZh}`,
        en: `${cur.en} contacted ${f.attempts} time(s) with no progress${moveEn}`,
      }
    case "no-answer-limit":
      return {
        zh: `${cur.zh}已${f.noAnswer}次未接通${moveZh}`,
        en: `${cur.en} not reached ${f.noAnswer} times${moveEn}`,
      }
    case "window-passed":
      return {
        zh: `${cur.zh}自首次联系已超过${win.zh}仍未解决${moveZh}`,
        en: `${cur.en}: more than ${win.en} since the first attempt without resolution${moveEn}`,
      }
    case "retry":
      return waitMs > 0
        ? {
            zh: `${cur.zh}已联系${f.attempts}次，尚未达到升级条件；${wait.zh}后再试同级`,
            en: `${cur.en} tried ${f.attempts} time(s), not yet a reason to move up; try again in ${wait.en}`,
          }
        : {
            zh: `${cur.zh}已联系${f.attempts}次，尚未达到升级条件；现在可再试同级`,
            en: `${cur.en} tried ${f.attempts} time(s), not yet a reason to move up; try again now`,
          }
  }
}

const NO_CONTACT_NOTE: Bilingual = {
  zh: "目录中没有该级联系人，请按常规渠道联系并登记",
  en: "no contact at this level in the directory; use the usual channel and log it",
}

/**
 * Why a case gets the urgent windows: its type (manual 十一), an outside-complaint threat, a repeat
 * contact. Empty when none applies.
 */
export function urgencyReasons(caseState: Pick<CaseState, "caseType" | "customer">): Bilingual[] {
  const out: Bilingual[] = []
  if (URGENT_CASE_TYPES.includes(caseState.caseType)) {
    out.push({
      zh: "滞留/破损/少货须第一时间处理（手册十一），时限已缩短",
      en: "Stranded/damaged/short goods come first (manual 十一): shorter windows apply",
    })
  }
  const threats = [...new Set(caseState.customer?.threats ?? [])].filter((k) => k in THREAT_LABELS)
  if (threats.length) {
    out.push({
      zh: `客户表示要向外投诉（${threats.map((k) => THREAT_LABELS[k].zh).join("、")}），按紧急时限处理`,
      en: `The customer threatens to complain outside (${threats.map((k) => THREAT_LABELS[k].en).join(", ")}): urgent windows apply`,
    })
  }
  if (caseState.customer?.repeat) {
    out.push({
      zh: "客户重复来电 / 已催过，按紧急时限处理",
      en: "The customer has contacted us again about this: urgent windows apply",
    })
  }
  return out
}

/**
 * Advises the next step on the ladder for a case, given the attempts already logged and the directory.
 * Pure: `now` is passed in. Attempts at lower levels than the highest one reached are history only.
 */
export function nextEscalation(
  caseState: CaseState,
  directory: readonly Contact[],
  now: number,
): EscalationAdvice {
  const urgentBecause = urgencyReasons(caseState)
  const urgent = urgentBecause.length > 0
  const timing = LADDER_TIMING[urgent ? "urgent" : "normal"]
  // Ignore malformed rows (bad level or time) rather than crash on data from an import.
  const attempts = (caseState.attempts ?? [])
    .filter((a) => [1, 2, 3, 4].includes(a.level) && Number.isFinite(a.at))
    .sort((a, b) => a.at - b.at)
  const current: LadderLevel = attempts.reduce<LadderLevel>((m, a) => (a.level > m ? a.level : m), 1)
  const facts = factsAt(current, attempts, timing, now)
  const rule = LADDER_RULES.find((r) => r.test(facts)) ?? LADDER_RULES[LADDER_RULES.length - 1]

  let level: LadderLevel = current
  let decision: EscalationDecision = rule.decision
  let waitMs = 0
  let next: LadderLevel | null = null
  if (rule.decision === "escalate") {
    if (current < 4) {
      next = (current + 1) as LadderLevel
      level = next
    } else decision = "exhausted"
  } else if (rule.decision === "wait" && facts.pendingReached) {
    waitMs = Math.max(0, facts.windowMs - (now - facts.pendingReached.at))
  } else if (rule.decision === "retry") {
    waitMs = Math.max(0, timing.retryWaitMs - facts.sinceLastMs)
  }

  const reason =
    decision === "exhausted"
      ? {
          zh: `${reasonFor(rule, facts, null, waitMs).zh}：请报告主管，继续跟进，并按承诺时间回复客户`,
          en: `${reasonFor(rule, facts, null, waitMs).en}: report to your supervisor, keep following up and reply to the customer on time`,
        }
      : reasonFor(rule, facts, next, waitMs)

  const contacts = rankContacts(level, { ...caseState, attempts }, directory, now)
  const notes: Bilingual[] = []
  if (contacts.length === 0) notes.push(NO_CONTACT_NOTE)
  const inv = caseState.involved ?? {}
  if (!norm(inv.branch) && !norm(inv.company) && !norm(inv.region)) {
    notes.push({
      zh: "未填写涉及的网点/公司/片区，联系人未按地点排序",
      en: "no branch/company/region recorded for the case, so contacts are not ranked by place",
    })
  } else if (contacts.length > 0 && level < 4 && contacts.every((c) => c.match === "other")) {
    notes.push({
      zh: "目录中没有与该网点/公司/片区匹配的本级联系人，以下为其他联系人",
      en: "no contact at this level matches the case's branch/company/region; showing others",
    })
  }
  notes.push(...urgentBecause)

  const last = attempts[attempts.length - 1]
  return {
    level,
    levelName: ladderStep(level).name,
    decision,
    ruleId: rule.id,
    contacts,
    reason,
    notes,
    scriptId: ladderStep(level).scriptId,
    sinceLastAttemptMs: last ? Math.max(0, now - last.at) : null,
    attemptsAtLevel: attempts.filter((a) => a.level === level).length,
    urgent,
    urgentBecause,
    waitBeforeRetryMs: waitMs,
    exhausted: decision === "exhausted",
  }
}
