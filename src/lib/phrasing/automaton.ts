import * as chars from "./trigger"

const foldCode = chars.foldCode

/**
 * Aho–Corasick automaton over folded literal patterns: one left-to-right pass reports every
 * occurrence of every pattern, in time linear in the text plus the number of matches.
 */
export class Automaton {
  /** Root transitions as a flat table: most characters of a draft leave the automaton at the root. */
  private readonly root = new Int32Array(0x10000)
  private readonly next: Map<number, number>[] = [new Map()]
  private readonly fail: number[] = [0]
  /** Pattern index ending at this node, or -1. */
  private readonly out: number[] = [-1]
  /** Nearest node on the fail chain that has an output (0 = none). */
  private readonly dict: number[] = [0]
  /** Length of each pattern, so matches can report their start. */
  readonly lengths: number[]

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length)
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error("empty pattern")
      let node = 0
      for (let i = 0; i < pattern.length; i++) {
        const code = foldCode(pattern.charCodeAt(i))
        let child = this.next[node].get(code)
        if (child === undefined) {
          child = this.next.length
          this.next.push(new Map())
          this.fail.push(0)
          this.out.push(-1)
          this.dict.push(0)
          this.next[node].set(code, child)
        }
        node = child
      }
      // Duplicate patterns keep the first index; callers dedupe before building.
      if (this.out[node] < 0) this.out[node] = index
    })
    const queue: number[] = []
    for (const [code, child] of this.next[0]) {
      this.root[code] = child
      queue.push(child)
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]
      for (const [code, child] of this.next[node]) {
        let f = this.fail[node]
        while (f !== 0 && !this.next[f].has(code)) f = this.fail[f]
        const target = f === 0 ? this.root[code] : (this.next[f].get(code) as number)
        this.fail[child] = target === child ? 0 : target
        const fc = this.fail[child]
        this.dict[child] = this.out[fc] >= 0 ? fc : this.dict[fc]
        queue.push(child)
      }
    }
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence, `end` exclusive, in order of `end`. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void {
    const { root, next, fail, out, dict } = this
    let node = 0
    for (let i = 0; i < text.length; i++) {
      const code = foldCode(text.charCodeAt(i))
      for (;;) {
        if (node === 0) {
          node = root[code]
          break
        }
        const child = next[node].get(code)
        if (child !== undefined) {
          node = child
          break
        }
        node = fail[node]
      }
      let hit = out[node] >= 0 ? node : dict[node]
      while (hit !== 0) {
        onMatch(out[hit], i + 1)
        hit = dict[hit]
      }
    }
  }
}
