/**
 * The built manifests and bundles, on fresh builds: the production build (made here) asks for the
 * audited permissions only (see tests/manifest-permissions.test.ts), keeps a strict CSP, loads no
 * remote code and contains no eval; the e2e build differs only by the fixture hosts. Then, in the
 * browser, no extension page or the worker trips the CSP while it works (a caught `new Function`
 * probe would still show as a violation in the console).
 */
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

import type { Frame, Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"

import { DEFAULT_BUILD_DIR, openOptions, openPopupFor, REPO_DIR, sidebarFrame, sidebarText } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const PROD_TAG = "permaudit"
const PROD_DIR = join(REPO_DIR, "build", `chrome-mv3-${PROD_TAG}`)

interface Manifest {
  permissions?: string[]
  host_permissions?: string[]
  optional_host_permissions?: string[]
  content_scripts?: unknown[]
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]
  content_security_policy?: { extension_pages?: string }
  background?: { service_worker?: string; type?: string }
  externally_connectable?: unknown
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...files(full, ext))
    else if (ext.test(name)) out.push(full)
  }
  return out
}

/**
 * zod's guarded JIT: a `new Function("")` probe in try/catch and the compiler behind it. Dead code
 * here: src/lib/zod-jitless.ts turns the JIT off before zod loads (the run-time test below proves no
 * page trips the CSP). Anything else that evaluates strings fails the scan.
 */
const ALLOWED = [
  /try\{let (\w+)=Function;return new \1\(""\),!0\}catch\(\w+\)\{return!1\}/g, // allowsEval probe
  /compile\(\)\{let \w+=Function,/g, // Doc.compile
  /[\w$]+=Function,[\w$]+=`return \(input\) => \{/g, // the object fast path
]

/** Dynamic code in a bundle: eval, the Function constructor (also aliased), string timers. */
const DYNAMIC_CODE = [
  /(^|[^.\w$])eval\s*\(/,
  /new\s+Function\s*\(/,
  /(^|[^.\w$])Function\s*\(\s*["'`]/,
  /set(Timeout|Interval)\s*\(\s*["'`]/,
  /=\s*Function\s*[,;)]/, // `let t=Function; new t(…)`: zod's JIT probe looks like this
  /importScripts\s*\(/,
]

describe("built manifests and bundles", () => {
  let prod: Manifest
  let e2e: Manifest
  beforeAll(() => {
    execFileSync(
      join(REPO_DIR, "node_modules", ".bin", "plasmo"),
      ["build", "--target=chrome-mv3", `--tag=${PROD_TAG}`],
      {
        cwd: REPO_DIR,
        stdio: "ignore",
        env: { ...process.env, PLASMO_PUBLIC_E2E_SITES: "" },
      },
    )
    prod = readManifest(PROD_DIR)
    e2e = readManifest(DEFAULT_BUILD_DIR)
  }, 300_000)

  it("production: the audited permissions, no hosts at install, no static content scripts", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_DIR, "package.json"), "utf8")) as { manifest: Manifest }
    expect([...(prod.permissions ?? [])].sort()).toEqual([...(pkg.manifest.permissions ?? [])].sort())
    expect(prod.host_permissions ?? []).toEqual([])
    expect(prod.content_scripts ?? []).toEqual([])
    expect(prod.externally_connectable).toBeUndefined()
    expect(prod.optional_host_permissions).toEqual(["http://*/*", "https://*/*"])
    expect(prod.web_accessible_resources).toEqual([
      { resources: ["tabs/sidebar.html"], matches: ["http://*/*", "https://*/*"], use_dynamic_url: true },
    ])
  })

  it("production and e2e: CSP self only, no unsafe-eval, no remote sources", () => {
    for (const m of [prod, e2e]) {
      const csp = m.content_security_policy?.extension_pages ?? ""
      expect(csp).toMatch(/script-src 'self'(;|$)/)
      expect(csp).toMatch(/object-src 'self'(;|$)/)
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/)
    }
  })

  it("the e2e build differs from production only by the fixture hosts", () => {
    // Icons and the managed schema carry content hashes that differ per build: compare everything else.
    type Extra = { icons?: unknown; action?: unknown; storage?: { managed_schema?: string } }
    for (const m of [prod, e2e] as (Manifest & Extra)[]) {
      expect(m.storage?.managed_schema).toMatch(/^managed-schema\.[0-9a-f]+\.json$/)
    }
    const strip = ({ icons: _i, action: _a, storage: _s, ...m }: Manifest & Extra) => m
    const { host_permissions: hosts, ...rest } = strip(e2e)
    const { host_permissions: none, ...prodRest } = strip(prod)
    expect(none ?? []).toEqual([])
    expect(hosts).toEqual(["http://127.0.0.1/*", "http://localhost/*"])
    expect(rest).toEqual(prodRest)
  })

  it("no bundle evaluates strings as code; every page loads only its own scripts", () => {
    for (const dir of [PROD_DIR, DEFAULT_BUILD_DIR]) {
      const js = files(dir, /\.js$/)
      expect(js.length).toBeGreaterThan(3)
      const hits: string[] = []
      for (const file of js) {
        let text = readFileSync(file, "utf8")
        for (const allowed of ALLOWED) text = text.replace(allowed, "/*zod jit*/")
        for (const re of DYNAMIC_CODE) {
          for (const m of text.matchAll(new RegExp(re.source, "g")))
            hits.push(`${file.slice(dir.length)}: ${text.slice(Math.max(0, m.index - 60), m.index + 60)}`)
        }
      }
      expect(hits).toEqual([])
      for (const html of files(dir, /\.html$/)) {
        const text = readFileSync(html, "utf8")
        for (const [, src] of text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
          expect(src).not.toMatch(/^(https?:)?\/\//)
        expect(text, html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>[^<]+<\/script>/) // no inline scripts
      }
    }
  })
})

describe("CSP at run time", () => {
  const suite = extensionSuite()

  it("no extension page trips the CSP while working (sidebar, popup, options, side panel, review)", async () => {
    const id = suite.session.extensionId
    // Before any page script runs, in every page and frame of the context: record CSP violations.
    await suite.session.context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      )
    })
    const violations = async (target: Page | Frame) =>
      target.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ["(no recorder)"])

    const page = await suite.open("legacy-ticket.html")
    const frame = await sidebarFrame(page, id)
    await expect
      .poll(() => sidebarText(page, id, "waybill-number"), { timeout: 20_000 })
      .toBe("SF1385628716739")
    const popup = await openPopupFor(suite.session, page)
    await popup.getByTestId("popup-app").waitFor({ timeout: 15_000 })
    const options = await openOptions(suite.session)
    await options.getByTestId("profile-name").waitFor({ timeout: 15_000 })
    // A backup import runs the store's zod schemas in the options page.
    await options.getByTestId("data-import").setInputFiles({
      name: "backup.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          format: "cs-sidekick-backup",
          schemaVersion: 2,
          exportedAt: 1,
          cases: [],
          notes: [],
          attempts: [],
          contacts: [],
          settings: {
            profile: { name: "", workId: "", company: "" },
            sites: [],
            sidebarMode: "inpage",
            locale: "zh",
          },
        }),
      ),
    })
    await options.getByTestId("data-status").waitFor({ timeout: 15_000 })
    const seen: Record<string, string[]> = {
      sidebar: await violations(frame),
      popup: await violations(popup),
      options: await violations(options),
    }
    for (const path of ["sidepanel.html", "tabs/review.html"]) {
      if (!existsSync(join(DEFAULT_BUILD_DIR, path))) continue
      const p = await suite.session.context.newPage()
      await p.goto(`chrome-extension://${id}/${path}`)
      await p.locator("body *").first().waitFor({ timeout: 15_000 })
      seen[path] = await violations(p)
      await p.close()
    }
    const expected = Object.fromEntries(Object.keys(seen).map((k) => [k, []]))
    expect(seen).toEqual(expected)
    for (const p of [popup, options, page]) await p.close()
  })
})
