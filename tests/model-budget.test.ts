/**
 * Issue 15's budgets for the case-type model that a unit test can hold: the model data is at most
 * 150 KB gzipped, and nothing the content script imports reaches the model, its features or the
 * ml module (they run in the sidebar only). The built bundles are measured by `npm run bench -- classify`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

import { describe, expect, it } from "vitest"

const ROOT = fileURLToPath(new URL("..", import.meta.url))
const SRC = join(ROOT, "src")

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? files(full) : [full]
  })
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("~")
    ? join(SRC, spec.slice(1))
    : spec.startsWith(".")
      ? resolve(dirname(from), spec)
      : null
  if (!base) return null // a package
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return null
}

/** Every source file reachable from `entry` through static and dynamic imports (type-only ones skipped). */
function importGraph(entries: string[]): Set<string> {
  const seen = new Set<string>()
  const queue = [...entries]
  while (queue.length) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(file, "utf8")
    const specs = [
      ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm),
      ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1])
    for (const spec of specs) {
      const target = resolveImport(file, spec)
      if (target) queue.push(target)
    }
  }
  return seen
}

describe("case model budgets", () => {
  it("the shipped model is at most 150 KB gzipped", () => {
    const data = readFileSync(join(SRC, "lib", "cases", "case-model.data.ts"))
    const kb = gzipSync(data, { level: 9 }).length / 1024
    expect(kb).toBeLessThanOrEqual(150)
    expect(kb).toBeGreaterThan(5) // a real model, not a placeholder
  })

  it("nothing the content scripts import reaches the model, its features or src/lib/ml", () => {
    const entries = files(join(SRC, "contents")).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\./.test(f))
    expect(entries.length).toBeGreaterThan(0)
    const graph = [...importGraph(entries)].map((f) => f.slice(SRC.length + 1))
    const forbidden = graph.filter((f) =>
      /^lib\/(ml\/|customer\/|cases\/(classify|case-model\.data|case-features|lexicon|corpus|train-case-model))/.test(
        f,
      ),
    )
    expect(forbidden).toEqual([])
    // The walk does follow imports (it reaches the content script's own helpers).
    expect(graph).toContain("contents/sidekick/case-text.ts")
  })

  it("the sidebar does import the classifier (the walk would see it)", () => {
    const graph = [...importGraph([join(SRC, "ui", "sidebar", "sidebar-app.tsx")])].map((f) =>
      f.slice(SRC.length + 1),
    )
    expect(graph).toContain("lib/cases/case-model.data.ts")
    expect(graph).toContain("lib/customer/assess.ts")
  })
})
