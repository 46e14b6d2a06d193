/**
 * The setup every real-browser spec shares: the fixture CRM server, one or more browsers with the
 * extension, their logs printed when a test fails, and everything closed after the suite. Call it at
 * the top of a `describe` (or of the file); the spec's own `beforeAll` hooks registered after it run
 * once the browsers are up, its `afterAll` hooks before they close. Kept apart from harness.ts,
 * which the benchmarks and the demo use outside vitest.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach } from "vitest"

import {
  type ExtensionSession,
  launchExtension,
  type LaunchOptions,
  newProfileDir,
  recordConsole,
  removeProfileDir,
} from "./harness"
import { type FixtureServer, type FixtureServerOptions, startFixtureServer } from "./server"

export interface ExtensionSuiteOptions {
  /** How many browsers (agents) to launch, each with a profile of its own; default 1, 0 for none. */
  browsers?: number
  /** How to launch them; a function when it depends on something a hook before this one started. */
  launch?: LaunchOptions | (() => LaunchOptions)
  server?: FixtureServerOptions
  /**
   * The first browser's profile outlives a `relaunch()` (what a browser restart keeps); removed after
   * the suite.
   */
  keepProfile?: boolean
}

export interface ExtensionSuite {
  readonly server: FixtureServer
  /** The first browser. */
  readonly session: ExtensionSession
  /** Every browser, in launch order. */
  readonly sessions: readonly ExtensionSession[]
  /** The pages' console lines of the current test (see `open`), printed with the browsers' logs if it fails. */
  readonly logs: string[]
  /** A new tab of `session` (the first browser by default) at a fixture path, its console recorded. */
  open(path: string, session?: ExtensionSession): Promise<Page>
  /** Closes the first browser and starts it again on the same profile (needs `keepProfile`). */
  relaunch(): Promise<ExtensionSession>
}

/** Registers the suite's hooks and returns what the tests use once they have run. */
export function extensionSuite(options: ExtensionSuiteOptions = {}): ExtensionSuite {
  const { browsers = 1 } = options
  let server: FixtureServer | undefined
  let profileDir: string | undefined
  const sessions: ExtensionSession[] = []
  const logs: string[] = []
  const launchOptions = (): LaunchOptions =>
    typeof options.launch === "function" ? options.launch() : (options.launch ?? {})

  beforeAll(async () => {
    server = await startFixtureServer(options.server)
    if (options.keepProfile) profileDir = newProfileDir()
    for (let i = 0; i < browsers; i++) {
      sessions.push(
        await launchExtension({ ...launchOptions(), ...(i === 0 && profileDir ? { profileDir } : {}) }),
      )
    }
  }, 120_000)
  beforeEach(({ onTestFailed }) => {
    logs.length = 0
    onTestFailed(() => console.log([...sessions.flatMap((s) => s.logs), ...logs].join("\n")))
  })
  afterAll(async () => {
    for (const session of sessions) await session.close()
    await server?.close()
    if (profileDir) removeProfileDir(profileDir)
  })

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`extensionSuite: no ${what} yet (use it inside a test or hook)`)
    return value
  }
  return {
    get server() {
      return started(server, "fixture server")
    },
    get session() {
      return started(sessions[0], "browser")
    },
    sessions,
    logs,
    async open(path, session = started(sessions[0], "browser")) {
      const page = await session.context.newPage()
      recordConsole(page, logs)
      await page.goto(started(server, "fixture server").url(path))
      return page
    },
    async relaunch() {
      if (!profileDir) throw new Error("extensionSuite: relaunch() needs keepProfile")
      await started(sessions[0], "browser").close()
      sessions[0] = await launchExtension({ ...launchOptions(), profileDir })
      return sessions[0]
    },
  }
}
