/**
 * The page scanner (STYLE practice 8). Work runs in ≤ 4 ms slices; MutationObserver callbacks only
 * queue. A scan of a page has three parts:
 *
 * 1. **Read** (the initial scan, `cs-sidekick:scan-start` → `scan-end`): a text-only TreeWalker reads
 *    the text nodes of the document (and of same-origin frames) once and remembers, in page order,
 *    those long enough to hold a number: nothing else per node, so the read costs about what reading
 *    the page's text costs. It stops once it remembered `REMEMBER_MAX` texts of a document (more
 *    than are ever resolved at load). Then the first candidates in page order (where a ticket shows
 *    its title, header and fields) pass the cheap test (`maybeNumber`) and are **resolved** —
 *    labelled and run through `detect` — and the scan ends: the sidebar can name the case's number.
 * 2. **Settle**, in the next slices (`scan-settled`): form fields come from the browser's tag-name
 *    lists, open shadow roots from a walk over the first `HOST_WALK_MAX` elements (read and observed in
 *    full from then on); then the fields that pass the cheap test are resolved (few, and the strongest
 *    signal: a field labelled 运单号), then the remembered texts in page order, up to `RESOLVE_MAX`
 *    candidates per scan. A 10,000-row list holds far more numbers than the sidebar's 20 candidates:
 *    those past the cap are resolved on demand (`resolveWithin`, around the agent's focus) or when
 *    they change.
 * 3. **Incremental**: what observers report (added subtrees, edited text, fields' input events) is
 *    read in full at once, in proportion to the change.
 *
 * Our own host and script/style/noscript/svg/template are skipped; the initial read also stops at a
 * node cap. What it finds is kept per node, so removals and edits just replace entries.
 */
import { labelKind } from "~lib/page/labels"
import type { CandidateSource } from "~lib/protocol/types"

import { CASE_PARTS_SELECTOR } from "./case-text"
import { labelForField, labelForText, resetLabelCache, TITLE_SELECTOR } from "./dom-labels"
import { mark, measure } from "./perf"
import { type Detect, type Finding, TallyBook } from "./tally-book"

export type { Detect, DetectedNumber, Finding } from "./tally-book"

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
  /** Texts remembered per document before the initial read stops (default `REMEMBER_MAX`). */
  rememberMax?: number
  /** Schedules the next slice; tests pass a synchronous or manual one. */
  schedule?: (fn: () => void) => void
  /** Each same-origin frame document the scan reaches (editor frames included), as it attaches. */
  onFrame?: (doc: Document) => void
  now?: () => number
}

// Never read: by tag name in a walk (svg's is lower-case in HTML documents), as one selector for closest().
const SKIP = ["script", "style", "noscript", "svg", "template", "head", "canvas", "video", "audio"]
const SKIP_TAGS = new Set([...SKIP.map((t) => t.toUpperCase()), "svg"])
const SKIP_SELECTOR = SKIP.join(", ")
const FIELD_TAGS = new Set(["INPUT", "TEXTAREA"])
// A waybill has at least 8 digits, in one run or in groups split by single separators as
// detectWaybills accepts them ("SF 1385 6287 16739", "773 277 027 280 336"): so 5 digits in a row, or
// two groups of 3 around a separator (half- or full-width digits alike). Dates and times
// ("2026-11-22 16:14") and short amounts fail this cheap test, as does most text. Or 8 digits read out
// one at a time ("7 3 6-1 2 …": call transcripts).
const MAYBE_NUMBER =
  /[0-9０-９]{5}|[0-9０-９]{3}[\s\-\uff0d\u2010-\u2013][0-9０-９]{3}|(?:[0-9０-９][\s\-\uff0d\u2010-\u2013]{1,2}){7}[0-9０-９]/
const MAX_TEXT = 5_000
const TEXT_INPUT_TYPES = new Set(["", "text", "search", "hidden", "tel", "number", "url"])

/** The frame elements of a document's child frames (same-origin ones; others cannot be read anyway). */
function childFrames(doc: Document): HTMLIFrameElement[] {
  const out: HTMLIFrameElement[] = []
  const frames = doc.defaultView?.frames
  for (let i = 0; frames && i < frames.length; i++) {
    try {
      const el = frames[i]?.frameElement
      if (el && el.ownerDocument === doc) out.push(el as HTMLIFrameElement)
    } catch {
      // cross-origin: its frameElement is not ours to read
    }
  }
  return out
}

/**
 * Inputs that can never hold typed text, excluded by the selector itself: a list with a checkbox or a
 * button per row would otherwise give the content script one DOM wrapper per row (each wrapper costs
 * the page's heap and garbage collector; bench/RESULTS.md, stop 16). Unknown types (which behave as
 * text) still match, and fieldMayHold decides.
 */
const FIELDS_SELECTOR = `textarea, input${[
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "image",
  "file",
  "range",
  "color",
  "password",
  "date",
  "datetime-local",
  "time",
  "month",
  "week",
  "email",
]
  .map((t) => `:not([type="${t}" i])`)
  .join("")}`

/** A document's inputs and textareas that pass the cheap test, in page order. */
function fieldsOf(doc: Document): Element[] {
  return [...doc.querySelectorAll(FIELDS_SELECTOR)].filter((el) => fieldMayHold(el as HTMLInputElement))
}

/** A text-like field whose value passes the cheap test. */
function fieldMayHold(el: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (el instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(el.type.toLowerCase())) return false
  return maybeNumber(el.value)
}

const LONG_SLICE_MS = 16
/**
 * Resolved before the scan ends, in page order: at least the first `EAGER_TEXTS` candidates, and on
 * until one names the case's number the way chooseCurrent trusts most (in the title, or labelled as a
 * waybill: a ticket list pane often comes before the ticket's own 运单号 field), at most `EAGER_MAX`.
 */
const EAGER_TEXTS = 16
const EAGER_MAX = 200
/** Text nodes read per step of the initial read (the slice checks its clock every 16 steps). */
const READ_BATCH = 32
/**
 * Texts remembered per document by the initial read; it stops there. At most `EAGER_MAX` are
 * resolved before the scan ends and `RESOLVE_MAX` in all, so reading on
 * would only cost the page: every node read costs a DOM wrapper in the content script's world, kept
 * in the page's heap as long as the node. On a 10,000-row list 1,000 means 2,784 text nodes read
 * instead of 11,040 for 4,000; with the host walk's cap below, the page cost went from 1.089 to 1.055
 * idle (40 pairs each, bench/RESULTS.md stop 16). The rest of a longer page is resolved on demand
 * (`resolveWithin`: the focus's surroundings, the open item's pane) or when it changes.
 */
export const REMEMBER_MAX = 1_000
/**
 * Candidates resolved per scan, before and after it ends (three times the sidebar's 20 candidates);
 * the rest wait until needed. Each costs a label lookup and `detect` in code that is still cold at
 * load: measured side by side on a 10,000-row list, 200 of them cost the page's load ~35 ms more
 * than 60 (bench/RESULTS.md).
 */
const RESOLVE_MAX = 60
/** Fields resolved after the scan ends, whatever the texts took of `RESOLVE_MAX`. */
const FIELDS_MAX = 100
/**
 * Elements the settle phase's walk looks at for open shadow roots. Every element walked costs a DOM
 * wrapper in the content script's world (as `REMEMBER_MAX`'s texts do); shadow hosts of the apps CRMs
 * are built from (micro-frontend containers, widgets) sit high in the page, shadow roots attached later
 * are found by the observers, and those further down when their part of the page is resolved on demand
 * (`resolveWithin`).
 */
const HOST_WALK_MAX = 2_500

/** The scanner's cheap test: could this text hold a waybill number? */
export const maybeNumber = (text: string): boolean => text.length >= 8 && MAYBE_NUMBER.test(text)

/** A text walk (the initial read), a full walk (elements and text: a change) or a shadow-host walk (settle). */
type WalkKind = "read" | "full" | "hosts"
interface Walk {
  walker: TreeWalker
  kind: WalkKind
  /** Texts a read walk remembered. */
  kept?: number
}

export class Scanner {
  /** What was found per node. Read-only outside: changes go through put(), which keeps `book`. */
  readonly findings = new Map<Node, Finding[]>()
  /** The findings tallied per number, kept up to date as they change. */
  readonly book = new TallyBook()
  /** Same-origin frame documents being scanned (for the case text). */
  readonly frameDocs = new Set<Document>()
  /** Nodes read (text nodes in the initial read; every node of a full read). */
  nodes = 0
  /** Main-thread time of all slices so far. */
  ms = 0
  /** Main-thread time until the initial scan ended (the `scan-end` mark), and until it settled. */
  initialMs = 0
  settledMs = 0
  /** Candidates resolved (labelled and detected) so far in this scan; remembered, not yet looked at. */
  resolved = 0
  get unresolved(): number {
    return this.texts.length - this.textAt + this.fields.length - this.fieldAt
  }
  truncated = false
  /** Changes whenever title / dt / label elements may have come or gone (case-text caches go stale). */
  caseEpoch = 0
  /** True while work is queued or running. */
  busy = false
  /** The carrier the CRM works for (from site.config); applies from the next scan. */
  carrierHint: string | undefined

  private readonly opts: Required<Omit<ScannerOptions, "skip" | "carrierHint" | "onFrame">> &
    Pick<ScannerOptions, "skip" | "onFrame">
  private walks: Walk[] = []
  /** Shadow-host walks of the documents read so far: they run once the scan ended. */
  private hostWalks: Walk[] = []
  private hostNodes = 0
  /** The settle phase's walk stopped at `HOST_WALK_MAX`: shadow hosts past it are found on demand. */
  private hostsCut = false
  /** Documents read by the initial read: their fields are collected when it ends. */
  private readDocs: Document[] = []
  private pending: Node[] = []
  /** Texts and fields remembered by the initial read, in page order, and how far they were resolved. */
  private texts: Node[] = []
  private textAt = 0
  private fields: Element[] = []
  private fieldAt = 0
  /** Candidates resolved before the scan ends, and whether one was in the title or labelled as a waybill. */
  private eager = 0
  private strong = false
  /** Nodes whose findings are up to date in this scan. */
  private read = new WeakSet<Node>()
  /** Elements whose whole subtree was resolved on demand in this scan. */
  private within = new WeakSet<Node>()
  private observed = new WeakSet<Node>()
  private hookedFrames = new WeakSet<Element>()
  private observers: MutationObserver[] = []
  private scheduled = false
  private changed = false
  private generation = 0
  /**
   * Where the scan is: `reading` from start() to the end of its initial read (the node cap and the
   * scan-start/scan-end marks); `settling` while the remembered candidates are resolved; `watching`
   * (changes only) after that.
   */
  private phase: "reading" | "settling" | "watching" = "watching"
  /** Nodes were removed (or a frame navigated) since the last prune(). */
  private removed = false

  constructor(opts: ScannerOptions) {
    this.opts = {
      ...opts,
      // An option passed as undefined takes the default too.
      budgetMs: opts.budgetMs ?? 4,
      maxNodes: opts.maxNodes ?? 50_000,
      rememberMax: opts.rememberMax ?? REMEMBER_MAX,
      schedule: opts.schedule ?? ((fn) => setTimeout(fn, 0)),
      now: opts.now ?? (() => performance.now()),
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
    this.read = new WeakSet()
    this.within = new WeakSet()
    this.nodes = 0
    this.ms = 0
    this.initialMs = 0
    this.settledMs = 0
    this.resolved = 0
    this.hostNodes = 0
    this.hostsCut = false
    this.truncated = false
    this.changed = true
    // Marks let a profiler or `npm run bench` time the scan from the page; two entries per scan.
    mark("cs-sidekick:scan-start")
    this.phase = "reading"
    this.addRoot(doc)
  }

  stop(): void {
    for (const o of this.observers) o.disconnect()
    this.observers = []
    this.walks = []
    this.hostWalks = []
    this.readDocs = []
    this.pending = []
    this.texts = []
    this.textAt = 0
    this.fields = []
    this.fieldAt = 0
    this.eager = 0
    this.strong = false
    this.busy = false
  }

  /** Re-reads one form field (input/change events; focus). */
  refreshField(el: Element): void {
    if (!FIELD_TAGS.has(el.tagName)) return
    this.pending.push(el)
    this.kick()
  }

  /**
   * Resolves the remembered candidates under `root` now (at most `limit` nodes are looked at): the
   * page-state build asks for the focused element's surroundings, which on a long list may lie past
   * what was resolved so far. Each element is looked at most once per scan.
   */
  resolveWithin(root: Element, limit: number): void {
    // Nothing left to resolve, unless the initial read (or the walk for shadow hosts) stopped at a cap
    // before the end of the page.
    if (
      (this.unresolved === 0 && !this.truncated && !this.hostsCut) ||
      this.within.has(root) ||
      this.opts.signal.aborted
    )
      return
    const walker = this.walker(root)
    let n = 0
    for (let node: Node | null = root; node && n < limit; node = walker.nextNode(), n++) {
      if (this.read.has(node)) continue
      if (node.nodeType === Node.TEXT_NODE) {
        if (maybeNumber((node as Text).data)) this.resolve(node)
      } else if (FIELD_TAGS.has((node as Element).tagName)) this.resolve(node)
      else if ((node as Element).shadowRoot && node !== this.opts.skip?.()) {
        // A shadow host past the settle phase's walk (a detail pane built as a web component below a
        // long list): read and observed from now on.
        this.addRoot((node as Element).shadowRoot!)
      }
    }
    // Looked at once per scan, limit hit or not: the same first nodes would be looked at again.
    this.within.add(root)
    if (this.changed) this.book.settle()
  }

  /** Scans a document or shadow root: read it now and observe it from now on. */
  private addRoot(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return
    this.observed.add(root)
    const isDoc = root.nodeType === Node.DOCUMENT_NODE
    const start = isDoc ? ((root as Document).body ?? (root as Document).documentElement) : root
    if (!start) return
    const observer = new MutationObserver((records) => this.onMutations(records))
    observer.observe(isDoc ? (root as Document).documentElement : root, {
      childList: true,
      subtree: true,
      characterData: true,
    })
    this.observers.push(observer)
    if (this.phase === "reading" && isDoc) {
      // The initial read: text only. Fields and shadow hosts come from an element walk after it;
      // frames from the window's list of child frames (no walk over the page's elements).
      this.walks.push({ walker: this.walker(start, NodeFilter.SHOW_TEXT), kind: "read", kept: 0 })
      this.hostWalks.push({ walker: this.walker(start, NodeFilter.SHOW_ELEMENT), kind: "hosts" })
      this.readDocs.push(root as Document)
      for (const frame of childFrames(root as Document)) this.visitFrame(frame)
    } else {
      this.walks.push({ walker: this.walker(start), kind: "full" })
    }
    this.kick()
  }

  private walker(root: Node, what = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document)
    // No NodeFilter: Chromium calls a JS filter for every node, which cost 20–40× the walk itself
    // (bench/browser.bench.ts). Skipped subtrees are stepped over in step() instead.
    return doc.createTreeWalker(root, what)
  }

  /** A full walk's next node; a skipped element's subtree is stepped over without being read. */
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
    const { now, budgetMs } = this.opts
    const t0 = now()
    const deadline = t0 + budgetMs
    const host = this.opts.skip?.()
    resetLabelCache()
    let i = 0
    let ended = false
    let settled = false
    for (;;) {
      // A read batch is ~32 cheap steps: the clock every 16 of them. Anything else (a node resolved,
      // a change read, a walked element) may cost far more: the clock before each.
      const cheap = this.walks[0]?.kind === "read"
      if ((cheap ? (++i & 15) === 0 : ++i > 1) && now() >= deadline) break
      const walk = this.walks[0]
      if (walk) {
        this.walkOne(walk, host)
        continue
      }
      const next = this.pending.shift()
      if (next) {
        this.queued(next)
        continue
      }
      if (this.phase === "reading") {
        // Read everything: resolve where the case's number most likely is, then the scan has ended.
        const n = this.nextEager()
        if (n) {
          this.resolve(n)
          this.strong ||= (this.findings.get(n) ?? []).some(
            (f) => f.source === "title" || labelKind(f.label) === "waybill",
          )
        } else {
          this.phase = "settling"
          this.initialMs = this.ms + (now() - t0)
          ended = true
          this.walks.push(...this.hostWalks)
          this.hostWalks = []
          for (const doc of this.readDocs) this.fields.push(...fieldsOf(doc))
          this.readDocs = []
          // The slice ends here: its findings go to the sidebar now, the rest comes after.
          break
        }
        continue
      }
      if (this.phase === "settling") {
        const n = this.nextRemembered()
        if (n) this.resolve(n)
        else {
          this.phase = "watching"
          this.settledMs = this.ms + (now() - t0)
          settled = true
        }
        continue
      }
      break
    }
    // Tally this slice's findings now, in small steps, not all at once in the next state build.
    this.book.settle()
    const took = now() - t0
    this.ms += took
    // Visible to a profiler or `npm run bench`: a slice that overran its budget by far.
    if (took > LONG_SLICE_MS) measure("cs-sidekick:long-slice", t0, took)
    if (ended) {
      // The main-thread time the scan cost, apart from the yields.
      mark("cs-sidekick:scan-end", { ms: this.initialMs, nodes: this.nodes, truncated: this.truncated })
    }
    if (settled) mark("cs-sidekick:scan-settled", { ms: this.settledMs, resolved: this.resolved })
    const more = this.walks.length > 0 || this.pending.length > 0 || this.phase !== "watching"
    if (more) this.kick()
    else this.busy = false
    if (this.changed) {
      this.changed = false
      this.opts.onChange()
    }
  }

  /** One step of a walk: a read remembers candidates, a full walk reads, a host walk finds shadow roots. */
  private walkOne(walk: Walk, host: Element | null | undefined): void {
    if (walk.kind === "read") {
      // The hot loop of the scan: a batch of text nodes, one cheap test each, nothing else.
      const { walker } = walk
      const texts = this.texts
      const before = texts.length
      const batch = Math.min(READ_BATCH, this.opts.maxNodes - this.nodes)
      let k = 0
      for (; k < batch; k++) {
        const n = walker.nextNode()
        if (!n) break
        // Its length only: the text itself is tested later, for the few that are looked at.
        if ((n as Text).length >= 8) texts.push(n)
      }
      this.nodes += k
      walk.kept = (walk.kept ?? 0) + texts.length - before
      if (k < batch) this.walks.shift()
      else if (walk.kept >= this.opts.rememberMax) {
        // Enough of this document: the rest is read on demand or when it changes.
        this.truncated = true
        this.walks.shift()
      } else if (this.nodes >= this.opts.maxNodes) {
        // The caps end the initial read only: changes reported meanwhile are still read in full.
        this.truncated = true
        this.walks = this.walks.filter((w) => w.kind !== "read")
      }
      return
    }
    if (walk.kind === "hosts") {
      const el = this.hostNodes++ < HOST_WALK_MAX ? (walk.walker.nextNode() as Element | null) : null
      if (!el) {
        this.hostsCut ||= this.hostNodes > HOST_WALK_MAX
        this.walks.shift()
      } else if (el.shadowRoot && el !== host) this.addRoot(el.shadowRoot)
      return
    }
    const n = this.step(walk.walker, host)
    if (n) this.visit(n)
    else this.walks.shift()
  }

  /** The next candidate to resolve before the scan ends, in page order, or null when enough were. */
  private nextEager(): Node | null {
    if (this.eager >= EAGER_MAX || (this.eager >= EAGER_TEXTS && this.strong)) return null
    const { texts } = this
    while (this.textAt < texts.length) {
      const n = texts[this.textAt++]
      if (maybeNumber((n as Text).data)) {
        this.eager++
        return n
      }
    }
    return null
  }

  /**
   * The next candidate to resolve after the scan: the fields first (up to `FIELDS_MAX`), then the
   * remembered texts in page order while fewer than `RESOLVE_MAX` were resolved; only those still on
   * the page, not yet read, passing the cheap test.
   */
  private nextRemembered(): Node | null {
    const fields = Math.min(this.fields.length, FIELDS_MAX)
    while (this.fieldAt < fields) {
      const n = this.fields[this.fieldAt++]
      if (!this.read.has(n) && n.isConnected) return n
    }
    if (this.resolved >= RESOLVE_MAX) return null
    while (this.textAt < this.texts.length) {
      const n = this.texts[this.textAt++]
      if (!this.read.has(n) && n.isConnected && maybeNumber((n as Text).data)) return n
    }
    return null
  }

  /** Reads one remembered candidate (a text node or a field) in full. */
  private resolve(n: Node): void {
    if (this.read.has(n) || !n.isConnected) return
    this.resolved++
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement
      // The initial read did not step around skipped subtrees: look now, for candidates only.
      if (!parent || FIELD_TAGS.has(parent.tagName) || this.skipped(parent)) {
        this.read.add(n)
        return
      }
    }
    this.readNode(n) // counted when the initial read remembered it
  }

  /** A node reported by an observer: a text node is read, an element is walked. */
  private queued(n: Node): void {
    if (!n.isConnected) return
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement
      if (parent && !FIELD_TAGS.has(parent.tagName) && !this.skipped(parent)) this.visit(n)
      return
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return
    const el = n as Element
    if (this.skipped(el)) return
    // Only the added subtree is searched: work in proportion to the change.
    if (el.matches(CASE_PARTS_SELECTOR) || el.querySelector(CASE_PARTS_SELECTOR)) this.caseEpoch++
    this.visit(el)
    if (el.firstChild) {
      // Walk the subtree now, not after the whole pending list.
      this.walks.unshift({ walker: this.walker(el), kind: "full" })
    }
  }

  private skipped(el: Element): boolean {
    const host = this.opts.skip?.()
    if (host && (el === host || host.contains(el))) return true
    return el.closest(SKIP_SELECTOR) !== null
  }

  private visit(n: Node): void {
    this.nodes++
    this.readNode(n)
  }

  /** Reads a node in full: a text's numbers, a field's value, a shadow root or frame to scan. */
  private readNode(n: Node): void {
    this.read.add(n)
    if (n.nodeType === Node.TEXT_NODE) return this.visitText(n as Text)
    const el = n as Element
    if (FIELD_TAGS.has(el.tagName)) this.visitField(el as HTMLInputElement | HTMLTextAreaElement)
    if (el.shadowRoot) this.addRoot(el.shadowRoot)
    if (el.tagName === "IFRAME" || el.tagName === "FRAME") this.visitFrame(el as HTMLIFrameElement)
  }

  private visitText(node: Text): void {
    const text = node.data
    if (this.put(node, undefined)) this.changed = true
    const parent = node.parentElement
    // A textarea's text child is its default value: the field itself is read instead.
    if (!maybeNumber(text) || (parent && FIELD_TAGS.has(parent.tagName))) return
    const label = labelForText(node)
    const found = this.opts.detect(text.slice(0, MAX_TEXT), {
      label: label || undefined,
      carrierHint: this.carrierHint,
    })
    if (found.length === 0) return
    // In the ticket's title (h1, .ticket-title …), if that is short enough to be a title.
    const titleEl = parent?.closest(TITLE_SELECTOR)
    const source: CandidateSource = titleEl && (titleEl.textContent ?? "").length <= 200 ? "title" : "text"
    this.put(
      node,
      found.map((f) => ({ ...f, source, label: label || undefined })),
    )
    this.changed = true
  }

  private visitField(el: HTMLInputElement | HTMLTextAreaElement): void {
    if (this.put(el, undefined)) this.changed = true
    if (!fieldMayHold(el)) return
    const value = el.value
    const label = labelForField(el)
    const found = this.opts.detect(value.slice(0, MAX_TEXT), {
      label: label || undefined,
      carrierHint: this.carrierHint,
    })
    if (found.length === 0) return
    const hidden = el instanceof HTMLInputElement && el.type.toLowerCase() === "hidden"
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
        this.opts.onFrame?.(doc)
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
