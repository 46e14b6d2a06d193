import { readFileSync } from "node:fs"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { type ExtensionSession, launchExtension, REPO_DIR } from "../harness"

const BUILD = join(REPO_DIR, "build/chrome-mv3-e2e")

describe("the e2e build loads", () => {
  let session: ExtensionSession
  beforeAll(async () => {
    session = await launchExtension()
  })
  afterAll(async () => {
    await session?.close()
  })

  it("starts its service worker under a chrome-extension:// id", async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/)
    const sw = await session.worker()
    expect(await sw.evaluate(() => chrome.runtime.getManifest().manifest_version)).toBe(3)
  })

  it("holds the local fixture hosts without a prompt", async () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, "manifest.json"), "utf8")) as {
      host_permissions?: string[]
    }
    expect(manifest.host_permissions ?? []).toEqual(expect.arrayContaining(["http://127.0.0.1/*"]))
    const sw = await session.worker()
    const granted = await sw.evaluate(() => chrome.permissions.contains({ origins: ["http://127.0.0.1/*"] }))
    expect(granted).toBe(true)
  })
})
