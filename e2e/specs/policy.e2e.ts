/**
 * Admin policy through managed storage, in Debian's Chromium: a policy file written into
 * /etc/chromium/policies/managed/ (3rdparty → extensions → our id) for the test only, under a name of
 * its own, removed in a finally right after each use (other people run Chromium on this machine).
 *
 * The build is the e2e one without enabled sites (`npm run build:e2e` makes build/chrome-mv3-e2e-policy
 * with `--no-seed`): the fixture hosts are granted in its manifest, standing in for the agent's one
 * permitted click (a browser permission prompt cannot be clicked from a test); the agent does nothing else.
 * Chromium's policy reload is triggered from chrome://policy ("Reload policies"), as an admin would.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"

import { type Frame, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"

import {
  type ExtensionSession,
  launchExtension,
  openOptions,
  openPopupFor,
  recordConsole,
  REPO_DIR,
  sidebarFrame,
  sidebarText,
  textOf,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }
/** The id the manifest `key` gives every build of ours (samples/policy use it too). */
const EXTENSION_ID = "bidfaejadffphedhlinfoipbcbcgpjaf"
const POLICY_DIR = "/etc/chromium/policies/managed"
const POLICY_FILE = join(POLICY_DIR, `cs-sidekick-i16-e2e-${process.pid}.json`)
const POLICY_BUILD = process.env.E2E_POLICY_BUILD_DIR ?? "build/chrome-mv3-e2e-policy"
const SHOTS = process.env.POLICY_SHOTS_DIR ?? join(REPO_DIR, "e2e", "screenshots", "policy")
const LEGACY_WAYBILL = "SF1385628716739"
const BOOK_VERSION = "2026.12.7"

const DIRECTORY = [
  "姓名,角色,网点,公司,片区,联系电话",
  "陈晓燕,窗口人员,杭州萧山网点,杭州分公司,浙北片区,0571-82345601",
  "赵国强,现场管理员,杭州萧山网点,杭州分公司,浙北片区,0571-82345602",
  "周敏,总部职能部门,,,,400-800-1234",
].join("\n")

function policyFor(origin: string, company: string): Record<string, unknown> {
  return {
    policyVersion: "2026-12-01",
    sites: [
      {
        origin,
        waybillSelector: "#ticketForm td b",
        carrierHint: "顺丰",
        internalNote: { selector: "#internal-note" },
      },
    ],
    companyName: company,
    hotline: "400-800-1234",
    businessHours: "09:00-21:00",
    phrasebook: JSON.stringify({ ...DEFAULT_PHRASEBOOK, version: BOOK_VERSION }),
    allowRuleEditing: false,
    contactDirectory: DIRECTORY,
    teamKey: "e2e-team-key-0123456789abcdef",
    allowExport: false,
    // Malformed on purpose: an integer (Chrome's schema keeps it) outside 1–3650 (ours does not).
    auditRetentionDays: 0,
  }
}

/** The first directory of POLICY_DIR that a test created (removed again when empty), if any. */
let createdDir: string | undefined

/** Writes our policy file: only 3rdparty.extensions.<our id>, nothing that could touch another extension. */
function writePolicy(policy: Record<string, unknown>): void {
  createdDir ??= mkdirSync(POLICY_DIR, { recursive: true })
  writeFileSync(POLICY_FILE, JSON.stringify({ "3rdparty": { extensions: { [EXTENSION_ID]: policy } } }))
}

/** Removes our file, and the directories the test created if nothing else is in them. */
function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true })
  if (!createdDir) return
  for (let dir = POLICY_DIR; dir.startsWith(createdDir); dir = dirname(dir)) {
    try {
      rmdirSync(dir) // fails when someone else's files are there: then it stays
    } catch {
      return
    }
  }
  createdDir = undefined
}

/** Chromium re-reads policy files on its own schedule; chrome://policy → Reload makes it do so now. */
async function reloadPolicies(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage()
  try {
    await page.goto("chrome://policy")
    await page
      .getByRole("button", { name: /reload policies|重新加载政策/i })
      .first()
      .click()
  } finally {
    await page.close()
  }
}

async function greeting(frame: Frame): Promise<string | null> {
  return textOf(
    frame.getByTestId("script-item").filter({ hasText: "很高兴为您服务" }).locator(".script-text"),
  )
}

describe("admin policy (managed storage)", () => {
  it("the build ships the managed schema named in its manifest, byte for byte", () => {
    const dir = join(REPO_DIR, POLICY_BUILD)
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      key?: string
      storage?: { managed_schema?: string }
    }
    expect(manifest.key).toBeTruthy()
    const shipped = readFileSync(join(dir, manifest.storage?.managed_schema ?? "missing"), "utf8")
    expect(JSON.parse(shipped)).toEqual(
      JSON.parse(readFileSync(join(REPO_DIR, "assets", "managed-schema.json"), "utf8")),
    )
  })

  beforeAll(() => {
    if (process.getuid?.() !== 0) throw new Error("the policy e2e writes /etc/chromium/policies: run as root")
  })
  // The fixture server only: each test launches the policy build itself, after writing the policy.
  const suite = extensionSuite({ browsers: 0 })
  const { logs } = suite
  afterAll(() => removePolicy())

  it("applies the policy with no agent action, shows it locked everywhere, ignores a bad value, and follows a live change", async () => {
    const origin = new URL(suite.server.url("legacy-ticket.html")).origin
    let session: ExtensionSession | undefined
    try {
      writePolicy(policyFor(origin, "盛辉物流"))
      session = await launchExtension({ buildDir: POLICY_BUILD })
      logs.push(...session.logs)
      expect(session.extensionId).toBe(EXTENSION_ID)

      // Sites: the CRM page gets the sidebar without the agent enabling anything.
      const page = await suite.open("legacy-ticket.html", session)
      const frame = await sidebarFrame(page, session.extensionId)
      await expect
        .poll(() => sidebarText(page, session!.extensionId, "waybill-number"), POLL)
        .toBe(LEGACY_WAYBILL)

      // The company name from the policy in the greeting script; the phrasebook in force is the policy's.
      await frame.getByTestId("tab-phrasing").click()
      await expect.poll(() => greeting(frame), POLL).toContain("盛辉物流客服")
      // Hotline and business hours from the policy fill the closing script.
      const closing = frame.locator('[data-script-id="closing-hotline"] .script-text').first()
      expect(await textOf(closing)).toContain("盛辉物流客服热线400-800-1234（服务时间09:00-21:00）")
      await expect.poll(() => textOf(frame.getByTestId("phrasebook-version")), POLL).toContain(BOOK_VERSION)
      // The sidebar lists what the policy fixes, disabled, with the values.
      expect(await frame.getByTestId("policy-summary").count()).toBe(1)
      expect(await frame.getByTestId("policy-value-company").locator("input").inputValue()).toBe("盛辉物流")
      expect(await frame.getByTestId("policy-value-company").locator("input").isDisabled()).toBe(true)

      // A draft in the handoff form, to prove a live policy change does not lose it.
      await frame.getByTestId("tab-handoff").click()
      const draft = `草稿-${Date.now().toString(36)} 客户要求今天送达`
      await frame.getByTestId("handoff-problem").fill(draft)
      // A callback promised at 23:00 is outside the policy's business hours (09:00-21:00): a warning.
      const late = new Date(Date.now() + 86_400_000)
      const day = `${late.getFullYear()}-${String(late.getMonth() + 1).padStart(2, "0")}-${String(late.getDate()).padStart(2, "0")}`
      await frame.getByTestId("handoff-callback").fill(`${day}T23:00`)
      await expect
        .poll(() => textOf(frame.getByTestId("handoff-outside-hours")), POLL)
        .toContain("09:00-21:00")
      await frame.getByTestId("handoff-callback").fill(`${day}T10:00`)
      await expect.poll(() => frame.getByTestId("handoff-outside-hours").count(), POLL).toBe(0)

      // Options: the locked display, the directory and the diagnostics.
      const options = await openOptions(session)
      recordConsole(options, logs)
      await expect.poll(() => textOf(options.getByTestId("policy-status")), POLL).toContain("2026-12-01")
      expect(await options.getByTestId("profile-company-locked").locator("input").inputValue()).toBe(
        "盛辉物流",
      )
      expect(await options.getByTestId("profile-company-locked").locator("input").isDisabled()).toBe(true)
      expect(await textOf(options.getByTestId("profile-company-locked"))).toContain("由管理员统一设置")
      const site = options.locator(`[data-testid=site-row][data-origin="${origin}"]`)
      expect(await site.getAttribute("data-managed")).toBe("true")
      expect(await site.getByTestId("site-disable").count()).toBe(0)
      expect(await site.getByTestId("site-selector").inputValue()).toBe("#ticketForm td b")
      await expect.poll(() => textOf(options.getByTestId("directory-count")), POLL).toContain("3")
      expect(await textOf(options.getByTestId("directory-count"))).toContain("2026-12-01")
      expect(await options.getByTestId("directory-import").isDisabled()).toBe(true)
      expect(await textOf(options.getByTestId("qa-phrasebook-version"))).toContain(BOOK_VERSION)
      expect(await options.getByTestId("qa-phrasebook-import").isDisabled()).toBe(true)
      expect(await options.getByTestId("data-export").isDisabled()).toBe(true)
      const bad = options.locator('[data-testid=policy-diagnostic][data-key="auditRetentionDays"]')
      expect(await textOf(bad)).toMatch(/1–3650/)
      expect(await options.getByTestId("policy-diagnostic").count()).toBe(1)
      // The bad retention is ignored: the agent's own setting stays editable.
      expect(await options.getByTestId("qa-retention-days").isDisabled()).toBe(false)
      mkdirSync(SHOTS, { recursive: true })
      const shot = join(SHOTS, "options-locked.png")
      await options.screenshot({ path: shot, fullPage: true })
      console.log(`screenshot: ${shot}`)

      // The rule editor and the trail export on the review page.
      const review = await session.context.newPage()
      recordConsole(review, logs)
      await review.goto(`chrome-extension://${session.extensionId}/tabs/review.html`)
      await review.getByTestId("rule-editor-locked").waitFor({ timeout: 15_000 })
      expect(await review.getByTestId("rule-editor-locked").getAttribute("disabled")).not.toBeNull()
      expect(await review.getByTestId("rule-triggers").isDisabled()).toBe(true)
      expect(await review.getByTestId("qa-export").isDisabled()).toBe(true)
      await review.close()

      // The popup: the site is the organisation's, it cannot be disabled here.
      const popup = await openPopupFor(session, page)
      recordConsole(popup, logs)
      await expect.poll(() => popup.getByTestId("popup-site").getAttribute("data-enabled"), POLL).toBe("true")
      expect(await popup.getByTestId("popup-disable").count()).toBe(0)
      expect(await textOf(popup.getByTestId("popup-site"))).toContain("由管理员统一设置")
      expect(await popup.getByTestId("policy-value-company").locator("input").inputValue()).toBe("盛辉物流")
      await popup.screenshot({ path: join(SHOTS, "popup-locked.png") })
      await popup.close()

      // Live: the admin changes the company name; the open sidebar follows, the draft stays.
      writePolicy({ ...policyFor(origin, "盛辉物流华东"), auditRetentionDays: 90 })
      await reloadPolicies(session)
      // The sidebar stays on the handoff form with its unsaved draft while the policy changes under it.
      const company = frame.getByTestId("policy-value-company").locator("input")
      await expect.poll(() => company.inputValue(), POLL).toBe("盛辉物流华东")
      expect(await frame.getByTestId("handoff-problem").inputValue()).toBe(draft)
      await frame.getByTestId("tab-phrasing").click()
      await expect.poll(() => greeting(frame), POLL).toContain("盛辉物流华东客服")
      await expect.poll(() => options.getByTestId("policy-diagnostic").count(), POLL).toBe(0)
      expect(await options.getByTestId("qa-retention-locked").locator("input").inputValue()).toBe("90")
      await page.screenshot({ path: join(SHOTS, "sidebar-after-live-change.png") })
    } finally {
      removePolicy()
      await session?.close()
    }
  })

  it("without a policy: nothing locked, the agent's own settings, the site to be enabled by the agent", async () => {
    expect(existsSync(POLICY_FILE)).toBe(false)
    const session = await launchExtension({ buildDir: POLICY_BUILD })
    try {
      expect(await session.serviceWorker.evaluate(() => chrome.storage.managed.get(null))).toEqual({})
      const options = await openOptions(session)
      await expect
        .poll(() => options.getByTestId("policy-panel").getAttribute("data-source"), POLL)
        .toBe("none")
      expect(await options.getByTestId("locked-badge").count()).toBe(0)
      expect(await options.getByTestId("profile-company").isDisabled()).toBe(false)
      expect(await options.getByTestId("data-export").isDisabled()).toBe(false)
      expect(await options.getByTestId("qa-phrasebook-import").isDisabled()).toBe(false)
      expect(await options.getByTestId("sites-empty").count()).toBe(1)
      const page = await session.context.newPage()
      await page.goto(suite.server.url("legacy-ticket.html"))
      const popup = await openPopupFor(session, page)
      await expect.poll(() => popup.getByTestId("popup-enable").count(), POLL).toBe(1)
      expect(await popup.getByTestId("policy-summary").count()).toBe(0)
    } finally {
      await session.close()
    }
  })
})

describe("the usual e2e build without a policy behaves as before", () => {
  const suite = extensionSuite()

  it("sidebar, agent profile in the greeting, built-in phrasebook, editor and export open", async () => {
    const options = await openOptions(suite.session)
    await options.getByTestId("profile-company").fill("通达速运")
    await options.getByTestId("profile-save").click()
    await options.getByTestId("profile-status").waitFor({ timeout: 15_000 })
    expect(await options.getByTestId("locked-badge").count()).toBe(0)
    const page: Page = await suite.session.context.newPage()
    await page.goto(suite.server.url("legacy-ticket.html"))
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await frame.getByTestId("tab-phrasing").click()
    await expect.poll(() => greeting(frame), POLL).toContain("通达速运客服")
    await expect
      .poll(() => textOf(frame.getByTestId("phrasebook-version")), POLL)
      .toContain(DEFAULT_PHRASEBOOK.version)
    expect(await frame.getByTestId("policy-summary").count()).toBe(0)
    const review = await suite.session.context.newPage()
    await review.goto(`chrome-extension://${suite.session.extensionId}/tabs/review.html`)
    await review.getByTestId("rule-editor").waitFor({ timeout: 15_000 })
    expect(await review.getByTestId("rule-editor-locked").count()).toBe(0)
    expect(await review.getByTestId("rule-triggers").isDisabled()).toBe(false)
  })
})
