import { type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import {
  type EditorCase,
  type EditorEnv,
  editorFrame,
  highlight,
  EDITOR_CASES,
  insertText,
  modelText,
  openFixture,
  replaceRange,
  startEnv,
  submit,
  waitForDraft,
} from "./editor-page.test-helper"

const BLUNT = "不行，这个没办法"

let env: EditorEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(async () => {
  await env?.close()
})

async function focusEditor(page: Page, c: EditorCase): Promise<void> {
  await editorFrame(page, c).locator(c.selector).click()
}

/**
 * The editor's DOM as markup, to prove highlighting does not touch it. Editors' own focus-state
 * classes (CKEditor 5 flips ck-focused / ck-blurred as focus moves) are UI state, not content:
 * they are left out, or the comparison would depend on where focus happens to be under load.
 */
function editorMarkup(page: Page, c: EditorCase): Promise<string> {
  return editorFrame(page, c).evaluate((sel) => {
    const el = document.querySelector(sel)!
    const form = el.closest("form")
    const markup = new XMLSerializer().serializeToString(form ?? el)
    return markup.replace(/ ck-(focused|blurred)\b/g, "") + "|" + ((el as HTMLTextAreaElement).value ?? "")
  }, c.selector)
}

describe.each(EDITOR_CASES)("$fixture", (c) => {
  let page: Page
  beforeAll(async () => {
    page = await openFixture(env, c.fixture)
  })
  afterAll(async () => {
    await page?.close()
  })

  it("reads what the agent types as the draft", async () => {
    await focusEditor(page, c)
    await page.keyboard.type(BLUNT)
    const draft = await waitForDraft(page, BLUNT)
    expect(draft.kind).toBe(c.kind)
    expect(draft.selection).toEqual({ start: BLUNT.length, end: BLUNT.length })
  })

  it("refuses a stale replacement", async () => {
    const draft = await waitForDraft(page, BLUNT)
    const old = await replaceRange(page, { ...req(draft), revision: draft.revision - 1 })
    expect(old).toMatchObject({ ok: false, error: "stale-revision" })
    const wrong = await replaceRange(page, { ...req(draft), expected: "可以" })
    expect(wrong).toMatchObject({ ok: false, error: "range-mismatch" })
    expect(await waitForDraft(page, BLUNT)).toBeTruthy()
  })

  it("replaces a range in the editor's model and in what the form submits", async () => {
    const draft = await waitForDraft(page, BLUNT)
    const res = await replaceRange(page, { ...req(draft), text: "非常抱歉" })
    const expected = "非常抱歉，这个没办法"
    expect(res.error).toBeUndefined()
    expect(res.ok).toBe(true)
    expect(res.draft?.text).toBe(expected)
    expect(res.draft?.revision).toBeGreaterThan(draft.revision)
    expect(c.plain(await modelText(page, c))).toBe(expected)
    expect(c.plain(await submit(page))).toBe(expected)
  })

  it("inserts at the caret, and Ctrl+Z undoes the insertion", async () => {
    const before = "非常抱歉，这个没办法"
    await focusEditor(page, c)
    await page.keyboard.press("End")
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft")
    await page.waitForFunction(() => window.__sk?.drafts.at(-1)?.selection?.start === 5)
    // Let the editor close the previous undo step, as it does when the agent pauses to pick a snippet.
    if (c.undoMergeMs) await page.waitForTimeout(c.undoMergeMs + 100)
    const res = await insertText(page, "请您放心，")
    const expected = "非常抱歉，请您放心，这个没办法"
    expect(res.error).toBeUndefined()
    expect(res.draft?.text).toBe(expected)
    expect(res.draft?.selection).toEqual({ start: 10, end: 10 })
    expect(c.plain(await modelText(page, c))).toBe(expected)
    expect(c.plain(await submit(page))).toBe(expected)

    await focusEditor(page, c)
    await page.keyboard.press("Control+z")
    await waitForDraft(page, before)
    expect(c.plain(await modelText(page, c))).toBe(before)
    expect(c.plain(await submit(page))).toBe(before)
  })

  it("highlights a span without touching the editor's DOM, and clears it when the text changes", async () => {
    const draft = await waitForDraft(page, "非常抱歉，这个没办法")
    const markup = await editorMarkup(page, c)
    await highlight(page, draft.editorId, draft.revision, [
      { start: 5, end: 10, severity: "forbidden" },
      { start: 0, end: 2, severity: "hint" },
    ])
    const frame = editorFrame(page, c)
    if (c.kind === "textarea") {
      const marks = await page.evaluate(() =>
        [...(document.querySelector("cs-sidekick-overlay")?.shadowRoot?.querySelectorAll("mark") ?? [])].map(
          (m) => `${m.dataset.severity ?? ""}:${m.textContent ?? ""}`,
        ),
      )
      expect(marks).toEqual(["hint:非常", "forbidden:这个没办法"])
    } else {
      const painted = await frame.evaluate(() =>
        [...CSS.highlights]
          .map(([name, h]) => `${name}:${[...h].map((r) => (r as Range).toString()).join(",")}`)
          .sort(),
      )
      expect(painted).toEqual(["cs-sidekick-forbidden:这个没办法", "cs-sidekick-hint:非常"])
    }
    expect(await editorMarkup(page, c)).toBe(markup)

    // A stale revision draws nothing new.
    await highlight(page, draft.editorId, draft.revision - 1, [{ start: 0, end: 1, severity: "warning" }])
    expect(await frame.evaluate(() => CSS.highlights.has("cs-sidekick-warning"))).toBe(false)

    await focusEditor(page, c)
    await page.keyboard.press("End")
    await page.keyboard.type("。")
    await waitForDraft(page, "非常抱歉，这个没办法。")
    expect(await frame.evaluate(() => CSS.highlights.size)).toBe(0)
    expect(await page.evaluate(() => document.querySelectorAll("cs-sidekick-overlay").length)).toBe(0)
  })

  it("inserts a multi-line script as lines", async () => {
    await waitForDraft(page, "非常抱歉，这个没办法。")
    const res = await insertText(page, "\n祝您生活愉快")
    const expected = "非常抱歉，这个没办法。\n祝您生活愉快"
    expect(res).toMatchObject({ ok: true, draft: { text: expected } })
    expect(c.plain(await submit(page))).toBe(expected)
  })

  it("left nothing of ours in the submitted content and raised no page errors", async () => {
    const sent = await submit(page)
    expect(sent).not.toMatch(/cs-sidekick|[\u200b\u2060\ufeff]/)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  })
})

function req(draft: { editorId: string; revision: number }) {
  return {
    editorId: draft.editorId,
    revision: draft.revision,
    start: 0,
    end: 2,
    expected: "不行",
    text: "可以",
  }
}
