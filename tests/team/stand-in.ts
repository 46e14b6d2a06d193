/**
 * The CouchDB-protocol stand-in the team tests run against: express-pouchdb (PouchDB's CouchDB-style
 * REST API) over in-memory PouchDB, listening on 127.0.0.1 on a free port, with a server admin.
 * Apache CouchDB itself is not installable here. Differences met so far (the code is written to
 * CouchDB 3's documented behaviour and tolerates them):
 * - a create over an existing id runs validate_doc_update first (our `immutable:` refusal), where
 *   CouchDB 3 answers `conflict` without validating;
 * - grouped view queries re-reduce the index rows at query time (CouchDB keeps reductions in its
 *   b-tree), and view indexes build at a few hundred documents per second.
 * Also: a fault proxy in front of it (down, slow, 401, partial `_bulk_docs`), and a fetch with a
 * cookie jar (Node has no browser jar).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { createRequire } from "node:module"

import type { FetchLike } from "../../src/lib/team/couch"
import type { AdminRequest } from "../../src/lib/team/setup"

const require = createRequire(import.meta.url)
// Captured at load: a test may replace the global fetch with a cookie-jar one built on this.
const realFetch = globalThis.fetch

export const ADMIN = { name: "admin", password: "admin-pw" }

export interface StandIn {
  url: string
  admin: AdminRequest
  close(): Promise<void>
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  )
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy()
  return new Promise((resolve) => server.close(() => resolve()))
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on("connection", (s: Socket) => {
    sockets.add(s)
    s.on("close", () => sockets.delete(s))
  })
  return sockets
}

/** Starts a fresh, empty stand-in with a server admin. */
export async function startStandIn(): Promise<StandIn> {
  const PouchDB = require("pouchdb-core")
    .plugin(require("pouchdb-adapter-memory"))
    .plugin(require("pouchdb-mapreduce"))
    .plugin(require("pouchdb-replication"))
    .plugin(require("pouchdb-adapter-http")) as { defaults(o: object): unknown }
  const express = require("express") as () => { use(path: string, h: unknown): void } & ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)
  const expressPouchDB = require("express-pouchdb") as (P: unknown, o: object) => unknown
  // Each stand-in gets its own name prefix: in-memory databases of one process share a namespace.
  const prefix = `standin-${process.pid}-${Math.random().toString(36).slice(2)}-`
  const MemPouch = PouchDB.defaults({ adapter: "memory", prefix })
  const app = express()
  app.use(
    "/",
    expressPouchDB(MemPouch, { inMemoryConfig: true, mode: "fullCouchDB", logPath: `/tmp/${prefix}log.txt` }),
  )
  const server = createServer(app)
  const sockets = track(server)
  const port = await listen(server)
  const url = `http://127.0.0.1:${port}`
  const basic = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString("base64")}`
  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const res = await realFetch(url + path, {
      method,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(auth ? { authorization: basic } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
  }
  const created = await call("PUT", `/_config/admins/${ADMIN.name}`, ADMIN.password, false)
  if (created.status !== 200) throw new Error(`stand-in admin: ${created.status}`)
  return { url, admin: (m, p, b) => call(m, p, b), close: () => closeServer(server, sockets) }
}

/** The server admin's requests to a stand-in at `url` started elsewhere (another process). */
export function adminRequestFor(url: string): AdminRequest {
  const basic = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString("base64")}`
  return async (method, path, body) => {
    const res = await realFetch(url + path, {
      method,
      headers: { "content-type": "application/json", accept: "application/json", authorization: basic },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
  }
}

/** A fetch that keeps CouchDB's AuthSession cookie, like one browser profile's cookie jar. */
export function cookieFetch(): FetchLike & { clear(): void; cookie(): string | undefined } {
  let cookie: string | undefined
  const f = (async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set("cookie", cookie)
    const res = await realFetch(url, { ...init, headers })
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]
      if (pair.startsWith("AuthSession=")) cookie = pair === "AuthSession=" ? undefined : pair
    }
    return res
  }) as FetchLike & { clear(): void; cookie(): string | undefined }
  f.clear = () => {
    cookie = undefined
  }
  f.cookie = () => cookie
  return f
}

/** What the fault proxy does to the next requests. */
export type FaultMode =
  | { kind: "pass" }
  | { kind: "down" } // connection refused-like: the socket is destroyed at once
  | { kind: "slow"; ms: number } // forwards after a delay (the server does the work, late)
  | { kind: "unauthorized" } // 401 for every request, as an expired session
  | { kind: "partial"; failEvery: number } // forwards _bulk_docs with only some docs; the rest get an error

/** A proxy you control in front of the stand-in, counting what reaches the server. */
export interface FaultProxy {
  url: string
  mode: FaultMode
  /** _bulk_docs requests that reached the server, and the documents in them. */
  forwarded: { bulkRequests: number; docs: number }
  refused: number
  close(): Promise<void>
}

function withoutLength(headers: IncomingMessage["headers"]): IncomingMessage["headers"] {
  const copy = { ...headers }
  delete copy["content-length"]
  delete copy["accept-encoding"] // the proxy reads the answer: plain JSON, not gzip
  return copy
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target)
  const proxy: FaultProxy = {
    url: "",
    mode: { kind: "pass" },
    forwarded: { bulkRequests: 0, docs: 0 },
    refused: 0,
    close: async () => undefined,
  }
  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    rewrite?: (b: Buffer) => Buffer,
  ) => {
    const out = rewrite ? rewrite(body) : body
    const headers = { ...req.headers, host: targetUrl.host, "content-length": String(out.length) }
    const up = httpRequest(
      { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        upRes.pipe(res)
      },
    )
    up.on("error", () => res.destroy())
    up.end(out)
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      const mode = proxy.mode
      const isBulk = (req.url ?? "").endsWith("/_bulk_docs")
      if (mode.kind === "down") {
        proxy.refused++
        req.socket.destroy()
        return
      }
      if (mode.kind === "unauthorized") {
        proxy.refused++
        res.writeHead(401, { "content-type": "application/json" })
        res.end(JSON.stringify({ error: "unauthorized", reason: "Session expired" }))
        return
      }
      if (isBulk) {
        proxy.forwarded.bulkRequests++
        const docs = (JSON.parse(body.toString("utf8")) as { docs: { _id: string }[] }).docs
        if (mode.kind === "partial") {
          // The server gets every failEvery-th document withheld; those answer with a per-document error.
          const kept = docs.filter((_, i) => (i + 1) % mode.failEvery !== 0)
          const dropped = docs.filter((_, i) => (i + 1) % mode.failEvery === 0)
          proxy.forwarded.docs += kept.length
          const upstream = httpRequest(
            {
              host: targetUrl.hostname,
              port: targetUrl.port,
              method: "POST",
              path: req.url,
              headers: { ...withoutLength(req.headers), host: targetUrl.host },
            },
            (upRes) => {
              const parts: Buffer[] = []
              upRes.on("data", (c: Buffer) => parts.push(c))
              upRes.on("end", () => {
                const results = JSON.parse(Buffer.concat(parts).toString("utf8")) as unknown[]
                const failed = dropped.map((d) => ({
                  id: d._id,
                  error: "internal_server_error",
                  reason: "shard timeout",
                }))
                res.writeHead(upRes.statusCode ?? 502, { "content-type": "application/json" })
                res.end(JSON.stringify([...results, ...failed]))
              })
            },
          )
          upstream.end(JSON.stringify({ docs: kept }))
          return
        }
        proxy.forwarded.docs += docs.length
      }
      if (mode.kind === "slow") setTimeout(() => forward(req, res, body), mode.ms)
      else forward(req, res, body)
    })
  })
  const sockets = track(server)
  const port = await listen(server)
  proxy.url = `http://127.0.0.1:${port}`
  proxy.close = () => closeServer(server, sockets)
  return proxy
}
