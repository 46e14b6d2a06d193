// @vitest-environment happy-dom
import { act } from "react"
import { describe, expect, it } from "vitest"

import { auditEvent } from "~lib/audit/audit-event.test-helper"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { Phrasebook } from "~lib/phrasing/types"
import { AUDIT_RETENTION_KEY } from "~lib/store/audit-retention"

import {
  byTestId,
  chooseFile,
  click,
  fakeBrowser,
  mount,
  testRepositories,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { QaOptionsSection } from "./qa-options"
import { REVIEW_PAGE } from "./review-link"

const NOW = Date.now()
const DAY = 86_400_000

async function setup() {
  const repos = testRepositories()
  const fb = fakeBrowser()
  const view = await mount(<QaOptionsSection />, { browser: fb, repos, now: () => NOW })
  return { repos, fb, c: view.container }
}

// Retention looks at the time only.
const event = (id: string, at: number) => auditEvent({ id, at })

describe("QaOptionsSection", () => {
  it("opens the review page", async () => {
    const { c, fb } = await setup()
    await click(byTestId(c, "open-review"))
    expect(fb.opened).toHaveLength(1)
    expect(new URL(String(fb.opened[0])).pathname).toBe(REVIEW_PAGE)
  })

  it("saves the retention days and purges what is now too old", async () => {
    const { c, fb, repos } = await setup()
    await repos.audit.addAuditEvents([event("old", NOW - 10 * DAY), event("new", NOW - DAY)])
    await waitFor(() => expect(byTestId<HTMLInputElement>(c, "qa-retention-days").value).toBe("180"))
    await typeInto(byTestId(c, "qa-retention-days"), "7")
    await click(byTestId(c, "qa-retention-save"))
    await waitFor(() => expect(byTestId(c, "qa-retention-status").className).toBe("ok"))
    expect(fb.storage.get(AUDIT_RETENTION_KEY)).toBe(7)
    expect(
      (await repos.audit.listAuditEvents({ from: 0, to: Number.MAX_SAFE_INTEGER })).map((e) => e.id),
    ).toEqual(["new"])

    // Out of range: the browser's own validation stops the button; a forced submit meets ours.
    await typeInto(byTestId(c, "qa-retention-days"), "0")
    await act(async () => {
      byTestId(c, "qa-retention-days")
        .closest("form")!
        .dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }))
    })
    await waitFor(() => expect(byTestId(c, "qa-retention-status").className).toBe("error"))
    expect(fb.storage.get(AUDIT_RETENTION_KEY)).toBe(7)
  })

  it("imports a published phrasebook, validated, and shows the version in force", async () => {
    const { c, repos } = await setup()
    await waitFor(() =>
      expect(byTestId(c, "qa-phrasebook-version").textContent).toContain(DEFAULT_PHRASEBOOK.version),
    )
    const input = byTestId<HTMLInputElement>(c, "qa-phrasebook-import")

    // Not a phrasebook: located problems, nothing stored.
    await chooseFile(input, JSON.stringify({ ...DEFAULT_PHRASEBOOK, version: "latest" }), "book.json")
    await waitFor(() => expect(byTestId(c, "qa-phrasebook-status").className).toBe("error"))
    expect(byTestId(c, "qa-phrasebook-status").textContent).toContain("version")
    // A rule whose own example fails: refused too.
    const broken: Phrasebook = {
      ...DEFAULT_PHRASEBOOK,
      version: "2026.11.7",
      rules: DEFAULT_PHRASEBOOK.rules.map((r, i) =>
        i === 0 ? { ...r, examples: { ...r.examples, blunt: ["完全正常的一句话"] } } : r,
      ),
    }
    await chooseFile(input, JSON.stringify(broken), "book.json")
    await waitFor(() =>
      expect(byTestId(c, "qa-phrasebook-status").textContent).toContain(DEFAULT_PHRASEBOOK.rules[0].id),
    )
    expect(await repos.phrasebooks.listPhrasebooks()).toEqual([])

    await chooseFile(input, JSON.stringify({ ...DEFAULT_PHRASEBOOK, version: "2026.11.7" }), "book.json")
    await waitFor(() => expect(byTestId(c, "qa-phrasebook-version").textContent).toContain("2026.11.7"))
    expect((await repos.phrasebooks.getActivePhrasebook())?.version).toBe("2026.11.7")
  })
})
