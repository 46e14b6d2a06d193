import { readFileSync } from "node:fs"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { DEFAULT_BUILD_DIR, type ExtensionSession, launchExtension } from "../harness"
import { startFixtureServer } from "../server"

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
    const manifest = JSON.parse(readFileSync(join(DEFAULT_BUILD_DIR, "manifest.json"), "utf8")) as {
      host_permissions?: string[]
    }
    expect(manifest.host_permissions ?? []).toEqual(expect.arrayContaining(["http://127.0.0.1/*"]))
    const sw = await session.worker()
    const granted = await sw.evaluate(() => chrome.permissions.contains({ origins: ["http://127.0.0.1/*"] }))
    expect(granted).toBe(true)
  })

  it("watches the extension's own network traffic (the guard every session's close() applies)", async () => {
    const server = await startFixtureServer()
    try {
      const sw = await session.worker()
      // A request the product never makes, made on purpose from the worker: the watch must see it.
      const url = server.url("/index.html")
      await sw.evaluate(async (u: string) => {
        await fetch(u).catch(() => undefined)
      }, url)
      await expect.poll(() => session.networkRequests).toContain(url)
    } finally {
      // Clear it, or close() would (rightly) fail this spec file.
      session.networkRequests.length = 0
      await server.close()
    }
  })

  it("titles its pages in words, not the manifest's placeholder", async () => {
    const page = await session.context.newPage()
    await page.goto(`chrome-extension://${session.extensionId}/options.html`)
    await expect.poll(() => page.title()).toContain("客服助手")
    expect(await page.title()).not.toContain("__MSG_")
    await page.close()
  })
})
