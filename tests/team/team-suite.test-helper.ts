/**
 * The setup the team-server tests share: the stand-in CouchDB on 127.0.0.1 behind a fault proxy, the
 * team's databases with agents A1, B2, C3 and QA lead Q9, the proxy back to "pass" after each test,
 * and the fault table (one row per scenario) printed after the file. Kept apart from harness.ts, which
 * the e2e spec and the benchmark use outside vitest's hooks.
 */
import { afterAll, afterEach, beforeAll } from "vitest"

import type { TeamConfig } from "../../src/lib/team/config"

import { openProfile, prepareServer, type Profile } from "./harness"
import { startFaultProxy, startStandIn, type FaultProxy, type StandIn } from "./stand-in"

export interface TeamServerSuite {
  readonly standIn: StandIn
  readonly proxy: FaultProxy
  readonly config: Awaited<ReturnType<typeof prepareServer>>
  /** One agent's browser profile, logged in through the fault proxy (with the team's `config` unless given). */
  profile(
    opts: Omit<Parameters<typeof openProfile>[0], "serverUrl" | "config"> & { config?: TeamConfig },
  ): Promise<Profile>
  /** Adds a row to the fault table: `scenario | sent | stored | duplicated`. */
  row(scenario: string, sent: number, counts: { stored: number; duplicated: number }): void
}

/** Registers the hooks; `sentWhat` names the table's "sent" column (events, documents). */
export function teamServerSuite(sentWhat: string): TeamServerSuite {
  const table: string[] = []
  let standIn: StandIn | undefined
  let proxy: FaultProxy | undefined
  let config: Awaited<ReturnType<typeof prepareServer>> | undefined

  beforeAll(async () => {
    standIn = await startStandIn()
    proxy = await startFaultProxy(standIn.url)
    config = await prepareServer(standIn, [
      { name: "A1", roles: ["agent"] },
      { name: "B2", roles: ["agent"] },
      { name: "C3", roles: ["agent"] },
      { name: "Q9", roles: ["qa"] },
    ])
  }, 60_000)
  afterEach(() => {
    if (proxy) proxy.mode = { kind: "pass" }
  })
  afterAll(async () => {
    console.log([`scenario | ${sentWhat} sent | stored | duplicated`, ...table].join("\n"))
    await proxy?.close()
    await standIn?.close()
  })

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("teamServerSuite: the stand-in is not started yet")
    return value
  }
  return {
    get standIn() {
      return started(standIn)
    },
    get proxy() {
      return started(proxy)
    },
    get config() {
      return started(config)
    },
    profile(opts) {
      return openProfile({ ...opts, serverUrl: started(proxy).url, config: opts.config ?? started(config) })
    },
    row(scenario, sent, counts) {
      table.push(`${scenario} | ${sent} | ${counts.stored} | ${counts.duplicated}`)
    },
  }
}
