/**
 * Runtime schemas for settings and the backup file (the contract's `Settings` / `BackupFile`), built on
 * the case schemas. Extension pages and the service worker only: zod stays out of content scripts.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import { caseRecordSchema, contactAttemptSchema, contactSchema, handoffNoteSchema } from "../cases/schema"
import type { AgentProfile, BackupFile, Settings, SiteSetting } from "./contract"

export const BACKUP_FORMAT = "cs-sidekick-backup"

export const agentProfileSchema = z.object({
  name: z.string().max(100),
  workId: z.string().max(100),
  company: z.string().max(200),
  hotline: z.string().max(50).optional(),
  businessHours: z.string().max(100).optional(),
}) satisfies z.ZodType<AgentProfile>

export const siteSettingSchema = z.object({
  origin: z
    .string()
    .max(500)
    .regex(
      /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i,
      "站点只能是协议加主机名，不带路径 / origin: scheme and host, no path",
    ),
  pinnedSelector: z.string().max(500).optional(),
  carrierHint: z.string().max(40).optional(),
  internalBox: z
    .object({
      urlPattern: z.string().max(500).optional(),
      selector: z.string().max(500).optional(),
      toggleSelector: z.string().max(500).optional(),
    })
    .optional(),
  enabledAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<SiteSetting>

export const settingsSchema = z.object({
  profile: agentProfileSchema,
  sites: z.array(siteSettingSchema).max(200),
  sidebarMode: z.enum(["inpage", "sidepanel"]),
  locale: z.enum(["zh", "zh-en", "en"]),
  // Older backups have no team key.
  teamKey: z.string().max(200).default(""),
}) satisfies z.ZodType<Settings>

/**
 * The backup file. `schemaVersion` is the database version that wrote it; files from a newer app are
 * rejected in `importAll` rather than here, so the problem can say so.
 */
export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.number().int().nonnegative(),
  cases: z.array(caseRecordSchema),
  notes: z.array(handoffNoteSchema),
  attempts: z.array(contactAttemptSchema),
  contacts: z.array(contactSchema),
  settings: settingsSchema,
}) satisfies z.ZodType<BackupFile>
