/**
 * zod schema for phrasebooks imported by QA. Kept apart from the matcher so content scripts that
 * only lint never pull zod in.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import { checklistSchema } from "../qa/schema"
import { KEBAB, requiredText as text } from "../schema-parts"
import { describePatternProblem } from "./plain-pattern"
import { currentCategory } from "./renamed"
import { parseTrigger } from "./trigger"
import { PHRASING_CATEGORIES, PHRASING_SEVERITIES, type Phrasebook } from "./types"

const triggerSchema = z
  .string()
  .min(1)
  .max(60)
  .superRefine((value, ctx) => {
    const parsed = parseTrigger(value)
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed })
  })

const patternList = (where: "before" | "after" | "sentence") =>
  z
    .array(
      z
        .string()
        .min(1)
        .max(400)
        .superRefine((source, ctx) => {
          // Syntax, nested quantifiers, empty matches: explained in words a QA lead follows.
          const problem = describePatternProblem(source, where)
          if (problem) ctx.addIssue({ code: "custom", message: `${problem.zh} / ${problem.en}` })
        }),
    )
    .max(40)
    .optional()

/** Guard or requires patterns around a hit. */
export const phrasingContextSchema = z.strictObject({
  before: patternList("before"),
  after: patternList("after"),
  sentence: patternList("sentence"),
})

/** One phrasing rule. */
export const phrasingRuleSchema = z.strictObject({
  id: z.string().regex(KEBAB, "id 须为 kebab-case / id must be kebab-case").max(80),
  title: text(40).optional(),
  // A book exported before a category was renamed still imports (read as the new name).
  category: z.preprocess(currentCategory, z.enum(PHRASING_CATEGORIES)),
  severity: z.enum(PHRASING_SEVERITIES),
  triggers: z.array(triggerSchema).min(1).max(60),
  guards: phrasingContextSchema.optional(),
  requires: phrasingContextSchema.optional(),
  message: z.strictObject({ zh: text(400), en: text(400) }),
  replacements: z.array(text(300)).min(1).max(3),
  examples: z.strictObject({
    blunt: z.array(text(300)).min(1).max(20),
    polite: z.array(text(300)).min(1).max(20),
  }),
  sources: z.array(text(80)).max(20).optional(),
})

/** A whole phrasebook: calendar version, unique rule ids. */
export const phrasebookSchema = z
  .strictObject({
    id: z.string().regex(KEBAB).max(80),
    version: z
      .string()
      .regex(/^\d{4}\.(?:[1-9]|1[0-2])\.\d+$/, "版本格式 YYYY.M.patch / version YYYY.M.patch"),
    title: text(200),
    rules: z.array(phrasingRuleSchema).min(1).max(2000),
    /** Optional since 2026.12.0: books exported before it still load (they use the built-in checklist). */
    checklist: checklistSchema.optional(),
  })
  .superRefine((book, ctx) => {
    const seen = new Set<string>()
    book.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "id"],
          message: `重复的规则 id / duplicate id ${rule.id}`,
        })
      }
      seen.add(rule.id)
    })
  }) satisfies z.ZodType<Phrasebook>
