/**
 * zod schemas for the contract in `types.ts`: used where messages are received (service worker,
 * sidebar). Not imported by content scripts (they stay small and validate by hand where needed).
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

import {
  CONTENT_PARTS,
  EDIT_ERROR_CODES,
  WAYBILL_SHAPE,
  type BackgroundRequestName,
  type BackgroundRequests,
  type PageToSidebar,
  type SidebarToPage,
} from "./types"

const waybillText = z.string().regex(WAYBILL_SHAPE)
const bounded = (n: number) => z.string().max(n)
const origin = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/?#\s]+$/, "origin: scheme://host[:port]")

export const carrierGuessSchema = z.object({
  code: bounded(20),
  name: bounded(40),
  confidence: z.number().min(0).max(1),
  checked: z.boolean(),
})

export const waybillCandidateSchema = z.object({
  number: waybillText,
  carriers: z.array(carrierGuessSchema).max(25),
  sources: z.array(z.enum(["pinned", "label", "title", "focus", "selection", "input", "text"])).max(7),
  count: z.number().int().nonnegative(),
  label: bounded(80).optional(),
})

export const pageStateSchema = z.object({
  url: bounded(4000),
  title: bounded(500),
  candidates: z.array(waybillCandidateSchema).max(20),
  current: waybillText.nullable(),
  currentReason: bounded(20),
  caseText: bounded(2000),
  facts: z
    .object({
      fields: z.array(z.tuple([bounded(80), bounded(300)])).max(40),
      track: z.array(z.array(bounded(300)).max(8)).max(30),
    })
    .optional(),
  item: bounded(200).optional(),
  scan: z.object({
    nodes: z.number().int().nonnegative(),
    ms: z.number().nonnegative(),
    truncated: z.boolean(),
  }),
})

export const editorKindSchema = z.enum([
  "textarea",
  "input",
  "contenteditable",
  "ckeditor4",
  "ckeditor5",
  "tinymce",
  "quill",
])

/** Longest text around one handoff block, and most blocks, sent by the content script. */
export const HANDOFF_TEXT_MAX = 12_000
export const HANDOFF_TEXTS_MAX = 400

const offset = z.number().int().nonnegative().max(20_000)
const editorId = bounded(64)
const requestId = bounded(64)
/**
 * Why an edit or a handoff post failed. An unknown code (an older page script's free text) still
 * answers the request, as "failed"; the handoff post's "no editor" of pages before the codes is "no-editor".
 */
const editError = z.preprocess(
  (v) => (v === "no editor" ? "no-editor" : v),
  z.enum(EDIT_ERROR_CODES).catch("failed"),
)

export const draftSchema = z.object({
  editorId,
  kind: editorKindSchema,
  text: bounded(20_000),
  selection: z.object({ start: offset, end: offset }).nullable(),
  revision: z.number().int().nonnegative(),
  quoted: z
    .array(z.object({ start: offset, end: offset }))
    .max(100)
    .optional(),
})

export const pageToSidebarSchema: z.ZodType<PageToSidebar> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("page-state"), state: pageStateSchema }),
  z.object({ type: z.literal("draft"), draft: draftSchema }),
  z.object({ type: z.literal("draft-gone") }),
  z.object({
    type: z.literal("edit-result"),
    requestId,
    ok: z.boolean(),
    error: editError.optional(),
    detail: bounded(500).optional(),
    draft: draftSchema.optional(),
  }),
  z.object({
    type: z.literal("shortcut"),
    action: z.literal("apply-suggestion"),
    index: z.number().int().min(0).max(2),
  }),
  z.object({
    type: z.literal("apply-fix"),
    editorId: bounded(100),
    revision: z.number().int().nonnegative(),
    start: offset,
    end: offset,
  }),
  z.object({
    type: z.literal("sent"),
    draft: draftSchema,
    via: z.enum(["submit", "click", "key"]),
    customer: z.array(bounded(2_000)).max(20),
  }),
  z.object({
    type: z.literal("handoff-blocks"),
    texts: z.array(bounded(HANDOFF_TEXT_MAX)).max(HANDOFF_TEXTS_MAX),
    truncated: z.boolean(),
  }),
  z.object({
    type: z.literal("handoff-post-result"),
    requestId,
    inserted: z.boolean(),
    verdict: z.enum(["internal", "public", "unknown"]),
    error: editError.optional(),
    suggestion: bounded(300).optional(),
  }),
])

export const sidebarToPageSchema: z.ZodType<SidebarToPage> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello") }),
  z.object({ type: z.literal("select-waybill"), number: waybillText }),
  z.object({ type: z.literal("rescan") }),
  z.object({ type: z.literal("set-collapsed"), collapsed: z.boolean() }),
  z.object({
    type: z.literal("replace-range"),
    requestId,
    editorId,
    revision: z.number().int().nonnegative(),
    start: offset,
    end: offset,
    // Fix all writes the whole rewritten reply as one edit (one undo step): up to a draft's size.
    expected: bounded(20_000),
    text: bounded(20_000),
  }),
  z.object({
    type: z.literal("insert-text"),
    requestId,
    editorId: editorId.optional(),
    text: bounded(5_000),
  }),
  z.object({
    type: z.literal("highlight"),
    editorId,
    revision: z.number().int().nonnegative(),
    spans: z
      .array(
        z.object({
          start: offset,
          end: offset,
          severity: z.enum(["forbidden", "warning", "hint"]),
          muted: z.boolean().optional(),
          reason: bounded(500).optional(),
          fix: bounded(500).optional(),
        }),
      )
      .max(200),
  }),
  z.object({
    type: z.literal("post-handoff"),
    requestId,
    text: bounded(HANDOFF_TEXT_MAX),
    rule: z.object({
      urlPattern: bounded(500).optional(),
      selector: bounded(500).optional(),
      toggleSelector: bounded(500).optional(),
    }),
    confirmed: z.boolean(),
  }),
])

const empty = z.object({}).strict()
const teamAnswer = z.object({ ok: z.boolean(), error: bounded(1000).optional() })

/** name → { request, response } schemas; unknown names are rejected by `parseBackgroundMessage`. */
export const backgroundContract = {
  "site.enable": {
    request: z.object({ origin, tabId: z.number().int().optional() }),
    response: z.object({ ok: z.boolean(), error: bounded(500).optional() }),
  },
  "site.disable": {
    request: z.object({ origin }),
    response: z.object({ ok: z.boolean(), error: bounded(500).optional() }),
  },
  "site.status": {
    request: z.object({ origin }),
    response: z.object({ enabled: z.boolean(), granted: z.boolean(), managed: z.boolean().optional() }),
  },
  "site.config": {
    request: empty,
    response: z
      .object({
        origin,
        pinnedSelector: bounded(500).optional(),
        carrierHint: bounded(20).optional(),
        internalNote: z
          .object({
            urlPattern: bounded(500).optional(),
            selector: bounded(500).optional(),
            toggleSelector: bounded(500).optional(),
          })
          .optional(),
        sidebarMode: z.enum(["inpage", "sidepanel"]).optional(),
      })
      .nullable(),
  },
  "site.pick-field": {
    request: z.object({ origin }),
    response: z.object({ ok: z.boolean(), error: z.enum(["no-tab", "inject-failed"]).optional() }),
  },
  "site.field-picked": {
    request: z.union([
      z.object({ selector: bounded(500).min(1), sample: bounded(120) }).strict(),
      z.object({ cancelled: z.literal(true) }).strict(),
    ]),
    response: z.object({ ok: z.boolean() }),
  },
  "content.part": {
    request: z.object({ part: z.enum(CONTENT_PARTS) }),
    response: z.object({ ok: z.boolean() }),
  },
  "sidebar.whoami": {
    request: empty,
    response: z.object({
      tabId: z.number().int().nullable(),
      origin: origin.nullable(),
      allowed: z.boolean(),
    }),
  },
  "callbacks.sync": { request: empty, response: z.object({ scheduled: z.number().int().nonnegative() }) },
  "team.status": {
    request: empty,
    response: z.object({
      state: z.enum(["off", "invalid", "needs-permission", "needs-login", "ok"]),
      problem: bounded(1000).optional(),
      server: bounded(500).optional(),
      hostPattern: bounded(600).optional(),
      user: bounded(200).nullable().optional(),
      roles: z.array(bounded(200)).max(100),
      isQa: z.boolean(),
      queued: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      rejections: z.array(z.object({ docId: bounded(1000), reason: bounded(1000) })).max(100),
      lastSuccessAt: z.number().optional(),
      lastError: bounded(1000).optional(),
      nextAttemptAt: z.number().optional(),
    }),
  },
  "team.login": {
    request: z.object({ name: z.string().min(1).max(200), password: z.string().min(1).max(500) }),
    response: teamAnswer,
  },
  "team.logout": { request: empty, response: teamAnswer },
  "team.push": { request: empty, response: teamAnswer.extend({ sent: z.number().int().optional() }) },
  "team.requeue": { request: empty, response: teamAnswer.extend({ count: z.number().int().optional() }) },
  "team.timeline": {
    request: z.object({ waybill: waybillText, refresh: z.boolean().optional() }),
    response: teamAnswer.extend({
      docs: z.array(z.unknown()).max(500).optional(),
      fetchedAt: z.number().optional(),
      cached: z.boolean().optional(),
    }),
  },
  "team.qa": {
    request: z.object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }),
    response: teamAnswer.extend({ figures: z.unknown().optional() }),
  },
} satisfies { [N in BackgroundRequestName]: { request: z.ZodType; response: z.ZodType } }

export type ParsedBackgroundMessage = {
  [N in BackgroundRequestName]: { name: N; body: BackgroundRequests[N]["request"] }
}[BackgroundRequestName]

/** Validates an incoming runtime message; returns null for anything not in the contract. */
export function parseBackgroundMessage(raw: unknown): ParsedBackgroundMessage | null {
  if (typeof raw !== "object" || raw === null) return null
  const { name, body } = raw as { name?: unknown; body?: unknown }
  if (typeof name !== "string" || !Object.hasOwn(backgroundContract, name)) return null
  const parsed = backgroundContract[name as BackgroundRequestName].request.safeParse(body ?? {})
  return parsed.success ? ({ name, body: parsed.data } as ParsedBackgroundMessage) : null
}
