/**
 * zod schemas of conversation records and of the conversation export file (extension pages only:
 * zod stays out of content scripts).
 */
import "../zod-jitless"
import * as z from "zod"

import { waybillSchema } from "../cases/schema"
import { SENT_VIA, TURN_MAX, type ConversationTurnRecord } from "./record"

export const conversationTurnSchema = z.strictObject({
  id: z.string().min(1).max(120),
  conversationId: z.string().min(1).max(80),
  site: z.string().max(300),
  page: z.string().max(2_000),
  waybill: waybillSchema.optional(),
  agentWorkId: z.string().max(200),
  agentName: z.string().max(200).optional(),
  companyName: z.string().max(200).optional(),
  role: z.enum(["agent", "customer"]),
  text: z.string().max(TURN_MAX),
  at: z.number().int().nonnegative(),
  via: z.enum(SENT_VIA).optional(),
}) satisfies z.ZodType<ConversationTurnRecord>

export const CONVERSATION_EXPORT_FORMAT = "cs-sidekick-conversations"

/** What "export JSON" writes and "import" reads: the raw turns, so any grouping or scoring can be redone. */
export const conversationExportSchema = z.strictObject({
  format: z.literal(CONVERSATION_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.number().int().nonnegative(),
  phrasebookVersion: z.string().max(100),
  turns: z.array(conversationTurnSchema).max(500_000),
})

export type ConversationExport = z.infer<typeof conversationExportSchema>
