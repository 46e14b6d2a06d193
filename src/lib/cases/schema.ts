/**
 * Runtime schemas for the case model (extension pages and the service worker only: zod stays out of
 * content scripts). Every record read from an import or received in a message passes through these.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import {
  ATTEMPT_OUTCOMES,
  CASE_STATUSES,
  CASE_TYPES,
  CONTACT_ROLES,
  type Contact,
  type ContactAttempt,
  type HandoffNote,
  type CaseRecord,
} from "./model"

const shortText = z.string().max(200)
const longText = z.string().max(20_000)
const epochMs = z.number().int().nonnegative()
export const waybillSchema = z
  .string()
  .min(4)
  .max(40)
  .regex(/^[0-9A-Z-]+$/, "运单号只能包含数字、大写字母和连字符 / waybill: digits, capital letters, hyphens")

export const agentRefSchema = z.object({ name: shortText, workId: shortText })
export const caseTypeSchema = z.enum(CASE_TYPES)
export const caseStatusSchema = z.enum(CASE_STATUSES)
export const ladderLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
export const involvedSchema = z.object({
  branch: shortText.optional(),
  company: shortText.optional(),
  region: shortText.optional(),
})

export const contactSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  role: z.enum(CONTACT_ROLES),
  branch: shortText.optional(),
  company: shortText.optional(),
  region: shortText.optional(),
  department: shortText.optional(),
  phone: shortText.optional(),
  im: shortText.optional(),
  hours: shortText.optional(),
  note: shortText.optional(),
}) satisfies z.ZodType<Contact>

export const contactAttemptSchema = z.object({
  id: z.string().min(1).max(100),
  waybill: waybillSchema,
  at: epochMs,
  level: ladderLevelSchema,
  contactId: z.string().max(100).optional(),
  contactName: shortText,
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: longText,
  author: agentRefSchema.optional(),
}) satisfies z.ZodType<ContactAttempt>

export const handoffNoteSchema = z.object({
  id: z.string().min(1).max(100),
  waybill: waybillSchema,
  createdAt: epochMs,
  author: agentRefSchema,
  customerName: shortText.optional(),
  customerContact: shortText.optional(),
  problem: longText,
  actionsTaken: longText,
  contacted: longText,
  promise: longText,
  callbackAt: epochMs.optional(),
  nextStep: longText,
  handedTo: shortText.optional(),
  takeoverOf: z.string().max(100).optional(),
  remind: z.boolean().optional(),
  caseType: caseTypeSchema.optional(),
  status: caseStatusSchema.optional(),
  pageUrl: z.string().max(2000).optional(),
}) satisfies z.ZodType<HandoffNote>

export const caseRecordSchema = z.object({
  waybill: waybillSchema,
  carrier: z.string().max(40).optional(),
  caseType: caseTypeSchema,
  status: caseStatusSchema,
  urgent: z.boolean(),
  customerName: shortText.optional(),
  customerContact: shortText.optional(),
  involved: involvedSchema.optional(),
  pageUrl: z.string().max(2000).optional(),
  callbackAt: epochMs.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
}) satisfies z.ZodType<CaseRecord>
