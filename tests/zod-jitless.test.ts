/**
 * zod 4 probes `new Function("")` when its first object schema is built; our CSP refuses it and
 * reports a violation on every page load. src/lib/zod-jitless.ts turns the probe off, but only if it
 * runs before zod loads: every module that imports zod (as a value) imports it first.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

const SRC = fileURLToPath(new URL("../src", import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [full] : []
  })
}

describe("zod never probes eval in our pages", () => {
  it("every value import of zod comes after the jitless setup", () => {
    const late: string[] = []
    for (const file of sources(SRC)) {
      const text = readFileSync(file, "utf8")
      const zod = text.search(/^import (?!type )[^\n]*from "zod(\/[a-z]+)?"/m)
      if (zod < 0) continue
      const setup = text.search(/^import "(\.\.?\/)+zod-jitless"|^import "~lib\/zod-jitless"/m)
      if (setup < 0 || setup > zod) late.push(file.slice(SRC.length))
    }
    expect(late).toEqual([])
  })

  it("the setup turns zod's JIT off before zod loads", async () => {
    await import("~lib/zod-jitless")
    const z = await import("zod")
    expect(z.config().jitless).toBe(true)
  })
})
