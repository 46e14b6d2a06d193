/**
 * The page scanner (STYLE practice 8): an initial walk over text nodes and form fields in ≤ 4 ms
 * slices, then incremental work on what MutationObservers report (the observer callback only
 * queues). Open shadow roots and same-origin iframes are walked and observed too; our own host and
 * script/style/noscript/svg/template are skipped; each text node is read once per scan; the initial
 * walk stops at a node cap (changes reported later are still read: that work is proportional to the
 * change). What it finds is kept per node, so removals and edits just replace entries.
 */
import type { CandidateSource, CarrierGuess } from "~lib/protocol/types"

import { CASE_PARTS_SELECTOR } from "./case-text"
import { inTitle, labelForField, labelForText, resetLabelCache, TITLE_SELECTOR } from "./dom-labels"
import { mark, measure } from "./perf"
import { TallyBook } from "./tally-book"

export interface DetectedNumber {
  number: string
  carriers: CarrierGuess[]
}
export type Detect = (text: string, context: { label?: string; carrierHint?: string }) => DetectedNumber[]

export interface Finding extends DetectedNumber {
  source: CandidateSource
  label?: string
  /** From a hidden input: counts, but only once per number. */
  hidden?: boolean
}

export interface ScannerOptions {
  detect: Detect
  signal: AbortSignal
  /** Called (at most once per slice) when findings changed. */
  onChange: () => void
  /** Our own sidebar host: never scanned. */
  skip?: () => Element | null
  carrierHint?: string
  budgetMs?: number
  maxNodes?: number
  /** Schedules the next slice; tests pass a synchronous or manual one. */
  schedule?: (fn: () => void) => void
  now?: () => number
}

const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "SVG",
  "TEMPLATE",
  "HEAD",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "svg",
])
const FIELD_TAGS = new Set(["INPUT", "TEXTAREA"])
// A waybill has at least 4 digits in a row somewhere; most text nodes fail this cheap test.
const MAYBE_NUMBER = /\d{4}|[０-９]{4}/
const MAX_TEXT = 5_000
const TEXT_INPUT_TYPES = new Set(["", "text", "search", "hidden", "tel", "number", "url"])

const LONG_SLICE_MS = 16

export class Scanner {
  /** What was found per node. Read-only outside: changes go through put(), which keeps `book`. */
  readonly findings = new Map<Node, Finding[]>()
  /** The findings tallied per number, kept up to date as they change. */
  readonly book = new TallyBook()
  /** Same-origin frame documents being scanned (for the case text). */
  readonly frameDocs = new Set<Document>()
  nodes = 0
  ms = 0
  truncated = false
  /** Changes whenever title / dt / label elements may have come or gone (case-text caches go stale). */
  caseEpoch = 0
  /** True while work is queued or running. */
  busy = false
  /** The carrier the CRM works for (from site.config); applies from the next scan. */
  carrierHint: string | undefined

  private readonly opts: Required<Omit<ScannerOptions, "skip" | "carrierHint">> & Pick<ScannerOptions, "skip">
  private walkers: TreeWalker[] = []
  private pending: Node[] = []
  private observed = new WeakSet<Node>()
  private hookedFrames = new WeakSet<Element>()
  private observers: MutationObserver[] = []
  private scheduled = false
  private changed = false
  private generation = 0
  /** Between start() and the end of its full walk (the node cap and the scan-start/scan-end marks). */
  private initialScan = false
  /** Nodes were removed (or a frame navigated) since the last prune(). */
  private removed = false

  constructor(opts: ScannerOptions) {
    this.opts = {
      budgetMs: 4,
      maxNodes: 60_000,
      schedule: (fn) => setTimeout(fn, 0),
      now: () => performance.now(),
      ...opts,
    }
    this.carrierHint = opts.carrierHint
    opts.signal.addEventListener("abort", () => this.stop(), { once: true })
  }

  /** Starts (or restarts, after an SPA navigation) with a full walk of the document. */
  start(doc: Document = document): void {
    this.stop()
    this.generation++
    this.findings.clear()
    this.book.clear()
    this.frameDocs.clear()
    this.removed = false
    this.caseEpoch++
    this.observed = new WeakSet()
    this.nodes = 0
    this.ms = 0
    this.truncated = false
    this.changed = true
    // Marks let a profiler or `npm run bench` time the scan from the page; two entries per scan.
    mark("cs-sidekick:scan-start")
    this.initialScan = true
    this.addRoot(doc)
  }

  stop(): void {
    for (const o of this.observers) o.disconnect()
    this.observers = []
    this.walkers = []
    this.pending = []
    this.busy = false
  }

  /** Re-reads one form field (input/change events; focus). */
  refreshField(el: Element): void {
    if (!FIELD_TAGS.has(el.tagName)) return
    this.pending.push(el)
    this.kick()
  }

  /** Scans a document or shadow root: walk it now and observe it from now on. */
  private addRoot(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return
    this.observed.add(root)
    const start = root instanceof Document ? (root.body ?? root.documentElement) : root
    if (!start) return
    const observer = new MutationObserver((records) => this.onMutations(records))
    observer.observe(root instanceof Document ? root.documentElement : root, {
      childList: true,
      subtree: true,
      characterData: true,
    })
    this.observers.push(observer)
    this.walkers.push(this.walker(start))
    this.kick()
  }

  private walker(root: Node): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document)
    // No NodeFilter: Chromium calls a JS filter for every node, which cost 20–40× the walk itself
    // (bench/browser.bench.ts). Skipped subtrees are stepped over in step() instead.
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
  }

  /** The walker's next node; a skipped element's subtree is stepped over without being read. */
  private step(walker: TreeWalker, host: Element | null | undefined): Node | null {
    for (;;) {
      const n = walker.nextNode()
      if (!n || n.nodeType !== Node.ELEMENT_NODE) return n
      if (!SKIP_TAGS.has((n as Element).tagName) && n !== host) return n
      // Park the walker on the subtree's last node: nextNode() then continues after it.
      let last: Node = n
      while (last.lastChild) last = last.lastChild
      walker.currentNode = last
    }
  }

  /** The observer callback only queues; the work happens in slices. */
  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === "characterData") {
        this.pending.push(r.target)
      } else {
        for (const n of r.addedNodes) this.pending.push(n)
        if (r.removedNodes.length > 0) {
          this.changed = true // pruned lazily in prune()
          this.removed = true
          this.caseEpoch++
        }
      }
    }
    this.kick()
  }

  private kick(): void {
    if (this.scheduled || this.opts.signal.aborted) return
    this.scheduled = true
    this.busy = true
    const generation = this.generation
    this.opts.schedule(() => {
      this.scheduled = false
      if (generation === this.generation) this.slice()
      else this.kick()
    })
  }

  /** One ≤ budget slice of work; schedules the next while work remains. */
  private slice(): void {
    if (this.opts.signal.aborted) return
    const { now, budgetMs, maxNodes } = this.opts
    const t0 = now()
    const deadline = t0 + budgetMs
    const host = this.opts.skip?.()
    resetLabelCache()
    let capped = false
    let i = 0
    while (this.pending.length > 0 || this.walkers.length > 0) {
      if ((++i & 15) === 0 && now() >= deadline) break
      if (this.initialScan && this.nodes >= maxNodes) {
        // The cap ends the initial walk only: changes reported meanwhile (an agent's edit in the
        // middle of a mutation storm) are still read, each in proportion to its size.
        this.truncated = true
        this.walkers = []
        this.initialScan = false
        capped = true // marked at the slice's end, with this slice's time counted
        continue
      }
      const walker = this.walkers[0]
      if (walker) {
        const n = this.step(walker, host)
        if (n) this.visit(n)
        else this.walkers.shift()
        continue
      }
      this.queued(this.pending.shift() as Node)
    }
    // Tally this slice's findings now, in small steps, not all at once in the next state build.
    this.book.settle()
    const took = now() - t0
    this.ms += took
    // Visible to a profiler or `npm run bench`: a slice that overran its budget by far.
    if (took > LONG_SLICE_MS) measure("cs-sidekick:long-slice", t0, took)
    const more = this.pending.length > 0 || this.walkers.length > 0
    // The initial walk is over when its walkers are, even if a page that never stops changing
    // keeps the queue of reported changes from ever running empty.
    if (capped || (this.initialScan && this.walkers.length === 0)) this.endInitialScan()
    if (more) this.kick()
    else this.busy = false
    if (this.changed) {
      this.changed = false
      this.opts.onChange()
    }
  }

  private endInitialScan(): void {
    this.initialScan = false
    // The sum of the slices so far: the main-thread time the scan cost, apart from the yields.
    mark("cs-sidekick:scan-end", { ms: this.ms, nodes: this.nodes, truncated: this.truncated })
  }

  /** A node reported by an observer: a text node is read, an element is walked. */
  private queued(n: Node): void {
    if (!n.isConnected) return
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement
      if (parent && !this.skipped(parent)) this.visit(n)
      return
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return
    const el = n as Element
    if (this.skipped(el)) return
    // Only the added subtree is searched: work in proportion to the change.
    if (el.matches(CASE_PARTS_SELECTOR) || el.querySelector(CASE_PARTS_SELECTOR)) this.caseEpoch++
    this.visit(el)
    if (el.firstChild) {
      const w = this.walker(el)
      // Walk the subtree now, not after the whole pending list.
      this.walkers.unshift(w)
    }
  }

  private skipped(el: Element): boolean {
    const host = this.opts.skip?.()
    if (host && (el === host || host.contains(el))) return true
    for (let e: Element | null = el; e; e = e.parentElement) if (SKIP_TAGS.has(e.tagName)) return true
    return false
  }

  private visit(n: Node): void {
    this.nodes++
    if (n.nodeType === Node.TEXT_NODE) return this.visitText(n as Text)
    const el = n as Element
    if (FIELD_TAGS.has(el.tagName)) this.visitField(el as HTMLInputElement | HTMLTextAreaElement)
    if (el.shadowRoot) this.addRoot(el.shadowRoot)
    if (el.tagName === "IFRAME" || el.tagName === "FRAME") this.visitFrame(el as HTMLIFrameElement)
  }

  private visitText(node: Text): void {
    const text = node.data
    if (this.put(node, undefined)) this.changed = true
    if (text.length < 8 || !MAYBE_NUMBER.test(text)) return
    const parent = node.parentElement
    const label = labelForText(node)
    const found = this.opts.detect(text.slice(0, MAX_TEXT), {
      label: label || undefined,
      carrierHint: this.carrierHint,
    })
    if (found.length === 0) return
    const titleEl = parent?.closest(TITLE_SELECTOR)
    const source: CandidateSource =
      titleEl && inTitle(parent) && (titleEl.textContent ?? "").length <= 200 ? "title" : "text"
    this.put(
      node,
      found.map((f) => ({ ...f, source, label: label || undefined })),
    )
    this.changed = true
  }

  private visitField(el: HTMLInputElement | HTMLTextAreaElement): void {
    if (this.put(el, undefined)) this.changed = true
    const type = el instanceof HTMLInputElement ? el.type.toLowerCase() : ""
    if (el instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(type)) return
    const value = el.value
    if (value.length < 8 || !MAYBE_NUMBER.test(value)) return
    const label = labelForField(el)
    const found = this.opts.detect(value.slice(0, MAX_TEXT), {
      label: label || undefined,
      carrierHint: this.carrierHint,
    })
    if (found.length === 0) return
    const hidden = type === "hidden"
    this.put(
      el,
      found.map((f) => ({ ...f, source: "input" as const, label: label || undefined, hidden })),
    )
    this.changed = true
  }

  /** Same-origin frames are part of the ticket (legacy CRMs): scan and observe their documents. */
  private visitFrame(frame: HTMLIFrameElement): void {
    const attach = () => {
      let doc: Document | null = null
      try {
        doc = frame.contentDocument
      } catch {
        doc = null // cross-origin
      }
      if (doc?.documentElement) {
        this.removed = true // the frame's previous document, if any, is gone
        this.caseEpoch++
        this.frameDocs.add(doc)
        this.addRoot(doc)
        doc.addEventListener("input", this.onFieldEvent, {
          capture: true,
          passive: true,
          signal: this.opts.signal,
        })
        doc.addEventListener("change", this.onFieldEvent, {
          capture: true,
          passive: true,
          signal: this.opts.signal,
        })
      }
    }
    attach()
    if (this.hookedFrames.has(frame)) return
    this.hookedFrames.add(frame)
    // A frame navigates on its own: scan each new document it loads.
    frame.addEventListener("load", attach, { signal: this.opts.signal })
  }

  /** input/change listener (capture, passive: never interferes with the page). */
  readonly onFieldEvent = (e: Event): void => {
    const target = e.composedPath()[0]
    if (target instanceof Element) this.refreshField(target)
  }

  /** Sets (or with `undefined`, drops) a node's findings; true if it had some. */
  private put(node: Node, found: Finding[] | undefined): boolean {
    const before = this.findings.get(node)
    if (!before && !found) return false
    if (before) this.findings.delete(node)
    if (found) this.findings.set(node, found)
    this.book.change(node, before, found)
    return !!before
  }

  /** Number of findings per node that are gone from the page are dropped here (lazily). */
  prune(): void {
    // Without removals every entry is still on the page: nothing to do, whatever the page's size.
    if (!this.removed) return
    this.removed = false
    for (const node of this.findings.keys()) {
      if (!node.isConnected || !node.ownerDocument?.defaultView) this.put(node, undefined)
    }
    for (const doc of this.frameDocs) if (!doc.defaultView) this.frameDocs.delete(doc)
  }
}
