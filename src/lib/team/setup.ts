/**
 * What `npm run team:setup` does on a CouchDB server, as a function over an admin-authenticated
 * request (so the tests run the very same steps against their stand-in): create both databases,
 * install or update the design documents, and write the `_security` objects. Idempotent.
 */
import type { TeamConfig } from "./config"
import { canonicalJson } from "./docs"
import { DESIGN_ID, handoffsDesign, qaDesign, securityObject, type DesignDoc } from "./design"

/** An HTTP call as the server admin: resolves with status and parsed JSON body. */
export type AdminRequest = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>

export interface SetupOptions {
  config: Pick<TeamConfig, "handoffsDb" | "qaDb" | "qaRole" | "utcOffsetMinutes">
  /** The role every agent account holds (default "agent"). */
  agentRole?: string
}

/** A line per step, for the script's output. */
export type SetupLog = string[]

async function ensureDb(req: AdminRequest, db: string, log: SetupLog): Promise<void> {
  const r = await req("PUT", `/${encodeURIComponent(db)}`)
  if (r.status === 201 || r.status === 202) log.push(`created database ${db}`)
  else if (r.status === 412) log.push(`database ${db} exists`)
  else throw new Error(`PUT /${db}: ${r.status} ${JSON.stringify(r.body)}`)
}

async function ensureDesign(req: AdminRequest, db: string, design: DesignDoc, log: SetupLog): Promise<void> {
  const path = `/${encodeURIComponent(db)}/${DESIGN_ID}`
  const current = await req("GET", path)
  const body = current.body as (DesignDoc & { _rev: string }) | null
  const { _rev, ...existing } = current.status === 200 && body ? body : ({} as Partial<DesignDoc>)
  if (current.status === 200 && canonicalJson(existing) === canonicalJson(design)) {
    log.push(`${db}: design document up to date`)
    return
  }
  const r = await req("PUT", path, _rev ? { ...design, _rev } : design)
  if (r.status !== 201 && r.status !== 202)
    throw new Error(`PUT ${path}: ${r.status} ${JSON.stringify(r.body)}`)
  log.push(`${db}: design document ${_rev ? "updated" : "installed"}`)
}

/** Runs every step; throws with the server's answer on the first failure. */
export async function setupTeamServer(req: AdminRequest, opts: SetupOptions): Promise<SetupLog> {
  const log: SetupLog = []
  const { handoffsDb, qaDb, qaRole, utcOffsetMinutes } = opts.config
  const security = securityObject({ agentRole: opts.agentRole ?? "agent", qaRole })
  await ensureDb(req, handoffsDb, log)
  await ensureDb(req, qaDb, log)
  await ensureDesign(req, handoffsDb, handoffsDesign(utcOffsetMinutes), log)
  await ensureDesign(req, qaDb, qaDesign(utcOffsetMinutes), log)
  for (const db of [handoffsDb, qaDb]) {
    const r = await req("PUT", `/${encodeURIComponent(db)}/_security`, security)
    if (r.status !== 200) throw new Error(`PUT /${db}/_security: ${r.status} ${JSON.stringify(r.body)}`)
    log.push(`${db}: members = roles ${security.members.roles.join(", ")}`)
  }
  return log
}

/** Creates (or updates the password and roles of) a CouchDB user in `_users`. */
export async function putUser(
  req: AdminRequest,
  name: string,
  password: string,
  roles: string[],
): Promise<void> {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`
  const current = await req("GET", path)
  const rev = current.status === 200 ? (current.body as { _rev: string })._rev : undefined
  const r = await req("PUT", path, {
    _id: `org.couchdb.user:${name}`,
    name,
    password,
    roles,
    type: "user",
    ...(rev ? { _rev: rev } : {}),
  })
  if (r.status !== 201 && r.status !== 202)
    throw new Error(`PUT ${path}: ${r.status} ${JSON.stringify(r.body)}`)
}

/**
 * Lets the extension's origin call the server from its pages (CouchDB 3 `[chttpd] enable_cors` and
 * the `[cors]` section, on the node the request reaches; repeat per node of a cluster, or put it in
 * local.ini). With the host permission granted the extension does not need it; it is for browsers
 * where the admin grants no permission and for the options page's login.
 */
export async function enableCors(req: AdminRequest, origin: string, node = "_local"): Promise<SetupLog> {
  if (!/^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i.test(origin))
    throw new Error(`not an extension origin: ${origin}`)
  const settings: [string, string, string][] = [
    ["chttpd", "enable_cors", "true"],
    ["cors", "origins", origin],
    ["cors", "credentials", "true"],
    ["cors", "methods", "GET, PUT, POST, HEAD, DELETE"],
    ["cors", "headers", "accept, authorization, content-type, origin, referer"],
  ]
  const log: SetupLog = []
  for (const [section, key, value] of settings) {
    const path = `/_node/${encodeURIComponent(node)}/_config/${section}/${key}`
    const r = await req("PUT", path, value)
    if (r.status !== 200) throw new Error(`PUT ${path}: ${r.status} ${JSON.stringify(r.body)}`)
    log.push(`${section}/${key} = ${value}`)
  }
  return log
}
