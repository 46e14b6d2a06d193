/**
 * Turns what the scanner found (plus title, pinned field, focus and selection) into the `PageState`
 * the sidebar shows. Runs only when something changed, debounced.
 */
import { chooseCurrent, type Tally } from "~lib/page/choose-current"
import type { CandidateSource, PageState } from "~lib/protocol/types"

import { type CaseParts, collectCase, findCaseParts, type Scope } from "./case-text"
import { findDetail } from "./panes"
import { measure } from "./perf"
import type { Detect, Finding, Scanner } from "./scanner"
import { buildTallies, tallyOf } from "./tally-book"

export { buildTallies }

// Title / dt / label elements per document, until the scanner sees such elements come or go
// (caseEpoch). Matching the title selector against every element of a 10,000-row page took longer
// than the rest of a rebuild.
const partsCache = new WeakMap<
  Document,
  { scanner: Scanner; epoch: number; parts: CaseParts; detail?: Scope | null }
>()

function partsOf(scanner: Scanner, doc: Document): CaseParts {
  const hit = partsCache.get(doc)
  if (hit && hit.scanner === scanner && hit.epoch === scanner.caseEpoch) return hit.parts
  const parts = findCaseParts(doc)
  partsCache.set(doc, { scanner, epoch: scanner.caseEpoch, parts })
  return parts
}

export interface StateInputs {
  scanner: Scanner
  detect: Detect
  doc: Document
  frames: Document[]
  host: Element | null
  pinnedSelector?: string
  carrierHint?: string
  agentChoice: string | null
  focused: Element | null
  selectionText: string
}

function fromText(
  detect: Detect,
  text: string,
  source: CandidateSource,
  carrierHint?: string,
  label?: string,
): Finding[] {
  if (!text || text.length < 8) return []
  return detect(text.slice(0, 2_000), { label, carrierHint }).map((f) => ({ ...f, source, label }))
}

function pinnedFindings(inputs: StateInputs): Finding[] {
  if (!inputs.pinnedSelector) return []
  let el: Element | null = null
  try {
    el = inputs.doc.querySelector(inputs.pinnedSelector)
  } catch {
    return [] // an invalid selector from the admin: ignore it rather than break the page
  }
  if (!el) return []
  const text =
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
      ? el.value
      : (el.textContent ?? "").slice(0, 500)
  // The admin pinned this field as the waybill: label it so.
  return fromText(inputs.detect, text, "pinned", inputs.carrierHint, "运单号")
}

// nearFocus reads at most this many nodes per ancestor: a container that large is not "near".
const NEAR_FOCUS_NODES = 3_000

/** Numbers in the nodes closest to the focused element, nearest ancestor first. */
function nearFocus(scanner: Scanner, focused: Element | null): string[] {
  if (!focused) return []
  const out: string[] = []
  const add = (found: Finding[] | undefined) => {
    if (found) for (const f of found) if (!out.includes(f.number)) out.push(f.number)
  }
  let el: Element | null = focused
  for (let depth = 0; el && depth < 8 && out.length === 0; depth++, el = el.parentElement) {
    if (el.tagName === "BODY" || el.tagName === "HTML") break
    // On a long page not every candidate is resolved yet: the focus's surroundings are, now.
    scanner.resolveWithin(el, NEAR_FOCUS_NODES)
    if (scanner.findings.size <= NEAR_FOCUS_NODES) {
      for (const [node, found] of scanner.findings) if (el === node || el.contains(node)) add(found)
      continue
    }
    // Many findings: read the ancestor's own nodes instead (in page order, as the findings are).
    add(scanner.findings.get(el))
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
    let n = 0
    for (let node = walker.nextNode(); node && n < NEAR_FOCUS_NODES; node = walker.nextNode(), n++)
      add(scanner.findings.get(node))
    if (n >= NEAR_FOCUS_NODES) break
  }
  return out
}

/** The findings in the open item's pane (resolved now if the scan had not come to them), in page order. */
function openItem(scanner: Scanner, scope: Scope): Finding[][] {
  const out: Finding[][] = []
  for (const root of [scope.el, ...scope.docs.map((d) => d.body)]) {
    scanner.resolveWithin(root, NEAR_FOCUS_NODES)
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
    let n = 0
    for (let node: Node | null = root; node && n < NEAR_FOCUS_NODES; node = walker.nextNode(), n++) {
      const found = scanner.findings.get(node)
      if (found) out.push(found)
    }
  }
  return out
}

export function buildPageState(inputs: StateInputs): PageState {
  const t0 = performance.now()
  const state = pageState(inputs)
  // One entry per build (at most a few a second): lets `npm run bench` and profilers see its cost.
  measure("cs-sidekick:page-state", t0, performance.now() - t0)
  return state
}

function pageState(inputs: StateInputs): PageState {
  const { scanner, detect, doc, carrierHint } = inputs
  scanner.prune()
  const title = doc.title.slice(0, 500)
  const extra: Finding[][] = [pinnedFindings(inputs), fromText(detect, title, "title", carrierHint)]
  const selection = fromText(detect, inputs.selectionText, "selection", carrierHint)
  const focus = nearFocus(scanner, inputs.focused)

  // Not every tally of the page: only those chooseCurrent could list or pick (the book keeps the
  // best few by each of its orders as the page changes), plus every number the pinned field, the
  // title, the selection or the focus touches. Its result is the same as with all tallies.
  const byNumber = new Map<string, Tally>()
  for (const agg of scanner.book.best()) byNumber.set(agg.number, agg.tally)
  const extraTallies = buildTallies(extra)
  for (const t of extraTallies) {
    // Merged as buildTallies over [extra, …page] would: the extra findings first, and first seen.
    const own = extra.map((list) => list.filter((f) => f.number === t.number))
    const page = [...(scanner.book.get(t.number)?.entries.values() ?? [])].map((e) => e.list)
    const merged = tallyOf([...own, ...page]) as Tally
    merged.firstSeen = t.firstSeen - extraTallies.length - 1 // before every page number
    byNumber.set(t.number, merged)
  }
  // A list-and-detail page: the open item's numbers, tallied over its pane only. The pane is looked
  // for again when parts of the page came or went (it reads the layout: not on every change).
  const parts = partsOf(scanner, doc)
  const cached = partsCache.get(doc)!
  if (cached.detail === undefined || (cached.detail && !cached.detail.el.isConnected))
    cached.detail = findDetail(parts, inputs.host)
  const scope = cached.detail
  const open = scope ? buildTallies(openItem(scanner, scope)) : null
  for (const t of open ?? []) {
    const page = byNumber.get(t.number) ?? scanner.book.get(t.number)?.tally
    const sources = new Set([...t.sources, ...(page?.sources ?? [])])
    byNumber.set(t.number, { ...t, sources, label: t.label ?? page?.label, firstSeen: t.firstSeen - 1e9 })
  }
  const touch = (number: string, source: CandidateSource) => {
    const t = byNumber.get(number) ?? scanner.book.get(number)?.tally
    // A copy: the book's tallies are kept between builds.
    if (t) byNumber.set(number, { ...t, sources: new Set([...t.sources, source]) })
  }
  for (const f of selection) touch(f.number, "selection")
  for (const n of focus) touch(n, "focus")
  const tallies = [...byNumber.values()]

  const chosen = chooseCurrent({
    tallies,
    agentChoice: inputs.agentChoice,
    nearFocus: focus,
    inSelection: selection.map((f) => f.number),
    detail: open?.map((t) => t.number),
  })
  const read = collectCase([doc, ...inputs.frames], inputs.host, (d) => partsOf(scanner, d), scope)
  const facts = read.facts.fields.length || read.facts.track.length ? { facts: read.facts } : {}
  // Which item is open: its first lines and numbers (the agent's pick is for one item only).
  const item = scope
    ? {
        item: [read.text.split("\n", 2).join(" ").slice(0, 150), ...open!.slice(0, 3).map((t) => t.number)]
          .join("|")
          .slice(0, 200),
      }
    : {}
  return {
    url: doc.location?.href.slice(0, 4_000) ?? "",
    title,
    candidates: chosen.candidates,
    current: chosen.current,
    currentReason: chosen.currentReason.slice(0, 20),
    caseText: read.text,
    ...facts,
    ...item,
    scan: { nodes: scanner.nodes, ms: Math.round(scanner.ms * 10) / 10, truncated: scanner.truncated },
  }
}
