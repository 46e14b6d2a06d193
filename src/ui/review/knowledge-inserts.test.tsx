// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { auditEvent } from "~lib/audit/audit-event.test-helper"
import { knowledgeInsertEvent } from "~lib/audit/knowledge"

import { allByTestId, click, waitFor } from "../component.test-helper"
import { openReview } from "./review.test-helper"

const NOW = Date.now()
const DAY = 86_400_000

const shown = auditEvent({ id: "p1", at: NOW - DAY })
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
    const events = [
      shown,
      insert("k1", "battery-power-bank", "锂电池、充电宝"),
      insert("k2", "battery-power-bank", "锂电池、充电宝", "B2"),
      insert("k3", "cod", "代收货款"),
    ]
    const { container: c } = await openReview({ events, now: () => NOW })
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
