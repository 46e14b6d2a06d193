import { describe, expect, it } from "vitest"

import type { ContactAttempt } from "~lib/cases/model"
import { nextEscalation } from "~lib/escalation/next-escalation"

import { ladderDue } from "./tab-counts"

const NOW = Date.UTC(2026, 11, 4, 6, 0)
const MIN = 60_000
const attempt = (level: 1 | 2 | 3 | 4, outcome: ContactAttempt["outcome"], ago: number): ContactAttempt =>
  ({
    id: `a${level}${ago}`,
    waybill: "SF1234567890123",
    at: NOW - ago * MIN,
    level,
    outcome,
  }) as ContactAttempt

const due = (attempts: ContactAttempt[]) =>
  ladderDue(
    nextEscalation({ waybill: "SF1234567890123", caseType: "延误", attempts }, [], NOW),
    attempts.length,
  )

describe("ladderDue (the 升级 tab's count)", () => {
  it("is nothing before the first attempt: every case would count otherwise", () => {
    expect(due([])).toBe(false)
  })

  it("counts a step that is due now, not one still inside its window", () => {
    expect(due([attempt(1, "reached", 60)])).toBe(false)
    expect(due([attempt(1, "reached", 48 * 60)])).toBe(true)
    expect(due([attempt(1, "no_answer", 1)])).toBe(false)
    expect(due([attempt(1, "no_answer", 5 * 60)])).toBe(true)
  })
})
