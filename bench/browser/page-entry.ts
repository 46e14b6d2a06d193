/**
 * Bundled with esbuild into the benchmark pages (window.csBench): the content script's scanner and
 * page-state builder exactly as shipped, the floor they are compared with, and the linter.
 */
import { buildPageState } from "../../src/contents/sidekick/page-state"
import { type Detect, maybeNumber, Scanner } from "../../src/contents/sidekick/scanner"
import { detectWaybills } from "../../src/lib/waybill/detect"
import { type LintTimes, makeDrafts, timeLint } from "../lint.bench"
import { makeRealisticDrafts, timeCheck } from "../tone.bench"
import { makeRng, rowHtml } from "./pages"

const detect: Detect = (text, context) => detectWaybills(text, context)

/** The floor: a TreeWalker that only reads every text node's data. */
function floor(): number {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  let chars = 0
  for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length
  return chars
}

/**
 * A second floor: the same walk plus the library's own work on every text node that could hold a
 * number (the scanner's cheap test, then detectWaybills without labels). Ours ÷ this is what the
 * scanner's design costs on top of detection itself.
 */
function floorDetect(): number {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  let found = 0
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const t = (n as Text).data
    if (maybeNumber(t)) found += detectWaybills(t.slice(0, 5_000)).length
  }
  return found
}

interface Run {
  scanner: Scanner
  controller: AbortController
}

/**
 * A scanner as main.ts builds it, but slices run synchronously so their sum is one clock reading.
 * `whole`: without the caps (node cap, texts remembered per document), so that it reads every text
 * node of the page like the floor; otherwise as shipped (the read stops at REMEMBER_MAX texts).
 */
function newScanner(whole = false): Run {
  const controller = new AbortController()
  const scanner = new Scanner({
    detect,
    signal: controller.signal,
    onChange: () => undefined,
    maxNodes: whole ? Number.MAX_SAFE_INTEGER : undefined,
    rememberMax: whole ? Number.MAX_SAFE_INTEGER : undefined,
    schedule: (fn) => fn(),
  })
  return { scanner, controller }
}

function pageState(scanner: Scanner): string {
  const s = buildPageState({
    scanner,
    detect,
    doc: document,
    frames: [...scanner.frameDocs],
    host: null,
    agentChoice: null,
    focused: null,
    selectionText: "",
  })
  // main.ts compares the JSON with what it sent last: part of the cost.
  return JSON.stringify(s)
}

let live: Run | null = null
const rand = makeRng(99)
let appended = 0

const api = {
  floor,
  floorDetect,
  /**
   * A scan, all of it (slices back to back): the main-thread time until it ended (scan-end: the text
   * read, the first candidates resolved) and until it settled (fields and shadow hosts found by the
   * element walk, remembered texts and fields resolved up to the cap), and the wall time of all.
   * `whole`: every text node read (no caps), as the floor does.
   */
  scan(whole = false): {
    initial: number
    settled: number
    wall: number
    nodes: number
    findings: number
    resolved: number
    unresolved: number
  } {
    const run = newScanner(whole)
    const t0 = performance.now()
    run.scanner.start(document)
    const wall = performance.now() - t0
    const s = run.scanner
    const out = {
      initial: s.initialMs,
      settled: s.settledMs,
      wall,
      nodes: s.nodes,
      findings: s.findings.size,
      resolved: s.resolved,
      unresolved: s.unresolved,
    }
    run.controller.abort()
    return out
  },
  /** Time of one page-state build after a full scan. */
  stateAfterScan(): number {
    const run = newScanner()
    run.scanner.start(document)
    const t0 = performance.now()
    pageState(run.scanner)
    const ms = performance.now() - t0
    run.controller.abort()
    return ms
  },
  /** Keeps a scanner observing the page for incremental measurements. */
  observe(): number {
    live?.controller.abort()
    live = newScanner()
    live.scanner.start(document)
    pageState(live.scanner)
    return live.scanner.findings.size
  },
  /**
   * Appends `batches` × `rows` rows, one batch per task, and returns the time spent handling them:
   * the scanner's slices (run by the MutationObserver callback) and, separately, the page-state
   * rebuild main.ts does after each change. The DOM insertion itself is the page's cost, not timed.
   */
  async append(batches: number, rows: number): Promise<{ scan: number; state: number }> {
    const run = live
    if (!run) throw new Error("observe() first")
    const tbody = document.getElementById("rows") as HTMLElement
    let scan = 0
    let state = 0
    for (let b = 0; b < batches; b++) {
      const tpl = document.createElement("template")
      let html = ""
      for (let i = 0; i < rows; i++) html += rowHtml(1_000_000 + appended++, rand)
      // eslint-disable-next-line no-restricted-syntax -- our own generated rows, no page text
      tpl.innerHTML = html
      tbody.append(tpl.content)
      const before = run.scanner.ms
      // The observer's callback runs at the next microtask checkpoint; a task boundary is after it.
      await new Promise((r) => setTimeout(r, 0))
      scan += run.scanner.ms - before
      const t0 = performance.now()
      pageState(run.scanner)
      state += performance.now() - t0
    }
    return { scan, state }
  },
  /** The sidebar's whole check (normalisation + rules + tone model) on 2,000-character drafts: per-call median. */
  check(rounds: number): { check: number; rules: number; findings: number } {
    return timeCheck(makeRealisticDrafts(50, 2000), rounds)
  },
  /** The rules' matcher vs the naive loop, and the whole lintPhrasing, on 2,000-character drafts. */
  lint(rounds: number): LintTimes {
    return timeLint(makeDrafts(50, 2000), rounds, true)
  },
}

;(globalThis as unknown as { csBench: typeof api }).csBench = api
export type CsBench = typeof api
