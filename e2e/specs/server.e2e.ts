import { request } from "node:http"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { type FixtureServer, resolveFixturePath, startFixtureServer } from "../server"

/** A raw GET that keeps the path exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (c: string) => (body += c))
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
      )
    })
    req.on("error", reject)
    req.end()
  })
}

describe("fixture server", () => {
  let server: FixtureServer
  beforeAll(async () => {
    server = await startFixtureServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it("listens on 127.0.0.1 and serves UTF-8 HTML with the right type", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await rawGet(server.origin, "/legacy-ticket.html")
    expect(res.status).toBe(200)
    expect(res.type).toBe("text/html; charset=utf-8")
    expect(res.body).toContain("工单 GD20241105-0193")
  })

  it("serves scripts and styles with their types", async () => {
    expect((await rawGet(server.origin, "/spa/app.js")).type).toBe("text/javascript; charset=utf-8")
    expect((await rawGet(server.origin, "/spa/app.css")).type).toBe("text/css; charset=utf-8")
  })

  it("falls back to the SPA shell for client-side routes, and 404s elsewhere", async () => {
    const route = await rawGet(server.origin, "/spa/ticket/101")
    expect(route.status).toBe(200)
    expect(route.body).toContain('<script src="/spa/app.js">')
    expect((await rawGet(server.origin, "/nope.html")).status).toBe(404)
  })

  it("serves index.html for a directory", async () => {
    const res = await rawGet(server.origin, "/")
    expect(res.body).toContain("通达速运 · 客服工作台")
  })

  it("refuses to leave the fixtures directory", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/spa/..%2f..%2fpackage.json",
      "/..%5cpackage.json",
    ]) {
      const res = await rawGet(server.origin, path)
      expect(res.status, path).not.toBe(200)
      expect(res.body, path).not.toContain('"name": "cs-sidekick"')
    }
    expect(resolveFixturePath("/../../etc/passwd")).toBeNull()
    expect(resolveFixturePath("/%E0%A4%A")).toBeNull()
  })

  it("serves extra routes first when asked to (vendor files, CSP pages)", async () => {
    const extra = await startFixtureServer({
      route: (path) =>
        path.startsWith("/vendor/")
          ? {
              file: resolveFixturePath("/spa/app.css")!,
              headers: { "content-type": "text/css", "x-extra": "1" },
            }
          : null,
    })
    try {
      const vendor = await rawGet(extra.origin, "/vendor/anything.css")
      expect(vendor.status).toBe(200)
      expect(vendor.body).toContain(".topbar")
      expect((await rawGet(extra.origin, "/legacy-ticket.html")).body).toContain("工单 GD20241105-0193")
    } finally {
      await extra.close()
    }
  })
})
