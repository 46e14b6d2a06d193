/**
 * Launches Debian's Chromium with the e2e build of the extension (see TOOLCHAIN.md "Real browser")
 * and finds the extension's pages: the in-page sidebar frame, the popup and the options page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

import {
  type BrowserContext,
  chromium,
  type ConsoleMessage,
  type Frame,
  type Locator,
  type Page,
  type Request,
  type Worker,
} from "playwright-core"

import { SITES_LOCK } from "~lib/protocol/types"

export const REPO_DIR = fileURLToPath(new URL("..", import.meta.url))
export const E2E_DIR = fileURLToPath(new URL(".", import.meta.url))
export const PROFILES_DIR = join(E2E_DIR, ".profiles")
export const SCREENSHOTS_DIR = join(E2E_DIR, "screenshots")
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
/**
 * The extension under test. `E2E_BUILD_DIR` points at a private copy (`tsx scripts/build-e2e.ts
 * --tag=NAME` → build/chrome-mv3-NAME) so that someone else's rebuild cannot swap files mid-run.
 */
export const DEFAULT_BUILD_DIR = resolve(REPO_DIR, process.env.E2E_BUILD_DIR ?? "build/chrome-mv3-e2e")

export interface LaunchOptions {
  /** Unpacked extension directory, relative to the repo root or absolute; default DEFAULT_BUILD_DIR. */
  buildDir?: string
  /** Reuse a profile (e.g. to relaunch); by default a fresh one is made and removed on close. */
  profileDir?: string
  headless?: boolean
  /**
   * Origins the extension may call in this session (a team server the spec started on 127.0.0.1);
   * requests to them are listed in `allowedRequests` instead of failing the spec.
   */
  allowNetwork?: string[]
}

export interface ExtensionSession {
  context: BrowserContext
  extensionId: string
  /** The service worker seen at launch; use `worker()` later, the worker may have restarted. */
  serviceWorker: Worker
  worker(): Promise<Worker>
  profileDir: string
  /** Everything the extension's service worker and pages logged, for diagnosing failures. */
  logs: string[]
  /**
   * Network requests the extension's worker or pages made to anything but its own files. The product
   * makes none (customer data never leaves the machine): `close()` fails the spec if this is not empty,
   * so every real-browser test in the suite doubles as a watch on the extension's network traffic.
   */
  networkRequests: string[]
  /** Requests to the `allowNetwork` origins. */
  allowedRequests: string[]
  close(): Promise<void>
}

/** A request made by the extension itself (its service worker, or one of its pages or frames). */
function fromExtension(r: Request): boolean {
  if (r.serviceWorker() !== null) return true
  try {
    return r.frame().url().startsWith("chrome-extension://")
  } catch {
    return false // no frame: not a page request
  }
}

/** A fresh profile directory under e2e/.profiles (gitignored). */
export function newProfileDir(): string {
  mkdirSync(PROFILES_DIR, { recursive: true })
  return mkdtempSync(join(PROFILES_DIR, "p-"))
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * Playwright starts Chromium with third-party storage partitioning off; with the default cookie
 * blocking, the sidebar's chrome-extension:// frame inside a web page is then denied IndexedDB.
 * Real Chrome does not do this, so give the profile Chrome's usual setting (merged, so a relaunch
 * keeps everything else the browser saved).
 */
function allowEmbeddedExtensionStorage(profileDir: string): void {
  const dir = join(profileDir, "Default")
  mkdirSync(dir, { recursive: true })
  const file = join(dir, "Preferences")
  let prefs: Record<string, unknown> = {}
  if (existsSync(file)) {
    try {
      prefs = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>
    } catch {
      prefs = {}
    }
  }
  const profile = (prefs.profile ?? {}) as Record<string, unknown>
  prefs.profile = { ...profile, cookie_controls_mode: 2 }
  writeFileSync(file, JSON.stringify(prefs))
}

function isOurWorker(w: Worker): boolean {
  return w.url().startsWith("chrome-extension://")
}

/** Flags of every browser we launch: no GPU, no background traffic of the browser's own. */
function quietBrowserArgs(): string[] {
  const args = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ]
  if (process.getuid?.() === 0) args.push("--no-sandbox")
  return args
}

/**
 * A Chromium with the same flags, viewport and locale as `launchExtension`'s, without the extension, on a
 * disk profile: the other side of a with ÷ without measurement. `extraArgs`: more flags (a lab's
 * throwaway extension, bench/inject-lab.ts).
 */
export function launchPlain(profileDir: string, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...quietBrowserArgs(), ...extraArgs],
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
  })
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const buildDir = resolve(REPO_DIR, options.buildDir ?? DEFAULT_BUILD_DIR)
  if (!existsSync(join(buildDir, "manifest.json"))) {
    throw new Error(`No extension build at ${buildDir}: run \`npm run build:e2e\` first.`)
  }
  const ownProfile = options.profileDir === undefined
  const profileDir = options.profileDir ?? newProfileDir()
  allowEmbeddedExtensionStorage(profileDir)

  const args = [
    // Playwright passes --disable-extensions by default; without this the extension silently does not load.
    `--disable-extensions-except=${buildDir}`,
    `--load-extension=${buildDir}`,
    ...quietBrowserArgs(),
  ]

  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: options.headless ?? process.env.HEADED !== "1",
      args,
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
    })
  } catch (err) {
    if (ownProfile) removeProfileDir(profileDir)
    throw err
  }
  const logs: string[] = []
  const networkRequests: string[] = []
  const allowedRequests: string[] = []
  const allowed = (url: string) => (options.allowNetwork ?? []).some((o) => url.startsWith(`${o}/`))
  context.on("request", (r) => {
    if (!fromExtension(r) || /^(chrome-extension|data|blob):/.test(r.url())) return
    if (allowed(r.url())) allowedRequests.push(r.url())
    else networkRequests.push(r.url())
  })
  const watchWorker = (w: Worker): void => {
    if (!isOurWorker(w)) return
    w.on("console", (m: ConsoleMessage) => logs.push(`[sw ${m.type()}] ${m.text()}`))
  }
  context.on("serviceworker", watchWorker)
  context.serviceWorkers().forEach(watchWorker)

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find(isOurWorker)
    if (live) return live
    return context.waitForEvent("serviceworker", { predicate: isOurWorker, timeout: 20_000 })
  }
  let serviceWorker: Worker
  try {
    serviceWorker = await worker()
  } catch (err) {
    await context.close()
    if (ownProfile) removeProfileDir(profileDir)
    throw new Error(`The extension's service worker did not start: ${String(err)}`)
  }
  const extensionId = new URL(serviceWorker.url()).host
  await settleStartup(serviceWorker)

  return {
    context,
    extensionId,
    serviceWorker,
    worker,
    profileDir,
    logs,
    networkRequests,
    allowedRequests,
    close: async () => {
      await context.close()
      if (ownProfile) removeProfileDir(profileDir)
      if (networkRequests.length > 0) {
        throw new Error(`The extension made network requests: ${networkRequests.join(", ")}`)
      }
    },
  }
}

/** Records a page's console and uncaught errors (the content script logs into the page's console). */
export function recordConsole(page: Page, into: string[]): void {
  page.on("console", (m) => into.push(`[page ${m.type()}] ${m.text()}`))
  page.on("pageerror", (e) => {
    const at = (e.stack ?? "").split("\n").find((l) => l.trim().startsWith("at "))
    into.push(`[page error] ${e.message}${at ? ` (${at.trim()})` : ""}`)
  })
}

/**
 * Waits for the extension's install-time work: enabling the e2e sites, registering the content script
 * and injecting it into open CRM tabs, all under the sites lock. A page opened meanwhile can get a second
 * copy that replaces the first (by design), which would detach a sidebar frame a test already holds.
 * A profile that already had the extension has its scripts registered at once.
 */
async function settleStartup(sw: Worker): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const registered = await sw
      .evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.length))
      .catch(() => 0)
    if (registered > 0) break
    await new Promise((r) => setTimeout(r, 100))
  }
  // Registration happens inside the lock: once it shows, taking the lock waits for the rest.
  await sw
    .evaluate((lock) => navigator.locks.request(lock, () => undefined), SITES_LOCK)
    .catch(() => undefined)
}

/** The sidebar's frame (chrome-extension://<id>/tabs/sidebar.html) inside a CRM page, once it appears. */
export async function sidebarFrame(page: Page, extensionId?: string, timeout = 15_000): Promise<Frame> {
  const prefix = extensionId ? `chrome-extension://${extensionId}/tabs/sidebar.html` : "chrome-extension://"
  const matches = (f: Frame): boolean =>
    f.url().startsWith(prefix) && (extensionId !== undefined || f.url().includes("/tabs/sidebar.html"))
  const deadline = Date.now() + timeout
  for (;;) {
    const frame = page.frames().find(matches)
    if (frame) {
      await frame.waitForLoadState("domcontentloaded")
      return frame
    }
    const left = deadline - Date.now()
    if (left <= 0) throw new Error(`No sidebar frame in ${page.url()} after ${timeout} ms`)
    // Wake up on the next frame navigation instead of polling on a timer.
    await page.waitForEvent("framenavigated", { timeout: left }).catch(() => undefined)
  }
}

/** The browser's tab id for a page, asked of the service worker (the e2e build holds the host permission). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const sw = await session.worker()
  const url = page.url()
  const id = await sw.evaluate(async (target: string) => {
    const tabs = await chrome.tabs.query({})
    return tabs.find((t) => t.url === target)?.id ?? null
  }, url)
  if (id === null) throw new Error(`No tab with URL ${url}`)
  return id
}

/**
 * A keyboard command (Alt+Shift+S is "toggle-sidebar") for a page's tab, run through the service
 * worker's own onCommand handler (exposed in the e2e build only): Playwright's key presses reach the
 * page, never the browser's extension shortcuts.
 */
export async function pressCommand(
  session: ExtensionSession,
  page: Page,
  command = "toggle-sidebar",
): Promise<void> {
  const tabId = await tabIdOf(session, page)
  await (
    await session.worker()
  ).evaluate(
    async ([name, id]) => {
      const hook = (globalThis as { cskE2e?: { onCommand(c: string, t: chrome.tabs.Tab): void } }).cskE2e
      if (!hook) throw new Error("not an e2e build: no command hook")
      hook.onCommand(name as string, await chrome.tabs.get(id as number))
    },
    [command, tabId] as const,
  )
}

/** Opens the popup as a tab, pointed at `targetPage`'s tab (the popup reads `?tabId=`). */
export async function openPopupFor(session: ExtensionSession, targetPage: Page): Promise<Page> {
  const tabId = await tabIdOf(session, targetPage)
  const popup = await session.context.newPage()
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`)
  return popup
}

export async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(`chrome-extension://${session.extensionId}/options.html`)
  return page
}

/**
 * On the Options page: fills the agent's profile and saves it, waiting for the confirmation (shown
 * once the store has written it).
 */
export async function saveProfile(
  options: Page,
  profile: { name: string; workId: string; company?: string },
): Promise<void> {
  await options.getByTestId("profile-name").fill(profile.name)
  await options.getByTestId("profile-workid").fill(profile.workId)
  if (profile.company !== undefined) await options.getByTestId("profile-company").fill(profile.company)
  await options.getByTestId("profile-save").click()
  await options.getByTestId("profile-status").waitFor({ timeout: 15_000 })
}

/** On the Options page: saves the team key (team handoffs are signed with it) and waits until it is set. */
export async function saveTeamKey(options: Page, key: string): Promise<void> {
  await options.getByTestId("team-key-input").fill(key)
  await options.getByTestId("team-key-save").click()
  await options.locator('[data-testid="team-key-state"][data-set="yes"]').waitFor({ timeout: 15_000 })
}

/** Saves a screenshot under e2e/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string, dir = SCREENSHOTS_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/** The text (or form value) of the first element matching, or null when there is none; never waits long. */
export async function textOf(locator: Locator): Promise<string | null> {
  try {
    if ((await locator.count()) === 0) return null
    return await locator
      .first()
      .evaluate(
        (el) =>
          el instanceof HTMLInputElement ||
          el instanceof HTMLSelectElement ||
          el instanceof HTMLTextAreaElement
            ? el.value
            : (el.textContent ?? "").replace(/\s+/g, " ").trim(),
        undefined,
        { timeout: 2_000 },
      )
  } catch {
    return null // detached mid-read (a re-render, or the frame went away): the caller polls again
  }
}

/** The sidebar frame if it is there right now, else null (for use inside expect.poll). */
export function currentSidebarFrame(page: Page, extensionId: string): Frame | null {
  const prefix = `chrome-extension://${extensionId}/tabs/sidebar.html`
  return page.frames().find((f) => f.url().startsWith(prefix) && !f.isDetached()) ?? null
}

/** A sidebar testid's text right now, or null; meant for expect.poll. */
export async function sidebarText(page: Page, extensionId: string, testId: string): Promise<string | null> {
  const frame = currentSidebarFrame(page, extensionId)
  return frame ? textOf(frame.getByTestId(testId)) : null
}

/**
 * The carrier(s) the sidebar names for the current waybill, best first: one name when it is sure,
 * the ranked guesses when it is not. Null when the sidebar or the line is not there.
 */
export async function sidebarCarriers(page: Page, extensionId: string): Promise<string[] | null> {
  const frame = currentSidebarFrame(page, extensionId)
  if (!frame) return null
  const line = frame.getByTestId("waybill-carrier")
  try {
    if ((await line.count()) === 0) return null
    return await line.first().evaluate(
      (el) => {
        if (el.getAttribute("data-ambiguous") !== "true") return [(el.textContent ?? "").trim()]
        return [...el.querySelectorAll(".carrier-guess")].map((g) =>
          (g.firstChild?.textContent ?? "").replace(/^\s*·\s*/, "").trim(),
        )
      },
      undefined,
      { timeout: 2_000 },
    )
  } catch {
    return null
  }
}

/** Whether the in-page sidebar host element is in the page's DOM. */
export async function hasSidebarHost(page: Page): Promise<boolean> {
  return (await page.getByTestId("sidekick-sidebar").count()) > 0
}
