/**
 * What travels to the team server: one immutable CouchDB document per local record, built by a
 * registry of kinds. A document's `_id` is deterministic — kind, author, local id and a hash of the
 * content — so a retry, a second profile of the same agent or a restore can never make a duplicate,
 * and an edited record (same local id, new content) becomes a new document instead of an update.
 * To add a kind: one entry in `TEAM_KINDS` (and its views in `design.ts`).
 */
import type { AuditEvent } from "../audit/model"
import type { ContactAttempt, HandoffNote } from "../cases/model"
import type { ConversationTurnRecord } from "../qa/record"
import { fnv64Hex } from "../text/fnv64"
import type { ScorecardRecord } from "./scorecards"

/** Which of the two team databases a kind lives in. */
export type TeamDbRole = "handoffs" | "qa"

/** The fields every team document has; the kind's own payload is in `body`. */
export interface TeamDoc {
  _id: string
  /** The kind's name; also the first segment of `_id`. */
  type: string
  /** Document format version, for readers. */
  v: 1
  /** 工号 of the author; must equal the CouchDB user name (checked by validate_doc_update). */
  agent: string
  agentName: string
  /** Origin of the CRM page, "" when unknown. */
  site: string
  waybill?: string
  /** When the thing happened (epoch ms): the timeline and the QA views order and bucket by it. */
  at: number
  /** The record as stored locally (audit text already masked). */
  body: Record<string, unknown>
  /** Handoffs and takeovers: HMAC with the team key (`signing.ts`), added when pushed. */
  sig?: string
}

/** One kind of document: where it goes and how a local record maps to it. */
export interface TeamKind<T> {
  db: TeamDbRole
  localId(record: T): string
  /** The author's 工号; `fallbackAgent` is the profile's, for records that carry none. */
  agent(record: T, fallbackAgent: string): string
  agentName(record: T, fallbackName: string): string
  site(record: T): string
  waybill(record: T): string | undefined
  at(record: T): number
}

const originOf = (url: string | undefined): string => {
  if (!url) return ""
  try {
    const u = new URL(url)
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : ""
  } catch {
    return ""
  }
}

const handoff: TeamKind<HandoffNote> = {
  db: "handoffs",
  localId: (n) => n.id,
  agent: (n, fallback) => n.author.workId || fallback,
  agentName: (n, fallback) => n.author.name || fallback,
  site: (n) => originOf(n.pageUrl),
  waybill: (n) => n.waybill,
  at: (n) => n.createdAt,
}

/** A takeover (接手) is a handoff note of the taker's with `takeoverOf` naming the original note. */
const takeover: TeamKind<HandoffNote> = { ...handoff }

const attempt: TeamKind<ContactAttempt> = {
  db: "handoffs",
  localId: (a) => a.id,
  agent: (a, fallback) => a.author?.workId || fallback,
  agentName: (a, fallback) => a.author?.name || fallback,
  site: () => "",
  waybill: (a) => a.waybill,
  at: (a) => a.at,
}

/** QA records carry their author and place flat: `agentWorkId`, `agentName`, `site`, `waybill`. */
interface QaRecord {
  agentWorkId: string
  agentName?: string
  site: string
  waybill?: string
}

/** A kind of the QA database: records differ only in their local id and the time they count at. */
function qaKind<T extends QaRecord>(localId: (r: T) => string, at: (r: T) => number): TeamKind<T> {
  return {
    db: "qa",
    localId,
    agent: (r, fallback) => r.agentWorkId || fallback,
    agentName: (r, fallback) => r.agentName || fallback,
    site: (r) => r.site,
    waybill: (r) => r.waybill,
    at,
  }
}

const audit = qaKind<AuditEvent>(
  (e) => e.id,
  (e) => e.at,
)

/** A stored conversation turn (issue 17): the sent reply and the customer turns seen with it, masked as stored. */
const turn = qaKind<ConversationTurnRecord>(
  (r) => r.id,
  (r) => r.at,
)

/** A conversation's scorecard as of one send (see `scorecards.ts`: later ones name what they replace). */
const scorecard = qaKind<ScorecardRecord>(
  (r) => r.conversationId,
  (r) => r.lastAt,
)

/** The registry: kind name → mapping. Names are lower-case words (they start every `_id`). */
export const TEAM_KINDS = {
  handoff,
  takeover,
  attempt,
  audit,
  turn,
  scorecard,
} as const

export type TeamKindName = keyof typeof TEAM_KINDS
/** The record type a kind maps. */
export type TeamRecord<K extends TeamKindName> = (typeof TEAM_KINDS)[K] extends TeamKind<infer T> ? T : never

export const TEAM_KIND_NAMES = Object.keys(TEAM_KINDS) as TeamKindName[]

/** A stable content fingerprint (FNV-1a, 64 bits; not a security hash). */
export function contentHash(text: string): string {
  return fnv64Hex(text, 0x01000193)
}

/** JSON with object keys sorted, so equal records hash equally whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

/** `kind:agent:localId:hash`, each free-text part URI-encoded so ":" can only be a separator. */
export function teamDocId(kind: string, agent: string, localId: string, hash: string): string {
  return [kind, encodeURIComponent(agent), encodeURIComponent(localId), hash].join(":")
}

/** Splits a document id; null for ids not made by `teamDocId`. */
export function parseTeamDocId(
  id: string,
): { kind: string; agent: string; localId: string; hash: string } | null {
  const parts = id.split(":")
  if (parts.length !== 4 || !/^[a-z][a-z0-9-]*$/.test(parts[0]) || !/^[0-9a-f]{16}$/.test(parts[3]))
    return null
  try {
    return {
      kind: parts[0],
      agent: decodeURIComponent(parts[1]),
      localId: decodeURIComponent(parts[2]),
      hash: parts[3],
    }
  } catch {
    return null
  }
}

/** Who writes: the agent profile's 工号 and name, for records that do not carry their author. */
export interface AuthorContext {
  workId: string
  name: string
}

/**
 * The team document for one local record. Deterministic: the same record (whatever its key order)
 * gives the same `_id` and content; a changed record gives a new `_id`.
 */
export function toTeamDoc<K extends TeamKindName>(
  kind: K,
  record: TeamRecord<K>,
  author: AuthorContext,
): TeamDoc {
  const spec = TEAM_KINDS[kind] as unknown as TeamKind<TeamRecord<K>>
  const body = JSON.parse(canonicalJson(record)) as Record<string, unknown>
  const agent = spec.agent(record, author.workId)
  const doc: TeamDoc = {
    _id: teamDocId(kind, agent, spec.localId(record), contentHash(canonicalJson(body))),
    type: kind,
    v: 1,
    agent,
    agentName: spec.agentName(record, author.name),
    site: spec.site(record),
    at: spec.at(record),
    body,
  }
  const waybill = spec.waybill(record)
  if (waybill) doc.waybill = waybill
  return doc
}

/** The database (by role) a document of `kind` goes to. */
export function dbRoleOf(kind: string): TeamDbRole | undefined {
  return Object.hasOwn(TEAM_KINDS, kind) ? TEAM_KINDS[kind as TeamKindName].db : undefined
}
