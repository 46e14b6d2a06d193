/**
 * Every malformed import file in tests/fixtures/malformed goes through the same gates the options
 * page uses (size → encoding → parse → schema → store) and must give a clear, located, bilingual
 * message and write nothing.
 */
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { contactsToCsv, parseContactsCsv } from "~lib/escalation/contacts-csv"
import { pickLanguage } from "~lib/ui-logic/page"
import type { ImportProblem } from "~lib/store/contract"
import {
  checkImportSize,
  decodeImportBytes,
  IMPORT_LIMITS,
  parseImportJson,
  readImportFile,
} from "~lib/import-file"
import { auditEventsToCsv, parseAuditImports } from "~lib/audit/transfer"
import type { AuditEvent } from "~lib/audit/model"
import { parsePhrasebookFile } from "~lib/store/phrasebook-import"
import { createStore } from "~lib/store/repository"
import { freshDb, makeNote } from "~lib/store/store.test-helper"

const DIR = fileURLToPath(new URL("./fixtures/malformed/", import.meta.url))
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}${name}`))
const blobOf = (name: string) => new Blob([bytesOf(name)])

type Outcome = { ok: true } | { ok: false; problems: ImportProblem[] }

async function importContacts(name: string): Promise<Outcome & { count?: number }> {
  const decoded = await readImportFile(blobOf(name))
  if (!decoded.ok) return decoded
  const parsed = parseContactsCsv(decoded.text)
  return parsed.ok ? { ok: true, count: parsed.contacts.length } : parsed
}

async function importBackup(name: string) {
  const { db } = freshDb()
  const store = createStore(db, { now: () => 1_700_000_000_000 })
  await store.addNote(makeNote({ id: "before-1", problem: "导入前的记录" }))
  const before = await store.exportAll()
  const decoded = await readImportFile(blobOf(name))
  let outcome: Outcome
  if (!decoded.ok) outcome = decoded
  else {
    const json = parseImportJson(decoded.text)
    outcome = json.ok ? await store.importAll(json.data, "replace") : json
  }
  const after = await store.exportAll()
  db.close()
  return { outcome, unchanged: JSON.stringify(after) === JSON.stringify(before) }
}

async function importAudit(name: string): Promise<Outcome> {
  const decoded = await readImportFile(blobOf(name))
  if (!decoded.ok) return decoded
  const json = parseImportJson(decoded.text)
  if (!json.ok) return json
  return parseAuditImports([{ name, data: json.data }])
}

async function importPhrasebook(name: string): Promise<Outcome> {
  const decoded = await readImportFile(blobOf(name))
  if (!decoded.ok) return decoded
  return parsePhrasebookFile(decoded.text)
}

/** file → the message (Chinese part) and where (a row / line / path) it must name. */
const REFUSED: Record<string, { message: RegExp; where?: RegExp }> = {
  "contacts-big5.csv": { message: /无法识别文件编码/, where: /第 1 行/ },
  "contacts-missing-role-column.csv": { message: /缺少必填列：角色/ },
  "contacts-duplicate-ids.csv": { message: /第 3 行：编号「c1」与第 2 行重复/ },
  "contacts-unknown-role.csv": { message: /第 3 行：无法识别的角色「保安」/ },
  "contacts-missing-cells.csv": { message: /第 2 行：缺少角色/ },
  "contacts-unclosed-quote.csv": { message: /CSV 格式错误/ },
  "contacts-empty.csv": { message: /文件是空的/ },
  "contacts-whitespace-only.csv": { message: /文件是空的/ },
  "contacts-header-only.csv": { message: /没有联系人数据/ },
  "contacts-too-long-name.csv": { message: /第 2 行：姓名超过 100 个字符/ },
  "contacts-wrong-type-level.csv": { message: /第 2 行：无法识别的角色「1」/ },
  "contacts-xlsx-renamed.csv": { message: /不是文本文件/, where: /第 1 行/ },
  "contacts-binary-garbage.csv": { message: /不是文本文件/ },
  "backup-truncated.json": { message: /JSON 不完整/, where: /第 \d+ 行第 \d+ 列/ },
  "backup-empty.json": { message: /文件是空的/ },
  "backup-wrong-top-level.json": { message: /不是有效的备份文件/ },
  "backup-not-ours.json": { message: /不是客服助手的备份文件/ },
  "backup-duplicate-note-ids.json": { message: /重复的 id，与 notes\[0\] 相同/, where: /^notes\[1\]\.id$/ },
  "backup-wrong-types.json": { message: /类型不对|应为/, where: /^notes\[0\]\.createdAt$/ },
  "backup-deep-nesting.json": { message: /JSON 嵌套过深/ },
  "backup-deep-in-field.json": { message: /JSON 嵌套过深/ },
  "backup-binary-garbage.json": { message: /不是文本文件|不是 UTF-8/ },
  // Read as GB18030 (it is valid GBK), then refused for what it says.
  "backup-gbk.json": { message: /不是客服助手的备份文件/ },
  "backup-newer-version.json": { message: /备份来自更新版本/, where: /^schemaVersion$/ },
  "backup-trailing-garbage.json": { message: /JSON 格式错误（第 2 行/ },
  "audit-not-ours.json": { message: /不是客服助手的质检记录导出文件/, where: /› format$/ },
  "audit-bad-outcome.json": { message: /^未知的结果 \/ unknown outcome$/, where: /› events\[1\]\.outcome$/ },
  "audit-span-reversed.json": { message: /结束位置不能早于开始位置/, where: /events\[0\]/ },
  "audit-conflicting-ids.json": { message: /编号 e1 与 .* 相同但内容不同/, where: /› events\[1\]\.id$/ },
  "audit-truncated.json": { message: /JSON 不完整/ },
  "audit-no-events.json": { message: /没有质检记录/ },
  "phrasebook-wrong-shape.json": { message: /类型不对|应为/, where: /^rules$/ },
  "phrasebook-bad-rule.json": { message: /版本格式 YYYY\.M\.patch/, where: /^version$/ },
}

/** Accepted on purpose (documented decisions), with what must hold. */
const ACCEPTED = [
  "contacts-gbk.csv",
  "contacts-bom-extra-columns.csv",
  "contacts-formula-cells.csv",
  "backup-proto-pollution.json",
]

describe("malformed import files", () => {
  const files = readdirSync(DIR).filter((f) => !f.endsWith(".ts"))

  it("has at least 20 malformed files, each with an expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(20)
    expect(Object.keys(REFUSED).length).toBeGreaterThanOrEqual(20)
    for (const f of files) expect(f in REFUSED || ACCEPTED.includes(f), f).toBe(true)
  })

  for (const [file, expected] of Object.entries(REFUSED)) {
    it(`${file}: a clear, located message in both languages, nothing written`, async () => {
      let outcome: Outcome
      if (file.startsWith("contacts-")) outcome = await importContacts(file)
      else if (file.startsWith("phrasebook-")) outcome = await importPhrasebook(file)
      else if (file.startsWith("audit-")) outcome = await importAudit(file)
      else {
        const r = await importBackup(file)
        expect(r.unchanged, "the database is unchanged").toBe(true)
        outcome = r.outcome
      }
      expect(outcome.ok).toBe(false)
      if (outcome.ok) return
      const first = outcome.problems.find((p) => expected.message.test(p.message))
      expect(first, JSON.stringify(outcome.problems)).toBeTruthy()
      if (expected.where) expect(first!.where).toMatch(expected.where)
      // Bilingual: the English half is there and differs (shown alone in the English UI).
      const en = pickLanguage(first!.message, "en")
      expect(en).not.toBe(first!.message)
      expect(en.replace(/"[^"]*"/g, "")).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/) // no Chinese left
    })
  }

  it("a CSV saved by Excel on Chinese Windows (GBK) is read as GB18030 and says so", async () => {
    const decoded = await readImportFile(blobOf("contacts-gbk.csv"))
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems))
    expect(decoded.encoding).toBe("GB18030")
    const parsed = parseContactsCsv(decoded.text)
    expect(parsed.ok && parsed.contacts.map((c) => [c.name, c.role])).toEqual([["张三", "window"]])
  })

  it("UTF-8 stays UTF-8 even when its bytes would also pass as GBK-like", async () => {
    const decoded = decodeImportBytes(new TextEncoder().encode("姓名,角色\r\n张三,窗口人员\r\n"))
    expect(decoded.ok && decoded.encoding).toBe("UTF-8")
  })

  it("BOM and extra columns: imported, the extra column named in a warning", async () => {
    const decoded = await readImportFile(blobOf("contacts-bom-extra-columns.csv"))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.text.startsWith("\uFEFF")).toBe(false)
    const parsed = parseContactsCsv(decoded.text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.contacts[0]).toMatchObject({ name: "张三", role: "window", phone: "13800138000" })
    expect(parsed.warnings.map((w) => w.message).join("\n")).toMatch(/工号/)
    expect(parsed.warnings.map((w) => w.message).join("\n")).toMatch(/超出表头/)
  })

  it("formula cells are kept as text on import and escaped on export (no formula injection)", async () => {
    const decoded = await readImportFile(blobOf("contacts-formula-cells.csv"))
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems))
    const parsed = parseContactsCsv(decoded.text)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    expect(parsed.contacts.map((c) => c.name)).toEqual(["=cmd|' /C calc'!A0", "@SUM(1)"])
    const csv = contactsToCsv(parsed.contacts)
    // No exported cell starts with a formula character once unquoted.
    const cells = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? [])
      .map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"'))
      .filter((c) => c !== "")
    for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@\t\r]/)
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`)
    // And it round-trips exactly.
    const again = parseContactsCsv(csv)
    expect(again.ok && again.contacts.map((c) => [c.name, c.note])).toEqual(
      parsed.contacts.map((c) => [c.name, c.note]),
    )
  })

  it("a __proto__ key in a backup pollutes nothing and is not stored", async () => {
    const r = await importBackup("backup-proto-pollution.json")
    expect(r.outcome.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty("polluted")
  })

  it("the audit trail CSV export defuses formula cells too", () => {
    const evil = "=cmd|' /C calc'!A0"
    const e = {
      id: "e1",
      at: 1_700_000_000_000,
      outcome: "edited",
      ruleId: "@SUM(1)",
      phrasebookVersion: "+1",
      agentWorkId: "-2",
      agentName: evil,
      site: "http://crm.example",
      span: { start: 0, end: 1 },
      flagged: evil,
      excerpt: "\t=1+1",
      finalText: '=HYPERLINK("http://x")',
    } as AuditEvent
    const csv = auditEventsToCsv([e])
    const cells = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")[1]
      .match(/("([^"]|"")*"|[^,]*)/g)!
      .map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"'))
      .filter((c) => c !== "")
    expect(cells.length).toBeGreaterThan(8)
    for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@\t\r]/)
  })

  it("a 50 MB file is refused by its size, before a byte is read", async () => {
    let read = false
    const huge = {
      size: 50 * 1024 * 1024,
      arrayBuffer: () => {
        read = true
        return Promise.resolve(new ArrayBuffer(0))
      },
    }
    const r = await readImportFile(huge)
    expect(read).toBe(false)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems[0].message).toMatch(/^文件过大（50\.0 MB，上限 20\.0 MB）.* \/ file too large/)
    // The same limit holds for bytes already in memory, and for a real 50 MB blob.
    expect(checkImportSize(IMPORT_LIMITS.maxBytes)).toBeNull()
    expect(checkImportSize(IMPORT_LIMITS.maxBytes + 1)).not.toBeNull()
    const blob = new Blob([new Uint8Array(50 * 1024 * 1024)])
    const started = process.cpuUsage()
    expect((await readImportFile(blob)).ok).toBe(false)
    const cpu = process.cpuUsage(started)
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(200) // not read, not scanned
  })

  it("UTF-16 with BOM (Excel 'Unicode text', tab-separated) is read", () => {
    const text = "姓名\t角色\r\n张三\t窗口人员\r\n"
    const le = new Uint8Array(2 + text.length * 2)
    le[0] = 0xff
    le[1] = 0xfe
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff
      le[3 + i * 2] = text.charCodeAt(i) >> 8
    }
    const d = decodeImportBytes(le)
    expect(d.ok && parseContactsCsv(d.text).ok).toBe(true)
  })
})
