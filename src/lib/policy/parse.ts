/**
 * From what `storage.managed.get()` returned to a {@link Policy}: each key checked on its own, so one
 * bad value never costs the others. Whatever is dropped is reported as a {@link PolicyDiagnostic}.
 */
import { checkPublishable } from "../audit/rule-lab"
import type { Contact } from "../cases/model"
import { contactSchema } from "../cases/schema"
import { contactId, parseContactsCsv, parseRole } from "../escalation/contacts-csv"
import { originToPattern } from "../page/origin"
import type { ImportProblem } from "../import-problems"
import { resolveHint } from "../waybill/context"
import type { InternalNoteSetting, Policy, PolicyDiagnostic, PolicySite } from "./model"
import { POLICY_KEYS, POLICY_LIMITS, policyInputSchema, type PolicyInput, type PolicyKey } from "./schema"
import { parseTeamPolicy } from "../team/config"

export interface ParsedPolicy {
  policy: Policy
  diagnostics: PolicyDiagnostic[]
}

const TYPE_NAMES: Record<string, string> = {
  string: "文本 / a string",
  boolean: "true/false",
  number: "整数 / an integer",
  int: "整数 / an integer",
  array: "列表 / a list",
  object: "对象 / an object",
}

/** Up to `max` problems as one line: "rules[0].id: …; rows 3: …". */
function problemsLine(problems: readonly ImportProblem[], max = 3): string {
  const head = problems.slice(0, max).map((p) => `${p.where}: ${p.message}`)
  const more = problems.length > max ? ` (+${problems.length - max})` : ""
  return head.join("; ") + more
}

/**
 * Validates a policy read from managed storage. Never throws; `raw` that is not an object is an
 * empty policy with one diagnostic.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const diagnostics: PolicyDiagnostic[] = []
  const policy: Policy = {}
  if (raw === undefined || raw === null) return { policy, diagnostics }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    diagnostics.push({
      key: "(policy)",
      level: "ignored",
      message: "策略不是对象 / the policy is not an object",
    })
    return { policy, diagnostics }
  }
  const input = raw as Record<string, unknown>
  const ignore = (key: string, message: string) => diagnostics.push({ key, level: "ignored", message })
  const warn = (key: string, message: string) => diagnostics.push({ key, level: "warning", message })

  for (const key of Object.keys(input)) {
    if (!(POLICY_KEYS as string[]).includes(key))
      ignore(key, "未知的策略项，已忽略 / unknown policy key, ignored")
  }

  for (const key of POLICY_KEYS) {
    const value = input[key]
    if (value === undefined) continue
    // Type level first (what Chrome's managed schema would have dropped; Firefox passes anything).
    const typed = policyInputSchema.shape[key].safeParse(value)
    if (!typed.success) {
      const expected = (typed.error.issues[0] as { expected?: string } | undefined)?.expected ?? ""
      ignore(
        key,
        `类型不对，应为${TYPE_NAMES[expected] ?? expected} / wrong type, expected ${TYPE_NAMES[expected] ?? expected}`,
      )
      continue
    }
    FIELD_PARSERS[key](typed.data as never, policy, {
      ignore: (m, at) => ignore(at ?? key, m),
      warn: (m, at) => warn(at ?? key, m),
    })
  }
  return { policy, diagnostics }
}

interface Report {
  ignore(message: string, at?: string): void
  warn(message: string, at?: string): void
}

type FieldParser<K extends PolicyKey> = (
  value: NonNullable<PolicyInput[K]>,
  policy: Policy,
  report: Report,
) => void

function boundedText(max: number, assign: (policy: Policy, text: string) => void): FieldParser<PolicyKey> {
  return (value, policy, report) => {
    const text = typeof value === "string" ? value.trim() : ""
    if (!text) return report.ignore("为空 / empty")
    if (text.length > max) return report.ignore(`超过 ${max} 个字符 / longer than ${max} characters`)
    assign(policy, text)
  }
}

function tooBig(text: string, report: Report): boolean {
  if (text.length <= POLICY_LIMITS.bigValueChars) return false
  report.ignore(
    `超过 ${POLICY_LIMITS.bigValueChars} 个字符 / longer than ${POLICY_LIMITS.bigValueChars} characters`,
  )
  return true
}

function parseJson(text: string, report: Report): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(text) as unknown }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    report.ignore(`不是有效的 JSON（${detail}） / not valid JSON (${detail})`)
    return { ok: false }
  }
}

function parseSelector(value: string | undefined, at: string, report: Report): string | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (!text) return undefined
  if (text.length > POLICY_LIMITS.selector) {
    report.warn(`选择器过长，未使用 / selector longer than ${POLICY_LIMITS.selector}, not used`, at)
    return undefined
  }
  return text
}

function parseSites(value: NonNullable<PolicyInput["sites"]>, policy: Policy, report: Report): void {
  const sites: PolicySite[] = []
  value.forEach((entry, i) => {
    const at = `sites[${i}]`
    if (sites.length >= POLICY_LIMITS.sites) {
      report.ignore(`最多 ${POLICY_LIMITS.sites} 个网站 / at most ${POLICY_LIMITS.sites} sites`, at)
      return
    }
    // Scheme and host are case-insensitive: store them lower-case, as the browser reports origins.
    const normalised = entry.origin
      .trim()
      .replace(/\/+$/, "")
      .replace(
        /^([a-z]+):\/\/([^/:?#]+)/i,
        (_, s: string, h: string) => `${s.toLowerCase()}://${h.toLowerCase()}`,
      )
    if (!originToPattern(normalised)) {
      report.ignore(
        `“${normalised.slice(0, 80)}”不是网站地址（协议加主机名，如 https://crm.example.com） / not an origin (scheme and host, e.g. https://crm.example.com)`,
        `${at}.origin`,
      )
      return
    }
    if (sites.some((s) => s.origin === normalised)) {
      report.ignore(`重复的网站，已忽略 / duplicate site, ignored`, `${at}.origin`)
      return
    }
    const site: PolicySite = { origin: normalised }
    const pinned = parseSelector(entry.waybillSelector, `${at}.waybillSelector`, report)
    if (pinned) site.pinnedSelector = pinned
    if (entry.carrierHint !== undefined && entry.carrierHint.trim()) {
      const hint = entry.carrierHint.trim()
      if (hint.length > 20 || resolveHint(hint).size === 0)
        report.warn(
          `不认识的快递公司“${hint.slice(0, 40)}”，未使用 / unknown carrier, not used`,
          `${at}.carrierHint`,
        )
      else site.carrierHint = hint
    }
    if (entry.internalNote) {
      const note: InternalNoteSetting = {}
      for (const field of ["urlPattern", "selector", "toggleSelector"] as const) {
        const v = parseSelector(entry.internalNote[field], `${at}.internalNote.${field}`, report)
        if (v) note[field] = v
      }
      if (Object.keys(note).length > 0) site.internalNote = note
    }
    sites.push(site)
  })
  policy.sites = sites
}

/** A directory as a JSON array (or `{ "contacts": [...] }`) of contacts; roles may be written as in the CSV. */
function contactsFromJson(
  data: unknown,
): { ok: true; contacts: Contact[] } | { ok: false; problems: ImportProblem[] } {
  const list = Array.isArray(data) ? data : (data as { contacts?: unknown } | null)?.contacts
  if (!Array.isArray(list)) {
    return {
      ok: false,
      problems: [{ where: "(json)", message: "应为联系人列表 / expected a list of contacts" }],
    }
  }
  const problems: ImportProblem[] = []
  const contacts: Contact[] = []
  const ids = new Set<string>()
  list.forEach((item, i) => {
    const row = (
      item && typeof item === "object" ? { ...(item as Record<string, unknown>) } : item
    ) as Record<string, unknown>
    if (row && typeof row === "object" && typeof row.role === "string")
      row.role = parseRole(row.role) ?? row.role
    if (
      row &&
      typeof row === "object" &&
      (row.id === undefined || row.id === "") &&
      typeof row.name === "string"
    ) {
      row.id = contactId({
        name: row.name,
        role: row.role as Contact["role"],
        branch: row.branch as string | undefined,
        company: row.company as string | undefined,
      })
    }
    const parsed = contactSchema.safeParse(row)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      problems.push({ where: `[${i}].${issue.path.join(".")}`, message: issue.message })
      return
    }
    if (ids.has(parsed.data.id)) {
      problems.push({ where: `[${i}].id`, message: "重复的 id / duplicate id" })
      return
    }
    ids.add(parsed.data.id)
    contacts.push(parsed.data)
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, contacts }
}

const FIELD_PARSERS: { [K in PolicyKey]: FieldParser<K> } = {
  policyVersion: boundedText(POLICY_LIMITS.version, (p, t) => (p.version = t)),
  sites: parseSites,
  companyName: boundedText(POLICY_LIMITS.company, (p, t) => (p.company = t)),
  hotline: boundedText(POLICY_LIMITS.hotline, (p, t) => (p.hotline = t)),
  businessHours: boundedText(POLICY_LIMITS.businessHours, (p, t) => (p.businessHours = t)),
  phrasebook(value, policy, report) {
    if (tooBig(value, report)) return
    const json = parseJson(value, report)
    if (!json.ok) return
    // The same bar as publishing and importing: the schema and every rule's own examples.
    const check = checkPublishable(json.data)
    if (!check.ok) return report.ignore(`话术库无效 / invalid phrasebook: ${problemsLine(check.problems)}`)
    policy.phrasebook = check.book
  },
  allowRuleEditing: (value, policy) => {
    policy.allowRuleEditing = value
  },
  contactDirectory(value, policy, report) {
    if (tooBig(value, report)) return
    const text = value.replace(/^\uFEFF/, "").trim()
    if (!text) return report.ignore("为空 / empty")
    let result: { ok: true; contacts: Contact[] } | { ok: false; problems: ImportProblem[] }
    if (text.startsWith("[") || text.startsWith("{")) {
      const json = parseJson(text, report)
      if (!json.ok) return
      result = contactsFromJson(json.data)
    } else {
      result = parseContactsCsv(text)
    }
    if (!result.ok)
      return report.ignore(`联系人目录无效 / invalid contact directory: ${problemsLine(result.problems)}`)
    if (result.contacts.length === 0)
      return report.ignore("联系人目录没有联系人 / the directory has no contacts")
    policy.contacts = result.contacts
  },
  teamKey(value, policy, report) {
    const key = value.trim()
    if (key.length < POLICY_LIMITS.teamKeyMin) {
      return report.ignore(
        `太短，至少 ${POLICY_LIMITS.teamKeyMin} 个字符 / too short, at least ${POLICY_LIMITS.teamKeyMin} characters`,
      )
    }
    if (key.length > POLICY_LIMITS.teamKeyMax)
      return report.ignore(`超过 ${POLICY_LIMITS.teamKeyMax} 个字符 / too long`)
    policy.teamKey = key
  },
  auditRetentionDays(value, policy, report) {
    const { retentionMin: min, retentionMax: max } = POLICY_LIMITS
    if (value < min || value > max)
      return report.ignore(`应在 ${min}–${max} 天之间 / must be ${min}–${max} days`)
    policy.auditRetentionDays = value
  },
  allowExport: (value, policy) => {
    policy.allowExport = value
  },
  teamServer(value, policy, report) {
    const team = parseTeamPolicy(value)
    if (team.kind === "invalid")
      return report.ignore(`团队服务器设置无效 / invalid team server: ${team.problem}`)
    if (team.kind === "on") policy.teamServer = team.config.url
  },
  uiLanguage(value, policy, report) {
    const lang = value.trim().toLowerCase()
    if (/^zh([-_].*)?$/.test(lang)) policy.locale = "zh"
    else if (/^en([-_].*)?$/.test(lang)) policy.locale = "en"
    else report.ignore(`只能是 zh 或 en / must be zh or en`)
  },
}
