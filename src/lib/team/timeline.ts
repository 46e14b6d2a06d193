/**
 * The down path: colleagues' handoffs and contact attempts for one waybill, read from the team
 * server's `by-waybill` view, checked like any untrusted input, and merged into the local timeline
 * marked as 团队 (team). Pure apart from the injected client. Handoffs and takeovers are verified
 * with the team key the way issue 12 verifies blocks read from the ticket (`verifyTeamEntries`).
 */
import type { Verification } from "../handoff/sign"
import { contactAttemptSchema, handoffNoteSchema } from "../cases/schema"
import type { ContactAttempt, HandoffNote } from "../cases/model"
import type { CouchClient } from "./couch"
import type { TeamConfig } from "./config"
import { parseTeamDocId } from "./docs"
import { verifyTeamDoc } from "./signing"

/** What a signature covers, kept from the document as the server sent it. */
export interface SignedPart {
  _id: string
  type: string
  agent: string
  body: unknown
  sig?: unknown
}

interface EntryBase {
  source: "team"
  docId: string
  agent: string
  agentName: string
  at: number
}

/** A colleague's (or this agent's other profile's) record, as the server holds it. */
export type TeamEntry =
  | (EntryBase & {
      /** A takeover (接手) is a note with `takeoverOf`. */
      kind: "handoff" | "takeover"
      note: HandoffNote
      signed: SignedPart
      /** Set by `verifyTeamEntries`; undefined until checked. */
      verification?: Exclude<Verification, "partial" | "other-waybill">
    })
  | (EntryBase & { kind: "attempt"; attempt: ContactAttempt })

/** One line of the merged timeline. */
export type TimelineEntry = { source: "local"; at: number; note: HandoffNote } | TeamEntry

/**
 * Team documents → entries. Anything that does not hold together (id not ours, author in the id
 * not the author field, body failing the schema, waybill not the one asked for) is dropped.
 */
export function entriesFromDocs(docs: readonly unknown[], waybill: string): TeamEntry[] {
  const out: TeamEntry[] = []
  for (const raw of docs) {
    if (!raw || typeof raw !== "object") continue
    const doc = raw as {
      _id?: unknown
      type?: unknown
      agent?: unknown
      agentName?: unknown
      at?: unknown
      body?: unknown
      waybill?: unknown
    }
    if (typeof doc._id !== "string" || typeof doc.agent !== "string" || typeof doc.at !== "number") continue
    const id = parseTeamDocId(doc._id)
    if (!id || id.kind !== doc.type || id.agent !== doc.agent || doc.waybill !== waybill) continue
    const agentName = typeof doc.agentName === "string" ? doc.agentName.slice(0, 200) : ""
    if (doc.type === "handoff" || doc.type === "takeover") {
      const parsed = handoffNoteSchema.safeParse(doc.body)
      if (!parsed.success || parsed.data.waybill !== waybill || parsed.data.author.workId !== doc.agent)
        continue
      // The kind in the id must say what the note is.
      if ((doc.type === "takeover") !== (parsed.data.takeoverOf !== undefined)) continue
      out.push({
        source: "team",
        kind: doc.type,
        docId: doc._id,
        agent: doc.agent,
        agentName,
        at: parsed.data.createdAt,
        note: parsed.data as HandoffNote,
        signed: {
          _id: doc._id,
          type: doc.type,
          agent: doc.agent,
          body: doc.body,
          sig: (raw as { sig?: unknown }).sig,
        },
      })
    } else if (doc.type === "attempt") {
      const parsed = contactAttemptSchema.safeParse(doc.body)
      if (!parsed.success || parsed.data.waybill !== waybill) continue
      out.push({
        source: "team",
        kind: "attempt",
        docId: doc._id,
        agent: doc.agent,
        agentName,
        at: parsed.data.at,
        attempt: parsed.data as ContactAttempt,
      })
    }
  }
  return out
}

/** Reads one waybill's team documents through the `by-waybill` view, oldest first. */
export async function fetchTeamEntries(
  client: Pick<CouchClient, "view">,
  config: Pick<TeamConfig, "handoffsDb">,
  waybill: string,
  limit = 500,
): Promise<{ docs: unknown[]; entries: TeamEntry[] }> {
  const res = await client.view<{ doc?: unknown }>(config.handoffsDb, "sidekick", "by-waybill", {
    startkey: [waybill],
    endkey: [waybill, {}],
    include_docs: true,
    limit,
  })
  const docs = res.rows.map((r) => r.doc).filter((d) => d !== undefined)
  return { docs, entries: entriesFromDocs(docs, waybill) }
}

/**
 * The entries with each handoff's and takeover's verification against the team key (issue 12's
 * states: a forged or altered document is `bad-signature` or `unsigned`, shown as unverified).
 */
export async function verifyTeamEntries(
  entries: readonly TeamEntry[],
  teamKey: string | undefined,
): Promise<TeamEntry[]> {
  return Promise.all(
    entries.map(async (e) =>
      e.kind === "attempt" ? e : { ...e, verification: await verifyTeamDoc(e.signed, teamKey) },
    ),
  )
}

/**
 * The local notes and the team entries as one timeline, oldest first (ties: local first, then by id,
 * so the order never flickers). A team handoff that is one of this profile's own notes (same author
 * and local id) is not shown twice.
 */
export function mergeTeamTimeline(
  local: readonly HandoffNote[],
  team: readonly TeamEntry[],
): TimelineEntry[] {
  const mine = new Set(local.map((n) => `${n.author.workId}\u0000${n.id}`))
  const seen = new Set<string>()
  const merged: TimelineEntry[] = local.map((note) => ({ source: "local", at: note.createdAt, note }))
  for (const entry of team) {
    if (seen.has(entry.docId)) continue
    seen.add(entry.docId)
    if (entry.kind !== "attempt" && mine.has(`${entry.agent}\u0000${entry.note.id}`)) continue
    merged.push(entry)
  }
  const key = (e: TimelineEntry) => (e.source === "local" ? `0${e.note.id}` : `1${e.docId}`)
  return merged.sort((a, b) => a.at - b.at || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
