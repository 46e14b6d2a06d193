/**
 * The QA review page in a real browser: reached from the options page, the seeded trail aggregated
 * per rule and agent, the chart, drill-down and filters, and an export → import round trip between
 * two browser profiles (two agents' machines and the QA machine), deduplicated and all-or-nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { byRule, tally } from "~lib/audit/aggregate"
import type { AuditEvent } from "~lib/audit/model"

import { type ExtensionSession, launchExtension, openOptions, screenshot } from "../harness"
import { openReview, ruleRows, sampleTrail, seedTrail } from "./qa-review.test-helper"

const percent = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`)

describe("QA review page", () => {
  let agent: ExtensionSession
  let qa: ExtensionSession
  const dir = mkdtempSync(join(tmpdir(), "qa-trail-"))
  const trail = sampleTrail(Date.now())
  let exported = ""

  beforeAll(async () => {
    agent = await launchExtension()
  })
  afterAll(async () => {
    await agent?.close()
    await qa?.close()
  })

  it("opens from the options page", async () => {
    const options = await openOptions(agent)
    const [review] = await Promise.all([
      agent.context.waitForEvent("page"),
      options.getByTestId("open-review").click(),
    ])
    await review.waitForLoadState("domcontentloaded")
    expect(review.url()).toBe(`chrome-extension://${agent.extensionId}/tabs/review.html`)
    await review
      .getByTestId("qa-count")
      .filter({ hasText: /共 0 条/ })
      .waitFor()
    await review.close()
    await options.close()
  })

  it("aggregates the trail per rule and per agent, with a chart", async () => {
    expect(trail.length).toBeGreaterThan(20)
    const page = await openReview(agent)
    await seedTrail(page, trail)
    await expect(page.getByTestId("qa-count").textContent()).resolves.toContain(String(trail.length))

    const rows = await ruleRows(page)
    const expected = byRule(trail)
    expect(Object.keys(rows).sort()).toEqual(expected.map((r) => r.ruleId).sort())
    for (const r of expected) {
      expect(rows[r.ruleId].shown).toBe(String(r.tally.shown))
      expect(rows[r.ruleId].applied).toBe(percent(r.tally.appliedRate))
      expect(rows[r.ruleId].wrong).toBe(String(r.tally.wrong))
    }
    // Two agents, each in the agent table.
    const agents = await page
      .getByTestId("qa-agent-row")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-work-id")))
    expect(agents.sort()).toEqual(["A1024", "B2048"])

    // Three days with suggestions shown: three points per series.
    expect(await page.getByTestId("qa-series-appliedRate").locator("circle").count()).toBeGreaterThanOrEqual(
      3,
    )
    // Phones never reach the page; waybills do.
    const body = (await page.locator("body").textContent()) ?? ""
    expect(body).not.toContain("13812345678")
    expect(body).toContain("138****5678")
    expect(body).toContain("SF1234567890123")
    await page.close()
  })

  it("drills down to a rule's events and filters by outcome", async () => {
    const page = await openReview(agent)
    await page
      .locator('[data-testid="qa-rule-row"][data-rule-id="refusal-buxing"] [data-testid="qa-drill-rule"]')
      .click()
    const ruleIds = await page
      .getByTestId("qa-event-row")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule-id")))
    expect(ruleIds.length).toBe(trail.filter((e) => e.ruleId === "refusal-buxing").length)
    expect(new Set(ruleIds)).toEqual(new Set(["refusal-buxing"]))
    // Rules read by their Chinese titles; the pinyin id is only a detail under it.
    const row = page.locator('[data-testid="qa-rule-row"][data-rule-id="refusal-buxing"]')
    await expect(row.getByTestId("qa-rule-title").textContent()).resolves.toBe("开口就说“不行”")
    await expect(row.locator("code").textContent()).resolves.toBe("refusal-buxing")
    await expect(
      page.getByTestId("qa-event-row").first().getByTestId("qa-rule-title").textContent(),
    ).resolves.toBe("开口就说“不行”")
    await expect(
      page.locator('[data-testid="qa-filter-rule"] option[value="refusal-buxing"]').textContent(),
    ).resolves.toBe("开口就说“不行”")

    await page.getByTestId("qa-clear-filters").click()
    await page.getByTestId("qa-filter-outcome").selectOption("wrong")
    const wrong = page.getByTestId("qa-event-row")
    await expect.poll(() => wrong.count()).toBe(trail.filter((e) => e.outcome === "wrong").length)
    await expect(wrong.first().textContent()).resolves.toContain("=1+1 客户原话")

    // The screenshot of the review page for the report: all events, a rule selected.
    await page.getByTestId("qa-clear-filters").click()
    await page.setViewportSize({ width: 1440, height: 1400 })
    const shot = await screenshot(page, "qa-review-page")
    expect(readFileSync(shot).length).toBeGreaterThan(10_000)
    await page.close()
  })

  it("exports JSON and a CSV safe against formula injection", async () => {
    const page = await openReview(agent)
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("qa-export").click()])
    exported = join(dir, "agent-a.json")
    await json.saveAs(exported)
    const file = JSON.parse(readFileSync(exported, "utf8")) as { format: string; events: AuditEvent[] }
    expect(file.format).toBe("cs-sidekick-audit")
    expect(file.events.map((e) => e.id).sort()).toEqual(trail.map((e) => e.id).sort())

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("qa-export-csv").click(),
    ])
    const csvPath = join(dir, "trail.csv")
    await csv.saveAs(csvPath)
    const text = readFileSync(csvPath, "utf8")
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(trail.length + 1)
    expect(text).toContain("'=1+1 客户原话")
    expect(text).not.toMatch(/(^|,)=1\+1/m)
    await page.close()
  })

  it("imports several agents' exports on another profile, deduplicated, all or nothing", async () => {
    qa = await launchExtension()
    const page = await openReview(qa)
    // A second agent's file overlapping the first: the same events twice plus one of its own.
    const own: AuditEvent = { ...trail[0], id: "agent-b-only", agentWorkId: "C4096", agentName: "赵敏" }
    const second = join(dir, "agent-b.json")
    const first = JSON.parse(readFileSync(exported, "utf8")) as { events: AuditEvent[] }
    writeFileSync(second, JSON.stringify({ ...first, events: [...first.events.slice(0, 5), own] }))

    // A broken file first: nothing lands.
    const broken = join(dir, "broken.json")
    writeFileSync(broken, JSON.stringify({ ...first, events: [{ ...own, id: "x", outcome: "accepted" }] }))
    await page.getByTestId("qa-import").setInputFiles([exported, broken])
    await expect(page.getByTestId("qa-import-problems").textContent()).resolves.toContain(
      "broken.json › events[0].outcome",
    )
    await expect(page.getByTestId("qa-count").textContent()).resolves.toMatch(/\b0\b/)

    await page.getByTestId("qa-import").setInputFiles([exported, second])
    await page
      .getByTestId("qa-import-status")
      .filter({ hasText: String(trail.length + 1) })
      .waitFor()
    await expect(page.getByTestId("qa-import-status").textContent()).resolves.toContain("5")
    await page
      .getByTestId("qa-count")
      .filter({ hasText: String(trail.length + 1) })
      .waitFor()

    // The same numbers as on the agent's machine, plus the one extra agent.
    const rows = await ruleRows(page)
    const expected = byRule([...trail, own])
    for (const r of expected) expect(rows[r.ruleId].shown).toBe(String(r.tally.shown))
    const agents = await page
      .getByTestId("qa-agent-row")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-work-id")))
    expect(agents.sort()).toEqual(["A1024", "B2048", "C4096"])
    expect(tally([own]).shown).toBe(own.outcome === "shown" ? 1 : 0)

    // Importing the same file again adds nothing.
    await page.getByTestId("qa-import").setInputFiles([exported])
    await page
      .getByTestId("qa-import-status")
      .filter({ hasText: String(trail.length) })
      .waitFor()
    await expect(page.getByTestId("qa-count").textContent()).resolves.toContain(String(trail.length + 1))
    await page.close()
  })
})
