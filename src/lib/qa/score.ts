/**
 * Scores a whole conversation against the service checklist (manual 004 2.1/2.2, 000 (一)(四)(八)).
 * Pure and linear: every detector is a bounded regex run once per turn, the items walk the turns once.
 */
import { lintPhrasing } from "../phrasing/lint"
import type { Phrasebook } from "../phrasing/types"
import { DEFAULT_PHRASEBOOK as DEFAULT_CHECKLIST_BOOK } from "../phrasing/default-phrasebook"
import { maskQuotes } from "./quotes"
import {
  type Checklist,
  type Evidence,
  ITEM_IDS,
  type ItemId,
  type ItemResult,
  type Outcome,
  type ScoreOptions,
  type ScoreResult,
  type Turn,
} from "./types"

/** Flags every detector is compiled with ("g" only so a search can start at an offset). */
export const DETECTOR_FLAGS = "giu"

/** A detector role's patterns, compiled. */
type Compiled = Map<ItemId, Record<string, RegExp[]>>

const cache = new WeakMap<Checklist, Compiled>()

/** Compiles a checklist's detectors (cached per checklist object; treat checklists as immutable). Throws on a bad regex. */
export function compileChecklist(checklist: Checklist): Compiled {
  const hit = cache.get(checklist)
  if (hit) return hit
  const compiled: Compiled = new Map()
  for (const item of checklist.items) {
    const roles: Record<string, RegExp[]> = {}
    for (const [role, sources] of Object.entries(item.detectors)) {
      roles[role] = sources.map((s) => new RegExp(s, DETECTOR_FLAGS))
    }
    compiled.set(item.id, roles)
  }
  cache.set(checklist, compiled)
  return compiled
}

interface Span {
  start: number
  end: number
}

/** The earliest non-empty match of any pattern in text[from, to), or null. */
export function firstMatch(
  patterns: readonly RegExp[] | undefined,
  text: string,
  from = 0,
  to = text.length,
): Span | null {
  if (!patterns) return null
  let best: Span | null = null
  for (const re of patterns) {
    re.lastIndex = from
    const m = re.exec(text)
    if (!m || m[0].length === 0 || m.index >= to) continue
    if (best === null || m.index < best.start)
      best = { start: m.index, end: Math.min(m.index + m[0].length, to) }
  }
  return best
}

/** Per-item result with what the live checklist needs besides the scorecard. */
export interface DetailedItemResult extends ItemResult {
  /** The turn whose wording decided a "fail" (the one to fix). */
  at?: number
  /** What is missing, e.g. ["time"] for a deferral without a reply time. */
  missing?: string[]
}

/** Greetings sit at the very start of a turn. */
const GREETING_HEAD = 150
/** Closing words are looked for in this many of the last agent turns. */
const CLOSING_TURNS = 2

interface Ctx {
  turns: Turn[]
  /** Agent turns with quoted words blanked; customer turns as they are. */
  masked: string[]
  opts: ScoreOptions
  det: Record<string, RegExp[]>
  book: Phrasebook
}

const ev = (turn: number, s: Span): Evidence => ({ turn, start: s.start, end: s.end })

function greeting(c: Ctx): DetailedItemResult {
  const a = c.turns.findIndex((t) => t.role === "agent")
  if (a < 0) return { id: "greeting", outcome: "na" }
  const text = c.masked[a]
  const head = Math.min(text.length, GREETING_HEAD)
  const evidence: Evidence[] = []
  const missing: string[] = []
  const greet = firstMatch(c.det.greet, text, 0, head)
  if (greet) evidence.push(ev(a, greet))
  else missing.push("greet")
  const name = c.opts.companyName?.trim()
  const company = name ? findLiteral(text, name, head) : firstMatch(c.det.company, text, 0, head)
  if (company) evidence.push(ev(a, company))
  else missing.push("company")
  const id = c.opts.agentId?.trim()
  if (id) {
    const found = findLiteral(text, id, head)
    if (found) evidence.push(ev(a, found))
    else missing.push("agentId")
  }
  evidence.sort((x, y) => x.start - y.start)
  return missing.length === 0
    ? { id: "greeting", outcome: "pass", evidence }
    : {
        id: "greeting",
        outcome: "fail",
        evidence: evidence.length ? evidence : head > 0 ? [{ turn: a, start: 0, end: head }] : undefined,
        at: a,
        missing,
      }
}

/** Case-insensitive literal search in text[0, to); a number must not run on into more digits. */
function findLiteral(text: string, needle: string, to: number): Span | null {
  const hay = text.slice(0, Math.min(text.length, to + needle.length)).toLowerCase()
  const n = needle.toLowerCase()
  const digits = /^\d+$/.test(n)
  for (let i = hay.indexOf(n); i >= 0 && i < to; i = hay.indexOf(n, i + 1)) {
    if (digits && (/\d/.test(hay[i - 1] ?? "") || /\d/.test(hay[i + n.length] ?? ""))) continue
    return { start: i, end: i + n.length }
  }
  return null
}

function restate(c: Ctx): DetailedItemResult {
  let problem = -1
  let problemSpan: Span | null = null
  for (let i = 0; i < c.turns.length && problem < 0; i++) {
    if (c.turns[i].role !== "customer") continue
    problemSpan = firstMatch(c.det.problem, c.masked[i])
    if (problemSpan) problem = i
  }
  if (problem < 0 || !problemSpan) return { id: "restate", outcome: "na" }
  let lastAgent = -1
  for (let i = problem + 1; i < c.turns.length; i++) {
    if (c.turns[i].role !== "agent") continue
    lastAgent = i
    const r = firstMatch(c.det.restate, c.masked[i])
    if (r) return { id: "restate", outcome: "pass", evidence: [ev(problem, problemSpan), ev(i, r)] }
    const s = firstMatch(c.det.solution, c.masked[i])
    if (s)
      return {
        id: "restate",
        outcome: "fail",
        evidence: [ev(problem, problemSpan), ev(i, s)],
        at: i,
        missing: ["restate"],
      }
  }
  return {
    id: "restate",
    outcome: "fail",
    evidence: [ev(problem, problemSpan)],
    at: lastAgent >= 0 ? lastAgent : undefined,
    missing: ["restate"],
  }
}

function apologyFirst(c: Ctx): DetailedItemResult {
  const evidence: Evidence[] = []
  let upset: { turn: number; span: Span } | null = null
  let seen = false
  for (let i = 0; i < c.turns.length; i++) {
    if (c.turns[i].role === "customer") {
      if (!upset) {
        const u = firstMatch(c.det.upset, c.masked[i])
        if (u) upset = { turn: i, span: u }
      }
      continue
    }
    if (!upset) continue
    seen = true
    // The agent's first reply after the upset turn: the apology must come before any explanation.
    const text = c.masked[i]
    const a = firstMatch(c.det.apology, text)
    const e = firstMatch(c.det.explain, text, 0, a ? a.start : text.length)
    if (!a || e) {
      const ev2 = [ev(upset.turn, upset.span)]
      if (e) ev2.push(ev(i, e))
      return {
        id: "apology-first",
        outcome: "fail",
        evidence: ev2,
        at: i,
        missing: [a ? "order" : "apology"],
      }
    }
    evidence.push(ev(upset.turn, upset.span), ev(i, a))
    upset = null
  }
  if (upset) {
    return {
      id: "apology-first",
      outcome: "fail",
      evidence: [ev(upset.turn, upset.span)],
      missing: ["apology"],
    }
  }
  return seen ? { id: "apology-first", outcome: "pass", evidence } : { id: "apology-first", outcome: "na" }
}

/**
 * Every agent turn where the `trigger` role matches (and `unless` does not) must also match each role
 * in `needs`; the first turn that misses one fails the item, with the trigger as evidence.
 */
function triggerNeeds(
  c: Ctx,
  id: ItemId,
  rule: { trigger: string; needs: string[]; unless?: string },
): DetailedItemResult {
  const evidence: Evidence[] = []
  let any = false
  for (let i = 0; i < c.turns.length; i++) {
    if (c.turns[i].role !== "agent") continue
    const text = c.masked[i]
    const hit = firstMatch(c.det[rule.trigger], text)
    if (!hit) continue
    if (rule.unless && firstMatch(c.det[rule.unless], text)) continue
    any = true
    const found = rule.needs.map((role) => firstMatch(c.det[role], text))
    const missing = rule.needs.filter((_, k) => !found[k])
    if (missing.length) return { id, outcome: "fail", evidence: [ev(i, hit)], at: i, missing }
    evidence.push(ev(i, hit), ...found.map((span) => ev(i, span as Span)))
  }
  return any ? { id, outcome: "pass", evidence: sortEvidence(evidence) } : { id, outcome: "na" }
}

/** A deferral ("稍后回复") says why and by when. */
const deferral = (c: Ctx) => triggerNeeds(c, "deferral", { trigger: "defer", needs: ["reason", "time"] })

/**
 * A transit estimate carries the disclaimer (manual 004 2.2); a guaranteed-time product (定时达) named
 * in the turn makes its time a promise, not an estimate.
 */
const etaDisclaimer = (c: Ctx) =>
  triggerNeeds(c, "eta-disclaimer", { trigger: "estimate", needs: ["disclaimer"], unless: "guaranteed" })

/** Findings kept as evidence per conversation (a scorecard, not a full lint report). */
const BLUNT_EVIDENCE_MAX = 50

function noBlunt(c: Ctx): DetailedItemResult {
  const evidence: Evidence[] = []
  let at: number | undefined
  for (let i = 0; i < c.turns.length; i++) {
    if (c.turns[i].role !== "agent") continue
    // lintPhrasing already skips quoted words and reported speech ("客户说…").
    for (const f of lintPhrasing(c.turns[i].text, c.book)) {
      at ??= i
      if (evidence.length < BLUNT_EVIDENCE_MAX) evidence.push({ turn: i, start: f.start, end: f.end })
    }
  }
  return evidence.length
    ? { id: "no-blunt", outcome: "fail", evidence, at }
    : { id: "no-blunt", outcome: "pass" }
}

function lastAgentTurns(c: Ctx, n: number): number[] {
  const out: number[] = []
  for (let i = c.turns.length - 1; i >= 0 && out.length < n; i--) if (c.turns[i].role === "agent") out.push(i)
  return out
}

function closing(c: Ctx, id: "closing-check" | "farewell", role: string): DetailedItemResult {
  if (!c.opts.ended) return { id, outcome: "na" }
  const last = lastAgentTurns(c, CLOSING_TURNS)
  for (const i of last) {
    const m = firstMatch(c.det[role], c.masked[i])
    if (m) return { id, outcome: "pass", evidence: [ev(i, m)] }
  }
  return { id, outcome: "fail", at: last[0], missing: [role] }
}

function sortEvidence(list: Evidence[]): Evidence[] {
  return list.sort((a, b) => a.turn - b.turn || a.start - b.start)
}

const SCORERS: Record<ItemId, (c: Ctx) => DetailedItemResult> = {
  greeting,
  restate,
  "apology-first": apologyFirst,
  deferral,
  "eta-disclaimer": etaDisclaimer,
  "no-blunt": noBlunt,
  "closing-check": (c) => closing(c, "closing-check", "ask"),
  farewell: (c) => closing(c, "farewell", "bye"),
}

/**
 * Scores with the details the live checklist needs. Items missing from the book's checklist are
 * left out; a book without a checklist uses the built-in one.
 */
export function scoreConversationDetailed(
  turns: readonly Turn[],
  opts: ScoreOptions = {},
  book: Phrasebook = DEFAULT_CHECKLIST_BOOK,
): DetailedItemResult[] {
  const checklist = book.checklist ?? DEFAULT_CHECKLIST_BOOK.checklist
  if (!checklist) return []
  const compiled = compileChecklist(checklist)
  const safe: Turn[] = Array.isArray(turns)
    ? turns.map((t) => ({
        role: t?.role === "customer" ? "customer" : "agent",
        text: typeof t?.text === "string" ? t.text : "",
      }))
    : []
  const masked = safe.map((t) => (t.role === "agent" ? maskQuotes(t.text) : t.text))
  const out: DetailedItemResult[] = []
  for (const id of ITEM_IDS) {
    const det = compiled.get(id)
    if (!det) continue
    out.push(SCORERS[id]({ turns: safe, masked, opts: opts ?? {}, det, book }))
  }
  return out
}

/**
 * Scores a whole conversation against the service checklist: one outcome per item ("na" when the
 * item does not apply), with evidence as offsets into the turns. Never throws on odd input.
 */
export function scoreConversation(
  turns: readonly Turn[],
  opts: ScoreOptions = {},
  book: Phrasebook = DEFAULT_CHECKLIST_BOOK,
): ScoreResult {
  return {
    items: scoreConversationDetailed(turns, opts, book).map(({ id, outcome, evidence }) =>
      evidence ? { id, outcome, evidence } : { id, outcome },
    ),
  }
}

/** Weighted share of applicable items passed, 0–1, or null when nothing applied. */
export function weightedScore(result: ScoreResult, checklist: Checklist): number | null {
  const weights = new Map(checklist.items.map((i) => [i.id, i.weight]))
  let total = 0
  let passed = 0
  for (const r of result.items) {
    if (r.outcome === "na") continue
    const w = weights.get(r.id) ?? 1
    total += w
    if (r.outcome === "pass") passed += w
  }
  return total === 0 ? null : passed / total
}

export type { Outcome }
