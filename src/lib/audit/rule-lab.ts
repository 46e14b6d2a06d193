/**
 * The phrasebook QA workbench (pure parts): test a rule against its own examples and free text,
 * see "what would change" over the recorded trail, check a book before publishing, and number the
 * next version. Books passed here are validated first; nothing here throws on a bad edit.
 */
import { checkDraft } from "../phrasing/check"
import type { ToneModel } from "../phrasing/tone/model"
import { lintPhrasing } from "../phrasing/lint"
import { testChecklistItem } from "../qa/examples"
import { phrasebookSchema } from "../phrasing/schema"
import type { Phrasebook, PhrasingFinding, PhrasingRule } from "../phrasing/types"
import { formatPath, type ImportProblem } from "../import-problems"
import type { AuditEvent } from "./model"

/** One example's result: a blunt one passes when its rule flags it, a polite one when no rule does. */
export interface ExampleResult {
  kind: "blunt" | "polite"
  text: string
  pass: boolean
  findings: PhrasingFinding[]
}

export type BookCheck = { ok: true; book: Phrasebook } | { ok: false; problems: ImportProblem[] }

/** Schema problems of a candidate book, bilingual, located by path ("rules[3].triggers[0]"). */
export function checkBookSchema(candidate: unknown): BookCheck {
  const parsed = phrasebookSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, book: parsed.data }
  const seen = new Set<string>()
  const problems: ImportProblem[] = []
  for (const issue of parsed.error.issues) {
    const where = formatPath(issue.path)
    if (seen.has(where)) continue
    seen.add(where)
    problems.push({ where, message: issue.message })
  }
  return { ok: false, problems }
}

/** Runs a rule's examples through the whole (valid) book. */
export function testRuleExamples(book: Phrasebook, rule: PhrasingRule): ExampleResult[] {
  const blunt = rule.examples.blunt.map((text): ExampleResult => {
    const findings = lintPhrasing(text, book)
    return { kind: "blunt", text, pass: findings.some((f) => f.ruleId === rule.id), findings }
  })
  const polite = rule.examples.polite.map((text): ExampleResult => {
    const findings = lintPhrasing(text, book)
    return { kind: "polite", text, pass: findings.length === 0, findings }
  })
  return [...blunt, ...polite]
}

/**
 * Whether `candidate` may be published: it passes `phrasebookSchema` and every rule's examples pass.
 * Problems say which rule and which example failed.
 */
export function checkPublishable(candidate: unknown): BookCheck {
  const schema = checkBookSchema(candidate)
  if (!schema.ok) return schema
  const problems: ImportProblem[] = []
  schema.book.rules.forEach((rule, i) => {
    for (const r of testRuleExamples(schema.book, rule)) {
      if (r.pass) continue
      const which =
        r.kind === "blunt" ? rule.examples.blunt.indexOf(r.text) : rule.examples.polite.indexOf(r.text)
      problems.push({
        where: `rules[${i}].examples.${r.kind}[${which}]`,
        message:
          r.kind === "blunt"
            ? `规则 ${rule.id} 没有标出自己的反例“${r.text}” / rule ${rule.id} does not flag its blunt example`
            : `礼貌示例“${r.text}”被 ${r.findings.map((f) => f.ruleId).join(", ")} 标出 / polite example flagged`,
      })
    }
  })
  // The conversation checklist's examples must pass too (issue 17).
  schema.book.checklist?.items.forEach((item, i) => {
    const kinds = { pass: item.examples.pass, fail: item.examples.fail }
    for (const r of testChecklistItem(schema.book, item)) {
      if (r.ok) continue
      problems.push({
        where: `checklist.items[${i}].examples.${r.kind}[${kinds[r.kind].indexOf(r.example)}]`,
        message: `检查项 ${item.id} 的示例结果为 ${r.outcome}，应为 ${r.kind} / checklist item ${item.id}: example scored ${r.outcome}, expected ${r.kind}`,
      })
    }
  })
  return problems.length > 0 ? { ok: false, problems } : schema
}

export interface ChangeItem {
  excerpt: string
  ruleId: string
  text: string
}

/** What an edited book would do to the recorded trail. */
export interface TrailChange {
  /** Distinct excerpts re-linted. */
  excerpts: number
  gained: ChangeItem[]
  lost: ChangeItem[]
  /** Per rule: findings gained and lost. */
  perRule: { ruleId: string; gained: number; lost: number }[]
}

const findingKey = (f: PhrasingFinding) => `${f.ruleId}\u0000${f.start}\u0000${f.end}`

/**
 * Re-lints the stored (masked) excerpts with the current and the edited book and lists the findings
 * gained and lost. Excerpts are ±40 characters, the same window the rules look at, so this is a
 * faithful preview; each distinct excerpt counts once. At most `limit` excerpts (newest first).
 * With `tone`, excerpts are checked as the sidebar checks drafts (rules + tone model); a sentence a new
 * rule takes over from the model shows as the rule's finding gained (the model's is not "lost").
 */
export function whatWouldChange(
  events: readonly AuditEvent[],
  current: Phrasebook,
  edited: Phrasebook,
  limit = 5000,
  tone: ToneModel | null = null,
): TrailChange {
  const excerpts: string[] = []
  const seen = new Set<string>()
  const newestFirst = [...events].sort((a, b) => b.at - a.at)
  for (const e of newestFirst) {
    if (excerpts.length >= limit) break
    if (seen.has(e.excerpt) || e.excerpt === "") continue
    seen.add(e.excerpt)
    excerpts.push(e.excerpt)
  }
  const gained: ChangeItem[] = []
  const lost: ChangeItem[] = []
  const perRule = new Map<string, { gained: number; lost: number }>()
  const bump = (ruleId: string, k: "gained" | "lost") => {
    const row = perRule.get(ruleId) ?? { gained: 0, lost: 0 }
    row[k]++
    perRule.set(ruleId, row)
  }
  for (const excerpt of excerpts) {
    // As the sidebar checks drafts (rules + tone model): a new rule can take a sentence over from the model.
    const before = checkDraft(excerpt, { book: current, tone })
    const after = checkDraft(excerpt, { book: edited, tone })
    const beforeKeys = new Set(before.map(findingKey))
    const afterKeys = new Set(after.map(findingKey))
    for (const f of after)
      if (!beforeKeys.has(findingKey(f))) {
        gained.push({ excerpt, ruleId: f.ruleId, text: f.text })
        bump(f.ruleId, "gained")
      }
    for (const f of before)
      // A tone-model sentence a new rule now covers is taken over, not lost.
      if (
        !afterKeys.has(findingKey(f)) &&
        !(f.source === "model" && after.some((g) => g.start < f.end && g.end > f.start))
      ) {
        lost.push({ excerpt, ruleId: f.ruleId, text: f.text })
        bump(f.ruleId, "lost")
      }
  }
  return {
    excerpts: excerpts.length,
    gained,
    lost,
    perRule: [...perRule]
      .map(([ruleId, c]) => ({ ruleId, ...c }))
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
  }
}

/**
 * The next calendar version "YYYY.M.patch" after `current` and every version in `taken`: the same
 * month bumps the patch, a new month starts at 0. `today` is [year, month 1–12].
 */
export function nextVersion(current: string, today: [number, number], taken: readonly string[] = []): string {
  const [year, month] = today
  const prefix = `${year}.${month}.`
  let patch = -1
  for (const v of [current, ...taken]) {
    if (v.startsWith(prefix)) {
      const p = Number(v.slice(prefix.length))
      if (Number.isInteger(p)) patch = Math.max(patch, p)
    }
  }
  return `${prefix}${patch + 1}`
}

/** Editor text areas hold one item per line; blank lines are dropped. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
}

export function listToLines(list: readonly string[] | undefined): string {
  return (list ?? []).join("\n")
}

/** A copy of `book` with rule `index` replaced (books are treated as immutable: the compiler caches by identity). */
export function withRule(
  book: Phrasebook,
  index: number,
  rule: PhrasingRule,
  version = book.version,
): Phrasebook {
  return { ...book, version, rules: book.rules.map((r, i) => (i === index ? rule : r)) }
}
