/** Shared steps of the QA review specs: open the review page, seed the trail, read tables. */
import type { Page } from "playwright-core"

import type { AuditEvent } from "~lib/audit/model"
import { createSuggestionTracker, type TrackerContext } from "~lib/audit/tracker"
import { lintPhrasing } from "~lib/phrasing/lint"

import type { ExtensionSession } from "../harness"

export async function openReview(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(`chrome-extension://${session.extensionId}/tabs/review.html`)
  await page
    .getByTestId("qa-count")
    .filter({ hasText: /条|events/ })
    .waitFor()
  return page
}

/**
 * Writes events straight into the extension's IndexedDB (the page must have opened the database
 * first, which `openReview` waits for), then reloads so the page reads them.
 */
export async function seedTrail(page: Page, events: AuditEvent[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("cs-sidekick")
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("auditEvents", "readwrite")
      for (const row of rows) tx.objectStore("auditEvents").put(row)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, events)
  await page.reload()
  await page
    .getByTestId("qa-count")
    .filter({ hasText: /条|events/ })
    .waitFor()
}

const DAY = 86_400_000

/**
 * A realistic trail made by the real tracker and linter: two agents over three days, every outcome,
 * a phone number that must come out masked and a "wrong" reason that looks like a spreadsheet formula.
 */
export function sampleTrail(now: number): AuditEvent[] {
  const events: AuditEvent[] = []
  let n = 0
  const agents: TrackerContext[] = [
    {
      phrasebookVersion: "2026.11.0",
      agentWorkId: "A1024",
      agentName: "李娜",
      site: "http://127.0.0.1:1",
      waybill: "SF1234567890123",
    },
    { phrasebookVersion: "2026.11.0", agentWorkId: "B2048", agentName: "王强", site: "http://localhost:1" },
  ]
  for (let day = 2; day >= 0; day--) {
    for (const [a, ctx] of agents.entries()) {
      let clock = now - day * DAY - 3_600_000 + a * 60_000
      const tracker = createSuggestionTracker({
        now: () => (clock += 1000),
        newId: () => `seed-${a}-${day}-${++n}`,
      })
      let rev = 0
      const type = (text: string) => {
        const draft = { editorId: "reply", text, revision: ++rev }
        const findings = lintPhrasing(text)
        events.push(...tracker.update(ctx, draft, findings))
        return { draft, findings }
      }
      const first = type("您好，这个不行，电话13812345678")
      const buxing = first.findings.find((f) => f.ruleId === "refusal-buxing")
      if (buxing && day !== 1)
        events.push(...tracker.applied(ctx, first.draft, buxing, "很抱歉，暂时无法办理"))
      const second = type(
        day !== 1
          ? "您好，很抱歉，暂时无法办理，电话13812345678。又不是我的错"
          : "您好，这个不行，电话13812345678。又不是我的错",
      )
      const blame = second.findings.find((f) => f.ruleId === "blame-bushi-wo-cuo")
      if (blame && a === 1) events.push(...tracker.wrong(ctx, second.draft, blame, "=1+1 客户原话"))
      else if (blame && day === 0) events.push(...tracker.dismissed(ctx, second.draft, blame))
      events.push(...tracker.end(ctx, second.draft))
    }
  }
  return events
}

/** The rule table as rows of cell texts keyed by rule id. */
export async function ruleRows(
  page: Page,
): Promise<Record<string, { shown: string; applied: string; wrong: string }>> {
  return page.getByTestId("qa-rule-row").evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute("data-rule-id") ?? "",
        {
          shown: r.querySelector('[data-col="shown"]')?.textContent ?? "",
          applied: r.querySelector('[data-col="applied-rate"]')?.textContent ?? "",
          wrong: r.querySelector('[data-col="wrong"]')?.textContent ?? "",
        },
      ]),
    ),
  )
}
