/**
 * Permission audit of the manifest the production build is made from (package.json `manifest`):
 * it asks for nothing the code does not use, nothing at install beyond that, and keeps a strict CSP.
 * The built manifests are checked again on a fresh build by e2e/specs/permissions-manifest.e2e.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

const ROOT = fileURLToPath(new URL("..", import.meta.url))
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  manifest: Record<string, unknown>
}
const manifest = pkg.manifest as {
  permissions?: string[]
  host_permissions?: string[]
  optional_host_permissions?: string[]
  optional_permissions?: string[]
  content_scripts?: unknown[]
  externally_connectable?: unknown
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]
  content_security_policy?: { extension_pages?: string; sandbox?: string }
}

/** Production source files (tests and test helpers excluded). */
function sources(dir = join(ROOT, "src")): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...sources(full))
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.|test-helper|testing\./.test(name))
      out.push({ file: full.slice(ROOT.length), text: readFileSync(full, "utf8") })
  }
  return out
}

/** What each permission we hold is for: code in src/ that needs it. */
const USED_BY: Record<string, RegExp> = {
  storage: /\b(chrome|browser)\.storage\.(local|session|sync)\b/,
  scripting: /\b(chrome|browser)\.scripting\.(registerContentScripts|executeScript)\b/,
  alarms: /\b(chrome|browser)\.alarms\.(create|onAlarm)\b/,
  notifications: /\b(chrome|browser)\.notifications\.(create|onClicked)\b/,
  sidePanel: /\b(chrome|browser)\.sidePanel\.(open|setOptions|setPanelBehavior)\b/,
  // The popup reads the current tab's URL (to offer "enable on this site"): activeTab grants that.
  activeTab: /\b(chrome|browser)\.tabs\.query\(\{\s*active:\s*true/,
}

/** APIs that would need a permission we do not ask for: none may appear in src/. */
const NOT_ALLOWED =
  /\b(chrome|browser)\.(cookies|webRequest|declarativeNetRequest|history|bookmarks|downloads|debugger|management|proxy|identity|tabCapture|desktopCapture|clipboardRead|geolocation|nativeMessaging|webNavigation|contextMenus|offscreen|privacy|topSites)\b/

describe("permission audit (package.json manifest)", () => {
  const src = sources()

  it("every permission is used by code in src/", () => {
    const permissions = manifest.permissions ?? []
    expect(permissions.length).toBeGreaterThan(0)
    for (const p of permissions) {
      expect(USED_BY[p], `no known use for permission "${p}"`).toBeDefined()
      const users = src.filter((s) => USED_BY[p].test(s.text)).map((s) => s.file)
      expect(users, `permission "${p}" is not used in src/`).not.toEqual([])
    }
  })

  it("nothing in src/ calls an API that needs a permission we do not hold", () => {
    const offenders = src.filter((s) => NOT_ALLOWED.test(s.text)).map((s) => s.file)
    expect(offenders).toEqual([])
    // And every permission-gated API in use is covered.
    for (const [p, re] of Object.entries(USED_BY)) {
      if (src.some((s) => re.test(s.text))) expect(manifest.permissions).toContain(p)
    }
  })

  it("no host permissions at install; optional ones only http/https; no static content scripts", () => {
    expect(manifest.host_permissions ?? []).toEqual([])
    expect(manifest.content_scripts ?? []).toEqual([])
    expect(manifest.optional_permissions ?? []).toEqual([])
    expect(manifest.externally_connectable).toBeUndefined()
    for (const p of manifest.optional_host_permissions ?? []) expect(p).toMatch(/^https?:\/\/\*\/\*$/)
    expect(manifest.optional_host_permissions).not.toContain("<all_urls>")
  })

  it("only the sidebar page is web-accessible, and only through the dynamic URL", () => {
    const war = manifest.web_accessible_resources ?? []
    expect(war.flatMap((w) => w.resources)).toEqual(["tabs/sidebar.html"])
    for (const w of war) {
      expect(w.use_dynamic_url).toBe(true)
      for (const m of w.matches) expect(m).toMatch(/^https?:\/\/\*\/\*$/)
    }
  })

  it("extension pages have a strict CSP: self only, no eval, no remote code", () => {
    const csp = manifest.content_security_policy?.extension_pages ?? ""
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives.get("script-src")).toEqual(["'self'"])
    expect(directives.get("object-src")).toEqual(["'self'"])
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/)
  })
})
