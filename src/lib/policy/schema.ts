/**
 * The policy as the browser hands it over (`storage.managed.get()`), at the level of JSON types: the
 * same shape as `assets/managed-schema.json` (a test walks both and proves they agree). Chrome checks
 * the types against the managed schema and silently drops a value of the wrong type; the deeper checks
 * (origins, ranges, the JSON inside the big string values) are ours, in `./parse.ts`, so that the admin
 * sees what was ignored and why.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

export const internalNoteInputSchema = z
  .object({
    urlPattern: z.string(),
    selector: z.string(),
    toggleSelector: z.string(),
  })
  .partial()

export const policySiteInputSchema = z.object({
  origin: z.string(),
  waybillSelector: z.string().optional(),
  carrierHint: z.string().optional(),
  internalNote: internalNoteInputSchema.optional(),
})

/** Every policy key, each optional (a policy sets any subset). */
export const policyInputSchema = z
  .object({
    policyVersion: z.string(),
    sites: z.array(policySiteInputSchema),
    companyName: z.string(),
    hotline: z.string(),
    businessHours: z.string(),
    phrasebook: z.string(),
    allowRuleEditing: z.boolean(),
    contactDirectory: z.string(),
    teamKey: z.string(),
    auditRetentionDays: z.int(),
    allowExport: z.boolean(),
    uiLanguage: z.string(),
    /** Issue 19: read by the service worker's team sync (`lib/team/config.ts` checks it deeply). */
    teamServer: z
      .object({
        url: z.string(),
        dbPrefix: z.string(),
        handoffsDb: z.string(),
        qaDb: z.string(),
        qaRole: z.string(),
        batchSize: z.int(),
        pushEveryMinutes: z.number(),
        utcOffsetMinutes: z.int(),
      })
      .partial(),
  })
  .partial()

export type PolicyInput = z.infer<typeof policyInputSchema>
export type PolicyKey = keyof PolicyInput

export const POLICY_KEYS = Object.keys(policyInputSchema.shape) as PolicyKey[]

/** Bounds the parser enforces (and the README states). */
export const POLICY_LIMITS = {
  sites: 200,
  selector: 500,
  version: 100,
  company: 200,
  hotline: 50,
  businessHours: 100,
  teamKeyMin: 16,
  teamKeyMax: 1000,
  retentionMin: 1,
  retentionMax: 3650,
  /** The big string values (phrasebook, directory). */
  bigValueChars: 5_000_000,
} as const
