import { type CompiledContext, type CompiledPhrasebook, compilePhrasebook } from "./compile"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { type NormalisedText, normaliseText, toOriginal } from "./normalise"
import * as chars from "./trigger"
import { GAP_MAX, type Phrasebook, type PhrasingFinding, WINDOW } from "./types"

/** A trigger hit that survived anchors, requires and guards, before overlaps are resolved. */
export interface Candidate {
  trigger: number
  rule: number
  start: number
  end: number
}

/** How far back an unclosed quote still counts (quotes rarely span more in a chat reply). */
const QUOTE_WINDOW = 80
/**
 * Reported speech in the same clause ("客户说你们这个不行", "派件员反映…"): the agent is quoting,
 * not speaking. "跟您说/给您说" is the agent talking, so 您 counts only without such a preposition.
 */
const REPORTED_SPEECH =
  /(?:客户|顾客|用户|收件人|寄件人|对方|他们|他|她|派件员|快递员|配送员|小哥|网点|商家|卖家|师傅|同事|(?<![跟和给对向同])您)(?:刚才|之前|当时|也|还|一直)?(?:说|反映|提到|表示|称|讲|问)/u

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

// Local copies: hot loops should not go through module-namespace getters (CJS interop in tests).
const CLASS = chars.CHAR_CLASS
const SENTENCE = chars.SENTENCE_BIT
const CLAUSE = chars.CLAUSE_BIT
const OPEN_QUOTE = chars.OPEN_QUOTE_BIT
const CLOSE_QUOTE = chars.CLOSE_QUOTE_BIT
const foldCode = chars.foldCode

const DOUBLE = 0x22
const SINGLE = 0x27
const RIGHT_SINGLE = 0x2019
const NEWLINE = 0x0a

/** True when `start` sits inside a quotation opened earlier on the same line (bounded scan). */
export function insideQuotes(text: string, start: number): boolean {
  let straightDouble = 0
  let straightSingle = 0
  const stop = Math.max(0, start - QUOTE_WINDOW)
  for (let i = start - 1; i >= stop; i--) {
    const code = text.charCodeAt(i)
    if (code === NEWLINE) break
    if (code === SINGLE || code === RIGHT_SINGLE) {
      // An apostrophe (it's, don’t) is not a quote.
      if (isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) continue
      if (code === SINGLE) {
        straightSingle++
        continue
      }
    }
    if (code === DOUBLE) {
      straightDouble++
      continue
    }
    const cls = CLASS[code]
    // The nearest curly/corner quote decides: an opener means we are inside.
    if (cls & OPEN_QUOTE) return true
    if (cls & CLOSE_QUOTE) break
  }
  return straightDouble % 2 === 1 || straightSingle % 2 === 1
}

/** Folded comparison of `segment` (already folded) against `text` at `at`. */
function segmentAt(text: string, at: number, segment: string): boolean {
  if (at + segment.length > text.length) return false
  for (let k = 0; k < segment.length; k++) {
    if (foldCode(text.charCodeAt(at + k)) !== segment.charCodeAt(k)) return false
  }
  return true
}

/** Bounds of the windows around a hit; strings are sliced only for the kinds a rule uses. */
interface Span {
  text: string
  from: number
  start: number
  end: number
  to: number
}

function anyMatch(patterns: RegExp[], subject: string): boolean {
  for (const re of patterns) if (re.test(subject)) return true
  return false
}

function kindMatches(ctx: CompiledContext, kind: keyof CompiledContext, w: Span): boolean {
  const patterns = ctx[kind]
  const subject =
    kind === "before"
      ? w.text.slice(w.from, w.start)
      : kind === "after"
        ? w.text.slice(w.end, w.to)
        : w.text.slice(w.from, w.to)
  return anyMatch(patterns, subject)
}

/** Every kind the rule lists has at least one match. */
function contextHolds(ctx: CompiledContext, w: Span): boolean {
  return (
    (ctx.before.length === 0 || kindMatches(ctx, "before", w)) &&
    (ctx.after.length === 0 || kindMatches(ctx, "after", w)) &&
    (ctx.sentence.length === 0 || kindMatches(ctx, "sentence", w))
  )
}

/** Any guard pattern matches. */
function guarded(ctx: CompiledContext, w: Span): boolean {
  return (
    (ctx.before.length > 0 && kindMatches(ctx, "before", w)) ||
    (ctx.after.length > 0 && kindMatches(ctx, "after", w)) ||
    (ctx.sentence.length > 0 && kindMatches(ctx, "sentence", w))
  )
}

const COMMA = 0xff0c
const ASCII_COMMA = 0x2c
/** First characters of the verbs in {@link REPORTED_SPEECH}: a cheap pre-check before the regex. */
const SPEECH_VERBS = new Set([..."说反提表称讲问"].map((c) => c.charCodeAt(0)))

/** Reported speech in the hit's clause (from the last comma before it). */
export function reported(text: string, from: number, start: number): boolean {
  let clause = start
  let verb = false
  while (clause > from) {
    const code = text.charCodeAt(clause - 1)
    if (code === COMMA || code === ASCII_COMMA) break
    if (SPEECH_VERBS.has(code)) verb = true
    clause--
  }
  return verb && REPORTED_SPEECH.test(text.slice(clause, start))
}

/**
 * Checks trigger `t` whose first segment occupies [start, firstEnd): later segments across their
 * gaps, anchors, requires, guards, quotes and reported speech. All work is bounded by WINDOW.
 * @internal exported for the benchmark's naive baseline, which must share it to agree.
 */
export function evaluateHit(
  compiled: CompiledPhrasebook,
  t: number,
  text: string,
  start: number,
  firstEnd: number,
): Candidate | undefined {
  const trigger = compiled.triggers[t]
  if (trigger.anchorStart && start > 0 && !(CLASS[text.charCodeAt(start - 1)] & CLAUSE)) return undefined
  let end = firstEnd
  for (let s = 1; s < trigger.segments.length; s++) {
    const segment = trigger.segments[s]
    let found = -1
    for (let gap = 0; gap <= GAP_MAX && end + gap < text.length; gap++) {
      if (gap > 0 && CLASS[text.charCodeAt(end + gap - 1)] & SENTENCE) break
      if (segmentAt(text, end + gap, segment)) {
        found = end + gap
        break
      }
    }
    if (found < 0) return undefined
    end = found + segment.length
  }
  if (trigger.anchorEnd && end < text.length && !(CLASS[text.charCodeAt(end)] & CLAUSE)) return undefined

  let from = start
  const fromLimit = Math.max(0, start - WINDOW)
  while (from > fromLimit && !(CLASS[text.charCodeAt(from - 1)] & SENTENCE)) from--
  let to = end
  const toLimit = Math.min(text.length, end + WINDOW)
  while (to < toLimit && !(CLASS[text.charCodeAt(to)] & SENTENCE)) to++
  const w: Span = { text, from, start, end, to }

  const rule = compiled.rules[trigger.rule]
  if (rule.requires && !contextHolds(rule.requires, w)) return undefined
  if (rule.guards && guarded(rule.guards, w)) return undefined
  if (insideQuotes(text, start)) return undefined
  if (reported(text, from, start)) return undefined
  return { trigger: t, rule: trigger.rule, start, end }
}

/** Above this many candidates, order them with a counting sort so huge inputs stay linear. */
const COUNTING_SORT_MIN = 512

/** Candidates in priority order: longer span, then higher severity, then earlier rule, then earlier start. */
function byPriority(compiled: CompiledPhrasebook, byStart: Candidate[]): Candidate[] {
  const { rules } = compiled
  if (byStart.length < COUNTING_SORT_MIN) {
    return [...byStart].sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        rules[b.rule].rank - rules[a.rule].rank ||
        a.rule - b.rule ||
        a.start - b.start,
    )
  }
  // Spans are short (bounded triggers and gaps), so (length, rank, rule) packs into a small key;
  // a stable counting sort over the start-ordered list keeps "earlier start" as the last tie-break.
  let maxLen = 0
  for (const c of byStart) maxLen = Math.max(maxLen, c.end - c.start)
  const n = rules.length
  const key = (c: Candidate): number =>
    ((maxLen - (c.end - c.start)) * 4 + (3 - rules[c.rule].rank)) * n + c.rule
  const counts = new Uint32Array((maxLen + 1) * 4 * n + 1)
  for (const c of byStart) counts[key(c) + 1]++
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1]
  const out = new Array<Candidate>(byStart.length)
  for (const c of byStart) out[counts[key(c)]++] = c
  return out
}

/**
 * Keeps non-overlapping candidates: longer span first, then higher severity, then earlier rule.
 * @internal exported for the benchmark's naive baseline.
 */
export function resolveFindings(
  compiled: CompiledPhrasebook,
  text: string,
  candidates: Candidate[],
): PhrasingFinding[] {
  // The automaton reports by end, so starts are nearly sorted already and this sort is cheap.
  let kept = candidates.length > 1 ? [...candidates].sort((a, b) => a.start - b.start) : candidates
  let overlapping = false
  for (let i = 1; i < kept.length && !overlapping; i++) overlapping = kept[i].start < kept[i - 1].end
  // Drafts rarely have overlapping hits; only then is the priority pass needed.
  if (overlapping) {
    const taken = new Uint8Array(text.length)
    const ordered = byPriority(compiled, kept)
    kept = []
    outer: for (const c of ordered) {
      for (let i = c.start; i < c.end; i++) if (taken[i]) continue outer
      taken.fill(1, c.start, c.end)
      kept.push(c)
    }
    kept.sort((a, b) => a.start - b.start)
  }
  return kept.map((c): PhrasingFinding => {
    const { rule } = compiled.rules[c.rule]
    return {
      ruleId: rule.id,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      category: rule.category,
      severity: rule.severity,
      message: rule.message,
      replacements: rule.replacements,
    }
  })
}

/**
 * The rule pass over an already normalised text; findings point into `normalised.text`.
 * @internal the combined check (rules + tone model) shares one normalisation.
 */
export function lintNormalised(normalised: string, book: Phrasebook): PhrasingFinding[] {
  if (normalised.length === 0) return []
  const compiled = compilePhrasebook(book)
  const { automaton, bySegment } = compiled
  const candidates: Candidate[] = []
  automaton.scan(normalised, (segment, end) => {
    const start = end - automaton.lengths[segment]
    for (const t of bySegment[segment]) {
      const c = evaluateHit(compiled, t, normalised, start, end)
      if (c) candidates.push(c)
    }
  })
  return resolveFindings(compiled, normalised, candidates)
}

/**
 * Moves findings on a normalised text back onto the original: spans through the offset map, `text`
 * from the original. Two findings that land on one typed character (冇 → 没有) keep the first.
 */
export function findingsToOriginal<F extends PhrasingFinding>(n: NormalisedText, findings: F[]): F[] {
  if (n.identity) return findings
  const out: F[] = []
  let last = 0
  for (const f of findings) {
    const { start, end } = toOriginal(n, f.start, f.end)
    if (start < last) continue
    out.push({ ...f, start, end, text: n.original.slice(start, end) })
    last = end
  }
  return out
}

/** A draft normalised for matching `book`'s rules (its trigger words' sounds correct typos). */
export function normaliseDraft(text: string, book: Phrasebook): NormalisedText {
  return normaliseText(text, compilePhrasebook(book).homophones)
}

/**
 * Finds blunt or forbidden wording in an agent's draft: the draft is normalised first (variants,
 * typos, traditional characters, separators; see `normalise.ts`), then one pass of the book's
 * automaton, guards checked in bounded windows around each hit, overlaps resolved. Findings point at
 * the characters the agent typed. Linear in the draft's length; sorted by `start`, never overlapping.
 */
export function lintPhrasing(text: string, book: Phrasebook = DEFAULT_PHRASEBOOK): PhrasingFinding[] {
  // Blank text (an empty form's joined fields) has nothing to flag: no need to compile the book for it.
  if (text.trim().length === 0) return []
  const n = normaliseDraft(text, book)
  return findingsToOriginal(n, lintNormalised(n.text, book))
}
