/** `npm run team:setup` against the stand-in: databases, design docs, security; idempotent; an agent account works. */
import { execFile } from "node:child_process"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createCouchClient } from "../../src/lib/team/couch"
import { DESIGN_VERSION } from "../../src/lib/team/design"
import { enableCors, type AdminRequest } from "../../src/lib/team/setup"
import { ADMIN, cookieFetch, startStandIn, type StandIn } from "./stand-in"

const run = promisify(execFile)
const root = fileURLToPath(new URL("../..", import.meta.url))

let standIn: StandIn
beforeAll(async () => {
  standIn = await startStandIn()
}, 60_000)
afterAll(() => standIn.close())

const setup = (args: string[], env: Record<string, string> = {}) =>
  run(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "team-setup.ts"), ...args], {
    env: { ...process.env, COUCHDB_USER: ADMIN.name, COUCHDB_PASSWORD: ADMIN.password, ...env },
  })

describe("npm run team:setup", { timeout: 120_000 }, () => {
  it("creates both databases with design documents and members, twice without harm, and an agent account", async () => {
    const first = await setup([standIn.url, "--prefix", "acme-", "--user", "A7:agent"], {
      COUCHDB_NEW_PASSWORD: "pw7",
    })
    expect(first.stdout).toContain("created database acme-handoffs")
    expect(first.stdout).toContain("design document installed")
    const second = await setup([standIn.url, "--prefix", "acme-"])
    expect(second.stdout).toContain("database acme-qa exists")
    expect(second.stdout).toContain("design document up to date")
    for (const db of ["acme-handoffs", "acme-qa"]) {
      const design = await standIn.admin("GET", `/${db}/_design/sidekick`)
      expect((design.body as { sidekickVersion: number }).sidekickVersion).toBe(DESIGN_VERSION)
      const security = await standIn.admin("GET", `/${db}/_security`)
      expect(security.body).toMatchObject({ members: { roles: ["agent", "qa"] } })
      // Members only: no anonymous read.
      expect((await fetch(`${standIn.url}/${db}/_all_docs`)).status).toBe(401)
    }
    const agent = createCouchClient({ baseUrl: standIn.url, fetch: cookieFetch() })
    expect(await agent.login("A7", "pw7")).toMatchObject({ name: "A7", roles: ["agent"] })
  })

  it("refuses to run without admin credentials, or with someone who is not a server admin", async () => {
    await expect(setup([standIn.url], { COUCHDB_PASSWORD: "" })).rejects.toMatchObject({ code: 2 })
    await expect(setup([standIn.url], { COUCHDB_PASSWORD: "wrong" })).rejects.toMatchObject({ code: 1 })
  })

  it("sets CORS for the extension's origin only, with credentials", async () => {
    const calls: [string, string, unknown][] = []
    const req: AdminRequest = async (m, p, b) => (calls.push([m, p, b]), { status: 200, body: "" })
    await enableCors(req, "chrome-extension://abcdefghijklmnopabcdefghijklmnop")
    expect(calls).toContainEqual([
      "PUT",
      "/_node/_local/_config/cors/origins",
      "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
    ])
    expect(calls).toContainEqual(["PUT", "/_node/_local/_config/cors/credentials", "true"])
    await expect(enableCors(req, "*")).rejects.toThrow(/extension origin/)
  })
})
