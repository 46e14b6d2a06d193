/**
 * Our handoff block into the CRM's internal note box (issue 12), in the editor part: only into a box
 * known to be internal (the site's rule: URL, selector, toggle), or where the agent confirmed this very
 * post. Answers with the verdict and a selector the admin may save as the site's rule.
 */
import { boxVerdict, type BoxVerdict, type InternalBoxRule, urlMatches } from "~lib/handoff/internal-box"
import type { EditErrorCode, PageToSidebar, SidebarToPage } from "~lib/protocol/types"

const TEXT_MAX = 12_000

/** The CSS selector that names `el` well enough to remember it as the internal box, if any. */
function selectorFor(el: Element): string | undefined {
  const esc = (s: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s)
  if (el.id && !/\d{4,}/.test(el.id)) return `#${esc(el.id)}`
  const name = el.getAttribute("name")
  if (name) return `${el.tagName.toLowerCase()}[name="${name.replace(/["\\]/g, "\\$&")}"]`
  return undefined
}

/**
 * The element that stands for an editor to the CRM's markup: the textarea itself, or for iframe
 * editors (CKEditor 4's `cke_X` around the iframe, TinyMCE's `X_ifr`) the textarea they replaced.
 */
function candidatesOf(target: { el: HTMLElement; frame: HTMLIFrameElement | null }): Element[] {
  const out: Element[] = [target.el]
  if (!target.frame) return out
  out.push(target.frame)
  const doc = target.frame.ownerDocument
  for (let a: Element | null = target.frame, i = 0; a && i < 8; a = a.parentElement, i++) {
    const id = a.id
    const replaced = id.startsWith("cke_")
      ? doc.getElementById(id.slice(4))
      : id.endsWith("_ifr")
        ? doc.getElementById(id.slice(0, -4))
        : null
    if (replaced) out.push(replaced)
  }
  return out
}

function matchesSelector(cands: Element[], selector: string): boolean | null {
  try {
    return cands.some((c) => c.closest(selector) !== null)
  } catch {
    return null // not a valid selector: no sign either way
  }
}

/** On / off / not found, read the ways CRMs show a pressed toggle or selected tab. */
function toggleState(doc: Document, selector: string): boolean | null {
  let el: Element | null
  try {
    el = doc.querySelector(selector)
  } catch {
    return null
  }
  if (!el) return null
  if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) return el.checked
  for (const attr of ["aria-pressed", "aria-checked", "aria-selected"]) {
    const v = el.getAttribute(attr)
    if (v === "true") return true
    if (v === "false") return false
  }
  return /(?:^|[\s_-])(?:active|selected|checked|current|on)(?:$|[\s_-])/i.test(el.className)
}

/** Answers a `post-handoff` request: checks the box, then inserts through the editor bridge. */
export async function postHandoff(
  msg: Extract<SidebarToPage, { type: "post-handoff" }>,
  target: { el: HTMLElement; frame: HTMLIFrameElement | null } | null,
  insert: (text: string) => Promise<{ ok: boolean; error?: EditErrorCode }>,
): Promise<PageToSidebar> {
  const base = { type: "handoff-post-result" as const, requestId: String(msg.requestId) }
  if (!target) return { ...base, inserted: false, verdict: "unknown", error: "no-editor" }
  const rule: InternalBoxRule = msg.rule ?? {}
  const cands = candidatesOf(target)
  const verdict: BoxVerdict = boxVerdict({
    urlMatches: rule.urlPattern ? urlMatches(rule.urlPattern, location.href) : null,
    selectorMatches: rule.selector ? matchesSelector(cands, rule.selector) : null,
    toggleOn: rule.toggleSelector ? toggleState(document, rule.toggleSelector) : null,
  })
  const suggestion = cands.map(selectorFor).find((s) => s !== undefined)
  const answer = (inserted: boolean, error?: EditErrorCode): PageToSidebar => {
    const r: PageToSidebar = { ...base, inserted, verdict }
    if (error) r.error = error
    if (suggestion) r.suggestion = suggestion.slice(0, 300)
    return r
  }
  // Never into a box not known to be internal unless the agent said so for this very post.
  if (verdict !== "internal" && msg.confirmed !== true) return answer(false)
  const text = String(msg.text ?? "").slice(0, TEXT_MAX)
  const result = await insert(text)
  return answer(result.ok, result.ok ? undefined : (result.error ?? "failed"))
}
