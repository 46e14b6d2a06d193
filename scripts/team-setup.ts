/**
 * `npm run team:setup -- <server-url> [options]`: prepares an Apache CouchDB 3 server for CS Sidekick's
 * team sync — both databases, the design documents (write rules and QA views) and the security
 * objects; optionally CORS for the extension and agent accounts. Idempotent: run it again after an
 * upgrade to install changed views.
 *
 * The server admin's credentials come from the environment (COUCHDB_USER, COUCHDB_PASSWORD), never
 * from the command line (shell history, process list).
 *
 * Options:
 *   --prefix cs-sidekick-      database name prefix (<prefix>handoffs, <prefix>qa), as in the policy
 *   --qa-role qa               CouchDB role of QA staff (as in the policy's qaRole)
 *   --agent-role agent         CouchDB role every agent account holds
 *   --utc-offset 480           minutes east of UTC the QA views count days in (as in the policy)
 *   --cors-origin chrome-extension://<id>   also enable CORS for the extension's origin
 *   --user NAME:ROLE           create/update an account; its password is read from COUCHDB_NEW_PASSWORD
 */
import { parseTeamPolicy } from "../src/lib/team/config"
import { enableCors, putUser, setupTeamServer, type AdminRequest } from "../src/lib/team/setup"

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const url = process.argv.slice(2).find((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"))
  const admin = process.env.COUCHDB_USER
  const password = process.env.COUCHDB_PASSWORD
  if (!url || !admin || !password) {
    console.error(
      "usage: COUCHDB_USER=admin COUCHDB_PASSWORD=… npm run team:setup -- https://couch.example.com:6984 [options]",
    )
    process.exit(2)
  }
  const policy = parseTeamPolicy({
    url,
    ...(arg("prefix") ? { dbPrefix: arg("prefix") } : {}),
    ...(arg("qa-role") ? { qaRole: arg("qa-role") } : {}),
    ...(arg("utc-offset") ? { utcOffsetMinutes: Number(arg("utc-offset")) } : {}),
  })
  if (policy.kind !== "on") throw new Error(policy.kind === "invalid" ? policy.problem : "no server")
  const config = policy.config
  const auth = `Basic ${Buffer.from(`${admin}:${password}`).toString("base64")}`
  const req: AdminRequest = async (method, path, body) => {
    const res = await fetch(config.url + path, {
      method,
      headers: { authorization: auth, accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed }
  }
  const who = await req("GET", "/_session")
  const roles = (who.body as { userCtx?: { roles?: string[] } } | null)?.userCtx?.roles ?? []
  if (who.status !== 200 || !roles.includes("_admin"))
    throw new Error(`${admin} is not a server admin of ${config.url}`)
  const agentRole = arg("agent-role") ?? "agent"
  for (const line of await setupTeamServer(req, { config, agentRole })) console.log(line)
  const cors = arg("cors-origin")
  if (cors) for (const line of await enableCors(req, cors)) console.log(line)
  const user = arg("user")
  if (user) {
    const [name, role] = user.split(":")
    const pw = process.env.COUCHDB_NEW_PASSWORD
    if (!name || !role || !pw)
      throw new Error("--user NAME:ROLE needs COUCHDB_NEW_PASSWORD in the environment")
    await putUser(req, name, pw, [role])
    console.log(`user ${name} (${role}) ready`)
  }
  console.log(`team server ready: ${config.url} (${config.handoffsDb}, ${config.qaDb})`)
}

main().catch((err: unknown) => {
  console.error(`team:setup failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
