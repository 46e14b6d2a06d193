// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"

import { knowledgeInsertEvent } from "~lib/audit/knowledge"
import type { AuditEvent } from "~lib/audit/model"

import {
  allByTestId,
  click,
  fakeBrowser,
  render,
  testRepositories,
  testServices,
  waitFor,
  type Rendered,
} from "../component.test-helper"
import { ReviewApp } from "./review-app"

let view: Rendered | undefined
afterEach(async () => {
  await view?.unmount()
  view = undefined
})

const NOW = Date.now()
const DAY = 86_400_000

const shown: AuditEvent = {
  id: "p1",
  at: NOW - DAY,
  outcome: "shown",
  ruleId: "refusal-buxing",
  phrasebookVersion: "2026.11.0",
  agentWorkId: "A1024",
  agentName: "李娜",
  site: "https://crm.example.com",
  span: { start: 0, end: 2 },
  flagged: "不行",
  excerpt: "不行",
}
const insert = (id: string, cardId: string, cardTitle: string, agentWorkId = "A1024") =>
  knowledgeInsertEvent({
    id,
    at: NOW - DAY,
    cardId,
    cardTitle,
    packVersion: "builtin-2026.12.04",
    text: `${cardTitle}的回答`,
    agentWorkId,
    agentName: "李娜",
    site: "https://crm.example.com",
  })

describe("review page: knowledge answers inserted", () => {
  it("tables inserts per card, keeps them out of the phrasing rule table, and drills down", async () => {
    const repos = testRepositories()
    await repos.audit.addAuditEvents([
      shown,
      insert("k1", "battery-power-bank", "锂电池、充电宝"),
      insert("k2", "battery-power-bank", "锂电池、充电宝", "B2"),
      insert("k3", "cod", "代收货款"),
    ])
    view = await render(
      testServices(fakeBrowser().platform, repos, () => NOW),
      <ReviewApp />,
    )
    const c = view.container
    await waitFor(() => expect(allByTestId(c, "qa-knowledge-row")).toHaveLength(2))
    const [first, second] = allByTestId(c, "qa-knowledge-row")
    expect(first.dataset.cardId).toBe("battery-power-bank")
    expect(first.querySelector('[data-col="inserts"]')!.textContent).toBe("2")
    expect(second.dataset.cardId).toBe("cod")
    // The phrasing tables count suggestions only.
    expect(allByTestId(c, "qa-rule-row").map((r) => r.dataset.ruleId)).toEqual(["refusal-buxing"])
    await click(first.querySelector("button")!)
    await waitFor(() => expect(allByTestId(c, "qa-event-row")).toHaveLength(2))
  })
})
