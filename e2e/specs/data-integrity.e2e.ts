/**
 * Data that is never lost, in the real browser: a v1 database (from the stored fixture) upgrades on
 * the next open; a note saved while the service worker is stopped keeps its reminder; two tabs saving
 * the same case at once keep both notes; a full disk shows a clear message and loses nothing; a
 * backup round-trips exactly through the options page; malformed files change nothing.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

import type { Frame, Page } from "playwright-core"
import { afterAll, describe, expect, it } from "vitest"

import { DB_VERSION } from "~lib/store/migrations"

import {
  type ExtensionSession,
  launchExtension,
  openOptions,
  recordConsole,
  REPO_DIR,
  saveProfile,
  sidebarFrame,
  sidebarText,
  textOf,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"
import { type FixtureServer } from "../server"

const POLL = { timeout: 20_000, interval: 200 }
const LEGACY = { path: "legacy-ticket.html", waybill: "SF1385628716739" }
const LOOKALIKES = { path: "lookalikes.html", waybill: "YT8827361045592" }

interface Seed {
  tables: Record<string, Record<string, unknown>[]>
}

/** Everything in the extension's database, read with raw IndexedDB inside an extension page. */
async function dumpDb(target: Page | Frame) {
  return target.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("cs-sidekick")
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const out: Record<string, unknown[]> = {}
    for (const name of [...db.objectStoreNames].sort()) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll()
        req.onsuccess = () => resolve(req.result as unknown[])
        req.onerror = () => reject(req.error)
      })
    }
    const version = db.version
    db.close()
    return { version, tables: out }
  })
}

async function openTicket(
  session: ExtensionSession,
  server: FixtureServer,
  t: typeof LEGACY,
  logs: string[],
) {
  const page = await session.context.newPage()
  recordConsole(page, logs)
  await page.goto(server.url(t.path))
  const frame = await sidebarFrame(page, session.extensionId)
  await expect.poll(() => sidebarText(page, session.extensionId, "waybill-number"), POLL).toBe(t.waybill)
  await frame.getByTestId("handoff-form").waitFor({ timeout: 15_000 })
  return { page, frame }
}

async function fillNote(frame: Frame, problem: string) {
  const form = frame.getByTestId("handoff-form")
  await form.getByTestId("handoff-problem").fill(problem)
  await form.getByTestId("handoff-actions").fill("已联系网点")
  await form.getByTestId("handoff-promise").fill("今天回电")
  // A promise to call back needs a callback time (issue 12).
  await form.getByTestId("callback-plus2h").click()
}

const notesWith = (frame: Frame, text: string) =>
  frame
    .getByTestId("handoff-note")
    .filter({ hasText: text })
    .count()
    .catch(() => -1)

describe("data that is never lost", () => {
  const suite = extensionSuite()
  const { logs } = suite
  let scenarios = 0
  afterAll(() => console.log(`data-integrity: ${scenarios} fault scenarios survived`))

  it("a v1 database written by the previous release upgrades on the next open", async () => {
    // Its own browser: the v1 file replaces everything (settings and enabled sites included).
    const session = await launchExtension()
    const seed = JSON.parse(
      readFileSync(join(REPO_DIR, "src/lib/store/fixtures/v1-seed.json"), "utf8"),
    ) as Seed
    // A page of the extension's origin that does not open the store itself.
    const blank = await session.context.newPage()
    await blank.goto(`chrome-extension://${session.extensionId}/manifest.json`)
    // The worker holds the database open (reminders): stop it, so the old release's file is what the
    // next open finds.
    const cdp = await session.context.newCDPSession(blank)
    await cdp.send("ServiceWorker.enable")
    await cdp.send("ServiceWorker.stopAllWorkers")
    const created = await blank.evaluate(async (tables) => {
      const remove = () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase("cs-sidekick")
          del.onsuccess = () => resolve()
          del.onerror = () => reject(del.error)
        })
      // Dexie stores version n as IndexedDB version n × 10; v1's tables and indexes as released.
      const spec: Record<string, [string, string[]]> = {
        cases: ["waybill", ["status", "callbackAt", "updatedAt", "customerName"]],
        notes: ["id", ["waybill", "createdAt", "callbackAt", "customerName", "customerContact"]],
        contacts: ["id", ["role", "branch", "company", "region"]],
        settings: ["key", []],
      }
      const openV1 = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open("cs-sidekick", 10)
          req.onupgradeneeded = () => {
            for (const [name, [key, indexes]] of Object.entries(spec)) {
              const store = req.result.createObjectStore(name, { keyPath: key })
              for (const i of indexes) store.createIndex(i, i)
            }
          }
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
      // The service worker may wake (an event, the install-time work) and open the current version
      // between the delete and our open: then delete again and retry.
      let db: IDBDatabase | null = null
      for (let attempt = 0; !db; attempt++) {
        await remove()
        db = await openV1().catch((e: unknown) => {
          if (attempt < 5 && e instanceof DOMException && e.name === "VersionError") return null
          throw e
        })
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(spec), "readwrite")
        for (const [name, rows] of Object.entries(tables))
          for (const row of rows) tx.objectStore(name).put(row)
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      const version = db.version
      db.close()
      return version
    }, seed.tables)
    expect(created).toBe(10)

    // The extension update: the current code opens the store (options page) and upgrades it.
    const options = await openOptions(session)
    recordConsole(options, logs)
    await expect.poll(() => options.getByTestId("profile-workid").inputValue(), POLL).toBe("A1024")
    const after = await dumpDb(blank)
    // Dexie stores version n as n × 10: the current code's version, whatever number it has reached.
    expect(after.version).toBe(DB_VERSION * 10)
    const cases = after.tables.cases as {
      waybill: string
      urgent: boolean
      caseType: string
      createdAt: number
    }[]
    expect(cases.map((c) => c.waybill).sort()).toEqual([
      "JT00012345678",
      "SF1234567890",
      "YT9876543210",
      "ZTO75312345678",
    ])
    for (const c of cases) expect(typeof c.urgent).toBe("boolean")
    expect(cases.find((c) => c.waybill === "SF1234567890")).toMatchObject({
      caseType: "滞留",
      createdAt: 1700000000000,
    })
    const notes = after.tables.notes as { id: string; waybill: string }[]
    expect(notes.map((n) => n.id).sort()).toEqual(seed.tables.notes.map((n) => n.id as string).sort())
    for (const n of notes) expect(n.waybill).toBe(n.waybill.toUpperCase().replace(/\s+/g, ""))
    expect((after.tables.contacts ?? []).length).toBe(seed.tables.contacts.length)
    expect(Object.keys(after.tables)).toEqual(
      expect.arrayContaining(["attempts", "phrasebooks", "auditEvents"]),
    )
    scenarios++
    await cdp.detach()
    await session.close()
  })

  it("a note saved while the service worker is stopped is kept, and its reminder is scheduled after restart", async () => {
    const options = await openOptions(suite.session)
    await saveProfile(options, { name: "张晓梅", workId: "KF10086" })
    const cdp = await suite.session.context.newCDPSession(options)
    await cdp.send("ServiceWorker.enable")

    const { page, frame } = await openTicket(suite.session, suite.server, LOOKALIKES, logs)
    const token = `停机保存-${Date.now().toString(36)}`
    await fillNote(frame, `${token} 物流两天未更新`)
    await frame.getByTestId("callback-plus30m").click()
    const alarmName = `callback:${LOOKALIKES.waybill}`
    // Stop the worker while the sidebar saves (and asks the worker to schedule the reminder).
    await Promise.all([
      frame.getByTestId("handoff-save").click(),
      cdp.send("ServiceWorker.stopAllWorkers"),
      cdp.send("ServiceWorker.stopAllWorkers"),
    ])
    await expect.poll(() => notesWith(frame, token), POLL).toBe(1)
    // The worker comes back on the next event (here the popup's message); the alarm is there.
    const alarm = async () =>
      (await suite.session.worker())
        .evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime ?? null, alarmName)
        .catch(() => null)
    await cdp.send("ServiceWorker.stopAllWorkers")
    await options.evaluate(() =>
      chrome.runtime.sendMessage({ name: "callbacks.sync", body: {} }).catch(() => null),
    )
    await expect.poll(alarm, POLL).not.toBeNull()
    // And a worker restart with no message at all reconciles too: clear the alarm, stop, wake.
    await (await suite.session.worker()).evaluate((name) => chrome.alarms.clear(name), alarmName)
    await cdp.send("ServiceWorker.stopAllWorkers")
    await options.evaluate(() =>
      chrome.runtime.sendMessage({ name: "no.such.message", body: {} }).catch(() => null),
    )
    await expect.poll(alarm, POLL).not.toBeNull()
    scenarios += 2
    await cdp.detach()
    await page.close()
    await options.close()
  })

  it("two tabs saving the same case at once keep both notes; the case stays one consistent record", async () => {
    const a = await openTicket(suite.session, suite.server, LEGACY, logs)
    const b = await openTicket(suite.session, suite.server, LEGACY, logs)
    const token = `并发-${Date.now().toString(36)}`
    await fillNote(a.frame, `${token}-A 客户来电催件`)
    await fillNote(b.frame, `${token}-B 网点回复已派出`)
    await Promise.all([
      a.frame.getByTestId("handoff-save").click(),
      b.frame.getByTestId("handoff-save").click(),
    ])
    for (const t of [a, b]) {
      await expect.poll(() => notesWith(t.frame, `${token}-A`), POLL).toBe(1)
      await expect.poll(() => notesWith(t.frame, `${token}-B`), POLL).toBe(1)
    }
    const db = await dumpDb(a.frame)
    const notes = (db.tables.notes as { waybill: string; problem: string }[]).filter((n) =>
      n.problem.includes(token),
    )
    expect(notes.length).toBe(2)
    const cases = (db.tables.cases as { waybill: string; updatedAt: number }[]).filter(
      (c) => c.waybill === LEGACY.waybill,
    )
    expect(cases.length).toBe(1)
    scenarios++
    await a.page.close()
    await b.page.close()
  })

  it("a full disk: a clear message in the UI language, the text stays in the form, earlier notes intact", async () => {
    const { page, frame } = await openTicket(suite.session, suite.server, LEGACY, logs)
    const before = await dumpDb(frame)
    // Chromium does not enforce CDP's Storage.overrideQuotaForOrigin on extension origins (it reports
    // the override as active, yet writes still succeed), so the disk fills at the IndexedDB boundary:
    // inside the sidebar page, every put/add fails the way a full disk fails them.
    const fillDisk = (full: boolean) =>
      frame.evaluate((on) => {
        const w = window as unknown as { __idb?: { put: unknown; add: unknown } }
        const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>
        w.__idb ??= { put: proto.put, add: proto.add }
        const quota = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
        }
        proto.put = on ? quota : w.__idb.put
        proto.add = on ? quota : w.__idb.add
      }, full)
    await fillDisk(true)
    const big = `磁盘已满-${Date.now().toString(36)} ${"客户反映快件外包装破损，内物缺失。".repeat(120)}`
    await fillNote(frame, big)
    await frame.getByTestId("handoff-save").click()
    const error = frame.getByTestId("handoff-error")
    await error.waitFor({ timeout: 15_000 })
    // zh-CN browser, Chinese UI: the store's quota message, not a raw DOMException.
    expect(await textOf(error)).toMatch(/存储空间已满，本次未保存，之前的记录完好/)
    expect(await textOf(error)).not.toMatch(/QuotaExceededError|DOMException/)
    expect(await frame.getByTestId("handoff-problem").inputValue()).toBe(big)
    const during = await dumpDb(frame)
    expect(during.tables.notes).toEqual(before.tables.notes)
    expect(during.tables.cases).toEqual(before.tables.cases)

    // Space again: the same form saves.
    await fillDisk(false)
    await frame.getByTestId("handoff-save").click()
    await expect.poll(() => notesWith(frame, big.slice(0, 20)), POLL).toBe(1)
    const afterDb = await dumpDb(frame)
    expect((afterDb.tables.notes as unknown[]).length).toBe((before.tables.notes as unknown[]).length + 1)
    scenarios++
    await page.close()
  })

  it("backup: export in the options page, delete everything, import: identical", async () => {
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    const before = await dumpDb(options)
    expect((before.tables.notes as unknown[]).length).toBeGreaterThan(0)
    const [download] = await Promise.all([
      options.waitForEvent("download"),
      options.getByTestId("data-export").click(),
    ])
    const path = await download.path()
    const file = readFileSync(path)

    options.on("dialog", (d) => void d.accept())
    await options.getByTestId("data-purge-confirm").fill("DELETE") // PURGE_WORD
    await options.getByTestId("data-purge").click()
    await expect.poll(async () => ((await dumpDb(options)).tables.notes as unknown[]).length, POLL).toBe(0)

    await options.getByTestId("import-mode-replace").check()
    const confirm = options.getByTestId("import-replace-confirm")
    if ((await confirm.count()) > 0) await confirm.check()
    await options
      .getByTestId("data-import")
      .setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: file })
    await expect.poll(() => textOf(options.getByTestId("data-status")), POLL).toMatch(/导入|imported/i)
    const after = await dumpDb(options)
    const sortById = (rows: unknown[]) =>
      [...(rows as Record<string, unknown>[])].sort((x, y) =>
        String(x.id ?? x.waybill ?? x.key).localeCompare(String(y.id ?? y.waybill ?? y.key)),
      )
    for (const table of ["notes", "cases", "attempts", "contacts", "settings"])
      expect(sortById(after.tables[table] ?? []), table).toEqual(sortById(before.tables[table] ?? []))
    scenarios++
    await options.close()
  })

  it("malformed files imported through the options page: a located message, nothing changes", async () => {
    const options = await openOptions(suite.session)
    recordConsole(options, logs)
    const before = await dumpDb(options)
    const dir = join(REPO_DIR, "tests/fixtures/malformed")
    const cases: [string, string, RegExp][] = [
      ["data-import", "backup-truncated.json", /JSON 不完整/],
      ["data-import", "backup-gbk.json", /不是客服助手的备份文件/],
      ["data-import", "backup-duplicate-note-ids.json", /重复的 id/],
      ["data-import", "backup-deep-nesting.json", /JSON 嵌套过深/],
      ["directory-import", "contacts-big5.csv", /无法识别文件编码/],
      ["directory-import", "contacts-unknown-role.csv", /第 3 行：无法识别的角色「保安」/],
      ["directory-import", "contacts-xlsx-renamed.csv", /不是文本文件/],
    ]
    for (const [input, name, message] of cases) {
      await options.getByTestId(input).setInputFiles(join(dir, name))
      const list = options.getByTestId(input === "data-import" ? "import-problems" : "directory-problems")
      await expect.poll(() => textOf(list), POLL).toMatch(message)
      expect(await dumpDb(options)).toEqual(before)
    }
    scenarios += cases.length
    await options.close()
  })
})
