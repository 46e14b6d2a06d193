/**
 * zod schema of a knowledge pack and `parseKnowledgePack`, the one gate every pack passes: the
 * options page's import, and later the admin policy (issue 16) pushing a pack. All or nothing: a pack
 * with any problem is refused whole, each problem located (`cards[3].examples[0]`) and bilingual.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import { CASE_TYPES } from "../cases/model"
import { KEBAB, requiredText as text } from "../schema-parts"
import { SLOTS } from "../scripts/slots"
import { parseSlots } from "../scripts/template"
import type { ImportProblem } from "../import-problems"
import { parseImportJson } from "../import-file"
import { capProblems, formatPath, problemsFromIssues, refuseUnlessObject } from "../import-problems"
import { buildKnowledgeIndex, searchKnowledge } from "./search"
import { KNOWLEDGE_AREAS, SOURCE_KINDS, type KnowledgeCard, type KnowledgePack } from "./types"

/** A real calendar date, YYYY-MM-DD. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "日期应为 YYYY-MM-DD / date must be YYYY-MM-DD" })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "不是有效日期 / not a valid date",
    },
  )

export const knowledgeSourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS),
  title: text(100),
  article: z.string().trim().max(100).optional(),
  note: z.string().trim().max(500).optional(),
})

export const knowledgeCardSchema = z.object({
  id: z.string().regex(KEBAB, { message: "id 只能用小写字母、数字和连字符 / id must be kebab-case" }).max(60),
  area: z.enum(KNOWLEDGE_AREAS),
  title: text(60),
  keywords: z.array(text(30)).min(1).max(40),
  synonyms: z.array(text(30)).max(60),
  answer: text(1000),
  checks: z.array(text(200)).max(20),
  script: text(2000),
  sources: z
    .array(knowledgeSourceSchema)
    .min(1, { message: "每张卡片至少要有一个出处 / every card needs a source" })
    .max(10),
  effective: isoDate,
  caseTypes: z.array(z.enum(CASE_TYPES)).max(CASE_TYPES.length),
  examples: z
    .array(text(100))
    .min(1, { message: "每张卡片至少要有一个示例问题 / every card needs an example question" })
    .max(20),
  vars: z.record(z.string().min(1).max(30), z.string().max(200)).optional(),
})

export const companyValueSchema = z.object({
  value: z.string().trim().max(200),
  typical: text(200),
  note: z.string().trim().max(500).optional(),
})

const KNOWN_SLOTS = new Set(SLOTS.map((s) => s.name))

export const knowledgePackSchema = z
  .object({
    format: z.literal("cs-sidekick-knowledge", {
      message: "不是客服助手的知识库文件 / not a CS Sidekick knowledge pack",
    }),
    version: text(100),
    publisher: text(100),
    cards: z.array(knowledgeCardSchema).min(1).max(2000),
    values: z.record(z.string().min(1).max(30), companyValueSchema),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>()
    pack.cards.forEach((card, i) => {
      const first = seen.get(card.id)
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["cards", i, "id"],
          message: `重复的卡片 id，与 cards[${first}] 相同 / duplicate card id, same as cards[${first}]`,
        })
      else seen.set(card.id, i)
      // Every blank must be something the sidebar can fill, the agent can type (SLOTS), or the admin set.
      for (const slot of parseSlots(card.script))
        if (!KNOWN_SLOTS.has(slot) && !Object.prototype.hasOwnProperty.call(pack.values, slot))
          ctx.addIssue({
            code: "custom",
            path: ["cards", i, "script"],
            message: `未知的空位 {${slot}}：请在 values 中定义 / unknown slot {${slot}}: define it in values`,
          })
    })
  }) satisfies z.ZodType<KnowledgePack>

/** The store's generic wording, except where this schema says something more useful (bilingual "zh / en"). */
function describeIssues(issues: readonly z.core.$ZodIssue[], data: unknown): ImportProblem[] {
  const own = issues.filter((i) => i.message.includes(" / "))
  const ownAt = new Set(own.map((i) => formatPath(i.path)))
  const generic = problemsFromIssues(
    issues.filter((i) => !ownAt.has(formatPath(i.path))),
    data,
  )
  const mine = own.map((i) => ({ where: formatPath(i.path), message: i.message }))
  const seen = new Set<string>()
  return [...mine, ...generic].filter((p) => !seen.has(p.where) && seen.add(p.where))
}

/** How high an example question must rank its own card. */
export const EXAMPLE_RANK = 3

export type KnowledgePackResult = { ok: true; pack: KnowledgePack } | { ok: false; problems: ImportProblem[] }

/**
 * Validates a pack (already-parsed JSON). Besides the schema, each card's example questions must
 * find the card among the first {@link EXAMPLE_RANK} results, as the phrasebook's examples must pass
 * before it is published. Never throws; pure, so the admin policy can call it too.
 */
export function parseKnowledgePack(json: unknown): KnowledgePackResult {
  const notObject = refuseUnlessObject(json, ["知识库文件", "a knowledge pack"])
  if (notObject) return notObject
  const parsed = knowledgePackSchema.safeParse(json)
  if (parsed.success) {
    const problems = exampleProblems(parsed.data.cards.map((card, i) => ({ card, i })))
    return problems.length ? { ok: false, problems: capProblems(problems) } : { ok: true, pack: parsed.data }
  }
  // Report the example questions of the cards that are otherwise valid too: one round of fixes, not two.
  const raw = (json as { cards?: unknown }).cards
  const valid = Array.isArray(raw)
    ? raw.flatMap((c, i) => {
        const card = knowledgeCardSchema.safeParse(c)
        return card.success ? [{ card: card.data, i }] : []
      })
    : []
  return {
    ok: false,
    problems: capProblems([...describeIssues(parsed.error.issues, json), ...exampleProblems(valid)]),
  }
}

/** Each example question must find its own card among the first {@link EXAMPLE_RANK}, searching all `cards`. */
function exampleProblems(cards: { card: KnowledgeCard; i: number }[]): ImportProblem[] {
  const index = buildKnowledgeIndex(cards.map((c) => c.card))
  const problems: ImportProblem[] = []
  for (const { card, i } of cards)
    card.examples.forEach((question, k) => {
      if (!searchKnowledge(index, question, EXAMPLE_RANK).some((h) => h.card.id === card.id))
        problems.push({
          where: `cards[${i}].examples[${k}]`,
          message: `示例问题找不到这张卡片（前 ${EXAMPLE_RANK} 条内）：请补充关键词或同义词 / the example question does not find this card in the top ${EXAMPLE_RANK}: add keywords or synonyms`,
        })
    })
  return problems
}

/** A pack file's text (the options page's import): the JSON gate, then {@link parseKnowledgePack}. */
export function parseKnowledgePackFile(fileText: string): KnowledgePackResult {
  const json = parseImportJson(fileText)
  return json.ok ? parseKnowledgePack(json.data) : json
}
