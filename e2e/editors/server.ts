import { createReadStream } from "node:fs"
import { createServer, type Server } from "node:http"
import { type AddressInfo } from "node:net"

import { fixtureRoute, vendorRoute } from "./vendor-routes"

/**
 * A tiny static server for the editor specs until the shared e2e server serves `/vendor/…` too:
 * fixtures, vendor files, and extra in-memory files (the bridge bundle).
 */
export async function startEditorServer(
  extra: Record<string, string> = {},
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/"
    const body = extra[url.split("?")[0]]
    if (body !== undefined) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" })
      res.end(body)
      return
    }
    const route = vendorRoute(url) ?? fixtureRoute(url)
    if (!route) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, route.headers)
    createReadStream(route.file).pipe(res)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
