/**
 * Export and import of the audit trail. Agents export JSON; QA imports several agents' files on one
 * machine to aggregate them. CSV is for spreadsheets only (export), with formula injection defused.
 *
 * Import is all-or-nothing: any problem in any file gives `{ ok: false, problems }` and no events.
 * Events are deduplicated by id (the same event exported twice, or present in two files); the same id
 * with different content is a problem, not a silent overwrite.
 */
import { csvCell } from "../escalation/contacts-csv"
import { capProblems, problemsFromIssues, type ImportProblem } from "../import-problems"
import type { AuditEvent } from "./model"
import { auditEventSchema } from "./schema"

export const AUDIT_EXPORT_FORMAT = "cs-sidekick-audit"
export const AUDIT_EXPORT_VERSION = 1

/** The JSON file an agent's machine exports. */
export interface AuditExportFile {
  format: typeof AUDIT_EXPORT_FORMAT
  version: typeof AUDIT_EXPORT_VERSION
  exportedAt: number
  events: AuditEvent[]
}

export function auditEventsToJson(events: readonly AuditEvent[], exportedAt: number): string {
  const file: AuditExportFile = {
    format: AUDIT_EXPORT_FORMAT,
    version: AUDIT_EXPORT_VERSION,
    exportedAt,
    events: [...events],
  }
  return JSON.stringify(file, null, 1)
}

const CSV_COLUMNS: readonly { zh: string; en: string; get: (e: AuditEvent) => string | undefined }[] = [
  { zh: "编号", en: "id", get: (e) => e.id },
  { zh: "时间", en: "time", get: (e) => new Date(e.at).toISOString() },
  { zh: "结果", en: "outcome", get: (e) => e.outcome },
  { zh: "规则", en: "rule", get: (e) => e.ruleId },
  { zh: "话术库版本", en: "phrasebook version", get: (e) => e.phrasebookVersion },
  { zh: "工号", en: "work id", get: (e) => e.agentWorkId },
  { zh: "客服", en: "agent", get: (e) => e.agentName },
  { zh: "网站", en: "site", get: (e) => e.site },
  { zh: "运单号", en: "waybill", get: (e) => e.waybill },
  { zh: "起始", en: "start", get: (e) => String(e.span.start) },
  { zh: "结束", en: "end", get: (e) => String(e.span.end) },
  { zh: "标记文字", en: "flagged", get: (e) => e.flagged },
  { zh: "上下文", en: "excerpt", get: (e) => e.excerpt },
  { zh: "建议", en: "replacement", get: (e) => e.replacement },
  { zh: "最终文字", en: "final text", get: (e) => e.finalText },
  { zh: "原因", en: "reason", get: (e) => e.reason },
]

/** CSV (CRLF, UTF-8 BOM for Excel) with bilingual headers; cells go through `csvCell` (formula injection). */
export function auditEventsToCsv(events: readonly AuditEvent[]): string {
  const head = CSV_COLUMNS.map((c) => csvCell(`${c.zh} / ${c.en}`)).join(",")
  const lines = events.map((e) => CSV_COLUMNS.map((c) => csvCell(c.get(e))).join(","))
  return `\uFEFF${[head, ...lines].join("\r\n")}\r\n`
}

/** One import file: its name (for messages) and its parsed JSON. */
export interface AuditImportInput {
  name: string
  data: unknown
}

export type AuditImportResult =
  | {
      ok: true
      /** Unique events, in file order. */
      events: AuditEvent[]
      /** Events dropped as exact duplicates (within or across files). */
      duplicates: number
      perFile: { name: string; events: number }[]
    }
  | { ok: false; problems: ImportProblem[] }

/** Stable JSON for comparing two events regardless of key order. */
function canonical(e: AuditEvent): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v
  return JSON.stringify(sorted(e))
}

/**
 * Validates and merges several JSON exports. Accepts our export file or a bare array of events.
 * Problems name the file and the row: "agent-a.json › events[3].outcome".
 */
export function parseAuditImports(files: readonly AuditImportInput[]): AuditImportResult {
  const problems: ImportProblem[] = []
  const byId = new Map<string, { event: AuditEvent; canon: string; where: string }>()
  const events: AuditEvent[] = []
  const perFile: { name: string; events: number }[] = []
  let duplicates = 0

  for (const file of files) {
    const at = (where: string) => `${file.name} › ${where}`
    let rows: unknown
    let prefix = "events"
    if (Array.isArray(file.data)) {
      rows = file.data
      prefix = ""
    } else if (file.data && typeof file.data === "object") {
      const obj = file.data as Record<string, unknown>
      if (obj.format !== AUDIT_EXPORT_FORMAT) {
        problems.push({
          where: at("format"),
          message: `不是客服助手的质检记录导出文件 / not a CS Sidekick audit export (format "${AUDIT_EXPORT_FORMAT}" expected)`,
        })
        continue
      }
      if (obj.version !== AUDIT_EXPORT_VERSION) {
        problems.push({
          where: at("version"),
          message: `不支持的文件版本 / unsupported file version (expected ${AUDIT_EXPORT_VERSION})`,
        })
        continue
      }
      rows = obj.events
    }
    if (!Array.isArray(rows)) {
      problems.push({ where: at(prefix || "(file)"), message: "缺少事件列表 / no list of events" })
      continue
    }
    let count = 0
    rows.forEach((row: unknown, i) => {
      const rowWhere = prefix ? `${prefix}[${i}]` : `[${i}]`
      const parsed = auditEventSchema.safeParse(row)
      if (!parsed.success) {
        for (const p of problemsFromIssues(parsed.error.issues, row))
          problems.push({
            where: at(p.where && p.where !== "(file)" ? `${rowWhere}.${p.where}` : rowWhere),
            message: p.message,
          })
        return
      }
      const event = parsed.data
      const canon = canonical(event)
      const seen = byId.get(event.id)
      if (seen) {
        if (seen.canon === canon) duplicates++
        else
          problems.push({
            where: at(`${rowWhere}.id`),
            message: `编号 ${event.id} 与 ${seen.where} 相同但内容不同 / id ${event.id} repeats ${seen.where} with different content`,
          })
        return
      }
      byId.set(event.id, { event, canon, where: at(rowWhere) })
      events.push(event)
      count++
    })
    perFile.push({ name: file.name, events: count })
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) }
  if (events.length === 0 && duplicates === 0)
    return { ok: false, problems: [{ where: "文件 / file", message: "没有质检记录 / no audit events" }] }
  return { ok: true, events, duplicates, perFile }
}
