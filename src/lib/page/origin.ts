/**
 * Origins of enabled CRM sites and the match patterns derived from them. An origin is
 * `scheme://host[:port]`; a site origin without a port covers every port of that host, the way a
 * match pattern without a port does (the e2e build enables `http://127.0.0.1` on any port).
 */

/** `scheme://host[:port]` of an http(s) URL, or null for anything else (about:, chrome:, file:, junk). */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null
  return parsed.origin
}

interface OriginParts {
  scheme: string
  host: string
  port: string
}

function parts(origin: string): OriginParts | null {
  const m = /^(https?):\/\/([^/:?#\s]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?$/.exec(origin)
  if (!m) return null
  return { scheme: m[1], host: m[2].toLowerCase(), port: m[3] ?? "" }
}

/** True when `site` (an enabled site's origin) covers the page origin `page`. */
export function siteCovers(site: string, page: string): boolean {
  const s = parts(site)
  const p = parts(page)
  if (!s || !p) return false
  if (s.scheme !== p.scheme || s.host !== p.host) return false
  return s.port === "" || s.port === p.port
}

/**
 * The match pattern for a site. Chrome accepts a port in a pattern; Firefox does not, so there the
 * pattern covers every port and `siteCovers` in the content script does the exact check.
 */
export function originToPattern(
  origin: string,
  opts: { keepPort: boolean } = { keepPort: true },
): string | null {
  const p = parts(origin)
  if (!p) return null
  const port = opts.keepPort && p.port ? `:${p.port}` : ""
  return `${p.scheme}://${p.host}${port}/*`
}

/** True when a granted match pattern (such as https://*.example.com/ or http://* with any path) covers the origin. */
export function patternCovers(pattern: string, origin: string): boolean {
  const p = parts(origin)
  if (!p) return false
  if (pattern === "<all_urls>") return true
  const m = /^(\*|https?):\/\/(\*|\*\.[^/:]+|[^/*:]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}|\*))?\/.*$/.exec(pattern)
  if (!m) return false
  const [, scheme, host, port] = m
  if (scheme !== "*" && scheme !== p.scheme) return false
  if (port && port !== "*" && port !== p.port) return false
  const h = host.toLowerCase()
  if (h === "*") return true
  if (h.startsWith("*.")) return p.host === h.slice(2) || p.host.endsWith(h.slice(1))
  return h === p.host
}

/** A registered content script id for a site: stable, unique per origin, not starting with "_". */
export function scriptIdFor(origin: string): string {
  return `site:${origin}`
}

/** Inverse of `scriptIdFor`, or null for ids that are not ours. */
export function originFromScriptId(id: string): string | null {
  return id.startsWith("site:") ? id.slice(5) : null
}
