import type { HighlightSpan } from "~lib/protocol/types"

/**
 * Highlights through the CSS Custom Highlight API: ranges are painted by the browser, nothing is
 * added to the editor's DOM (so nothing of ours can end up in the submitted content). The styles go
 * in a constructed stylesheet adopted by the editor's document — a CSSOM object, not a DOM node, and
 * allowed under a strict CSP.
 */

export type Severity = HighlightSpan["severity"]

export const HIGHLIGHT_NAMES: Record<Severity, string> = {
  forbidden: "cs-sidekick-forbidden",
  warning: "cs-sidekick-warning",
  hint: "cs-sidekick-hint",
}
/** Findings the agent dismissed: still in the reply, so still marked, but quietly. */
export const MUTED_HIGHLIGHT = "cs-sidekick-muted"

const RULES = [
  `::highlight(${HIGHLIGHT_NAMES.forbidden}) { background-color: rgba(220, 38, 38, 0.22); text-decoration: underline wavy #dc2626; }`,
  `::highlight(${HIGHLIGHT_NAMES.warning}) { background-color: rgba(234, 179, 8, 0.25); text-decoration: underline wavy #ca8a04; }`,
  `::highlight(${HIGHLIGHT_NAMES.hint}) { text-decoration: underline dotted #2563eb; }`,
  `::highlight(${MUTED_HIGHLIGHT}) { text-decoration: underline dotted #9ca3af; }`,
]

interface HighlightWindow {
  CSS?: { highlights?: Map<string, Highlight> }
  Highlight?: typeof Highlight
  CSSStyleSheet?: typeof CSSStyleSheet
}

const sheets = new WeakMap<Document, CSSStyleSheet>()

function ensureSheet(doc: Document, win: HighlightWindow): void {
  let sheet = sheets.get(doc)
  if (!sheet && win.CSSStyleSheet) {
    // Constructed in the document's own realm: a sheet can only be adopted by its constructor document.
    sheet = new win.CSSStyleSheet()
    sheet.replaceSync(RULES.join("\n"))
    sheets.set(doc, sheet)
  }
  // The page may have replaced adoptedStyleSheets since; add ours back if so.
  if (sheet && !doc.adoptedStyleSheets.includes(sheet))
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
}

/** True when this document's window supports custom highlights. */
export function supportsHighlights(doc: Document): boolean {
  const win = doc.defaultView as HighlightWindow | null
  return !!win?.CSS?.highlights && !!win.Highlight
}

export function setRangeHighlights(
  doc: Document,
  ranges: Array<{ range: Range; severity: Severity; muted?: boolean }>,
): boolean {
  const win = doc.defaultView as HighlightWindow | null
  const registry = win?.CSS?.highlights
  if (!win || !registry || !win.Highlight) return false
  clearRangeHighlights(doc)
  ensureSheet(doc, win)
  for (const severity of Object.keys(HIGHLIGHT_NAMES) as Severity[]) {
    const mine = ranges
      .filter((r) => r.severity === severity && !r.muted && !r.range.collapsed)
      .map((r) => r.range)
    if (mine.length > 0) registry.set(HIGHLIGHT_NAMES[severity], new win.Highlight(...mine))
  }
  const muted = ranges.filter((r) => r.muted && !r.range.collapsed).map((r) => r.range)
  if (muted.length > 0) registry.set(MUTED_HIGHLIGHT, new win.Highlight(...muted))
  return true
}

export function clearRangeHighlights(doc: Document): void {
  const registry = (doc.defaultView as HighlightWindow | null)?.CSS?.highlights
  if (!registry) return
  for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name)
  registry.delete(MUTED_HIGHLIGHT)
}

/** Removes our stylesheet from a document (on teardown). */
export function removeHighlightSheet(doc: Document): void {
  const sheet = sheets.get(doc)
  if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)
}
