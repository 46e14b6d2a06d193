/**
 * Import problems: what is wrong with one row or field of an imported file (backup, phrasebook, contact
 * directory, QA trail), bilingual. Pure, so the domain core can report them without importing the store.
 */
import type * as z from "zod"

export interface ImportProblem {
  /** JSON path or CSV row, e.g. "notes[3].waybill" */
  where: string
  /** Bilingual message, Chinese first: "缺少运单号 / missing waybill" */
  message: string
}

/** "不是<zh>（应为 JSON 对象） / not <en> (expected a JSON object)": a file whose JSON is not an object. */
export function notAnObjectMessage(zh: string, en: string): string {
  return `不是${zh}（应为 JSON 对象） / not ${en} (expected a JSON object)`
}

/**
 * Refuses a whole file whose JSON is not a plain object (null, an array, a number…), or null when
 * it is one: `what` names the file in both languages, e.g. `["话术库文件", "a phrasebook"]`.
 */
export function refuseUnlessObject(
  json: unknown,
  what: [zh: string, en: string],
): { ok: false; problems: ImportProblem[] } | null {
  if (json !== null && typeof json === "object" && !Array.isArray(json)) return null
  return { ok: false, problems: [{ where: "(file)", message: notAnObjectMessage(...what) }] }
}

/** Beyond this many, one summary line stands for the rest: a broken 100,000-row file stays readable. */
export const MAX_PROBLEMS = 200

/** `["notes", 3, "waybill"]` → `"notes[3].waybill"`; the empty path is the file itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)"
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

const FIELD_MESSAGES: Record<string, string> = {
  waybill: "运单号格式不对 / invalid waybill",
  caseType: "未知的案件类型 / unknown case type",
  status: "未知的案件状态 / unknown case status",
  role: "未知的联系人角色 / unknown contact role",
  // Shared by ladder attempts (backup) and audit events (QA import): the path says which.
  outcome: "未知的结果 / unknown outcome",
  level: "阶梯级别只能是 1–4 / ladder level must be 1–4",
  sidebarMode: "侧边栏模式只能是 inpage 或 sidepanel / sidebar mode must be inpage or sidepanel",
  locale: "界面语言只能是 zh 或 en / locale must be zh or en",
  origin: "站点只能是协议加主机名，不带路径 / origin: scheme and host, no path",
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path
  const field = path.length ? String(path[path.length - 1]) : ""
  if (path.length === 0 && issue.code === "invalid_type")
    return notAnObjectMessage("有效的备份文件", "a backup file")
  if (field === "format" && path.length === 1) return "不是客服助手的备份文件 / not a CS Sidekick backup file"
  if (valueAt(data, path) === undefined) return "缺少必填字段 / missing required field"
  if (FIELD_MESSAGES[field]) return FIELD_MESSAGES[field]
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int"
        ? "应为整数 / must be a whole number"
        : `类型不对，应为 ${issue.expected} / wrong type, expected ${issue.expected}`
    case "too_small":
      return issue.origin === "number"
        ? `不能小于 ${String(issue.minimum)} / must not be below ${String(issue.minimum)}`
        : "内容太短或为空 / too short or empty"
    case "too_big":
      return issue.origin === "number"
        ? `不能大于 ${String(issue.maximum)} / must not be above ${String(issue.maximum)}`
        : `内容太长（最多 ${String(issue.maximum)}） / too long (at most ${String(issue.maximum)})`
    case "invalid_value":
    case "invalid_union":
      return "取值不在允许范围内 / value not allowed"
    default:
      // Custom refinements in the schemas already carry bilingual text.
      return issue.message
  }
}

/** Row-level problems for the zod issues, bilingual, Chinese first; one per field (the first issue). */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], data: unknown): ImportProblem[] {
  const byField = new Map<string, ImportProblem>()
  for (const issue of issues) {
    const where = formatPath(issue.path)
    if (!byField.has(where)) byField.set(where, { where, message: describe(issue, data) })
  }
  return [...byField.values()]
}

/** Duplicate keys inside one array of the file: `notes[5].id` repeats `notes[2].id`. */
export function duplicateProblems(data: unknown, table: string, key: string): ImportProblem[] {
  const rows = valueAt(data, [table])
  if (!Array.isArray(rows)) return []
  const firstIndex = new Map<unknown, number>()
  const problems: ImportProblem[] = []
  rows.forEach((row: unknown, index) => {
    const value = valueAt(row, [key])
    if (typeof value !== "string") return
    const first = firstIndex.get(value)
    if (first === undefined) firstIndex.set(value, index)
    else
      problems.push({
        where: `${table}[${index}].${key}`,
        message: `重复的 ${key}，与 ${table}[${first}] 相同 / duplicate ${key}, same as ${table}[${first}]`,
      })
  })
  return problems
}

/** Caps the list at MAX_PROBLEMS, with one summary line for the rest. */
export function capProblems(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  const rest = problems.length - MAX_PROBLEMS
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { where: "(file)", message: `还有 ${rest} 个问题未列出 / ${rest} more problems not listed` },
  ]
}
