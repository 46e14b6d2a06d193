/**
 * Import and export of the escalation contact directory as CSV (what admins keep in a spreadsheet).
 *
 * Import is all-or-nothing: any row error gives `{ ok: false, problems }` and no contacts.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first contact row 2.
 * Cells are only ever read as text: a cell like `=HYPERLINK(...)` is kept literally, never evaluated.
 */
import Papa from "papaparse"

import { CONTACT_ROLES, type Contact, type ContactRole } from "../cases/model"
import { contactSchema } from "../cases/schema"
import type { ImportProblem } from "../import-problems"

export type { ImportProblem }

/** The result of {@link parseContactsCsv}. */
export type ContactsImportResult =
  { ok: true; contacts: Contact[]; warnings: ImportProblem[] } | { ok: false; problems: ImportProblem[] }

type Field = keyof Contact

/** Accepted header spellings per field (compared after trimming, lower-casing and removing spaces, _ - * and brackets). */
export const HEADER_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  id: ["编号", "id", "联系人编号", "contactid", "序号编号"],
  name: ["姓名", "名字", "联系人", "联系人姓名", "name", "contactname", "fullname"],
  role: ["角色", "岗位", "职位", "职务", "阶梯角色", "role", "position", "title"],
  branch: ["网点", "网点名称", "所属网点", "branch", "outlet", "site", "branchname"],
  company: ["公司", "所属公司", "公司名称", "company", "companyname"],
  region: ["片区", "所属片区", "区域", "大区", "region", "area"],
  department: ["部门", "所属部门", "职能部门", "department", "dept"],
  phone: ["电话", "联系电话", "手机", "手机号", "手机号码", "座机", "phone", "tel", "telephone", "mobile"],
  im: ["即时通讯", "im", "微信", "钉钉", "企业微信", "qq", "wechat", "dingtalk"],
  hours: [
    "工作时间",
    "上班时间",
    "值班时间",
    "服务时间",
    "hours",
    "workinghours",
    "workhours",
    "officehours",
  ],
  note: ["备注", "说明", "note", "notes", "remark", "remarks", "comment", "comments"],
}

/** Accepted role spellings (compared like headers). Chinese first, as admins write them. */
export const ROLE_ALIASES: Readonly<Record<ContactRole, readonly string[]>> = {
  window: ["窗口人员", "窗口", "网点窗口", "window", "windowstaff"],
  site_manager: ["现场管理员", "现场", "现场管理", "现场负责人", "sitemanager", "site"],
  branch_cs: ["相关公司客服", "公司客服", "客服", "分公司客服", "branchcs", "companycs", "cs"],
  company_head: ["公司负责人", "公司经理", "总经理", "companyhead", "companymanager"],
  regional_head: ["片区办公室负责人", "片区负责人", "片区经理", "区域负责人", "regionalhead", "regionhead"],
  hq_dept: ["总部职能部门", "总部", "总部部门", "hq", "hqdept", "hqdepartment", "headquarters"],
}

/** Chinese and English labels used on export (and accepted on import). */
export const ROLE_LABELS: Readonly<Record<ContactRole, { zh: string; en: string }>> = {
  window: { zh: "窗口人员", en: "window" },
  site_manager: { zh: "现场管理员", en: "site_manager" },
  branch_cs: { zh: "相关公司客服", en: "branch_cs" },
  company_head: { zh: "公司负责人", en: "company_head" },
  regional_head: { zh: "片区办公室负责人", en: "regional_head" },
  hq_dept: { zh: "总部职能部门", en: "hq_dept" },
}

const FIELD_ORDER: readonly Field[] = [
  "id",
  "name",
  "role",
  "branch",
  "company",
  "region",
  "department",
  "phone",
  "im",
  "hours",
  "note",
]

/** Header labels used on export. */
export const EXPORT_HEADERS: Readonly<Record<"zh" | "en", Record<Field, string>>> = {
  zh: {
    id: "编号",
    name: "姓名",
    role: "角色",
    branch: "网点",
    company: "公司",
    region: "片区",
    department: "部门",
    phone: "电话",
    im: "即时通讯",
    hours: "工作时间",
    note: "备注",
  },
  en: {
    id: "id",
    name: "name",
    role: "role",
    branch: "branch",
    company: "company",
    region: "region",
    department: "department",
    phone: "phone",
    im: "im",
    hours: "hours",
    note: "note",
  },
}

const FIELD_LABEL: Record<Field, string> = {
  id: "编号 / id",
  name: "姓名 / name",
  role: "角色 / role",
  branch: "网点 / branch",
  company: "公司 / company",
  region: "片区 / region",
  department: "部门 / department",
  phone: "电话 / phone",
  im: "即时通讯 / im",
  hours: "工作时间 / hours",
  note: "备注 / note",
}

/** Limits. Field lengths mirror `contactSchema`, checked first so the message names the column. */
export const CONTACTS_CSV_LIMITS = {
  maxRows: 50_000,
  maxChars: 10_000_000,
  maxProblems: 100,
  fieldMax: { id: 100, name: 100 } as Partial<Record<Field, number>>,
  defaultFieldMax: 200,
}

const key = (s: string) =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-*()（）[\]【】]/g, "")

const HEADER_INDEX: ReadonlyMap<string, Field> = new Map(
  (Object.entries(HEADER_ALIASES) as [Field, readonly string[]][]).flatMap(([f, names]) =>
    names.map((n) => [key(n), f] as const),
  ),
)
const ROLE_INDEX: ReadonlyMap<string, ContactRole> = new Map(
  (Object.entries(ROLE_ALIASES) as [ContactRole, readonly string[]][]).flatMap(([r, names]) =>
    names.map((n) => [key(n), r] as const),
  ),
)

/** The role for a Chinese or English spelling ("窗口人员", "site manager", "hq_dept"…), or undefined. */
export function parseRole(text: string): ContactRole | undefined {
  return ROLE_INDEX.get(key(text))
}

/** Stable id from name + role + branch/company (FNV-1a, 32 bit), so re-importing the same sheet keeps ids. */
export function contactId(c: Pick<Contact, "name" | "role" | "branch" | "company">): string {
  const input = [c.name, c.role, c.branch ?? "", c.company ?? ""].map((s) => s.trim()).join("\u0001")
  let h = 0x811c9dc5
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `c-${h.toString(16).padStart(8, "0")}`
}

// Apostrophes already in front of a formula character are escaped too, so "'-" survives a round trip.
const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/
const ESCAPED = /^'+[=+\-@\t\r]/

// Our own export prefixes formula-like cells with "'"; strip exactly that one so export → import round-trips.
const unescapeCell = (s: string) => (ESCAPED.test(s) ? s.slice(1) : s)

const problem = (row: number, zh: string, en: string): ImportProblem => ({
  where: `第 ${row} 行 / row ${row}`,
  message: `第 ${row} 行：${zh} / row ${row}: ${en}`,
})

/**
 * Parses a contact directory CSV (Chinese or English headers, see {@link HEADER_ALIASES}).
 * Requires a name and a role column. Unknown columns are ignored with a warning. Generates a stable
 * id when there is no id column or the cell is empty. Never throws.
 */
export function parseContactsCsv(csv: string): ContactsImportResult {
  if (typeof csv !== "string") {
    return { ok: false, problems: [{ where: "文件 / file", message: "不是文本 / not text" }] }
  }
  if (csv.length > CONTACTS_CSV_LIMITS.maxChars) {
    return {
      ok: false,
      problems: [
        {
          where: "文件 / file",
          message: `文件过大（超过 ${CONTACTS_CSV_LIMITS.maxChars} 个字符） / file too large (over ${CONTACTS_CSV_LIMITS.maxChars} characters)`,
        },
      ],
    }
  }
  const text = csv.replace(/^\uFEFF/, "")
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  // Excel "Unicode text" exports are tab-separated; everything else here is comma-separated.
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ","
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, dynamicTyping: false })
  const rows = parsed.data
  const problems: ImportProblem[] = []
  const warnings: ImportProblem[] = []

  for (const e of parsed.errors) {
    const row = (e.row ?? 0) + 1
    problems.push(problem(row, `CSV 格式错误（${e.message}）`, `malformed CSV (${e.message})`))
  }

  const headerRow = rows[0]
  if (!headerRow || headerRow.every((c) => c.trim() === "")) {
    return {
      ok: false,
      problems: [{ where: "表头 / header", message: "文件为空或没有表头 / empty file or no header row" }],
    }
  }

  const columns: (Field | null)[] = []
  const seen = new Map<Field, string>()
  headerRow.forEach((raw, i) => {
    const label = raw.trim()
    const field = HEADER_INDEX.get(key(label))
    if (!field) {
      columns.push(null)
      if (label !== "")
        warnings.push({
          where: `表头第 ${i + 1} 列 / header column ${i + 1}`,
          message: `已忽略未识别的列「${label}」 / ignored unknown column "${label}"`,
        })
      return
    }
    const first = seen.get(field)
    if (first !== undefined) {
      columns.push(null)
      warnings.push({
        where: `表头第 ${i + 1} 列 / header column ${i + 1}`,
        message: `列「${label}」与「${first}」重复，只使用「${first}」 / column "${label}" duplicates "${first}"; only "${first}" is used`,
      })
      return
    }
    seen.set(field, label)
    columns.push(field)
  })
  for (const required of ["name", "role"] as const) {
    if (!seen.has(required)) {
      problems.push({
        where: "表头 / header",
        message: `缺少必填列：${FIELD_LABEL[required]} / missing required column: ${required}`,
      })
    }
  }
  if (problems.length > 0) return { ok: false, problems }

  const dataRows = rows.length - 1
  if (dataRows > CONTACTS_CSV_LIMITS.maxRows) {
    return {
      ok: false,
      problems: [
        {
          where: "文件 / file",
          message: `行数超过上限 ${CONTACTS_CSV_LIMITS.maxRows}（共 ${dataRows} 行） / too many rows: ${dataRows} (limit ${CONTACTS_CSV_LIMITS.maxRows})`,
        },
      ],
    }
  }

  const contacts: Contact[] = []
  const idRow = new Map<string, number>()
  let extraCellsWarned = false
  for (let r = 1; r < rows.length && problems.length < CONTACTS_CSV_LIMITS.maxProblems; r++) {
    const cells = rows[r]
    const rowNo = r + 1
    if (cells.every((c) => c.trim() === "")) continue
    if (
      cells.length > columns.length &&
      cells.slice(columns.length).some((c) => c.trim() !== "") &&
      !extraCellsWarned
    ) {
      extraCellsWarned = true
      warnings.push({
        where: `第 ${rowNo} 行 / row ${rowNo}`,
        message: `第 ${rowNo} 行起有超出表头的单元格，已忽略 / row ${rowNo}: cells beyond the header were ignored (and in later rows)`,
      })
    }
    const values: Partial<Record<Field, string>> = {}
    columns.forEach((field, i) => {
      if (!field) return
      const v = unescapeCell((cells[i] ?? "").trim())
      if (v !== "") values[field] = v
    })
    const before = problems.length
    if (!values.name) problems.push(problem(rowNo, "缺少姓名", "missing name"))
    let role: ContactRole | undefined
    if (!values.role) problems.push(problem(rowNo, "缺少角色", "missing role"))
    else {
      role = parseRole(values.role)
      if (!role) {
        problems.push(
          problem(
            rowNo,
            `无法识别的角色「${values.role}」（可用：${CONTACT_ROLES.map((x) => ROLE_LABELS[x].zh).join("、")}）`,
            `unknown role "${values.role}" (use one of: ${CONTACT_ROLES.join(", ")})`,
          ),
        )
      }
    }
    for (const f of FIELD_ORDER) {
      const v = values[f]
      const max = CONTACTS_CSV_LIMITS.fieldMax[f] ?? CONTACTS_CSV_LIMITS.defaultFieldMax
      if (v !== undefined && v.length > max) {
        problems.push(
          problem(
            rowNo,
            `${FIELD_LABEL[f].split(" / ")[0]}超过 ${max} 个字符`,
            `${f} is longer than ${max} characters`,
          ),
        )
      }
    }
    if (problems.length > before || !role || !values.name) continue

    const candidate: Contact = {
      ...(values as Omit<Contact, "id" | "role" | "name">),
      name: values.name,
      role,
      id: values.id ?? contactId({ name: values.name, role, branch: values.branch, company: values.company }),
    }
    const checked = contactSchema.safeParse(candidate)
    if (!checked.success) {
      const detail = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
      problems.push(problem(rowNo, `数据无效（${detail}）`, `invalid data (${detail})`))
      continue
    }
    const firstRow = idRow.get(checked.data.id)
    if (firstRow !== undefined) {
      problems.push(
        values.id
          ? problem(
              rowNo,
              `编号「${checked.data.id}」与第 ${firstRow} 行重复`,
              `duplicate id "${checked.data.id}" (also on row ${firstRow})`,
            )
          : problem(
              rowNo,
              `与第 ${firstRow} 行是同一联系人（姓名、角色、网点、公司都相同）`,
              `same contact as row ${firstRow} (name, role, branch and company all equal)`,
            ),
      )
      continue
    }
    idRow.set(checked.data.id, rowNo)
    contacts.push(checked.data)
  }
  if (problems.length >= CONTACTS_CSV_LIMITS.maxProblems) {
    problems.push({
      where: "文件 / file",
      message: `问题过多，只列出前 ${CONTACTS_CSV_LIMITS.maxProblems} 个 / too many problems; only the first ${CONTACTS_CSV_LIMITS.maxProblems} are listed`,
    })
  }
  if (problems.length > 0) return { ok: false, problems }
  if (contacts.length === 0) {
    return { ok: false, problems: [{ where: "文件 / file", message: "没有联系人数据 / no contact rows" }] }
  }
  return { ok: true, contacts, warnings }
}

/** Escapes one cell: formula-like text gets a leading "'" (spreadsheets would run it), then CSV quoting. */
export function csvCell(value: string | undefined): string {
  let v = value ?? ""
  if (NEEDS_ESCAPE.test(v)) v = `'${v}`
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/**
 * Writes the directory as CSV (CRLF, UTF-8 BOM by default so Excel reads Chinese correctly).
 * Cells starting with = + - @ tab or CR are prefixed with "'" against formula injection.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  opts?: { headers?: "zh" | "en"; bom?: boolean },
): string {
  const lang = opts?.headers ?? "zh"
  const head = FIELD_ORDER.map((f) => csvCell(EXPORT_HEADERS[lang][f])).join(",")
  const lines = contacts.map((c) =>
    FIELD_ORDER.map((f) => csvCell(f === "role" ? ROLE_LABELS[c.role][lang] : c[f])).join(","),
  )
  return `${opts?.bom === false ? "" : "\uFEFF"}${[head, ...lines].join("\r\n")}\r\n`
}
