/**
 * Shared set-up of the team tests: a stand-in server made ready by the real setup steps, agents'
 * accounts, and "profiles" — each a Dexie database of its own (fake-indexeddb), its store, its
 * outbox, and a cookie-jar fetch — wired exactly as the service worker wires them.
 */
import { createAuditStore } from "../../src/lib/store/audit-repository"
import { createConversationStore } from "../../src/lib/store/conversation-repository"
import type { SidekickDB } from "../../src/lib/store/db"
import { createOutboxPort, setTeamEnabled } from "../../src/lib/store/outbox"
import { createStore } from "../../src/lib/store/repository"
import { freshDb } from "../../src/lib/store/store.test-helper"
import { parseTeamPolicy, type TeamConfig } from "../../src/lib/team/config"
import { createCouchClient, type FetchLike } from "../../src/lib/team/couch"
import { pushOutbox, type OutboxPort, type PushReport } from "../../src/lib/team/replicator"
import { putUser, setupTeamServer } from "../../src/lib/team/setup"
import { signTeamDoc } from "../../src/lib/team/signing"
import { cookieFetch, type StandIn } from "./stand-in"

/** A controllable clock (epoch ms). */
export function fakeClock(start = Date.UTC(2026, 11, 1, 2, 0, 0)) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

export function teamConfig(url: string, overrides: Record<string, unknown> = {}): TeamConfig {
  const r = parseTeamPolicy({ url, ...overrides })
  if (r.kind !== "on") throw new Error(`bad test policy: ${JSON.stringify(r)}`)
  return r.config
}

export async function prepareServer(
  standIn: StandIn,
  agents: { name: string; roles: string[] }[],
): Promise<TeamConfig> {
  const config = teamConfig(standIn.url)
  await setupTeamServer(standIn.admin, { config })
  for (const a of agents) await putUser(standIn.admin, a.name, `${a.name}-pw`, a.roles)
  return config
}

export interface Profile {
  db: SidekickDB
  store: ReturnType<typeof createStore>
  audit: ReturnType<typeof createAuditStore>
  conversations: ReturnType<typeof createConversationStore>
  outbox: OutboxPort
  fetch: ReturnType<typeof cookieFetch>
  client: ReturnType<typeof createCouchClient>
  config: TeamConfig
  push(opts?: { force?: boolean; outbox?: OutboxPort }): Promise<PushReport>
  login(): Promise<void>
}

/** One browser profile of agent `workId`, logged in to `serverUrl` (the proxy or the stand-in). */
export async function openProfile(opts: {
  workId: string
  name?: string
  serverUrl: string
  config: TeamConfig
  clock: { now: () => number }
  timeoutMs?: number
  wrapFetch?: (f: FetchLike) => FetchLike
  login?: boolean
  /** The team key (issue 12): handoffs and takeovers are signed with it as they leave, as the worker does. */
  teamKey?: string
}): Promise<Profile> {
  const { db } = freshDb()
  const store = createStore(db, { now: opts.clock.now })
  await store.updateSettings({
    profile: { name: opts.name ?? opts.workId, workId: opts.workId, company: "顺丰" },
  })
  await setTeamEnabled(db, true, opts.clock.now())
  const jar = cookieFetch()
  const config = { ...opts.config, url: opts.serverUrl }
  const client = createCouchClient({
    baseUrl: opts.serverUrl,
    fetch: opts.wrapFetch ? opts.wrapFetch(jar) : jar,
    timeoutMs: opts.timeoutMs,
  })
  const outbox = createOutboxPort(db)
  const profile: Profile = {
    db,
    store,
    audit: createAuditStore(db, { now: opts.clock.now }),
    conversations: createConversationStore(db),
    outbox,
    fetch: jar,
    client,
    config,
    push: (p = {}) =>
      pushOutbox({
        config,
        client,
        outbox: p.outbox ?? outbox,
        now: opts.clock.now,
        force: p.force,
        prepare: (doc) => signTeamDoc(doc, opts.teamKey),
      }),
    login: async () => {
      await client.login(opts.workId, `${opts.workId}-pw`)
    },
  }
  if (opts.login !== false) await profile.login()
  return profile
}

/** Every non-design document of a database, read as the server admin. */
export async function serverDocs(
  standIn: StandIn,
  db: string,
): Promise<{ _id: string; type: string; agent: string; body: { id: string } }[]> {
  const r = await standIn.admin("GET", `/${db}/_all_docs?include_docs=true`)
  const rows = (
    r.body as {
      rows: { id: string; doc: { _id: string; type: string; agent: string; body: { id: string } } }[]
    }
  ).rows
  return rows.filter((row) => !row.id.startsWith("_design/")).map((row) => row.doc)
}

/** Documents stored, and how many of them repeat a (kind, agent, local id) already stored. */
export async function storedAndDuplicated(
  standIn: StandIn,
  db: string,
): Promise<{ stored: number; duplicated: number }> {
  const docs = await serverDocs(standIn, db)
  const keys = new Set(docs.map((d) => `${d.type}|${d.agent}|${d.body.id}`))
  return { stored: docs.length, duplicated: docs.length - keys.size }
}

/** Runs pushes until the outbox is empty or `max` runs are spent. */
export async function drain(profile: Profile, max = 20): Promise<PushReport[]> {
  const reports: PushReport[] = []
  for (let i = 0; i < max; i++) {
    const r = await profile.push({ force: true })
    reports.push(r)
    if (r.status === "done") break
  }
  return reports
}
