/**
 * Is the reply box the agent is in the CRM's internal note box (内部备注)? Handoffs name internal
 * contacts and phone numbers: they must never land in a customer-facing reply by accident. Per site the
 * admin (Options) or the agent (the first time, with an explicit confirmation) says how to recognise
 * it. Pure, and small: the content script imports it.
 */

/** How a site's internal note box is recognised; any part may be left out. */
export interface InternalBoxRule {
  /** The URL of a page whose box is internal (e.g. a separate comment page); `*` matches anything. */
  urlPattern?: string
  /** A CSS selector of the internal box (or of an element around it). */
  selector?: string
  /** A CSS selector of the CRM's "internal note" toggle / tab; the box is internal while it is on. */
  toggleSelector?: string
}

/** What the page says about the focused box (null: that part of the rule is not set or not found). */
export interface BoxFacts {
  urlMatches: boolean | null
  selectorMatches: boolean | null
  toggleOn: boolean | null
}

/**
 * `internal`: a configured sign says so and none says otherwise. `public`: a configured sign says it is
 * not the internal box (another box than the selector names, or the toggle is off). `unknown`: nothing
 * configured or nothing found. Only `internal` is written without asking the agent.
 */
export type BoxVerdict = "internal" | "public" | "unknown"

export function boxVerdict(f: BoxFacts): BoxVerdict {
  if (f.toggleOn === false || f.selectorMatches === false) return "public"
  if (f.toggleOn === true || f.selectorMatches === true || f.urlMatches === true) return "internal"
  return "unknown"
}

/**
 * Does `url` match `pattern`? `*` matches any run of characters; a pattern without a scheme is matched
 * against the path, query and fragment ("/tickets/*\/comments*").
 */
export function urlMatches(pattern: string, url: string): boolean {
  const p = pattern.trim()
  if (!p) return false
  let target = url
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    try {
      const u = new URL(url)
      target = u.pathname + u.search + u.hash
    } catch {
      return false
    }
  }
  const re = new RegExp(
    `^${p
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  )
  return re.test(target)
}

/** Whether a rule has anything set. */
export const ruleIsSet = (r: InternalBoxRule | undefined): boolean =>
  !!(r && (r.urlPattern?.trim() || r.selector?.trim() || r.toggleSelector?.trim()))
