/**
 * Turns what the scanner found (plus title, pinned field, focus and selection) into the `PageState`
 * the sidebar shows. Runs only when something changed, debounced.
 */
import { chooseCurrent, type Tally } from "~lib/page/choose-current"
import { labelKind } from "~lib/page/labels"
import type { CandidateSource, PageState } from "~lib/protocol/types"

import { collectCaseText } from "./case-text"
import type { Detect, Finding, Scanner } from "./scanner"

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

/** Numbers in the nodes closest to the focused element, nearest ancestor first. */
function nearFocus(scanner: Scanner, focused: Element | null): string[] {
  if (!focused) return []
  const out: string[] = []
  let el: Element | null = focused
  for (let depth = 0; el && depth < 8 && out.length === 0; depth++, el = el.parentElement) {
    if (el.tagName === "BODY" || el.tagName === "HTML") break
    for (const [node, found] of scanner.findings) {
      if (el === node || el.contains(node))
        for (const f of found) if (!out.includes(f.number)) out.push(f.number)
    }
  }
  return out
}

export function buildTallies(findings: Iterable<Finding[]>): Tally[] {
  const byNumber = new Map<string, Tally & { sources: Set<CandidateSource>; hiddenOnly: boolean }>()
  let order = 0
  for (const list of findings) {
    for (const f of list) {
      let t = byNumber.get(f.number)
      if (!t) {
        t = {
          number: f.number,
          carriers: f.carriers,
          sources: new Set(),
          count: 0,
          firstSeen: order++,
          hiddenOnly: true,
        }
        byNumber.set(f.number, t)
      }
      t.sources.add(f.source)
      if (f.hidden) {
        // Hidden inputs repeating the number count once, never more.
        if (t.hiddenOnly && t.count === 0) t.count = 1
      } else {
        if (t.hiddenOnly) t.count = 0
        t.hiddenOnly = false
        t.count++
      }
      if ((f.carriers[0]?.confidence ?? 0) > (t.carriers[0]?.confidence ?? 0)) t.carriers = f.carriers
      if (f.label && (!t.label || (labelKind(f.label) === "waybill" && labelKind(t.label) !== "waybill")))
        t.label = f.label
    }
  }
  return [...byNumber.values()]
}

export function buildPageState(inputs: StateInputs): PageState {
  const { scanner, detect, doc, carrierHint } = inputs
  scanner.prune()
  const title = doc.title.slice(0, 500)
  const extra: Finding[][] = [pinnedFindings(inputs), fromText(detect, title, "title", carrierHint)]
  const selection = fromText(detect, inputs.selectionText, "selection", carrierHint)
  const tallies = buildTallies([...extra, ...scanner.findings.values()])
  const byNumber = new Map(tallies.map((t) => [t.number, t]))
  for (const f of selection)
    (byNumber.get(f.number)?.sources as Set<CandidateSource> | undefined)?.add("selection")
  const focus = nearFocus(scanner, inputs.focused)
  for (const n of focus) (byNumber.get(n)?.sources as Set<CandidateSource> | undefined)?.add("focus")

  const chosen = chooseCurrent({
    tallies,
    agentChoice: inputs.agentChoice,
    nearFocus: focus,
    inSelection: selection.map((f) => f.number),
  })
  return {
    url: doc.location?.href.slice(0, 4_000) ?? "",
    title,
    candidates: chosen.candidates,
    current: chosen.current,
    currentReason: chosen.currentReason.slice(0, 20),
    caseText: collectCaseText([doc, ...inputs.frames], inputs.host),
    scan: { nodes: scanner.nodes, ms: Math.round(scanner.ms * 10) / 10, truncated: scanner.truncated },
  }
}
