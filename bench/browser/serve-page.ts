/**
 * One big bench page served on localhost, for the diagnostic tools (`trace-load.ts`, `trace-tasks.ts`):
 * the 10,000-row list, or the same with 200 handoff blocks in its history.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { startFixtureServer } from "../../e2e/server"
import { listPage, listWithHandoffsPage } from "./pages"

export async function serveBenchPage(name: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "cs-trace-"))
  const file = join(dir, `${name}.html`)
  writeFileSync(file, name === "list-10000-handoffs" ? listWithHandoffsPage(10_000, 200) : listPage(10_000))
  const server = await startFixtureServer({
    route: (p) =>
      p === `/bench/${name}.html` ? { file, headers: { "Content-Type": "text/html; charset=utf-8" } } : null,
  })
  return {
    url: server.url(`/bench/${name}.html`),
    close: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
