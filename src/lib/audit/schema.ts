/**
 * Runtime schema for audit events (extension pages and the service worker only: zod stays out of
 * content scripts). Events arriving by message or import pass through it before they are stored.
 */
import "../zod-jitless"
import * as z from "zod"

import { waybillSchema } from "../cases/schema"
import { currentRuleId } from "../phrasing/renamed"
import { AUDIT_OUTCOMES, type AuditEvent } from "./model"

const epochMs = z.number().int().nonnegative()
const offset = z.number().int().nonnegative()

export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES)

export const textSpanSchema = z
  .object({ start: offset, end: offset })
  .refine((s) => s.end >= s.start, { message: "结束位置不能早于开始位置 / span end before start" })

export const auditEventSchema = z.object({
  id: z.string().min(1).max(100),
  at: epochMs,
  outcome: auditOutcomeSchema,
  // A trail exported before a tone category was renamed imports under the new rule id.
  ruleId: z.preprocess(currentRuleId, z.string().min(1).max(200)),
  phrasebookVersion: z.string().max(100),
  agentWorkId: z.string().max(200),
  agentName: z.string().max(200),
  site: z.string().max(2000),
  waybill: waybillSchema.optional(),
  span: textSpanSchema,
  flagged: z.string().max(2000),
  excerpt: z.string().max(2000),
  replacement: z.string().max(2000).optional(),
  finalText: z.string().max(20_000).optional(),
  reason: z.string().max(2000).optional(),
}) satisfies z.ZodType<AuditEvent>
