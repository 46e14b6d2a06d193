/**
 * Builds the extension for the real-browser tests into build/chrome-mv3-e2e: the same code as the
 * production build, plus (1) the local fixture hosts granted as host permissions in the manifest,
 * (2) those hosts enabled at install (PLASMO_PUBLIC_E2E_SITES, read by the service worker's
 * onInstalled) and (3) a test-only team-server setting in chrome.storage.local (PLASMO_PUBLIC_E2E_TEAM,
 * see src/background/team-config.ts). The production build never sees any of them.
 */
import { execFileSync } from "node:child_process"
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
// `--tag=NAME` builds into build/chrome-mv3-NAME instead (a private copy while others test).
const tag = process.argv.find((a) => a.startsWith("--tag="))?.slice(6) || "e2e"
if (!/^[a-z0-9-]+$/.test(tag)) throw new Error(`bad --tag ${tag}`)
const outDir = join(root, "build", `chrome-mv3-${tag}`)
// Built under a private name, then moved into place: a browser already using outDir (or a second
// build running at the same time) never sees a half-written extension.
const stagingTag = `${tag}-staging-${process.pid}`
const stagingDir = join(root, "build", `chrome-mv3-${stagingTag}`)
// Port-less origins: enabled on every port of these hosts (the fixture server picks a free port).
const sites = ["http://127.0.0.1", "http://localhost"]
// `--no-seed`: the hosts are granted but not enabled at install (the admin-policy tests enable them).
const seed = !process.argv.includes("--no-seed")
// `--no-minify`: readable function names in profiles (bench/trace-load.ts).
const minify = process.argv.includes("--no-minify") ? ["--no-minify"] : []

execFileSync(
  join(root, "node_modules", ".bin", "plasmo"),
  // --hoist as in package.json's build: scope hoisting (one scope, no module registry per bundle).
  ["build", "--target=chrome-mv3", "--hoist", `--tag=${stagingTag}`, ...minify],
  {
    cwd: root,
    stdio: "inherit",
    // PLASMO_PUBLIC_E2E_TEAM: the worker also reads a team server from chrome.storage.local
    // (`e2eTeamServer`), which only the team spec sets; every other spec runs with none.
    env: {
      ...process.env,
      PLASMO_PUBLIC_E2E_SITES: seed ? sites.join(",") : "",
      PLASMO_PUBLIC_E2E_TEAM: "1",
    },
  },
)

const manifestPath = join(stagingDir, "manifest.json")
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { host_permissions?: string[] }
const patterns = sites.map((s) => `${s}/*`)
manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...patterns])]
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))

const built = readFileSync(join(stagingDir, "static", "background", "index.js"), "utf8")
if (seed && !built.includes("127.0.0.1")) throw new Error("e2e build: the service worker lacks the e2e sites")
rmSync(outDir, { recursive: true, force: true })
renameSync(stagingDir, outDir)
console.log(`e2e build ready: ${outDir} (sites enabled at install: ${seed ? sites.join(", ") : "none"})`)
