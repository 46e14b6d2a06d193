/**
 * The reply check's rules on realistic 2,000-character drafts. `lintPhrasing` normalises the draft
 * (variants, typos, separators: issue 13) and then matches the rules on the normalised text. Two goals:
 * - the matcher (`lintNormalised`) against a naive baseline on the same normalised text: every rule
 *   compiled to its own RegExp and run over it, feeding the same guard evaluation and overlap
 *   resolution; their findings must agree exactly;
 * - the whole `lintPhrasing` (normalisation included) against the per-keystroke budget.
 * All run interleaved in the same process.
 */
import { compilePhrasebook, type CompiledPhrasebook } from "../src/lib/phrasing/compile"
import { DEFAULT_PHRASEBOOK } from "../src/lib/phrasing/default-phrasebook"
import {
  type Candidate,
  evaluateHit,
  lintNormalised,
  lintPhrasing,
  normaliseDraft,
  resolveFindings,
} from "../src/lib/phrasing/lint"
import type { PhrasingFinding } from "../src/lib/phrasing/types"
import type { BenchRow, BenchSuite } from "./types"
import { interleavedMedians } from "./stats"

const POLITE = [
  "您好，顺丰客服，很高兴为您服务，请问有什么可以帮您？",
  "为了帮您查询，麻烦您提供一下运单号好吗？",
  "我跟您核对一下：运单号SF1402238765，收件人王女士，联系电话尾号0386，对吗？",
  "请您稍等，我帮您查询，听不到我的声音请不要挂机。",
  "我查到您的快件昨天到达杭州转运中心后暂未更新，非常抱歉耽误您的收货时间。",
  "我已联系站点核实并催促处理，将在24小时内给您反馈最新进展。",
  "我完全理解您的心情，如果是我遇到这种情况也会很着急。",
  "非常抱歉快件出现破损，麻烦您拍一下外包装和破损物品的照片，请先不要丢弃外包装。",
  "收到照片后我马上为您登记破损工单，今天18点前给您处理方案。",
  "根据保价规则，目前可以为您申请赔付；如果您能提供购买凭证，我可以为您提交复核。",
  "时效仅供参考，具体以实际运输情况为准。",
  "The parcel was scanned at Hangzhou hub，预计明天下午送达。",
  "您不知道运单号也没关系，提供寄件人手机号我也能查。",
  "不行的话我再帮您联系网点，您看可以吗？",
  "还有其他可以帮您的吗？感谢您的来电，祝您生活愉快，再见。",
]

const BLUNT = [
  "不行，这个改不了。",
  "这个不归我管，你去找网点。",
  "中转费没结清，货先扣着。",
  "我也不知道什么时候到。",
  "你自己查吧。",
  "您放心，保证全额赔偿。",
  "我们会尽快处理。",
  "急什么，等着吧。",
  "签收了就不归我们管了。",
  "系统崩了，我也查不了。",
]

/** Deterministic PRNG so every run measures the same drafts. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function makeDrafts(count: number, length: number): string[] {
  const random = mulberry32(20261122)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  return Array.from({ length: count }, () => {
    let draft = ""
    while (draft.length < length) draft += random() < 0.12 ? pick(BLUNT) : pick(POLITE)
    return draft.slice(0, length)
  })
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** The baseline: one RegExp per rule over its triggers' first segments, run rule after rule. */
export function naiveLinter(compiled: CompiledPhrasebook): (text: string) => PhrasingFinding[] {
  const perRule = compiled.rules.map((_rule, r) => {
    const triggers = compiled.triggers.flatMap((t, i) => (t.rule === r ? [i] : []))
    const firsts = [...new Set(triggers.map((t) => compiled.triggers[t].segments[0]))]
    const alternation = firsts
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|")
    // A lookahead reports overlapping occurrences, as the automaton does.
    return { regex: new RegExp(`(?=(?:${alternation}))`, "gi"), triggers }
  })
  return (text) => {
    const candidates: Candidate[] = []
    const lower = text.toLowerCase()
    for (const { regex, triggers } of perRule) {
      regex.lastIndex = 0
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        const at = m.index
        for (const t of triggers) {
          const first = compiled.triggers[t].segments[0]
          if (!lower.startsWith(first, at)) continue
          const c = evaluateHit(compiled, t, text, at, at + first.length)
          if (c) candidates.push(c)
        }
        regex.lastIndex = at + 1
      }
    }
    return resolveFindings(compiled, text, candidates)
  }
}

const key = (findings: PhrasingFinding[]): string =>
  findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`).join(",")

/** Per-call medians over `rounds` rounds of the drafts: the matcher, the naive loop, the whole lint. */
export interface LintTimes {
  matcher: number
  naive: number
  whole: number
  /** Findings per draft. */
  findings: number
}

/**
 * Times the three side by side on `drafts` (their normalised forms made once, as the sidebar makes
 * them once per check). `batch`: time the drafts in one go (a browser page's timer is too coarse for
 * one call) instead of one by one. Throws when the matcher and the baseline disagree.
 */
export function timeLint(drafts: string[], rounds: number, batch = false): LintTimes {
  const compiled = compilePhrasebook(DEFAULT_PHRASEBOOK)
  const naive = naiveLinter(compiled)
  const normalised = drafts.map((d) => normaliseDraft(d, DEFAULT_PHRASEBOOK).text)
  let findings = 0
  normalised.forEach((n, i) => {
    const ours = lintNormalised(n, DEFAULT_PHRASEBOOK)
    const theirs = naive(n)
    if (key(ours) !== key(theirs)) throw new Error(`baseline disagrees:\n${key(ours)}\n${key(theirs)}`)
    if (ours.length === 0) throw new Error("a draft produced no findings: the bench would measure nothing")
    findings += lintPhrasing(drafts[i]).length
  })
  const [matcher, naiveMs, whole] = interleavedMedians(
    [
      (i) => lintNormalised(normalised[i], DEFAULT_PHRASEBOOK),
      (i) => naive(normalised[i]),
      (i) => lintPhrasing(drafts[i]),
    ],
    drafts.length,
    rounds,
    { warmup: 10, batch },
  )
  return { matcher, naive: naiveMs, whole, findings: findings / drafts.length }
}

/** The rows for these times (`where`: "" in Node, " in Chromium"). */
export function lintRows(t: LintTimes, where = ""): BenchRow[] {
  return [
    {
      name: `rule matching${where} (lintNormalised on the normalised draft; ${DEFAULT_PHRASEBOOK.rules.length} rules, ~${t.findings.toFixed(1)} findings), 2,000-char draft, median`,
      ours: t.matcher,
      baseline: t.naive,
      baselineName: "naive loop over every rule's RegExp, same normalised draft",
      unit: "ms",
      ratio: t.matcher / t.naive,
      goal: "≤ 0.1",
      met: t.matcher / t.naive <= 0.1,
    },
    {
      name: `lintPhrasing${where} (normalisation + rule matching), 2,000-char draft, median vs budget`,
      ours: t.whole,
      baseline: 0.2,
      baselineName: "0.2 ms budget per keystroke lint",
      unit: "ms",
      ratio: t.whole / 0.2,
      goal: "≤ 1",
      met: t.whole <= 0.2,
    },
  ]
}

export default (async () => lintRows(timeLint(makeDrafts(50, 2000), 20))) satisfies BenchSuite
