import { type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import {
  type EditorEnv,
  highlight,
  insertText,
  lastDraft,
  openFixture,
  percentile,
  replaceRange,
  startEnv,
  submit,
  waitForDraft,
} from "./editor-page.test-helper"

let env: EditorEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(async () => {
  await env?.close()
})

describe("which fields count as reply editors", () => {
  it("ignores search, password, number and narrow lookup inputs", async () => {
    const page = await openFixture(env, "textarea")
    for (const sel of ["#search", "#password", "#count", "#lookup"]) {
      await page.click(sel)
      await page.keyboard.type("123")
    }
    // Then a real reply: the first draft the bridge ever reports is the textarea's.
    await page.click("#reply")
    await page.keyboard.type("您好")
    await waitForDraft(page, "您好")
    const drafts = await page.evaluate(() => window.__sk!.drafts.map((d) => d.text))
    expect(drafts.every((t) => t === "" || "您好".startsWith(t))).toBe(true)
    await page.close()
  })
})

describe("two editors on one page", () => {
  let page: Page
  beforeAll(async () => {
    page = await openFixture(env, "multi")
  })
  afterAll(async () => {
    await page?.close()
  })

  it("follows focus with a stable id per editor and edits only the one asked for", async () => {
    await page.click("#note")
    await page.keyboard.type("客户很着急")
    const note = await waitForDraft(page, "客户很着急")
    await page.click("#reply")
    await page.keyboard.type("不行，这个没办法")
    const reply = await waitForDraft(page, "不行，这个没办法")
    expect(reply.editorId).not.toBe(note.editorId)
    expect([note.kind, reply.kind]).toEqual(["textarea", "contenteditable"])

    await page.click("#note")
    expect((await waitForDraft(page, "客户很着急")).editorId).toBe(note.editorId)

    // The sidebar still holds the reply's draft: an edit addressed to it lands there, not in the note.
    const res = await replaceRange(page, {
      editorId: reply.editorId,
      revision: reply.revision,
      start: 0,
      end: 2,
      expected: "不行",
      text: "抱歉",
    })
    expect(res).toMatchObject({ ok: true, draft: { editorId: reply.editorId, text: "抱歉，这个没办法" } })
    expect(JSON.parse(await submit(page))).toEqual({ note: "客户很着急", reply: "抱歉，这个没办法" })
  })

  it("reports the draft gone when the focused editor leaves the page", async () => {
    await page.click("#reply")
    await page.waitForFunction(() => window.__sk!.drafts.at(-1)?.kind === "contenteditable")
    await page.evaluate(() => document.getElementById("reply")!.remove())
    await page.waitForFunction(() => window.__sk!.gone === 1)
    expect(await page.evaluate(() => window.__sk!.bridge.current())).toBeNull()
  })
})

describe("a page with a strict Content-Security-Policy", () => {
  it("reads, edits and highlights without inline script or style", async () => {
    const page = await openFixture(env, "csp")
    const violations: string[] = []
    await page.exposeFunction("__cspViolation", (v: string) => violations.push(v))
    await page.evaluate(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(e.violatedDirective),
      ),
    )
    await page.click("#reply")
    await page.keyboard.type("不行")
    const reply = await waitForDraft(page, "不行")
    await page.click("#note")
    await page.keyboard.type("这个没办法")
    const note = await waitForDraft(page, "这个没办法")

    const r1 = await replaceRange(page, {
      editorId: reply.editorId,
      revision: reply.revision,
      start: 0,
      end: 2,
      expected: "不行",
      text: "可以",
    })
    const r2 = await replaceRange(page, {
      editorId: note.editorId,
      revision: note.revision,
      start: 2,
      end: 5,
      expected: "没办法",
      text: "马上办",
    })
    expect([r1.ok, r2.ok]).toEqual([true, true])

    const n = (await lastDraft(page))!
    await highlight(page, n.editorId, n.revision, [{ start: 0, end: 2, severity: "warning" }])
    expect(await page.evaluate(() => [...CSS.highlights.get("cs-sidekick-warning")!].map(String))).toEqual([
      "这个",
    ])
    await highlight(page, r1.draft!.editorId, r1.draft!.revision, [
      { start: 0, end: 2, severity: "forbidden" },
    ])
    expect(
      await page.evaluate(
        () => document.querySelector("cs-sidekick-overlay")?.shadowRoot?.querySelector("mark")?.textContent,
      ),
    ).toBe("可以")

    expect(JSON.parse(await submit(page))).toEqual({ reply: "可以", note: "这个马上办" })
    expect(violations).toEqual([])
    await page.close()
  })
})

describe("keystroke-to-draft latency", () => {
  for (const fixture of ["textarea", "contenteditable"]) {
    it(`measures ${fixture} (reported, not asserted)`, async () => {
      const page = await openFixture(env, fixture)
      await page.click("#reply")
      await page.evaluate(() => {
        const w = window as unknown as { __keys: number[] }
        w.__keys = []
        document.addEventListener("keydown", () => w.__keys.push(performance.now()), true)
      })
      const latencies: number[] = []
      for (let i = 0; i < 50; i++) {
        await page.keyboard.press(i % 10 === 9 ? "Space" : "KeyA")
        await page.waitForFunction((n) => (window.__sk!.drafts.at(-1)?.text.length ?? 0) === n, i + 1)
        latencies.push(
          await page.evaluate((k) => {
            const keys = (window as unknown as { __keys: number[] }).__keys
            return window.__sk!.drafts.at(-1)!.at - keys[k]
          }, i),
        )
      }
      const p50 = percentile(latencies, 50)
      const p95 = percentile(latencies, 95)
      console.log(
        `[latency] ${fixture}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (debounce 120 ms)`,
      )
      expect(latencies).toHaveLength(50)
      await page.close()
    })
  }
})

describe("insert after the agent clicked elsewhere (e.g. the sidebar)", () => {
  for (const fixture of ["textarea", "contenteditable"]) {
    it(`${fixture}: lands at the caret the agent left`, async () => {
      const page = await openFixture(env, fixture)
      await page.click("#reply")
      await page.keyboard.type("您好")
      await page.keyboard.press("Home")
      await page.waitForFunction(() => window.__sk!.drafts.at(-1)?.selection?.start === 0)
      // Clicking page text moves the document selection out of a contenteditable.
      await page.click("h1")
      const res = await insertText(page, "王先生，")
      expect(res).toMatchObject({ ok: true, draft: { text: "王先生，您好" } })
      await page.close()
    })
  }
})
