// @vitest-environment happy-dom
import { act } from "react"
import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"

import { byAgent, byDay, byRule, tally } from "~lib/audit/aggregate"
import { auditEvent } from "~lib/audit/audit-event.test-helper"
import type { AuditEvent } from "~lib/audit/model"
import type { TeamStatus } from "~lib/protocol/types"

import { allByTestId, byTestId, fakeBrowser, mount, waitFor } from "../component.test-helper"
import { TeamQaPanel } from "./team-qa-panel"

const status = (o: Partial<TeamStatus>): TeamStatus => ({
  state: "ok",
  roles: [],
  isQa: false,
  queued: 0,
  rejected: 0,
  rejections: [],
  user: "Q9",
  ...o,
})

const ev = (id: string, agentWorkId: string, outcome: AuditEvent["outcome"]) =>
  auditEvent({ id, at: Date.UTC(2026, 10, 20, 2), outcome, agentWorkId, agentName: agentWorkId })

describe("TeamQaPanel", () => {
  it("loads the team-wide figures for a QA user and shows them in the review tables", async () => {
    const events = [ev("1", "A1", "shown"), ev("2", "A1", "applied"), ev("3", "B2", "shown")]
    const figures = {
      total: tally(events),
      rules: byRule(events),
      agents: byAgent(events),
      days: byDay(events, { utcOffsetMinutes: 480 }),
      conversations: {
        items: [{ id: "greeting", pass: 3, fail: 1, na: 0, rate: 0.75 }],
        agents: [
          {
            agentWorkId: "A1",
            agentName: "李娜",
            conversations: 2,
            pass: 9,
            fail: 3,
            na: 4,
            rate: 0.75,
            meanScore: 0.8,
          },
        ],
        sent: [
          ["A1", 5],
          ["B2", 2],
        ],
      },
      handoffs: [
        ["handoff\u0000A1", 4],
        ["takeover\u0000B2", 1],
      ],
    }
    const browser = fakeBrowser({
      handlers: {
        "team.status": () => status({ isQa: true, roles: ["qa"] }),
        "team.qa": () => ({ ok: true, figures }),
      },
    })
    const view = await mount(<TeamQaPanel from={0} to={1_800_000_000_000} book={DEFAULT_PHRASEBOOK} />, {
      browser: browser,
    })
    const c = view.container
    await act(async () => (await waitFor(() => byTestId<HTMLButtonElement>(c, "team-qa-load"))).click())
    await waitFor(() => byTestId(c, "team-qa-figures"))
    expect(byTestId(c, "team-qa-totals").textContent).toContain("出现 2 次")
    // Team figures read rules by their Chinese titles too.
    expect(byTestId(c, "qa-rule-row").querySelector('[data-testid="qa-rule-title"]')!.textContent).toBe(
      "开口就说“不行”",
    )
    expect(allByTestId(c, "qa-agent-row").map((r) => r.getAttribute("data-work-id"))).toEqual(["A1", "B2"])
    // Scorecards, sent replies and handoffs from the views, beside the audit figures.
    const convRows = allByTestId(c, "team-conv-agent-row")
    expect(convRows.map((r) => r.getAttribute("data-agent"))).toEqual(["A1", "B2"])
    expect(convRows[0].textContent).toContain("李娜 (A1)")
    expect([...convRows[1].querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "B2",
      "2",
      "0",
      "0",
      "0",
      "—",
      "—",
    ])
    expect(byTestId(c, "team-conv-item-row").textContent).toContain("75")
    expect(allByTestId(c, "team-handoff-row").map((r) => r.textContent)).toEqual(["A1400", "B2010"])
    expect(browser.messages.find((m) => m.name === "team.qa")?.body).toEqual({
      from: 0,
      to: 1_800_000_000_000,
    })
  })

  it("tells an agent without the QA role that only local figures are shown", async () => {
    const browser = fakeBrowser({ handlers: { "team.status": () => status({}) } })
    const view = await mount(<TeamQaPanel from={0} to={1} />, { browser })
    await waitFor(() => byTestId(view.container, "team-qa-not-qa"))
    expect(view.container.querySelector("[data-testid=team-qa-load]")).toBeNull()
  })
})
