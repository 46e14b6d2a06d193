/**
 * A tiny static server for the fixture CRM pages, bound to 127.0.0.1 on a free port.
 * `/spa/*` paths that are not files fall back to `spa/index.html` (client-side routing).
 */
import { createReadStream } from "node:fs"
import { stat } from "node:fs/promises"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { type AddressInfo } from "node:net"
import { extname, join, normalize, sep } from "node:path"
import { fileURLToPath } from "node:url"

import { vendorRoute } from "./editors/vendor-routes"
import type { TicketDesk } from "./ticket-desk"

export const FIXTURES_DIR = fileURLToPath(new URL("./fixtures/", import.meta.url))

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
}

/** An extra route: a file to send and its headers (e.g. `/vendor/…` from node_modules, a CSP page). */
export interface ExtraRoute {
  file: string
  headers: Record<string, string>
}

export interface FixtureServerOptions {
  /**
   * Consulted first with the raw request path (query included); null falls through to the editor
   * vendor routes (`/vendor/<pkg>/…`, the CSP page), then to the fixtures.
   */
  route?: (urlPath: string) => ExtraRoute | null
  /** A helpdesk with stored comments under `/desk/…` (form POSTs, server-rendered history). */
  desk?: TicketDesk
}

export interface FixtureServer {
  origin: string
  url(path: string): string
  close(): Promise<void>
}

/** Maps a URL path to a file under the fixtures directory, or null when it would escape it. */
export function resolveFixturePath(urlPath: string, root = FIXTURES_DIR): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes("\0")) return null
  const full = normalize(join(root, decoded))
  const base = root.endsWith(sep) ? root : root + sep
  if (full !== root.replace(/[\\/]$/, "") && !full.startsWith(base)) return null
  return full
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: FixtureServerOptions,
): Promise<void> {
  if (options.desk && (await options.desk.handle(req, res))) return
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end()
    return
  }
  const extra = options.route?.(req.url ?? "/") ?? vendorRoute(req.url ?? "/")
  if (extra) {
    res.writeHead(200, { "Cache-Control": "no-store", ...extra.headers })
    if (req.method === "HEAD") res.end()
    else createReadStream(extra.file).pipe(res)
    return
  }
  const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1")
  let file = resolveFixturePath(pathname.endsWith("/") ? `${pathname}index.html` : pathname)
  if (file === null) {
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("forbidden")
    return
  }
  if (!(await isFile(file))) {
    if (pathname === "/spa" || pathname.startsWith("/spa/")) file = join(FIXTURES_DIR, "spa", "index.html")
    else {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found")
      return
    }
  }
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Cache-Control": "no-store",
  })
  if (req.method === "HEAD") {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(err))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    url: (path: string) => new URL(path.replace(/^\/*/, "/"), origin).toString(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
