import { Automaton } from "./automaton"
import { buildHomophoneIndex, type HomophoneIndex } from "./normalise"
import { parseTrigger } from "./trigger"
import type { Phrasebook, PhrasingContext, PhrasingRule } from "./types"

/** Flags every guard/requires pattern is compiled with (the schema checks with the same). */
export const CONTEXT_FLAGS = "iu"

/** Guard or requires patterns, compiled and anchored for their window. */
export interface CompiledContext {
  before: RegExp[]
  after: RegExp[]
  sentence: RegExp[]
}

/** One trigger of one rule. */
export interface CompiledTrigger {
  /** Index into {@link CompiledPhrasebook.rules}. */
  rule: number
  segments: string[]
  anchorStart: boolean
  anchorEnd: boolean
}

/** A rule with its patterns compiled. */
export interface CompiledRule {
  rule: PhrasingRule
  /** forbidden 3, warning 2, hint 1: used to break overlaps. */
  rank: number
  guards: CompiledContext | undefined
  requires: CompiledContext | undefined
}

/** A phrasebook compiled for {@link lintPhrasing}: built once per book object and cached. */
export interface CompiledPhrasebook {
  book: Phrasebook
  rules: CompiledRule[]
  triggers: CompiledTrigger[]
  /** Automaton over the distinct first segments of all triggers. */
  automaton: Automaton
  /** Automaton pattern index → the triggers that start with that segment. */
  bySegment: number[][]
  /** Sound index of every trigger segment, for typo correction before matching. */
  homophones: HomophoneIndex
}

const RANK = { forbidden: 3, warning: 2, hint: 1 } as const

/** Compiles one regex source for a window; throws with the offending source on a syntax error. */
export function compileContextPattern(source: string, where: keyof PhrasingContext): RegExp {
  const anchored = where === "before" ? `(?:${source})$` : where === "after" ? `^(?:${source})` : source
  return new RegExp(anchored, CONTEXT_FLAGS)
}

function compileContext(ctx: PhrasingContext | undefined): CompiledContext | undefined {
  if (!ctx) return undefined
  const list = (where: keyof PhrasingContext): RegExp[] =>
    (ctx[where] ?? []).map((source) => compileContextPattern(source, where))
  const compiled = { before: list("before"), after: list("after"), sentence: list("sentence") }
  const empty = compiled.before.length + compiled.after.length + compiled.sentence.length === 0
  return empty ? undefined : compiled
}

const cache = new WeakMap<Phrasebook, CompiledPhrasebook>()

/**
 * Compiles a phrasebook into one Aho–Corasick automaton plus per-rule guard regexes. Cached per
 * book object, so treat books as immutable (edit a copy). Throws on an invalid trigger or regex;
 * validate untrusted books with `phrasebookSchema` first.
 */
export function compilePhrasebook(book: Phrasebook): CompiledPhrasebook {
  const cached = cache.get(book)
  if (cached) return cached
  const rules: CompiledRule[] = []
  const triggers: CompiledTrigger[] = []
  const segmentIndex = new Map<string, number>()
  const bySegment: number[][] = []
  book.rules.forEach((rule, ruleIndex) => {
    rules.push({
      rule,
      rank: RANK[rule.severity],
      guards: compileContext(rule.guards),
      requires: compileContext(rule.requires),
    })
    for (const source of rule.triggers) {
      const parsed = parseTrigger(source)
      if (typeof parsed === "string") throw new Error(`${rule.id}: trigger “${source}”: ${parsed}`)
      const first = parsed.segments[0]
      let seg = segmentIndex.get(first)
      if (seg === undefined) {
        seg = bySegment.length
        segmentIndex.set(first, seg)
        bySegment.push([])
      }
      bySegment[seg].push(triggers.length)
      triggers.push({ rule: ruleIndex, ...parsed })
    }
  })
  const compiled: CompiledPhrasebook = {
    book,
    rules,
    triggers,
    automaton: new Automaton([...segmentIndex.keys()]),
    bySegment,
    homophones: buildHomophoneIndex(triggers.flatMap((t) => t.segments)),
  }
  cache.set(book, compiled)
  return compiled
}
