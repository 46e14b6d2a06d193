/**
 * The phrasebook QA owns, in a real browser: edit a rule, watch the live tester (its examples, free
 * text, the recorded trail), be refused publishing while an example fails, publish a new version
 * (downloaded and activated), roll back to the built-in version, and import the published file on
 * an agent's options page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { nextVersion } from "~lib/audit/rule-lab"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { Phrasebook } from "~lib/phrasing/types"

import { type ExtensionSession, launchExtension, openOptions, screenshot } from "../harness"
import { openReview, sampleTrail, seedTrail } from "./qa-review.test-helper"

const RULE = "refusal-buxing"
const NEW_WORDS = "没戏"

describe("QA rule workbench", () => {
  let qa: ExtensionSession
  let agent: ExtensionSession
  const dir = mkdtempSync(join(tmpdir(), "qa-book-"))
  const today = new Date()
  const published = nextVersion(DEFAULT_PHRASEBOOK.version, [today.getFullYear(), today.getMonth() + 1])
  let bookFile = ""

  beforeAll(async () => {
    qa = await launchExtension()
  })
  afterAll(async () => {
    await qa?.close()
    await agent?.close()
  })

  it("edits a rule, tests it live and publishes only when its examples pass", async () => {
    const page = await openReview(qa)
    // A recorded excerpt the edited rule will start to flag.
    const trail = sampleTrail(Date.now())
    await seedTrail(page, [
      ...trail,
      { ...trail[0], id: "with-new-words", excerpt: `您好，这个事情${NEW_WORDS}。` },
    ])

    const editor = page.getByTestId("rule-editor")
    const index = DEFAULT_PHRASEBOOK.rules.findIndex((r) => r.id === RULE)
    await editor.getByTestId("rule-pick").selectOption(String(index))
    await expect(editor.getByTestId("rule-id").inputValue()).resolves.toBe(RULE)
    const publish = editor.getByTestId("rule-publish")
    await expect(publish.isDisabled()).resolves.toBe(true) // nothing edited yet

    // A new blunt example the rule does not catch yet: the tester shows it failing, publish stays off.
    const blunt = editor.getByTestId("rule-blunt")
    await blunt.fill(`${await blunt.inputValue()}\n这个事情${NEW_WORDS}`)
    await editor.locator('[data-testid="example-result"][data-pass="false"]').first().waitFor()
    await expect(
      editor.locator('[data-testid="example-result"][data-pass="false"]').textContent(),
    ).resolves.toContain(NEW_WORDS)
    await expect(publish.isDisabled()).resolves.toBe(true)

    // Teach the rule the new words: every example passes, free text is flagged by it.
    const triggers = editor.getByTestId("rule-triggers")
    await triggers.fill(`${await triggers.inputValue()}\n${NEW_WORDS}`)
    await expect
      .poll(() => editor.locator('[data-testid="example-result"][data-pass="false"]').count())
      .toBe(0)
    await editor.getByTestId("rule-free-text").fill(`不好意思，这个${NEW_WORDS}了`)
    await expect(
      editor.locator(`[data-testid="free-finding"][data-rule-id="${RULE}"]`).textContent(),
    ).resolves.toContain(NEW_WORDS)

    // What would change over the recorded trail: exactly the seeded excerpt is gained, nothing lost.
    await editor.getByTestId("rule-trail").click()
    await editor.scrollIntoViewIfNeeded()
    await screenshot(page, "qa-rule-editor")
    await expect.poll(() => editor.getByTestId("trail-gained").count()).toBe(1)
    await expect(editor.getByTestId("trail-gained").textContent()).resolves.toContain(NEW_WORDS)
    await expect.poll(() => editor.getByTestId("trail-lost").count()).toBe(0)

    // A broken regex guard: schema problems, publish off.
    const guard = editor.getByTestId("rule-guardsBefore")
    const guardBefore = await guard.inputValue()
    await guard.fill(`${guardBefore}\n(`)
    await editor.getByTestId("rule-problems").waitFor()
    await expect(publish.isDisabled()).resolves.toBe(true)
    await guard.fill(guardBefore)

    const [download] = await Promise.all([page.waitForEvent("download"), publish.click()])
    bookFile = join(dir, download.suggestedFilename())
    await download.saveAs(bookFile)
    expect(download.suggestedFilename()).toBe(`phrasebook-${published}.json`)
    const book = JSON.parse(readFileSync(bookFile, "utf8")) as Phrasebook
    expect(book.version).toBe(published)
    expect(book.rules.find((r) => r.id === RULE)?.triggers).toContain(NEW_WORDS)
    await expect(editor.getByTestId("rule-publish-status").textContent()).resolves.toContain(published)

    // Both versions are listed; the new one is active and the editor now shows it.
    await page
      .locator(`[data-testid="qa-version-row"][data-version="${published}"][data-active="true"]`)
      .waitFor()
    await expect
      .poll(() =>
        page.locator(`[data-testid="qa-version-row"][data-version="${DEFAULT_PHRASEBOOK.version}"]`).count(),
      )
      .toBe(1)
    await expect.poll(() => editor.getByTestId("rule-triggers").inputValue()).toContain(NEW_WORDS)
    await page.close()
  })

  it("rolls back to the previous version", async () => {
    const page = await openReview(qa)
    const old = page.locator(`[data-testid="qa-version-row"][data-version="${DEFAULT_PHRASEBOOK.version}"]`)
    await old.getByTestId("qa-activate").click()
    await page
      .locator(
        `[data-testid="qa-version-row"][data-version="${DEFAULT_PHRASEBOOK.version}"][data-active="true"]`,
      )
      .waitFor()
    const index = DEFAULT_PHRASEBOOK.rules.findIndex((r) => r.id === RULE)
    await page.getByTestId("rule-pick").selectOption(String(index))
    await expect.poll(() => page.getByTestId("rule-triggers").inputValue()).not.toContain(NEW_WORDS)
    // Still kept, so it can be re-activated.
    await expect
      .poll(() => page.locator(`[data-testid="qa-version-row"][data-version="${published}"]`).count())
      .toBe(1)
    await page.close()
  })

  it("an agent imports the published file on the options page and it is in force", async () => {
    agent = await launchExtension()
    const options = await openOptions(agent)
    const version = options.getByTestId("qa-phrasebook-version")
    await expect(version.textContent()).resolves.toContain(DEFAULT_PHRASEBOOK.version)

    // A tampered copy (an example that no longer passes) is refused.
    const tampered = join(dir, "tampered.json")
    const book = JSON.parse(readFileSync(bookFile, "utf8")) as Phrasebook
    const rule = book.rules.find((r) => r.id === RULE)!
    rule.triggers = rule.triggers.filter((t) => t !== NEW_WORDS)
    writeFileSync(tampered, JSON.stringify(book))
    await options.getByTestId("qa-phrasebook-import").setInputFiles(tampered)
    await expect(options.getByTestId("qa-phrasebook-status").textContent()).resolves.toContain(RULE)
    await expect(version.textContent()).resolves.toContain(DEFAULT_PHRASEBOOK.version)

    await options.getByTestId("qa-phrasebook-import").setInputFiles(bookFile)
    await options.getByTestId("qa-phrasebook-status").filter({ hasText: published }).waitFor()
    await version.filter({ hasText: published }).waitFor()

    // The review page on the agent's machine shows the same version in force.
    const review = await openReview(agent)
    await review
      .locator(`[data-testid="qa-version-row"][data-version="${published}"][data-active="true"]`)
      .waitFor()
    await review.close()
    await options.close()
  })

  it("finds a rule by its Chinese title, edits guards as plain words, and points a broken regex at its field", async () => {
    const page = await openReview(qa)
    await page.setViewportSize({ width: 1440, height: 1200 })
    const editor = page.getByTestId("rule-editor")
    const pick = editor.getByTestId("rule-pick")

    // The picker lists Chinese titles grouped by category; the search narrows it by title or trigger.
    await expect(
      pick.locator("optgroup").evaluateAll((gs) => gs.map((g) => g.getAttribute("label"))),
    ).resolves.toEqual([
      "生硬拒绝",
      "推诿扯皮",
      "不耐烦",
      "含糊不清",
      "不礼貌",
      "过度承诺",
      "先解决客户问题（十）",
    ])
    await editor.getByTestId("rule-search").fill("找谁")
    await editor.getByTestId("rule-search-count").filter({ hasText: "找到 1 条规则" }).waitFor()
    const hit = pick.locator('optgroup[label="生硬拒绝"] option[data-rule-id="refusal-zhao-shui-meiyong"]')
    await expect(hit.textContent()).resolves.toBe("“找谁都没用”")
    await pick.selectOption({ label: "“找谁都没用”" })
    await expect(editor.getByTestId("rule-pick-id").textContent()).resolves.toBe(
      "编号 refusal-zhao-shui-meiyong",
    )
    await expect(editor.getByTestId("rule-title").inputValue()).resolves.toBe("“找谁都没用”")

    // Guards as plain words (the default): brackets and dots in them match literally.
    const regexMode = editor.getByTestId("rule-regex-mode")
    await expect(regexMode.isChecked()).resolves.toBe(false)
    await editor.getByTestId("rule-guardsAfter").fill("(已转主管.)")
    const free = editor.getByTestId("rule-free-text")
    const flagged = editor.locator('[data-testid="free-finding"][data-rule-id="refusal-zhao-shui-meiyong"]')
    await free.fill("这事找谁都没用(已转主管x)")
    await expect.poll(() => flagged.count()).toBe(1)
    await free.fill("这事找谁都没用(已转主管.)")
    await expect.poll(() => flagged.count()).toBe(0)
    await expect
      .poll(() => editor.locator('[data-testid="example-result"][data-pass="false"]').count())
      .toBe(0)
    await editor.scrollIntoViewIfNeeded()
    await screenshot(page, "qa-rule-picker-plain-guards")

    // Advanced mode shows the escaped pattern; a broken regex is explained under its own field.
    await regexMode.check()
    await expect(editor.getByTestId("rule-guardsAfter").inputValue()).resolves.toBe(".*?\\(已转主管\\.\\)")
    await editor.getByTestId("rule-guardsAfter").fill(".*?(已转主管")
    const problems = editor.getByTestId("rule-guardsAfter-problems")
    await expect(problems.textContent()).resolves.toContain(
      "第 1 行“.*?(已转主管”：不是有效的正则表达式：左括号“(”没有对应的右括号“)”",
    )
    await expect(editor.getByTestId("rule-guardsAfter").getAttribute("aria-invalid")).resolves.toBe("true")
    await expect(editor.getByTestId("rule-publish").isDisabled()).resolves.toBe(true)
    await problems.scrollIntoViewIfNeeded()
    await screenshot(page, "qa-rule-regex-problem")

    // It cannot be shown as plain words while broken: the switch says so and keeps what was typed.
    await regexMode.click()
    await editor.getByTestId("rule-guard-mode-note").waitFor()
    await expect(regexMode.isChecked()).resolves.toBe(true)
    await expect(editor.getByTestId("rule-guardsAfter").inputValue()).resolves.toBe(".*?(已转主管")
    await page.close()
  })
})
