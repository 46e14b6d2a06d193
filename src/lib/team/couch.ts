/**
 * A small client for the parts of Apache CouchDB 3's HTTP API the extension uses: `_session`
 * (cookie auth), `_bulk_docs`, views. Written to the documented API, not to a stand-in's quirks.
 * `fetch` is injected: the service worker passes the browser's (the AuthSession cookie lives in the
 * browser's jar and CouchDB renews it on use), tests pass one with a cookie jar of their own.
 */

/** The fetch the client calls; `credentials: "include"` asks the browser to send the session cookie. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** What went wrong with one request, classified for retry decisions. */
export type CouchFailure =
  | "unauthorized" // 401: no or expired session
  | "forbidden" // 403 on the whole request (not a member of the database)
  | "not-found"
  | "server" // 5xx, 429
  | "network" // no answer at all
  | "timeout"
  | "bad-request"

export class CouchError extends Error {
  constructor(
    readonly failure: CouchFailure,
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${failure}${status ? ` (${status})` : ""}: ${reason}`)
    this.name = "CouchError"
  }
}

/** One entry of a `_bulk_docs` answer. */
export type BulkResult =
  { id: string; ok: true; rev: string } | { id: string; error: string; reason?: string }

export interface CouchClientOptions {
  /** Server base URL, no trailing slash. */
  baseUrl: string
  fetch: FetchLike
  /** Abort a request that has not answered in this many ms (default 30 s). */
  timeoutMs?: number
}

export interface UserCtx {
  name: string | null
  roles: string[]
}

function classify(status: number): CouchFailure {
  if (status === 401) return "unauthorized"
  if (status === 403) return "forbidden"
  if (status === 404) return "not-found"
  if (status === 429 || status >= 500) return "server"
  return "bad-request"
}

/** The client. Every method throws a `CouchError` on failure. */
export function createCouchClient(opts: CouchClientOptions) {
  const timeoutMs = opts.timeoutMs ?? 30_000

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    let res: Response
    let text: string
    try {
      res = await opts.fetch(opts.baseUrl + path, {
        method,
        credentials: "include",
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      })
      text = await res.text()
    } catch (err) {
      if (controller.signal.aborted) throw new CouchError("timeout", 0, `no answer in ${timeoutMs} ms`)
      throw new CouchError("network", 0, err instanceof Error ? err.message : String(err))
    } finally {
      clearTimeout(timer)
    }
    let json: unknown
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    if (!res.ok) {
      const info = (json && typeof json === "object" ? json : {}) as { error?: unknown; reason?: unknown }
      const reason =
        [info.error, info.reason].filter((s) => typeof s === "string").join(": ") || res.statusText
      throw new CouchError(classify(res.status), res.status, reason)
    }
    return json as T
  }

  const enc = encodeURIComponent
  const query = (params: Record<string, unknown>): string => {
    const parts = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(
        ([k, v]) =>
          `${k}=${enc(typeof v === "string" && k !== "key" && !k.endsWith("key") ? v : JSON.stringify(v))}`,
      )
    return parts.length ? `?${parts.join("&")}` : ""
  }

  return {
    request,
    /** POST /_session: starts a cookie session. The password is sent once and never kept. */
    async login(name: string, password: string): Promise<UserCtx> {
      const r = await request<{ name: string | null; roles: string[] }>("POST", "/_session", {
        name,
        password,
      })
      return { name: r.name ?? name, roles: r.roles ?? [] }
    },
    /** GET /_session: who the cookie belongs to (name null when there is none). */
    async session(): Promise<UserCtx> {
      const r = await request<{ userCtx: UserCtx }>("GET", "/_session")
      return { name: r.userCtx?.name ?? null, roles: r.userCtx?.roles ?? [] }
    },
    /** DELETE /_session. */
    async logout(): Promise<void> {
      await request("DELETE", "/_session")
    },
    /** POST /{db}/_bulk_docs: one result per document, in order. */
    bulkDocs(db: string, docs: readonly object[]): Promise<BulkResult[]> {
      return request<BulkResult[]>("POST", `/${enc(db)}/_bulk_docs`, { docs })
    },
    /** GET /{db}/_design/{ddoc}/_view/{view} with JSON-encoded key parameters. */
    view<R>(
      db: string,
      ddoc: string,
      view: string,
      params: Record<string, unknown> = {},
    ): Promise<{ rows: R[] }> {
      return request<{ rows: R[] }>(
        "GET",
        `/${enc(db)}/_design/${enc(ddoc)}/_view/${enc(view)}${query(params)}`,
      )
    },
  }
}

export type CouchClient = ReturnType<typeof createCouchClient>
