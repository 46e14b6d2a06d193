/**
 * Finding cards: search as the agent types (Chinese substring, synonyms, pinyin initials), ranked;
 * and suggestions from the case type and the customer's text, without a search. The index is built
 * once per pack so a keystroke only compares short strings.
 */
import type { CaseType } from "../cases/model"
import { initialsSpellings } from "./pinyin"
import type { KnowledgeCard } from "./types"

interface Term {
  text: string
  /** Title > keyword > synonym. */
  weight: number
  initials: string[]
}

interface Entry {
  card: KnowledgeCard
  order: number
  terms: Term[]
  /** Every term and every initials spelling, joined: one `includes` rejects most cards for a letters query. */
  hay: string
  /** The characters of all terms: a query sharing none of them can only match the body. */
  chars: Set<string>
  /** Answer and script: searched with a low weight. (Not the example questions: they must find the card on their own.) */
  body: string
}

/** A pack's cards prepared for search; build it once per pack with {@link buildKnowledgeIndex}. */
export interface KnowledgeIndex {
  readonly entries: readonly Entry[]
}

/** One found card. `matched` is the term (or text) that gave the score. */
export interface KnowledgeHit {
  card: KnowledgeCard
  score: number
  matched: string
}

// Question particles and punctuation say nothing about the topic: "锂电池能寄吗？" searches as "锂电池能寄".
const NOISE = /[\s\p{P}\p{S}]|吗|呢|呀|啊|吧/gu

/** NFKC, lower case, without spaces, punctuation and question particles. */
export function normalizeQuery(text: string): string {
  return String(text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(NOISE, "")
}

const termOf = (text: string, weight: number): Term | null => {
  const t = normalizeQuery(text)
  return t ? { text: t, weight, initials: initialsSpellings(t) } : null
}

/** Prepares `cards` for {@link searchKnowledge} and {@link suggestKnowledge}. */
export function buildKnowledgeIndex(cards: readonly KnowledgeCard[]): KnowledgeIndex {
  return {
    entries: cards.map((card, order) => {
      const terms = [
        termOf(card.title, 1),
        ...card.keywords.map((k) => termOf(k, 0.9)),
        ...card.synonyms.map((s) => termOf(s, 0.85)),
      ].filter((t): t is Term => t !== null)
      return {
        card,
        order,
        terms,
        hay: terms.flatMap((t) => [t.text, ...t.initials]).join("\u0001"),
        chars: new Set(terms.flatMap((t) => [...t.text])),
        body: normalizeQuery(card.answer + card.script),
      }
    }),
  }
}

const LETTERS = /^[a-z0-9]+$/

function scoreChinese(entry: Entry, q: string): { score: number; matched: string } {
  let best = 0
  let matched = ""
  let contained = 0
  for (const t of entry.terms) {
    let s = 0
    if (t.text === q) s = 100
    else if (t.text.startsWith(q)) s = 80
    else if (t.text.includes(q)) s = 60
    else if (q.includes(t.text)) {
      // A question that names the term ("锂电池能寄吗" names 锂电池): longer terms say more; a
      // one-character term (刀, 药) counts, but less than any longer one.
      s = t.text.length >= 2 ? 40 + Math.min(t.text.length, 10) * 2 : 30
      contained++
    }
    s *= t.weight
    if (s > best) {
      best = s
      matched = t.text
    }
  }
  // Several of the card's terms in one question point at it more surely.
  if (contained > 1) best += Math.min(contained - 1, 4) * 4
  if (best === 0 && q.length >= 2 && entry.body.includes(q)) {
    best = 15
    matched = q
  }
  return { score: best, matched }
}

function scoreInitials(entry: Entry, q: string): { score: number; matched: string } {
  let best = 0
  let matched = ""
  for (const t of entry.terms) {
    for (const spelling of t.initials) {
      let s = 0
      if (spelling === q) s = 90
      else if (spelling.startsWith(q)) s = 70
      else if (q.length >= 2 && spelling.includes(q)) s = 45
      s *= t.weight
      if (s > best) {
        best = s
        matched = t.text
      }
    }
  }
  return { score: best, matched }
}

const byScore = (a: KnowledgeHit & { order: number }, b: KnowledgeHit & { order: number }) =>
  b.score - a.score || a.order - b.order

/**
 * Cards matching `query`, best first (ties in pack order). Letters-only queries match pinyin
 * initials (`bj` → 保价) as well as Latin words in the cards; anything else matches Chinese text.
 * An empty query finds nothing.
 */
export function searchKnowledge(index: KnowledgeIndex, query: string, limit = 20): KnowledgeHit[] {
  const q = normalizeQuery(query)
  if (!q) return []
  const letters = LETTERS.test(q)
  const qChars = [...new Set(q)]
  const hits: (KnowledgeHit & { order: number })[] = []
  for (const entry of index.entries) {
    // Letters found in no term, spelling or text of the card: nothing below can score.
    if (letters && !entry.hay.includes(q) && !entry.body.includes(q)) continue
    if (!letters && !qChars.some((c) => entry.chars.has(c)) && !entry.body.includes(q)) continue
    const chinese = scoreChinese(entry, q)
    const initials = letters ? scoreInitials(entry, q) : { score: 0, matched: "" }
    const top = initials.score > chinese.score ? initials : chinese
    if (top.score > 0)
      hits.push({ card: entry.card, score: top.score, matched: top.matched, order: entry.order })
  }
  return hits
    .sort(byScore)
    .slice(0, limit)
    .map(({ card, score, matched }) => ({ card, score, matched }))
}

/** What the sidebar knows about the ticket when it suggests cards. */
export interface SuggestContext {
  caseType?: CaseType
  /** The ticket's text as read from the CRM page (the customer's words); untrusted plain text. */
  text?: string
}

/** Reading more of a very long ticket adds little and costs time on every change. */
const MAX_SUGGEST_TEXT = 20_000

/**
 * Cards for this ticket without a search: those whose terms appear in the customer's text first
 * (more and longer terms first), then cards for the case type. At most `limit`.
 */
export function suggestKnowledge(index: KnowledgeIndex, ctx: SuggestContext, limit = 4): KnowledgeHit[] {
  const text = normalizeQuery((ctx.text ?? "").slice(0, MAX_SUGGEST_TEXT))
  const hits: (KnowledgeHit & { order: number })[] = []
  for (const entry of index.entries) {
    let score = 0
    let matched = ""
    if (text) {
      for (const t of entry.terms) {
        if (t.text.length < 2 || !text.includes(t.text)) continue
        score += 10 + Math.min(t.text.length, 10)
        if (t.text.length > matched.length) matched = t.text
      }
    }
    if (ctx.caseType && entry.card.caseTypes.includes(ctx.caseType)) score += 5
    if (score > 0) hits.push({ card: entry.card, score, matched, order: entry.order })
  }
  return hits
    .sort(byScore)
    .slice(0, limit)
    .map(({ card, score, matched }) => ({ card, score, matched }))
}
