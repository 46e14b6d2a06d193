/**
 * The one message contract between the content script, the sidebar, the popup/options pages and the
 * service worker. Plain types here (the content script imports them for free); the zod schemas that
 * check every message where it is received live in `schema.ts`.
 *
 * Channels:
 * - runtime messages to the service worker: `{ name, body }` — see `BackgroundRequests`.
 * - a port named `SIDEBAR_PORT` opened by the sidebar (in-page frame or side panel) to the content
 *   script of the top frame of its tab: `SidebarToPage` one way, `PageToSidebar` the other.
 * - service worker → content script (`tabs.sendMessage`): `BackgroundToPage`.
 */

export const SIDEBAR_PORT = "cs-sidekick-sidebar"

/** The shape of a normalised waybill wherever one crosses a boundary (port, storage key, audit). */
export const WAYBILL_SHAPE = /^[0-9A-Z-]{4,40}$/

/** Where the sidebar shows: framed into the CRM page, or in the browser's side panel. */
export type SidebarMode = "inpage" | "sidepanel"

/**
 * Why an edit of the CRM's reply box did not happen. The editor bridge answers with one of these (the
 * adapter's own words go in `detail`, for diagnostics); the sidebar adds the three of the connection.
 * - `no-editor`: no reply box is known (closed, replaced by the CRM, never focused)
 * - `stale-revision`: the agent typed after the sidebar read the draft
 * - `range-mismatch`: the text at the range is not what the sidebar expected (or the range is reversed)
 * - `editor-refused`: the editor did not take the text (or changed it differently)
 * - `stopped`: the page's script is shutting down (extension reloaded, page leaving)
 * - `timeout`, `not-connected`, `disconnected`: no answer from the page
 * - `failed`: anything else (an older page script's free text is read as this)
 */
export const EDIT_ERROR_CODES = [
  "no-editor",
  "stale-revision",
  "range-mismatch",
  "editor-refused",
  "stopped",
  "timeout",
  "not-connected",
  "disconnected",
  "failed",
] as const

export type EditErrorCode = (typeof EDIT_ERROR_CODES)[number]

/**
 * The `chrome.storage.local` key of the sidebar-mode copy (the database holds the truth; the service
 * worker writes the copy, content scripts and the shortcut handler read it).
 */
export const SIDEBAR_MODE_KEY = "sidebarMode"

/**
 * The `chrome.storage.local` key prefix of a site's sidebar layout, `sidebarLayout:<origin>` →
 * `SidebarLayout`: the in-page host writes the width it was dragged to, the sidebar the push choice.
 */
export const SIDEBAR_LAYOUT_KEY = "sidebarLayout:"

/**
 * The `chrome.storage.local` key where the service worker leaves the last pick-mode result for
 * Options: `FieldPick`.
 */
export const FIELD_PICK_KEY = "fieldPick"

/** A pick-mode result for one site (`cancelled` when the admin pressed Esc or 取消). */
export interface FieldPick {
  origin: string
  at: number
  selector?: string
  sample?: string
  cancelled?: boolean
}

/** How the in-page sidebar sits on one site: its width, and whether it narrows the page (push). */
export interface SidebarLayout {
  width?: number
  /** True: the page narrows beside the sidebar; false/absent: the sidebar overlays the page. */
  push?: boolean
}

/**
 * The Web Lock the service worker holds while it reconciles the enabled sites with the registered
 * content script (and injects it into open tabs); the e2e harness waits on it before a test starts.
 */
export const SITES_LOCK = "cs-sidekick-sites"

/** Where on the page a candidate waybill was seen. Order is not priority; see choose-current. */
export type CandidateSource = "pinned" | "label" | "title" | "focus" | "selection" | "input" | "text"

export interface CarrierGuess {
  code: string
  name: string
  confidence: number
  checked: boolean
}

export interface WaybillCandidate {
  /** Normalised number (upper case, no separators). */
  number: string
  carriers: CarrierGuess[]
  sources: CandidateSource[]
  /** How many times it was seen on the page. */
  count: number
  /** The label or column header next to it, if any (bounded, plain text). */
  label?: string
}

export interface PageState {
  url: string
  title: string
  /** Ranked best first, at most 20. */
  candidates: WaybillCandidate[]
  /** The current waybill, or null when none was found. */
  current: string | null
  /** Why `current` was chosen, e.g. "pinned" | "label" | "title" | "focus" | "frequency" | "agent". */
  currentReason: string
  /** Ticket title + labelled fields, bounded (≤ 2,000 chars), for classifyCase in the sidebar. */
  caseText: string
  /**
   * Customer / address / tracking fields (label, value; ≤ 40) and tracking rows (cells; ≤ 30) read
   * from the ticket or open item, raw: `readFacts` (lib/page/facts) makes them the customer's facts.
   */
  facts?: PageFacts
  /** On a list-and-detail page, names the item open in the reading pane (changes when another opens). */
  item?: string
  scan: { nodes: number; ms: number; truncated: boolean }
}

/** Raw facts of the page, bounded (labels ≤ 80, values and cells ≤ 300 characters). */
export interface PageFacts {
  fields: [string, string][]
  track: string[][]
}

/** The kinds of reply editor the bridge knows how to read and write. */
export type EditorKind =
  "textarea" | "input" | "contenteditable" | "ckeditor4" | "ckeditor5" | "tinymce" | "quill"

/** The agent's reply draft as the bridge sees it (plain text; block boundaries as "\n"). */
export interface Draft {
  /** Stable id of the editor on this page (the bridge's handle, not a DOM id). */
  editorId: string
  kind: EditorKind
  /** Plain text, bounded (≤ 20,000 chars). */
  text: string
  /** Caret / selection as offsets into `text`, or null when the editor has no selection. */
  selection: { start: number; end: number } | null
  /** Increments on every change; edits carry it so a stale edit is refused. */
  revision: number
  /** Ranges of `text` inside a `<blockquote>` (a quoted earlier message): not linted, not counted in QA. */
  quoted?: { start: number; end: number }[]
}

export interface HighlightSpan {
  start: number
  end: number
  severity: "forbidden" | "warning" | "hint"
  /** Dismissed by the agent (× or 不准确): the words are still there, so drawn in a muted style. */
  muted?: boolean
  /** For the card a click on the underline shows: the finding's reason (in the agent's language). */
  reason?: string
  /** The first fix that needs nothing filled in, applied from the card through the sidebar. */
  fix?: string
}

/** The page's answer to an edit request (`replace-range`, `insert-text`). */
export interface EditAnswer {
  ok: boolean
  error?: EditErrorCode
  /** The editor's own words about a failure (diagnostics, not shown as a code). */
  detail?: string
  /** The draft after the edit. */
  draft?: Draft
}

export type PageToSidebar =
  | { type: "page-state"; state: PageState }
  /** The focused editor's draft changed (debounced), or focus moved to another editor. */
  | { type: "draft"; draft: Draft }
  /** No reply editor is focused / known any more. */
  | { type: "draft-gone" }
  /** The result of an edit request. */
  | ({ type: "edit-result"; requestId: string } & EditAnswer)
  /** The agent pressed Alt+1..3 in the reply editor while it showed findings: apply suggestion `index`. */
  | { type: "shortcut"; action: "apply-suggestion"; index: number }
  /** The agent applied the fix from the card on an underline: the span as the sidebar drew it. */
  | { type: "apply-fix"; editorId: string; revision: number; start: number; end: number }
  /** The CRM sent the reply (its submit, send button or Ctrl+Enter): the text sent and the customer's turns on the page. */
  | { type: "sent"; draft: Draft; via: "submit" | "click" | "key"; customer: string[] }
  /** Raw text around each handoff block found on the page (the sidebar parses and verifies them). */
  | { type: "handoff-blocks"; texts: string[]; truncated: boolean }
  /** The answer to `post-handoff`: inserted, or why not (the box is not known to be internal). */
  | {
      type: "handoff-post-result"
      requestId: string
      inserted: boolean
      verdict: "internal" | "public" | "unknown"
      /** Why nothing was inserted although the box was internal or confirmed (`no-editor`: no reply box known). */
      error?: EditErrorCode
      /** A selector for the focused box, offered to remember it as the site's internal box. */
      suggestion?: string
    }

/** Replace `expected` at [start, end) of the draft with `text` (refused if the draft moved on). */
export interface ReplaceRangeRequest {
  editorId: string
  revision: number
  start: number
  end: number
  expected: string
  text: string
}

/** Insert text at the caret of the given editor (or the last focused one). */
export interface InsertTextRequest {
  editorId?: string
  text: string
}

export type SidebarToPage =
  | { type: "hello" }
  | { type: "select-waybill"; number: string }
  | { type: "rescan" }
  | { type: "set-collapsed"; collapsed: boolean }
  | ({ type: "replace-range"; requestId: string } & ReplaceRangeRequest)
  | ({ type: "insert-text"; requestId: string } & InsertTextRequest)
  /** Show these spans as highlights over the editor (without touching its DOM). */
  | { type: "highlight"; editorId: string; revision: number; spans: HighlightSpan[] }
  /**
   * Insert a handoff block into the focused box if `rule` says it is the internal note box, or if the
   * agent `confirmed` it explicitly; never submits anything.
   */
  | {
      type: "post-handoff"
      requestId: string
      text: string
      rule: { urlPattern?: string; selector?: string; toggleSelector?: string }
      confirmed: boolean
    }

export type BackgroundToPage =
  { type: "toggle-sidebar" } | { type: "teardown" } | { type: "site-config-changed" }

/**
 * Parts of the content script bundled apart and injected on demand (src/contents/parts.ts): code that
 * not every page load needs stays out of the script every enabled page pays for.
 */
export const CONTENT_PARTS = ["editor", "picker"] as const
export type ContentPart = (typeof CONTENT_PARTS)[number]

export interface SiteConfig {
  origin: string
  pinnedSelector?: string
  carrierHint?: string
  /** Where the CRM's internal-note box is (from the site setting / admin policy), for the handoff work. */
  internalNote?: { urlPattern?: string; selector?: string; toggleSelector?: string }
  /** Where the sidebar shows: framed in the page (default) or in the browser's side panel. */
  sidebarMode?: "inpage" | "sidepanel"
}

/** Requests to the service worker: name → request body and response. */
export interface BackgroundRequests {
  "site.enable": { request: { origin: string; tabId?: number }; response: { ok: boolean; error?: string } }
  "site.disable": { request: { origin: string }; response: { ok: boolean; error?: string } }
  "site.status": {
    request: { origin: string }
    /** `managed`: the admin policy enables this site (the agent cannot disable it). */
    response: { enabled: boolean; granted: boolean; managed?: boolean }
  }
  /** Asked by the content script; the origin comes from the sender, never from the body. */
  "site.config": { request: Record<string, never>; response: SiteConfig | null }
  /**
   * Options (admin): start pick mode in an open tab of the site, to choose its waybill field by
   * clicking it. The result arrives through `site.field-picked` and `FIELD_PICK_KEY`.
   */
  "site.pick-field": {
    request: { origin: string }
    response: { ok: boolean; error?: "no-tab" | "inject-failed" }
  }
  /** The pick-mode part in the CRM tab: the field the admin confirmed, or the cancel. */
  "site.field-picked": {
    request: { selector: string; sample: string } | { cancelled: true }
    response: { ok: boolean }
  }
  /**
   * Asked by the content script: inject one of its on-demand parts into the asking frame (the
   * editor part the first time a reply box gets focus). Only for enabled sites.
   */
  "content.part": { request: { part: ContentPart }; response: { ok: boolean } }
  /** Asked by the in-page sidebar frame: which tab am I in, and may I show anything? */
  "sidebar.whoami": {
    request: Record<string, never>
    response: { tabId: number | null; origin: string | null; allowed: boolean }
  }
  /** Re-reads callback times from the database and (re)schedules the reminders. */
  "callbacks.sync": { request: Record<string, never>; response: { scheduled: number } }
  /** Team server (issue 19): the policy, session and outbox as the worker sees them. */
  "team.status": { request: Record<string, never>; response: TeamStatus }
  /** Starts a CouchDB cookie session; the password goes to the server once and is never stored. */
  "team.login": { request: { name: string; password: string }; response: TeamAnswer }
  "team.logout": { request: Record<string, never>; response: TeamAnswer }
  /** Pushes the outbox now (ignores the backoff). */
  "team.push": { request: Record<string, never>; response: TeamAnswer & { sent?: number } }
  /** Queues again the documents the server refused (after the admin fixed the account). */
  "team.requeue": { request: Record<string, never>; response: TeamAnswer & { count?: number } }
  /** Colleagues' documents for a waybill (cached; `refresh` asks the server again). */
  "team.timeline": {
    request: { waybill: string; refresh?: boolean }
    response: TeamAnswer & { docs?: unknown[]; fetchedAt?: number; cached?: boolean }
  }
  /** Team-wide QA figures for a period (QA role only). */
  "team.qa": { request: { from: number; to: number }; response: TeamAnswer & { figures?: unknown } }
}

/** What the team-server panel shows. `state` is the first thing that needs attention. */
export interface TeamStatus {
  state: "off" | "invalid" | "needs-permission" | "needs-login" | "ok"
  problem?: string
  server?: string
  hostPattern?: string
  user?: string | null
  roles: string[]
  isQa: boolean
  queued: number
  rejected: number
  rejections: { docId: string; reason: string }[]
  lastSuccessAt?: number
  lastError?: string
  nextAttemptAt?: number
}

/** The common answer of team requests: `error` is a user-facing reason code or message. */
export interface TeamAnswer {
  ok: boolean
  error?: string
}

export type BackgroundRequestName = keyof BackgroundRequests
export type BackgroundMessage<N extends BackgroundRequestName = BackgroundRequestName> = {
  name: N
  body: BackgroundRequests[N]["request"]
}
