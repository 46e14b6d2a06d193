// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { phrasebookSchema } from "~lib/phrasing/schema"

import { byTestId, click, typeInto, waitFor } from "../component.test-helper"
import { openReview } from "./review.test-helper"

describe("checklist workbench", () => {
  it("scores the item's examples live and publishes only when all pass", async () => {
    const { repos, container: c } = await openReview()
    const editor = await waitFor(() => byTestId(c, "checklist-editor"))
    await typeInto(byTestId(editor, "checklist-pick") as HTMLSelectElement, "3") // deferral
    const result = await waitFor(() => {
      const r = byTestId(editor, "checklist-result")
      expect(r.dataset.total).toBe("20")
      return r
    })
    expect(result.dataset.ok).toBe("20")
    const publish = byTestId(editor, "checklist-publish") as HTMLButtonElement
    expect(publish.disabled).toBe(true) // nothing edited yet

    // A detector that no longer finds reply times breaks the passing examples: no publishing.
    const time = editor.querySelector<HTMLTextAreaElement>(
      '[data-testid=checklist-detector][data-role="time"]',
    )!
    const before = time.value
    await typeInto(time, "永远不会出现的时间词")
    await waitFor(() => expect(Number(byTestId(editor, "checklist-result").dataset.ok)).toBeLessThan(20))
    expect(publish.disabled).toBe(true)

    // Restored detector, new weight: publishable; the new version carries the edited checklist.
    await typeInto(time, before)
    await typeInto(byTestId(editor, "checklist-weight") as HTMLInputElement, "5")
    await waitFor(() => expect(publish.disabled).toBe(false))
    await click(publish)
    await waitFor(() => expect(byTestId(editor, "checklist-publish-status").className).toBe("ok"))
    const active = await repos.phrasebooks.getActivePhrasebook()
    const book = phrasebookSchema.parse(active!.book)
    expect(book.checklist?.items.find((i) => i.id === "deferral")?.weight).toBe(5)
  })
})
