/**
 * E-mail replies carry the customer's mail in the reply box. Through the real extension: the quoted
 * mail (a blockquote in a rich webmail editor, "> " lines under a "写道：" header in a plain-text one)
 * is neither flagged nor counted; the agent's own words are, including a blunt sentence no rule lists
 * (the tone model), with its confidence and cues.
 */
import { type Frame, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { sidebarFrame, textOf } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 15_000, interval: 100 }

const suite = extensionSuite()

async function open(fixture: string): Promise<{ page: Page; frame: Frame }> {
  const page = await suite.open(`editors/${fixture}.html`)
  await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true)
  const frame = await sidebarFrame(page, suite.session.extensionId)
  await frame.getByTestId("tab-phrasing").click()
  await frame.getByTestId("phrasing-panel").waitFor()
  return { page, frame }
}

const findings = (frame: Frame) => frame.getByTestId("phrasing-finding")

describe.each([
  { fixture: "webmail-rich", editor: "#body p >> nth=0", kind: "contenteditable" },
  { fixture: "webmail-plain", editor: "#reply", kind: "textarea" },
])("$fixture", ({ fixture, editor, kind }) => {
  let page: Page
  let frame: Frame
  beforeAll(async () => {
    ;({ page, frame } = await open(fixture))
  })
  afterAll(async () => {
    await page?.close()
  })

  it("does not flag the customer's quoted mail", async () => {
    await page.locator(editor).click()
    await page.keyboard.press("Control+Home")
    await page.keyboard.type("您好，已为您加急处理，预计明天上午送达。")
    await expect
      .poll(() => frame.getByTestId("phrasing-panel").getAttribute("data-editor-kind"), POLL)
      .toBe(kind)
    await frame.getByTestId("phrasing-clean").waitFor({ timeout: 15_000 })
    expect(await findings(frame).count()).toBe(0)
  })

  it("flags the agent's own blunt sentence with the tone model, not the quote", async () => {
    await page.keyboard.type("哦，那您厉害。")
    const finding = findings(frame).filter({ hasText: "哦，那您厉害" })
    await finding.waitFor({ timeout: 15_000 })
    expect(await finding.getAttribute("data-rule-id")).toBe("tone-rudeness")
    const note = finding.getByTestId("phrasing-tone")
    expect(Number(await note.getAttribute("data-confidence"))).toBeGreaterThanOrEqual(80)
    expect(await finding.getByTestId("phrasing-cue").count()).toBeGreaterThan(0)
    expect(await textOf(note)).toMatch(/语气模型|Tone model/)
    // Only the agent's sentence: nothing from the quoted 尽快 / 不行 / 没办法 / 不知道.
    expect(await findings(frame).count()).toBe(1)
  })
})
