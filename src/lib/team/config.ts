/**
 * The team-server policy entry (`teamServer` in the admin's managed storage, issue 16's policy).
 * When it is absent the extension makes no network request at all; when present it names an Apache
 * CouchDB 3 server the extension replicates handoffs and the QA record to. Pure: parse and derive.
 */
import "../zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

/** Hosts where plain http is tolerated (a server on the agent's own machine, and the tests). */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"])

// CouchDB database names: lower-case letter first, then a-z 0-9 _ $ ( ) + - (no "/": one path segment).
const DB_NAME = /^[a-z][a-z0-9_$()+-]{0,200}$/

const serverUrl = z
  .string()
  .max(500)
  .refine((raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return false
    }
    if (url.username || url.password || url.search || url.hash) return false
    if (url.protocol === "https:") return true
    return url.protocol === "http:" && LOOPBACK.has(url.hostname)
  }, "团队服务器地址须为 https://…（仅本机可用 http）/ team server: an https:// URL (http only for 127.0.0.1 / localhost), no credentials in it")

/** The policy entry as the admin writes it. */
export const teamServerPolicySchema = z
  .object({
    /** Base URL of the CouchDB server (or a path it is proxied under), e.g. "https://couch.example.com:6984". */
    url: serverUrl,
    /** Prefix of the two database names: `<prefix>handoffs` and `<prefix>qa`. */
    dbPrefix: z.string().regex(DB_NAME).max(100).default("cs-sidekick-"),
    /** Explicit database names; each overrides the prefix. */
    handoffsDb: z.string().regex(DB_NAME).optional(),
    qaDb: z.string().regex(DB_NAME).optional(),
    /** The CouchDB role whose holders may read the team-wide QA figures. */
    qaRole: z.string().min(1).max(100).default("qa"),
    /** Documents per `_bulk_docs` request. */
    batchSize: z.number().int().min(1).max(2_000).default(200),
    /** Minutes between two pushes of the outbox when nothing nudges it. */
    pushEveryMinutes: z.number().min(0.5).max(1_440).default(1),
    /** Offset east of UTC the QA views bucket days in (480 = China); must match `team:setup --utc-offset`. */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
  })
  .strict()

/** The parsed policy, every default filled in and names resolved. */
export interface TeamConfig {
  /** Normalised base URL without a trailing slash. */
  url: string
  handoffsDb: string
  qaDb: string
  qaRole: string
  batchSize: number
  pushEveryMinutes: number
  utcOffsetMinutes: number
}

export type TeamPolicyResult =
  { kind: "off" } | { kind: "on"; config: TeamConfig } | { kind: "invalid"; problem: string }

/**
 * Reads the raw `teamServer` policy value. Absent (undefined / null) means the feature is off:
 * no request is ever made. A present but invalid entry is reported, never half-used.
 */
export function parseTeamPolicy(raw: unknown): TeamPolicyResult {
  if (raw === undefined || raw === null) return { kind: "off" }
  const parsed = teamServerPolicySchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? `${issue.path.join(".")}: ` : ""
    return { kind: "invalid", problem: `${where}${issue.message}` }
  }
  const p = parsed.data
  return {
    kind: "on",
    config: {
      url: p.url.replace(/\/+$/, ""),
      handoffsDb: p.handoffsDb ?? `${p.dbPrefix}handoffs`,
      qaDb: p.qaDb ?? `${p.dbPrefix}qa`,
      qaRole: p.qaRole,
      batchSize: p.batchSize,
      pushEveryMinutes: p.pushEveryMinutes,
      utcOffsetMinutes: p.utcOffsetMinutes,
    },
  }
}

/**
 * The one host permission the team server needs, as a match pattern (`https://host/*`). Match
 * patterns carry no port: the permission covers the host.
 */
export function teamHostPattern(config: Pick<TeamConfig, "url">): string {
  const url = new URL(config.url)
  return `${url.protocol}//${url.hostname}/*`
}
