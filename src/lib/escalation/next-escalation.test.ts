import { readFileSync } from "node:fs"

import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  ATTEMPT_OUTCOMES,
  CASE_TYPES,
  CONTACT_ROLES,
  type AttemptOutcome,
  type CaseState,
  type CaseType,
  type Contact,
  type LadderLevel,
} from "../cases/model"
import { getScript } from "../scripts/render"
import { parseContactsCsv } from "./contacts-csv"
import { LADDER, LADDER_TIMING, ladderLevelOf } from "./ladder"
import { LADDER_RULES, formatDuration, nextEscalation, rankContacts } from "./next-escalation"

const MIN = 60_000
const NOW = Date.UTC(2026, 10, 22, 6, 0, 0)

/** [level, outcome, minutes ago, contactId?] */
type A = [LadderLevel, AttemptOutcome, number, string?]

function state(caseType: CaseType, rows: A[], involved?: CaseState["involved"]): CaseState {
  return {
    waybill: "SH20241122001",
    caseType,
    involved,
    attempts: rows.map(([level, outcome, ago, contactId], i) => ({
      id: `a${i}`,
      waybill: "SH20241122001",
      at: NOW - ago * MIN,
      level,
      contactId,
      contactName: contactId ?? `某人${i}`,
      outcome,
      note: "",
    })),
  }
}

function loadSample(): Contact[] {
  const r = parseContactsCsv(
    readFileSync(new URL("../../../samples/contacts-sample.csv", import.meta.url), "utf8"),
  )
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.contacts
}

const XIAOSHAN = { branch: "杭州萧山网点", company: "杭州分公司", region: "浙北片区" }

// caseType, attempts, expected level, decision, rule, waitBeforeRetry (minutes)
const TRANSITIONS: [string, CaseType, A[], LadderLevel, string, string, number][] = [
  ["nothing logged", "延误", [], 1, "start", "no-attempts", 0],
  ["one no-answer, 5 min ago", "延误", [[1, "no_answer", 5]], 1, "retry", "retry", 25],
  ["one no-answer, 40 min ago", "延误", [[1, "no_answer", 40]], 1, "retry", "retry", 0],
  ["urgent: one no-answer, 5 min ago", "破损", [[1, "no_answer", 5]], 1, "retry", "retry", 5],
  [
    "two no-answers",
    "延误",
    [
      [1, "no_answer", 60],
      [1, "no_answer", 20],
    ],
    2,
    "escalate",
    "no-answer-limit",
    0,
  ],
  ["no progress", "延误", [[1, "no_progress", 10]], 2, "escalate", "no-progress", 0],
  ["reached, within 2 h", "延误", [[1, "reached", 30]], 1, "wait", "reached-pending", 90],
  ["reached, 3 h ago", "延误", [[1, "reached", 180]], 2, "escalate", "reached-expired", 0],
  ["urgent: reached 20 min ago", "破损", [[1, "reached", 20]], 1, "wait", "reached-pending", 10],
  ["urgent: reached 40 min ago", "破损", [[1, "reached", 40]], 2, "escalate", "reached-expired", 0],
  [
    "urgent: one no-answer 35 min ago (window 30 min)",
    "滞留",
    [[1, "no_answer", 35]],
    2,
    "escalate",
    "window-passed",
    0,
  ],
  ["normal: one no-answer 35 min ago", "延误", [[1, "no_answer", 35]], 1, "retry", "retry", 0],
  ["normal: one no-answer 130 min ago", "延误", [[1, "no_answer", 130]], 2, "escalate", "window-passed", 0],
  [
    "fresh commitment after a failure",
    "延误",
    [
      [1, "no_progress", 50],
      [1, "reached", 10],
    ],
    1,
    "wait",
    "reached-pending",
    110,
  ],
  [
    "no progress after a commitment",
    "延误",
    [
      [1, "reached", 60],
      [1, "no_progress", 10],
    ],
    2,
    "escalate",
    "no-progress",
    0,
  ],
  [
    "commitment still within its window, then a no-answer",
    "延误",
    [
      [1, "reached", 100],
      [1, "no_answer", 10],
    ],
    1,
    "wait",
    "reached-pending",
    20,
  ],
  [
    "commitment expired, then a no-answer",
    "延误",
    [
      [1, "reached", 150],
      [1, "no_answer", 10],
    ],
    2,
    "escalate",
    "reached-expired",
    0,
  ],
  [
    "already at level 2, one no-answer",
    "延误",
    [
      [1, "no_progress", 180],
      [2, "no_answer", 10],
    ],
    2,
    "retry",
    "retry",
    20,
  ],
  [
    "level 3 twice unanswered",
    "滞留",
    [
      [1, "no_progress", 300],
      [2, "no_progress", 200],
      [3, "no_answer", 5],
      [3, "no_answer", 1],
    ],
    4,
    "escalate",
    "no-answer-limit",
    0,
  ],
  [
    "level 4 no progress",
    "滞留",
    [
      [3, "no_progress", 60],
      [4, "no_progress", 1],
    ],
    4,
    "exhausted",
    "no-progress",
    0,
  ],
  ["level 4 commitment expired", "延误", [[4, "reached", 25 * 60]], 4, "exhausted", "reached-expired", 0],
  ["level 4 commitment pending", "延误", [[4, "reached", 60]], 4, "wait", "reached-pending", 23 * 60],
  [
    "lower-level attempt after a higher one is history",
    "延误",
    [
      [2, "reached", 30],
      [1, "no_progress", 5],
    ],
    2,
    "wait",
    "reached-pending",
    210,
  ],
]

describe("nextEscalation transition table", () => {
  it.each(TRANSITIONS)("%s", (_label, caseType, rows, level, decision, ruleId, waitMin) => {
    const advice = nextEscalation(state(caseType, rows, XIAOSHAN), [], NOW)
    expect(advice.level).toBe(level)
    expect(advice.decision).toBe(decision)
    expect(advice.ruleId).toBe(ruleId)
    expect(advice.waitBeforeRetryMs).toBe(waitMin * MIN)
    expect(advice.exhausted).toBe(decision === "exhausted")
    expect(advice.scriptId).toBe(LADDER[level - 1].scriptId)
    expect(advice.levelName).toEqual(LADDER[level - 1].name)
    // Durations are bilingual objects: each language must get its own words, never "[object Object]".
    expect(advice.reason.zh).not.toMatch(/object|[a-z]{4,}/i)
    expect(advice.reason.en).not.toContain("[object")
    expect(advice.reason.en).not.toMatch(/[分小时天]/)
  })

  it("reports attempts at the advised level and time since the last attempt", () => {
    const a = nextEscalation(state("延误", [[1, "no_answer", 40]]), [], NOW)
    expect(a.attemptsAtLevel).toBe(1)
    expect(a.sinceLastAttemptMs).toBe(40 * MIN)
    const up = nextEscalation(state("延误", [[1, "no_progress", 10]]), [], NOW)
    expect(up.attemptsAtLevel).toBe(0)
    expect(up.sinceLastAttemptMs).toBe(10 * MIN)
    expect(nextEscalation(state("延误", []), [], NOW).sinceLastAttemptMs).toBeNull()
  })

  it("explains the move in both languages", () => {
    const a = nextEscalation(
      state("延误", [
        [1, "no_progress", 30],
        [1, "no_progress", 10],
      ]),
      [],
      NOW,
    )
    expect(a.reason.zh).toBe("第1级（网点窗口 / 现场管理员）已联系2次仍无进展，升级到第2级（相关公司客服）")
    expect(a.reason.en).toContain("move up to level 2")
    const ex = nextEscalation(state("延误", [[4, "no_progress", 1]]), [], NOW)
    expect(ex.reason.zh).toContain("请报告主管")
  })

  it("marks 滞留 / 破损 / 少货 urgent with shorter windows", () => {
    for (const t of CASE_TYPES) {
      const a = nextEscalation(state(t, []), [], NOW)
      expect(a.urgent).toBe(t === "滞留" || t === "破损" || t === "少货")
    }
    expect(LADDER_TIMING.urgent.retryWaitMs).toBeLessThan(LADDER_TIMING.normal.retryWaitMs)
    for (const l of [1, 2, 3, 4] as const)
      expect(LADDER_TIMING.urgent.levelWindowMs[l]).toBeLessThan(LADDER_TIMING.normal.levelWindowMs[l])
  })

  it("an outside-complaint threat or a repeat contact makes any case urgent, with the reason shown", () => {
    // 延误, one unanswered call 35 min ago: normally try again now at level 1 (window 2 h) ...
    const base = state("延误", [[1, "no_answer", 35]])
    expect(nextEscalation(base, [], NOW)).toMatchObject({ urgent: false, urgentBecause: [] })
    // ... urgent windows (30 min at level 1) move it up, and say why.
    const threat = nextEscalation(
      { ...base, customer: { threats: ["postal", "review"], repeat: false } },
      [],
      NOW,
    )
    expect(threat).toMatchObject({ urgent: true, level: 2, decision: "escalate", ruleId: "window-passed" })
    expect(threat.urgentBecause).toHaveLength(1)
    expect(threat.urgentBecause[0].zh).toContain("12305")
    expect(threat.urgentBecause[0].zh).toContain("差评")
    expect(threat.notes).toContainEqual(threat.urgentBecause[0])
    const repeat = nextEscalation({ ...base, customer: { threats: [], repeat: true } }, [], NOW)
    expect(repeat).toMatchObject({ urgent: true, level: 2 })
    expect(repeat.urgentBecause[0].en).toContain("again")
    // Retry waits shrink to the urgent ones as well.
    const fresh = state("查询", [[1, "no_answer", 5]])
    expect(nextEscalation(fresh, [], NOW).waitBeforeRetryMs).toBe(25 * MIN)
    expect(
      nextEscalation({ ...fresh, customer: { threats: [], repeat: true } }, [], NOW).waitBeforeRetryMs,
    ).toBe(5 * MIN)
    // A damage case from an angry customer lists both reasons.
    const both = nextEscalation(
      { ...state("破损", []), customer: { threats: ["legal"], repeat: true } },
      [],
      NOW,
    )
    expect(both.urgentBecause).toHaveLength(3)
  })

  it("the rule table ends with a catch-all and every rule id is unique", () => {
    const ids = LADDER_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(LADDER_RULES[LADDER_RULES.length - 1].id).toBe("retry")
  })

  it("never throws, and moves at most one level above the highest attempt (property)", () => {
    const attempt = fc.record({
      level: fc.constantFrom<LadderLevel>(1, 2, 3, 4),
      outcome: fc.constantFrom(...ATTEMPT_OUTCOMES),
      ago: fc.integer({ min: -60, max: 3 * 24 * 60 }),
    })
    fc.assert(
      fc.property(fc.constantFrom(...CASE_TYPES), fc.array(attempt, { maxLength: 12 }), (caseType, rows) => {
        const s = state(
          caseType,
          rows.map((r) => [r.level, r.outcome, r.ago] as A),
        )
        const a = nextEscalation(s, [], NOW)
        const top = rows.reduce((m, r) => Math.max(m, r.level), 1)
        expect(a.level).toBeGreaterThanOrEqual(top)
        expect(a.level).toBeLessThanOrEqual(Math.min(4, top + 1))
        expect(a.waitBeforeRetryMs).toBeGreaterThanOrEqual(0)
        if (a.exhausted) expect(a.level).toBe(4)
      }),
    )
  })
})

describe("contact ranking", () => {
  const directory = loadSample()

  it("level 1: the involved branch's window staff, then site manager, then the same company", () => {
    const a = nextEscalation(state("滞留", [], XIAOSHAN), directory, NOW)
    expect(a.contacts.map((c) => c.contact.id).slice(0, 4)).toEqual([
      "hz-xs-w1",
      "hz-xs-s1",
      "hz-yh-w1",
      "hz-yh-s1",
    ])
    expect(a.contacts.every((c) => c.contact.role === "window" || c.contact.role === "site_manager")).toBe(
      true,
    )
    expect(a.contacts[0].match).toBe("branch")
    expect(a.contacts[0].reason.zh).toContain("同一网点")
    expect(a.contacts[2].match).toBe("company")
    expect(a.contacts[a.contacts.length - 1].match).toBe("other")
  })

  it("contacts just tried without an answer sink to the bottom, with the reason", () => {
    const a = nextEscalation(state("滞留", [[1, "no_answer", 5, "hz-xs-w1"]], XIAOSHAN), directory, NOW)
    expect(a.contacts[0].contact.id).toBe("hz-xs-s1")
    const last = a.contacts[a.contacts.length - 1]
    expect(last.contact.id).toBe("hz-xs-w1")
    expect(last.reason.zh).toContain("5分钟前未接通")
    expect(last.lastAttempt).toEqual({ at: NOW - 5 * MIN, outcome: "no_answer", level: 1 })
  })

  it("an old no-answer no longer pushes a contact down", () => {
    const ranked = rankContacts(
      1,
      state("延误", [[1, "no_answer", 5 * 60, "hz-xs-w1"]], XIAOSHAN),
      directory,
      NOW,
    )
    expect(ranked[0].contact.id).toBe("hz-xs-w1")
  })

  it("while waiting on a commitment, the person who committed comes first", () => {
    const a = nextEscalation(state("延误", [[1, "reached", 10, "hz-xs-s1"]], XIAOSHAN), directory, NOW)
    expect(a.decision).toBe("wait")
    expect(a.contacts[0].contact.id).toBe("hz-xs-s1")
    expect(a.contacts[0].reason.zh).toContain("已承诺处理")
  })

  it("matches attempts to contacts by name when no contact id was logged", () => {
    const s = state("滞留", [], XIAOSHAN)
    s.attempts.push({
      id: "x",
      waybill: s.waybill,
      at: NOW - MIN,
      level: 1,
      contactName: "陈晓燕",
      outcome: "no_answer",
      note: "",
    })
    const a = nextEscalation(s, directory, NOW)
    expect(a.contacts[0].contact.id).toBe("hz-xs-s1")
  })

  it("level 2: the related company's CS", () => {
    const a = nextEscalation(
      state("破损", [[1, "no_progress", 5]], {
        branch: "福州鼓楼网点",
        company: "福州分公司",
        region: "闽东片区",
      }),
      directory,
      NOW,
    )
    expect(a.level).toBe(2)
    expect(a.contacts[0].contact.id).toBe("fz-cs1")
    expect(a.contacts.every((c) => c.contact.role === "branch_cs")).toBe(true)
  })

  it("level 3: the company head before the regional head, own region before the other", () => {
    const a = nextEscalation(state("少货", [[2, "no_progress", 5]], XIAOSHAN), directory, NOW)
    expect(a.level).toBe(3)
    expect(a.contacts.map((c) => c.contact.id)).toEqual(["hz-head", "reg-zb", "fz-head", "reg-md"])
  })

  it("level 4: the HQ department that fits the case type first", () => {
    const damage = nextEscalation(state("破损", [[3, "no_progress", 5]], XIAOSHAN), directory, NOW)
    expect(damage.contacts[0].contact.id).toBe("hq-claims")
    expect(damage.contacts[0].match).toBe("department")
    const stranded = nextEscalation(state("滞留", [[3, "no_progress", 5]], XIAOSHAN), directory, NOW)
    expect(stranded.contacts[0].contact.id).toBe("hq-ops")
  })

  it("empty directory: advice is still given, with a clear note", () => {
    const a = nextEscalation(state("滞留", [[1, "no_progress", 5]], XIAOSHAN), [], NOW)
    expect(a.level).toBe(2)
    expect(a.contacts).toEqual([])
    expect(a.scriptId).toBe("internal-level-2")
    expect(a.notes.map((n) => n.zh).join()).toContain("目录中没有该级联系人")
    expect(a.notes.map((n) => n.en).join()).toContain("no contact at this level in the directory")
  })

  it("says so when the case has no branch / company / region", () => {
    const a = nextEscalation(state("延误", []), directory, NOW)
    expect(a.contacts.length).toBeGreaterThan(0)
    expect(a.notes.map((n) => n.zh).join()).toContain("未填写涉及的网点")
  })

  it("says so when nothing in the directory matches the case's place", () => {
    const a = nextEscalation(
      state("延误", [], { branch: "南京江宁网点", company: "南京分公司" }),
      directory,
      NOW,
    )
    expect(a.notes.map((n) => n.zh).join()).toContain("没有与该网点/公司/片区匹配")
  })
})

describe("ladder data", () => {
  it("has four levels covering every role once, each with an existing internal script", () => {
    expect(LADDER.map((s) => s.level)).toEqual([1, 2, 3, 4])
    expect(LADDER.flatMap((s) => s.roles).sort()).toEqual([...CONTACT_ROLES].sort())
    for (const s of LADDER) {
      expect(getScript(s.scriptId)?.stage).toBe("internal")
      expect(s.description.zh).toContain("九")
      for (const r of s.roles) expect(ladderLevelOf(r)).toBe(s.level)
    }
  })

  it("formats durations", () => {
    expect(formatDuration(90 * MIN)).toEqual({ zh: "1小时30分钟", en: "1 h 30 min" })
    expect(formatDuration(2 * 60 * MIN)).toEqual({ zh: "2小时", en: "2 h" })
    expect(formatDuration(5 * MIN)).toEqual({ zh: "5分钟", en: "5 min" })
    expect(formatDuration(-5)).toEqual({ zh: "0分钟", en: "0 min" })
  })
})
