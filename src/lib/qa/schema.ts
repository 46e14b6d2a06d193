/**
 * zod schema of the conversation checklist a phrasebook may carry. Detector roles are fixed per
 * item; patterns are checked like phrasing guards (valid, no nested quantifier, never empty).
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import { requiredText as text } from "../schema-parts"
import { NESTED_QUANTIFIER } from "../text/regex-safety"
import { parseExampleTurns } from "./examples"
import { DETECTOR_FLAGS } from "./score"
import { DETECTOR_ROLES, ITEM_IDS, type Checklist } from "./types"

/** Unbounded repeats of "any character" cost quadratic time when a detector is searched from every offset. */
const UNBOUNDED_ANY = /(?:\.|\[\^[^\]]*\])[+*]/

const pattern = z
  .string()
  .min(1)
  .max(600)
  .superRefine((source, ctx) => {
    let re: RegExp
    try {
      re = new RegExp(source, DETECTOR_FLAGS)
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `正则无效 / invalid regex: ${String(error)}` })
      return
    }
    if (NESTED_QUANTIFIER.test(source))
      ctx.addIssue({ code: "custom", message: "嵌套量词可能导致回溯爆炸 / nested quantifier" })
    if (UNBOUNDED_ANY.test(source))
      ctx.addIssue({
        code: "custom",
        message: "请用有界重复，如 {0,12} / use a bounded repeat such as {0,12}",
      })
    if (re.test(""))
      ctx.addIssue({ code: "custom", message: "模式不能匹配空串 / pattern matches the empty string" })
  })

const optionsSchema = z.strictObject({
  companyName: z.string().max(40).optional(),
  agentId: z.string().max(20).optional(),
  ended: z.boolean().optional(),
})

const exampleSchema = z.strictObject({
  turns: z
    .array(z.string().max(600))
    .max(40)
    .superRefine((turns, ctx) => {
      const parsed = parseExampleTurns(turns)
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed })
    }),
  opts: optionsSchema.optional(),
  note: z.string().max(300).optional(),
})

const itemSchema = z
  .strictObject({
    id: z.enum(ITEM_IDS),
    section: text(80),
    description: z.strictObject({ zh: text(400), en: text(400) }),
    weight: z.number().int().min(1).max(10),
    detectors: z.record(z.string(), z.array(pattern).max(40)),
    scriptId: z.string().max(80).optional(),
    inserts: z.record(z.string().max(20), text(300)).optional(),
    examples: z.strictObject({
      pass: z.array(exampleSchema).min(1).max(60),
      fail: z.array(exampleSchema).min(1).max(60),
    }),
  })
  .superRefine((item, ctx) => {
    const roles = DETECTOR_ROLES[item.id]
    for (const role of roles) {
      if (!item.detectors[role]?.length)
        ctx.addIssue({
          code: "custom",
          path: ["detectors", role],
          message: `缺少检测项 ${role} / missing detector ${role}`,
        })
    }
    for (const role of Object.keys(item.detectors)) {
      if (!roles.includes(role))
        ctx.addIssue({
          code: "custom",
          path: ["detectors", role],
          message: `未知检测项 ${role} / unknown detector ${role}`,
        })
    }
  })

/** The checklist section of a phrasebook: each item at most once. */
export const checklistSchema = z
  .strictObject({ items: z.array(itemSchema).min(1).max(ITEM_IDS.length) })
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>()
    checklist.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "id"],
          message: `重复的检查项 ${item.id} / duplicate item`,
        })
      seen.add(item.id)
    })
  }) satisfies z.ZodType<Checklist>
