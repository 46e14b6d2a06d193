// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { auditEvent } from "~lib/audit/audit-event.test-helper"
import type { AuditEvent, AuditOutcome } from "~lib/audit/model"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { AUDIT_RETENTION_KEY } from "~lib/store/audit-retention"

import { allByTestId, byTestId, click, typeInto, waitFor } from "../component.test-helper"
import { openReview } from "./review.test-helper"
import { segments } from "./rate-chart"
import { fromDateInput, toDateInput } from "./review-app"
import { formFromRule, ruleFromForm } from "./rule-workbench"

const NOW = Date.now()
const DAY = 86_400_000
const ev = (outcome: AuditOutcome, over: Partial<AuditEvent> = {}) =>
  auditEvent({ at: NOW - DAY, outcome, excerpt: "不行，电话138****5678", ...over })

async function setup(events: AuditEvent[], storage: Record<string, unknown> = {}) {
  const { repos, container } = await openReview({ events, storage, now: () => NOW })
  return { repos, c: container }
}

describe("ReviewApp", () => {
  it("aggregates per rule and per agent and drills down to the events", async () => {
    const { c } = await setup([
      ev("shown"),
      ev("shown"),
      ev("applied"),
      ev("shown", { ruleId: "blame-bushi-wo-cuo", agentWorkId: "B2", agentName: "王强" }),
      ev("wrong", { ruleId: "blame-bushi-wo-cuo", agentWorkId: "B2", agentName: "王强", reason: "客户原话" }),
    ])
    await waitFor(() => expect(allByTestId(c, "qa-rule-row")).toHaveLength(2))
    const buxing = c.querySelector('[data-testid="qa-rule-row"][data-rule-id="refusal-buxing"]')!
    expect(buxing.querySelector('[data-col="shown"]')!.textContent).toBe("2")
    expect(buxing.querySelector('[data-col="applied-rate"]')!.textContent).toBe("50%")
    const blame = c.querySelector('[data-testid="qa-rule-row"][data-rule-id="blame-bushi-wo-cuo"]')!
    expect(blame.querySelector('[data-col="wrong"]')!.textContent).toBe("1")
    expect(allByTestId(c, "qa-agent-row").map((r) => r.getAttribute("data-work-id"))).toEqual(["A1024", "B2"])
    expect(allByTestId(c, "qa-event-row")).toHaveLength(5)
    expect(byTestId(c, "qa-chart").querySelectorAll("circle").length).toBeGreaterThan(0)

    await click(blame.querySelector('[data-testid="qa-drill-rule"]')!)
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(2))
    expect(c.textContent).toContain("客户原话")
    // The drilled row is marked selected the same way in both stats tables.
    const selectedIn = (testid: string) =>
      allByTestId(c, testid)
        .filter((r) => r.getAttribute("aria-selected") === "true")
        .map((r) => r.getAttribute("data-rule-id") ?? r.getAttribute("data-work-id"))
    expect(selectedIn("qa-rule-row")).toEqual(["blame-bushi-wo-cuo"])
    await click(byTestId(c, "qa-clear-filters"))
    await click(
      c.querySelector('[data-testid="qa-agent-row"][data-work-id="B2"] [data-testid="qa-drill-agent"]')!,
    )
    await waitFor(() => expect(selectedIn("qa-agent-row")).toEqual(["B2"]))
    expect(selectedIn("qa-rule-row")).toEqual([])

    await click(byTestId(c, "qa-clear-filters"))
    await typeInto(byTestId(c, "qa-filter-outcome"), "applied")
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(1))
    await typeInto(byTestId(c, "qa-filter-category"), "blame-shifting")
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(0))
  })

  it("purges events past the retention setting when it opens", async () => {
    const { c, repos } = await setup(
      [ev("shown", { id: "old", at: NOW - 40 * DAY }), ev("shown", { id: "new" })],
      {
        [AUDIT_RETENTION_KEY]: 30,
      },
    )
    await waitFor(() => expect(byTestId(c, "qa-purged").textContent).toContain("1"))
    expect(
      (await repos.audit.listAuditEvents({ from: 0, to: Number.MAX_SAFE_INTEGER })).map((e) => e.id),
    ).toEqual(["new"])
  })

  it("filters by date range", async () => {
    const { c } = await setup([ev("shown", { at: NOW - 3 * DAY }), ev("shown", { at: NOW })])
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(2))
    await typeInto(byTestId(c, "qa-from"), toDateInput(NOW))
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(1))
  })

  it("refuses to publish a rule whose example fails, publishes once fixed, and rolls back", async () => {
    const { c, repos } = await setup([])
    const editor = await waitFor(() => byTestId(c, "rule-editor"))
    const publish = byTestId<HTMLButtonElement>(editor, "rule-publish")
    expect(publish.disabled).toBe(true)

    const blunt = byTestId<HTMLTextAreaElement>(editor, "rule-blunt")
    await typeInto(blunt, `${blunt.value}\n这事没戏`)
    await waitFor(() => expect(editor.querySelectorAll('[data-pass="false"]')).toHaveLength(1))
    expect(publish.disabled).toBe(true)

    const triggers = byTestId<HTMLTextAreaElement>(editor, "rule-triggers")
    await typeInto(triggers, `${triggers.value}\n没戏`)
    await waitFor(() => expect(editor.querySelectorAll('[data-pass="false"]')).toHaveLength(0))
    expect(publish.disabled).toBe(false)

    // happy-dom has no object URLs for the download; stub just enough.
    URL.createObjectURL = () => "blob:stub"
    URL.revokeObjectURL = () => undefined
    await click(publish)
    await waitFor(() => expect(byTestId(c, "rule-publish-status").className).toBe("ok"))
    const store = repos.phrasebooks
    const active = await store.getActivePhrasebook()
    expect(active?.version).not.toBe(DEFAULT_PHRASEBOOK.version)
    expect(JSON.stringify(active?.book)).toContain("没戏")
    // The built-in book was kept as a version to roll back to.
    const versions = (await store.listPhrasebooks()).map((v) => v.version)
    expect(versions).toContain(DEFAULT_PHRASEBOOK.version)

    const old = await waitFor(() => {
      const row = c.querySelector(
        `[data-testid="qa-version-row"][data-version="${DEFAULT_PHRASEBOOK.version}"]`,
      )
      if (!row?.querySelector('[data-testid="qa-activate"]')) throw new Error("not yet")
      return row
    })
    await click(old.querySelector('[data-testid="qa-activate"]')!)
    await waitFor(async () =>
      expect((await store.getActivePhrasebook())?.version).toBe(DEFAULT_PHRASEBOOK.version),
    )
  })
})

describe("review helpers", () => {
  it("round-trips date inputs in local time", () => {
    const start = fromDateInput("2026-11-22")!
    expect(toDateInput(start)).toBe("2026-11-22")
    expect(fromDateInput("2026-11-22", true)! - start).toBe(DAY - 1)
    expect(fromDateInput("yesterday")).toBeUndefined()
  })

  it("breaks chart lines on days with nothing shown", () => {
    const day = (rate: number | null) => ({
      day: "d",
      start: 0,
      tally: {
        shown: 0,
        applied: 0,
        dismissed: 0,
        ignored: 0,
        edited: 0,
        wrong: 0,
        reverted: 0,
        discarded: 0,
        appliedRate: rate,
        dismissedRate: null,
        ignoredRate: null,
        wrongRate: null,
      },
    })
    expect(segments([day(0.5), day(1), day(null), day(0)], "appliedRate")).toEqual([
      [
        [0, 0.5],
        [1, 1],
      ],
      [[3, 0]],
    ])
  })

  it("keeps a rule intact through the editor form", () => {
    for (const rule of DEFAULT_PHRASEBOOK.rules) {
      const back = ruleFromForm(formFromRule(rule), rule)
      expect(back).toEqual(JSON.parse(JSON.stringify(rule)))
    }
  })
})
