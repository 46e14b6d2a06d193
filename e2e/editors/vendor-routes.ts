import { existsSync, statSync } from "node:fs"
import { extname, join, normalize, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)))
const FIXTURES = join(ROOT, "e2e", "fixtures")

/** Editor packages the fixtures load as `/vendor/<pkg>/…`, read from node_modules (read-only). */
const VENDOR_PACKAGES = new Set(["ckeditor4", "ckeditor5", "tinymce", "quill", "react", "react-dom"])

/** Pages served with a strict policy: content scripts (and our bridge) must still work there. */
const CSP_PAGES: Record<string, string> = {
  "/editors/csp.html": "default-src 'self'; script-src 'self'",
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".gif": "image/gif",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
}

export interface Route {
  file: string
  headers: Record<string, string>
}

/** `base/rel`, or null when `rel` escapes `base` or is not a file. */
function safeJoin(base: string, rel: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(rel)
  } catch {
    return null
  }
  if (decoded.includes("\0")) return null
  const file = normalize(join(base, decoded))
  if (file !== base && !file.startsWith(base + sep)) return null
  if (!existsSync(file) || !statSync(file).isFile()) return null
  return file
}

function contentType(file: string): Record<string, string> {
  return { "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" }
}

/**
 * Routes the editor fixtures need beyond plain static files: `/vendor/<pkg>/…` from node_modules and
 * the CSP header for `csp.html`. Returns null for any other path (the caller serves e2e/fixtures).
 */
export function vendorRoute(urlPath: string): Route | null {
  const path = urlPath.split("?")[0].split("#")[0]
  const csp = CSP_PAGES[path]
  if (csp) {
    const file = safeJoin(FIXTURES, path.slice(1))
    return file ? { file, headers: { ...contentType(file), "content-security-policy": csp } } : null
  }
  const m = /^\/vendor\/([a-z0-9-]+)\/(.+)$/.exec(path)
  if (!m || !VENDOR_PACKAGES.has(m[1])) return null
  const file = safeJoin(join(ROOT, "node_modules", m[1]), m[2])
  return file ? { file, headers: contentType(file) } : null
}
