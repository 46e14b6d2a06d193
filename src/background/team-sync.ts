/**
 * Team sync in the service worker: switches the outbox on or off with the policy, drains it on an
 * alarm (retry and backoff state live in the database: the worker may stop at any time), logs in and
 * out, and answers the down path and the QA figures. Network only to the configured server, and
 * only once its host permission is granted.
 */
import type { TeamStatus } from "~lib/protocol/types"
import { getDb } from "~lib/store/db"
import { createOutboxPort, outboxSummary, requeueRejected, setTeamEnabled } from "~lib/store/outbox"
import { teamHostPattern, type TeamConfig } from "~lib/team/config"
import { CouchError, createCouchClient, type CouchClient } from "~lib/team/couch"
import { fetchTeamConversations, fetchTeamHandoffCounts, fetchTeamQa } from "~lib/team/qa-views"
import { pushOutbox, type PushReport } from "~lib/team/replicator"
import { signTeamDoc } from "~lib/team/signing"
import { fetchTeamEntries } from "~lib/team/timeline"

import { getStore } from "./store"
import { readTeamPolicy } from "./team-config"

export const TEAM_ALARM = "team-push"
const PUSH_LOCK = "cs-sidekick-team-push"
/** A waybill's team timeline is asked again after this long (on demand, when the sidebar shows it). */
const CACHE_TTL_MS = 60_000

type Ready = { config: TeamConfig; client: CouchClient }

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))

async function hasPermission(config: TeamConfig): Promise<boolean> {
  return chrome.permissions.contains({ origins: [teamHostPattern(config)] })
}

/** The configured server and a client for it, or why there is none. Never touches the network. */
async function ready(): Promise<Ready | { error: TeamStatus["state"]; problem?: string }> {
  const policy = await readTeamPolicy()
  if (policy.kind === "off") return { error: "off" }
  if (policy.kind === "invalid") return { error: "invalid", problem: policy.problem }
  if (!(await hasPermission(policy.config))) return { error: "needs-permission" }
  const client = createCouchClient({ baseUrl: policy.config.url, fetch: (url, init) => fetch(url, init) })
  return { config: policy.config, client }
}

/** Follows the policy: outbox on/off and the push alarm. Run on every worker start and policy change. */
export async function syncTeamPolicy(now = Date.now()): Promise<void> {
  const policy = await readTeamPolicy()
  const db = getDb()
  if (policy.kind !== "on") {
    await setTeamEnabled(db, false, now)
    await chrome.alarms.clear(TEAM_ALARM)
    return
  }
  await setTeamEnabled(db, true, now)
  const period = policy.config.pushEveryMinutes
  const alarm = await chrome.alarms.get(TEAM_ALARM)
  if (alarm?.periodInMinutes !== period)
    await chrome.alarms.create(TEAM_ALARM, { periodInMinutes: period, delayInMinutes: 0.5 })
}

/** One push run, never two at once (alarm and button may meet). */
export async function runTeamPush(
  force: boolean,
): Promise<PushReport | { status: "unavailable"; error: string }> {
  const r = await ready()
  if ("error" in r) return { status: "unavailable", error: r.problem ?? r.error }
  const run = async () => {
    // Handoffs are signed with the team key as they leave, like the blocks written into the ticket.
    const teamKey = (await getStore().getSettings()).teamKey || undefined
    return pushOutbox({
      config: r.config,
      client: r.client,
      outbox: createOutboxPort(getDb()),
      now: Date.now,
      force,
      prepare: (doc) => signTeamDoc(doc, teamKey),
    })
  }
  if (typeof navigator !== "undefined" && navigator.locks)
    return await navigator.locks.request(PUSH_LOCK, run)
  return run()
}

export async function onTeamAlarm(alarm: chrome.alarms.Alarm): Promise<void> {
  if (alarm.name === TEAM_ALARM) await runTeamPush(false)
}

export async function teamStatus(): Promise<TeamStatus> {
  const db = getDb()
  const summary = await outboxSummary(db)
  const push = await createOutboxPort(db).readState()
  const base: TeamStatus = {
    state: "off",
    roles: [],
    isQa: false,
    queued: summary.queued,
    rejected: summary.rejected,
    rejections: summary.rejections,
    lastSuccessAt: push.lastSuccessAt,
    lastError: push.lastError,
    nextAttemptAt: push.nextAttemptAt || undefined,
  }
  const policy = await readTeamPolicy()
  if (policy.kind === "off") return base
  if (policy.kind === "invalid") return { ...base, state: "invalid", problem: policy.problem }
  const withServer = { ...base, server: policy.config.url, hostPattern: teamHostPattern(policy.config) }
  const r = await ready()
  if ("error" in r) return { ...withServer, state: r.error }
  try {
    const who = await r.client.session()
    const state = who.name && !push.needsLogin ? "ok" : "needs-login"
    return {
      ...withServer,
      state,
      user: who.name,
      roles: who.roles,
      isQa: who.roles.includes(r.config.qaRole),
    }
  } catch (err) {
    return { ...withServer, state: push.needsLogin ? "needs-login" : "ok", lastError: errorText(err) }
  }
}

export async function teamLogin(name: string, password: string): Promise<{ ok: boolean; error?: string }> {
  const r = await ready()
  if ("error" in r) return { ok: false, error: r.problem ?? r.error }
  try {
    await r.client.login(name, password)
  } catch (err) {
    return {
      ok: false,
      error: err instanceof CouchError && err.failure === "unauthorized" ? "bad-credentials" : errorText(err),
    }
  }
  const outbox = createOutboxPort(getDb())
  await outbox.writeState({ ...(await outbox.readState()), needsLogin: false, nextAttemptAt: 0 })
  await runTeamPush(true)
  return { ok: true }
}

export async function teamLogout(): Promise<{ ok: boolean; error?: string }> {
  const r = await ready()
  if ("error" in r) return { ok: false, error: r.problem ?? r.error }
  try {
    await r.client.logout()
    return { ok: true }
  } catch (err) {
    return { ok: false, error: errorText(err) }
  }
}

export async function teamPushNow(): Promise<{ ok: boolean; error?: string; sent?: number }> {
  const report = await runTeamPush(true)
  if (report.status === "unavailable") return { ok: false, error: report.error }
  const ok = report.status === "done" || report.status === "more"
  return {
    ok,
    sent: report.sent + report.alreadyThere,
    error: ok ? undefined : (report.error ?? report.status),
  }
}

export async function teamRequeue(): Promise<{ ok: boolean; count: number }> {
  return { ok: true, count: await requeueRejected(getDb()) }
}

/** The down path: colleagues' documents for `waybill`, from the cache when fresh or offline. */
export async function teamTimeline(
  waybill: string,
  refresh: boolean,
): Promise<{ ok: boolean; error?: string; docs?: unknown[]; fetchedAt?: number; cached?: boolean }> {
  const db = getDb()
  const cached = await db.teamCache.get(waybill)
  const r = await ready()
  if ("error" in r) return { ok: false, error: r.problem ?? r.error }
  if (cached && !refresh && Date.now() - cached.fetchedAt < CACHE_TTL_MS)
    return { ok: true, docs: cached.docs, fetchedAt: cached.fetchedAt, cached: true }
  try {
    const { docs } = await fetchTeamEntries(r.client, r.config, waybill)
    const fetchedAt = Date.now()
    await db.teamCache.put({ waybill, fetchedAt, docs })
    return { ok: true, docs, fetchedAt, cached: false }
  } catch (err) {
    // Offline or logged out: the last copy, marked as such, beats an empty timeline.
    if (cached)
      return {
        ok: false,
        error: errorText(err),
        docs: cached.docs,
        fetchedAt: cached.fetchedAt,
        cached: true,
      }
    return { ok: false, error: errorText(err) }
  }
}

export async function teamQa(
  from: number,
  to: number,
): Promise<{ ok: boolean; error?: string; figures?: unknown }> {
  const r = await ready()
  if ("error" in r) return { ok: false, error: r.problem ?? r.error }
  try {
    const who = await r.client.session()
    if (!who.roles.includes(r.config.qaRole) && !who.roles.includes("_admin"))
      return { ok: false, error: "not-qa" }
    const period = { from, to }
    const [audit, conversations, handoffs] = await Promise.all([
      fetchTeamQa(r.client, r.config, period),
      fetchTeamConversations(r.client, r.config, period),
      fetchTeamHandoffCounts(r.client, r.config, period),
    ])
    // Plain JSON for the message: maps as [key, count] pairs.
    return {
      ok: true,
      figures: {
        ...audit,
        conversations: { ...conversations, sent: [...conversations.sent] },
        handoffs: [...handoffs],
      },
    }
  } catch (err) {
    return { ok: false, error: errorText(err) }
  }
}
