import { fileURLToPath } from "node:url"

import { build } from "esbuild"

/** Bundles the bridge and its test handle into one IIFE script (in memory). */
export async function buildBridgeHarness(): Promise<string> {
  const src = fileURLToPath(new URL("../../src/", import.meta.url))
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./harness-entry.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    target: "chrome120",
    write: false,
    minify: false,
    logLevel: "silent",
    plugins: [
      {
        name: "tilde-alias",
        setup(b) {
          b.onResolve({ filter: /^~/ }, async (args) =>
            b.resolve("./" + args.path.slice(1), { resolveDir: src, kind: args.kind }),
          )
        },
      },
    ],
  })
  return result.outputFiles[0].text
}
