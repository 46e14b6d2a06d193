/**
 * Clause-level fixes. Swapping only the flagged words leaves a run-on that still pushes the customer
 * away ("这个我帮您转达相关部门处理，你去找网点吧。"), so a fix rewrites the clause the finding sits
 * in: the whole clause becomes the replacement (a connective that opened it is kept), a question mark
 * after a statement becomes 。, and Fix all also drops a flagged brush-off clause of the same sentence
 * that has no replacement of its own. The reply is checked again after every pass.
 */
import { fillReplacementSlots, replacementSlots } from "./replacement"
import type { PhrasingFinding } from "./types"

/** One clause: its words are `text.slice(start, end)`, followed by the punctuation `punct`. */
export interface Clause {
  start: number
  end: number
  punct: string
  /** The punctuation ends a sentence (。！？, a line break or the end of the text). */
  sentenceEnd: boolean
}

/** One edit on the text as it stood before it (UTF-16 offsets, `end` exclusive). */
export interface ClauseEdit {
  start: number
  end: number
  /** `text.slice(start, end)` before the edit, so a stale edit is refused. */
  expected: string
  text: string
  /** The findings this edit fixes (all those inside its range). */
  findings: PhrasingFinding[]
  /** The replacement chosen (slots filled) for the first of them. */
  replacement: string
}

const CLAUSE_END = new Set(["，", "；", "：", ";", "、"])
const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "…", "\n"])
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", '"', " ", "\u3000", "\t"])
/** A connective that opens a clause before the blunt words: kept, the rest of the clause is rewritten. */
const CONNECTIVE = /(?:但是|可是|不过|所以|因此|因为|而且|并且|然后|另外|另)$/u
const QUESTION_TAIL = /(?:吗|呢|么|吧|好吗|可以吗|行吗)$/u

function isDelimiter(text: string, i: number): boolean {
  const c = text[i]
  if (SENTENCE_END.has(c) || CLAUSE_END.has(c)) return true
  // An ASCII comma between digits is a thousands separator, not a clause break.
  if (c === ",") return !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))
  return false
}

/**
 * Splits a reply into clauses at ，；：、 and sentence ends (。！？…, line breaks); a run of
 * punctuation (with closing quotes) belongs to the clause before it. Empty clauses are skipped.
 */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = []
  let start = 0
  let i = 0
  while (i <= text.length) {
    if (i < text.length && !isDelimiter(text, i)) {
      i++
      continue
    }
    const end = i
    while (i < text.length && (isDelimiter(text, i) || CLOSERS.has(text[i]))) i++
    const punct = text.slice(end, i)
    if (text.slice(start, end).trim() !== "") {
      const sentenceEnd = i >= text.length || [...punct].some((c) => SENTENCE_END.has(c))
      out.push({ start, end, punct, sentenceEnd })
    } else if (out.length && punct) {
      // Punctuation with no words before it (",。") joins the previous clause's.
      const last = out[out.length - 1]
      last.punct += punct
      last.sentenceEnd ||= [...punct].some((c) => SENTENCE_END.has(c))
    }
    if (i === end) i++
    start = i
  }
  return out
}

const sentenceEndAt = (text: string, clause: Clause) =>
  clause.sentenceEnd || clause.end + clause.punct.length >= text.length

/** The clauses a span touches (at least the one holding its start). */
function clausesOf(clauses: Clause[], start: number, end: number): Clause[] {
  const hit = clauses.filter((c) => c.start < Math.max(end, start + 1) && start < c.end + c.punct.length)
  return hit.length ? hit : clauses.filter((c) => start >= c.start).slice(-1)
}

/** The replacement's words without its closing punctuation (the clause keeps its own). */
function clauseWords(replacement: string): string {
  return replacement.replace(/[，。！？；,.!?;\s]+$/u, "")
}

/**
 * The edit that rewrites the clause holding `finding` as `replacement`: the clause's words become the
 * replacement (an opening connective such as 但是 is kept), and a ？ or ！ after it becomes 。 unless
 * the replacement is itself a question. Findings inside the rewritten range are fixed with it.
 */
export function clauseEdit(
  text: string,
  finding: PhrasingFinding,
  replacement: string,
  others: readonly PhrasingFinding[] = [],
  clauses: Clause[] = splitClauses(text),
): ClauseEdit {
  const hit = clausesOf(clauses, finding.start, finding.end)
  const last = hit[hit.length - 1]
  let start = Math.min(hit[0]?.start ?? finding.start, finding.start)
  const end = Math.max(last?.end ?? finding.end, finding.end)
  // Leading spaces stay, and so does a connective just before the blunt words.
  while (start < finding.start && /\s/.test(text[start])) start++
  const connective = CONNECTIVE.exec(text.slice(start, finding.start))
  if (connective) start += connective.index
  const words = clauseWords(replacement)
  let editEnd = end
  let tail = ""
  // A question or exclamation mark after a rewritten statement becomes a full stop.
  const marks = /^[？?！!]+/u.exec(last?.punct ?? "")?.[0] ?? ""
  if (marks && !QUESTION_TAIL.test(words)) {
    editEnd = end + marks.length
    tail = "。"
  }
  return {
    start,
    end: editEnd,
    expected: text.slice(start, editEnd),
    text: (connective ? connective[0] : "") + words + tail,
    findings: [finding, ...others.filter((f) => f !== finding && f.start >= start && f.end <= editEnd)],
    replacement,
  }
}

/** The first replacement usable without asking: no slots, or every slot known. */
export function readyReplacement(
  finding: PhrasingFinding,
  known: Readonly<Record<string, string | undefined>> = {},
): string | undefined {
  if (finding.source === "model") return undefined
  const values: Record<string, string> = {}
  for (const [k, v] of Object.entries(known)) if (v?.trim()) values[k] = v.trim()
  for (const r of finding.replacements) {
    const filled = fillReplacementSlots(r, values)
    if (replacementSlots(filled).length === 0) return filled
  }
  return undefined
}

const SEVERITY_RANK = { forbidden: 0, warning: 1, hint: 2 } as const

/**
 * One pass of Fix all over `text`: per flagged clause one rewrite (the most severe finding with a ready
 * replacement decides it; neighbouring findings in the clause are fixed together). A rule-flagged
 * clause with no ready replacement that shares a sentence with a rewritten one is folded into that
 * rewrite (the brush-off that followed the blunt words goes with them). Edits are returned from the
 * end of the text backwards, so applying them in order keeps the offsets of those still to come.
 */
export function rewritePass(
  text: string,
  findings: readonly PhrasingFinding[],
  known: Readonly<Record<string, string | undefined>> = {},
): ClauseEdit[] {
  const clauses = splitClauses(text)
  type Unit = { clauses: Clause[]; findings: PhrasingFinding[] }
  const units: Unit[] = []
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const cs = clausesOf(clauses, f.start, f.end)
    const prev = units[units.length - 1]
    if (prev && cs.some((c) => prev.clauses.includes(c))) {
      prev.findings.push(f)
      for (const c of cs) if (!prev.clauses.includes(c)) prev.clauses.push(c)
    } else units.push({ clauses: cs, findings: [f] })
  }
  const choice = (u: Unit) => {
    const ranked = [...u.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    for (const f of ranked) {
      const r = readyReplacement(f, known)
      if (r !== undefined) return { finding: f, replacement: r }
    }
    return undefined
  }
  const edits: ClauseEdit[] = []
  for (let i = 0; i < units.length; i++) {
    const u = units[i]
    const picked = choice(u)
    if (!picked) continue
    const edit = clauseEdit(text, picked.finding, picked.replacement, u.findings, clauses)
    // Fold in following flagged rule clauses of the same sentence that cannot be fixed on their own.
    let lastClause = u.clauses[u.clauses.length - 1]
    while (i + 1 < units.length && !sentenceEndAt(text, lastClause)) {
      const next = units[i + 1]
      const adjacent = clauses.indexOf(next.clauses[0]) === clauses.indexOf(lastClause) + 1
      const foldable = adjacent && !choice(next) && next.findings.every((f) => f.source !== "model")
      if (!foldable) break
      const nextLast = next.clauses[next.clauses.length - 1]
      edit.end = nextLast.end
      edit.expected = text.slice(edit.start, edit.end)
      edit.findings.push(...next.findings)
      // A ？ after the folded clause becomes 。 as well.
      if (/^[？?！!]/u.test(nextLast.punct) && !QUESTION_TAIL.test(edit.text)) {
        const marks = /^[？?！!]+/u.exec(nextLast.punct)?.[0] ?? ""
        edit.end += marks.length
        edit.expected = text.slice(edit.start, edit.end)
        if (!edit.text.endsWith("。")) edit.text += "。"
      } else edit.text = edit.text.replace(/。$/u, "")
      lastClause = nextLast
      i++
    }
    const before = edits[edits.length - 1]
    // Two neighbouring clauses rewritten to the same words say it once.
    if (
      before &&
      clauseWords(before.text) === clauseWords(edit.text) &&
      text.slice(before.end, edit.start).replace(/[，,；;、\s]/gu, "") === ""
    ) {
      before.end = edit.end
      before.expected = text.slice(before.start, before.end)
      before.text = edit.text
      before.findings.push(...edit.findings)
      continue
    }
    edits.push(edit)
  }
  return edits.reverse()
}

/**
 * After a rewrite the check may still flag its sentence as a whole (a tone-model finding): what is
 * left of that sentence after the rewritten words is the brush-off no rule listed
 * ("我来帮您跟进处理，快递员那边的问题，你自己打电话问他。"), so it goes.
 */
function trimPass(
  text: string,
  findings: readonly PhrasingFinding[],
  rewritten: readonly { start: number; end: number }[],
): ClauseEdit[] {
  const clauses = splitClauses(text)
  const edits: ClauseEdit[] = []
  for (const f of findings) {
    if (f.source !== "model") continue
    const r = rewritten.find((x) => x.start < f.end && f.start < x.end)
    if (!r || f.end <= r.end) continue
    const cut = clauses.find((c) => c.start <= r.end && r.end <= c.end + c.punct.length)
    const rest = clausesOf(clauses, r.end, f.end).filter((c) => c.start >= r.end)
    const last = rest[rest.length - 1]
    if (!cut || !last) continue
    edits.push({
      start: cut.end,
      end: last.end,
      expected: text.slice(cut.end, last.end),
      text: "",
      findings: [f],
      replacement: "",
    })
  }
  return edits
}

/** Applies edits given from the end of the text backwards; throws RangeError when one is stale. */
export function applyEdits(text: string, edits: readonly ClauseEdit[]): string {
  let out = text
  for (const e of edits) {
    if (out.slice(e.start, e.end) !== e.expected) throw new RangeError("stale edit")
    out = out.slice(0, e.start) + e.text + out.slice(e.end)
  }
  return out
}

/** One applied edit and the text it applied to (for the QA trail, which follows each fix). */
export interface RewriteStep {
  before: string
  edit: ClauseEdit
}

export interface ReplyRewrite {
  /** The whole reply after every pass. */
  text: string
  steps: RewriteStep[]
  /** What the check still finds in `text` (left for the agent). */
  remaining: PhrasingFinding[]
}

/**
 * Fix all: rewrites every flagged clause it can, checks the result again with `check` and repeats
 * (at most `maxPasses` times) until nothing more can be fixed. Pure: `check` is the caller's lint.
 */
export function rewriteReply(
  text: string,
  findings: readonly PhrasingFinding[],
  check: (text: string) => PhrasingFinding[],
  options: { known?: Readonly<Record<string, string | undefined>>; maxPasses?: number } = {},
): ReplyRewrite {
  const steps: RewriteStep[] = []
  let current = text
  let found = [...findings]
  let rewritten: { start: number; end: number }[] = []
  for (let pass = 0; pass < (options.maxPasses ?? 3); pass++) {
    const edits = [...rewritePass(current, found, options.known), ...trimPass(current, found, rewritten)]
      .sort((a, b) => b.start - a.start)
      .filter((e, i, all) => i === 0 || e.end <= all[i - 1].start)
    if (!edits.length) break
    rewritten = []
    for (const edit of edits) {
      steps.push({ before: current, edit })
      current = applyEdits(current, [edit])
      // Offsets of edits still to come are before this one: only the ranges already kept shift.
      const delta = edit.text.length - (edit.end - edit.start)
      rewritten = rewritten.map((r) => ({ start: r.start + delta, end: r.end + delta }))
      rewritten.push({ start: edit.start, end: edit.start + edit.text.length })
    }
    found = check(current)
  }
  return { text: current, steps, remaining: found }
}
