/**
 * The scanner's findings tallied per number as they change, so that rebuilding the page state costs
 * in proportion to what changed, not to the page (bench: 10 rows appended to a 10,000-row list).
 * For each number it keeps its findings in page order and its tally; for the ranking it keeps the
 * best few tallies by every order chooseCurrent applies (score, frequency, title, waybill label).
 * A tally that drops out of a kept list's reach makes that list be rebuilt once from all tallies.
 */
import { baseScore, type Tally } from "~lib/page/choose-current"
import { labelKind } from "~lib/page/labels"
import type { CandidateSource, CarrierGuess } from "~lib/protocol/types"

/** A number found in a text or field, with its carrier guesses. */
export interface DetectedNumber {
  number: string
  carriers: CarrierGuess[]
}
export type Detect = (text: string, context: { label?: string; carrierHint?: string }) => DetectedNumber[]

/** A number as the scanner found it: where (source, label), and whether in a hidden input. */
export interface Finding extends DetectedNumber {
  source: CandidateSource
  label?: string
  /** From a hidden input: counts, but only once per number. */
  hidden?: boolean
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

/** The tally of one number's findings (for the scanner's TallyBook). */
export const tallyOf = (lists: Iterable<Finding[]>): Tally | undefined => buildTallies(lists)[0]

export interface Agg {
  number: string
  /** This number's findings per node, in the order the nodes were (re)read. */
  entries: Map<Node, { seq: number; list: Finding[] }>
  tally: Tally
  score: number
  plausible: boolean
  title: boolean
  waybillLabel: boolean
}

/** Higher score first, then first seen: chooseCurrent's rank without focus and selection. */
const byRank = (a: Agg, b: Agg): number => b.score - a.score || a.tally.firstSeen - b.tally.firstSeen
const byCount = (a: Agg, b: Agg): number => b.tally.count - a.tally.count || byRank(a, b)

/** The best `size` aggregates under `order` among those `accepts`; rebuilt from all when unsure. */
class Best {
  items: Agg[] = []
  // Valid from the start: an empty book's best are none. Then only a drop can make it rebuild.
  private valid = true
  constructor(
    readonly order: (a: Agg, b: Agg) => number,
    readonly accepts: (a: Agg) => boolean,
    readonly size: number,
  ) {}

  /** Back to the empty book's (no) best. */
  reset(): void {
    this.items = []
    this.valid = true
  }

  /** `worse`: the aggregate may now rank lower than before (or is gone). */
  update(agg: Agg, gone: boolean, worse: boolean): void {
    if (!this.valid) return
    const at = this.items.indexOf(agg)
    if (at >= 0) {
      // It may now belong below something that was never kept: only a rebuild can tell.
      if (gone || worse || !this.accepts(agg)) this.valid = false
      else this.items.sort(this.order)
      return
    }
    if (gone || !this.accepts(agg)) return
    const last = this.items[this.items.length - 1]
    if (this.items.length < this.size) {
      // Fewer kept than the size: these were all there were.
      this.items.push(agg)
      this.items.sort(this.order)
    } else if (last && this.order(agg, last) < 0) {
      this.items[this.items.length - 1] = agg
      this.items.sort(this.order)
    }
  }

  get(all: () => Iterable<Agg>): Agg[] {
    if (!this.valid) {
      const kept: Agg[] = []
      for (const a of all()) if (this.accepts(a)) kept.push(a)
      kept.sort(this.order)
      this.items = kept.slice(0, this.size)
      this.valid = true
    }
    return this.items
  }
}

// More than PageState's 20 candidates, so that focus / selection bonuses cannot reach past the list.
const KEEP = 40

export class TallyBook {
  private seq = 0
  private readonly byNumber = new Map<string, Agg>()
  private readonly dirty = new Set<Agg>()
  private readonly lists = [
    new Best(byRank, () => true, KEEP),
    new Best(byCount, (a) => a.plausible, KEEP),
    new Best(byRank, (a) => a.title, KEEP),
    new Best(byRank, (a) => a.waybillLabel, KEEP),
  ]

  clear(): void {
    this.byNumber.clear()
    this.dirty.clear()
    for (const l of this.lists) l.reset()
  }

  /** A node's findings changed from `before` to `after` (either may be empty). */
  change(node: Node, before: Finding[] | undefined, after: Finding[] | undefined): void {
    if (before)
      for (const f of before) {
        const agg = this.byNumber.get(f.number)
        if (agg?.entries.delete(node)) this.dirty.add(agg)
      }
    if (!after || after.length === 0) return
    const seq = this.seq++
    for (const f of after) {
      let agg = this.byNumber.get(f.number)
      if (!agg) {
        agg = {
          number: f.number,
          entries: new Map(),
          tally: { number: f.number, carriers: [], sources: new Set(), count: 0, firstSeen: seq },
          score: -Infinity,
          plausible: false,
          title: false,
          waybillLabel: false,
        }
        this.byNumber.set(f.number, agg)
      }
      const entry = agg.entries.get(node)
      if (entry) entry.list.push(f)
      else agg.entries.set(node, { seq, list: [f] })
      this.dirty.add(agg)
    }
  }

  get(number: string): Agg | undefined {
    this.settle()
    return this.byNumber.get(number)
  }

  /** The numbers chooseCurrent could pick or list first, by each of its orders. */
  best(): Agg[] {
    this.settle()
    const out = new Set<Agg>()
    for (const l of this.lists) for (const a of l.get(() => this.byNumber.values())) out.add(a)
    return [...out]
  }

  get size(): number {
    return this.byNumber.size
  }

  /** Re-tallies the numbers that changed since the last call (the scanner calls it after each slice). */
  settle(): void {
    for (const agg of this.dirty) {
      const before = { score: agg.score, count: agg.tally.count, firstSeen: agg.tally.firstSeen }
      const gone = agg.entries.size === 0
      if (gone) this.byNumber.delete(agg.number)
      else {
        const lists: Finding[][] = []
        let first = Infinity
        for (const e of agg.entries.values()) {
          lists.push(e.list)
          if (e.seq < first) first = e.seq
        }
        const t = tallyOf(lists)
        if (!t) continue
        t.firstSeen = first
        agg.tally = t
        agg.score = baseScore(t)
        const kind = labelKind(t.label)
        agg.plausible = kind !== "other-number"
        agg.waybillLabel = kind === "waybill"
        agg.title = t.sources.has("title")
      }
      const worse =
        agg.score < before.score || agg.tally.count < before.count || agg.tally.firstSeen > before.firstSeen
      for (const l of this.lists) l.update(agg, gone, worse)
    }
    this.dirty.clear()
  }
}
