/**
 * What the case-type model reads from a ticket: character n-grams (marked when they sit in an
 * agent's words or in a negation's scope) plus structured features a keyword list misses —
 * durations and "N天没动", item counts that disagree, requests, money asks, who is writing —
 * each with the text span it came from, so a decision can be explained.
 */
import { FeatureBag, forEachCharNgramHash, type Span } from "../ml/features"
import { fnvSeed } from "../ml/rng"
import { CHINESE_DIGITS } from "../text/chinese-digits"
import { foldSameLength } from "../text/normalise"
import { scanLexicon } from "./lexicon"

/** Size of the hashed feature space of the case model. */
export const CASE_FEATURE_DIM = 1 << 16

/** Only this much of the title and body is read: enough for any ticket, and bounded cost. */
export const CASE_TEXT_LIMIT = 600

/** The text as the features see it: title, a newline, body (spans point into this). */
export interface CaseInput {
  text: string
  /** Length of the title part (0 when there is none). */
  titleLength: number
}

/** Joins title and body the way {@link caseFeatures} reads them. */
export function caseInput(body: string, title?: string): CaseInput {
  const t = (typeof title === "string" ? title : "").slice(0, 200)
  const b = (typeof body === "string" ? body : "").slice(0, CASE_TEXT_LIMIT)
  return { text: `${t}\n${b}`, titleLength: t.length }
}

// Waybill / order / phone numbers: the digits say nothing about the case type.
const LONG_NUMBER = /[a-z]{0,4}\d[\d\s-]{6,}\d/g
const CN_NUM = "(?:\\d+|[一二两三四五六七八九十百几半]+)"
const DURATION = new RegExp(`${CN_NUM}\\s*(?:个)?\\s*(?:多)?(?:天|日|周|星期|礼拜|月|小时|工作日)`, "g")
// A count, then (looked for just before it, cheaper than an optional prefix at every position)
// a word saying it is all that came: "只收到两件".
const COUNT = new RegExp(`(${CN_NUM})\\s*(件|箱|个|包|瓶|盒|双|本|罐|袋|台|套|票|只|份|样|张)`, "g")
const ONLY_BEFORE = /(?:只|才|仅|就|少了?|缺了?)\s*(?:收到|到了|来了|有|签收|剩)?\s*$/
const WEIGHT = new RegExp(`${CN_NUM}\\s*(?:公斤|千克|斤|kg|克)`, "g")

/** Named cue groups: a feature fires once per match, with its span. */
const CUES: readonly [string, RegExp][] = [
  [
    "stuck",
    /没动|不动|没更新|没有更新|不更新|没变化|停在|停了|停留|趴|待了|放了|放在|搁|压着|扣|不派|没派|没人派|不给送|不送|没出|不走|没发出|卡/g,
  ],
  ["late", /还没到|没送到|没到|还没收到|晚了|慢|超时|超过.{0,4}时效|延误|推迟|迟/g],
  ["arrive", /到了|送到|签收|收到/g],
  ["req_can", /能不能|能否|可不可以|可以.{0,12}[吗么]|行不|可否|能.{1,8}[吗不]/g],
  ["req_how", /怎么|如何|怎样|咋|什么手续|流程/g],
  ["req_help", /帮我|麻烦|请帮|帮忙/g],
  ["money_price", /多少钱|多钱|运费|价格|报价|收费|费用|贵|便宜|优惠/g],
  ["money_back", /赔|补偿|退款|退.{0,2}运费|报销|到账|赔款|钱/g],
  ["where", /在哪|哪里|地址|位置/g],
  ["when", /什么时候|几点|几号|多久|几天/g],
  [
    "agent_note",
    /客户(?:来电|称|反映|表示|要求|询问|咨询|情绪|对)|来电[：:]?|已登记|已安抚|已告知|已核实|已提供/g,
  ],
  ["email", /您好[，,：:]|你好[，,：:]|贵司|此致|请尽快|附图|附照片/g],
  ["business", /我司|我们公司|我方|公司.{0,4}(?:货|件)|月结|批量/g],
  ["sender", /我寄|寄出|寄的|我发|发出|发货|寄件/g],
  ["receiver", /收到|我买|网购|签收|收件/g],
  ["threat", /投诉|12305|12315|消协|曝光|差评|律师|报警|申诉/g],
  ["repeat", /第[二三四五两\d]次|又|再次|上次|昨天就|前次|多次|两次|三次/g],
]

/** Opens a scope in which the customer says what the case is *not* ("不是要投诉，只是问问"). */
const NEGATION_CUE = /不是要?|并不是|并非|没有要|不想|不用|无需|不需要|没啥|没有什么|没什么/g
const SCOPE_END = /[，,。.！!？?；;\n]/

/** Agent speech inside a ticket: after "客服：" up to the customer's next turn, and "已告知…" clauses. */
const AGENT_TURN = /客服[：:]/g
const CUSTOMER_TURN = /客户[：:]/g
const AGENT_CLAUSE = /(?:已|并)?(?:告知|解释|说明|回复|答复)/g

function markRegions(text: string): Uint8Array {
  // 0 = customer / neutral, 1 = agent's words, 2 = negated.
  const region = new Uint8Array(text.length)
  for (const m of text.matchAll(AGENT_TURN)) {
    CUSTOMER_TURN.lastIndex = m.index + m[0].length
    const next = CUSTOMER_TURN.exec(text)
    region.fill(1, m.index, next ? next.index : text.length)
  }
  for (const m of text.matchAll(AGENT_CLAUSE)) {
    let end = m.index + m[0].length
    while (end < text.length && !/[。；;\n]/.test(text[end])) end++
    region.fill(1, m.index, end)
  }
  for (const m of text.matchAll(NEGATION_CUE)) {
    let end = m.index + m[0].length
    while (end < text.length && end - m.index < 14 && !SCOPE_END.test(text[end])) end++
    for (let i = m.index; i < end; i++) if (region[i] === 0) region[i] = 2
  }
  return region
}

const PREFIX = ["", "a|", "n|"]
// About the n-gram norm of a six-character message.
const SHORT_TEXT_NORM = 4

// "几天" reads as a few (3), "半" as a half: a feature, not an exact number.
const CN_DIGITS: Record<string, number> = { ...CHINESE_DIGITS, 半: 0.5, 几: 3 }

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  const digits = CN_DIGITS
  if (s === "十") return 10
  const ten = s.indexOf("十")
  if (ten >= 0) return (ten === 0 ? 1 : (digits[s[0]] ?? 1)) * 10 + (digits[s[ten + 1]] ?? 0)
  return digits[s[0]] ?? 0
}

const SEEDS = PREFIX.map((p) => fnvSeed(p))
const TITLE_SEED = fnvSeed("t|")

/** A ticket as the features read it: normalised, long numbers blanked, regions marked. */
export interface PreparedCase {
  text: string
  region: Uint8Array
  titleLength: number
  /** Where the first and last blanked number sit, if any. */
  numbers: Span | null
}

/** Normalises a ticket and marks agent speech and negation scopes (shared by features and explanations). */
export function prepareCase(input: CaseInput): PreparedCase {
  let first = -1
  let last = -1
  // Long numbers become blanks: no digit n-grams, and n-grams do not run across them.
  const text = foldSameLength(input.text).replace(LONG_NUMBER, (m, at: number) => {
    if (first < 0) first = at
    last = at + m.length
    return " ".repeat(m.length)
  })
  return {
    text,
    region: markRegions(text),
    titleLength: input.titleLength,
    numbers: first < 0 ? null : { start: first, end: last },
  }
}

/** Every character n-gram (1–3) of a prepared ticket as a hash, title ones a second time as "t|". */
export function eachCaseNgram(
  p: PreparedCase,
  emit: (hash: number, start: number, end: number) => void,
): void {
  forEachCharNgramHash(p.text, 1, 3, (s) => SEEDS[p.region[s]], emit)
  // The title's words also count on their own: a title is a summary, not just more body text.
  if (p.titleLength > 0) forEachCharNgramHash(p.text.slice(0, p.titleLength), 1, 3, () => TITLE_SEED, emit)
}

/** The features of one ticket (see {@link caseFeaturesOf}). */
export function caseFeatures(input: CaseInput): FeatureBag {
  return caseFeaturesOf(prepareCase(input))
}

/**
 * The features of one prepared ticket. N-grams keep no spans (`onGram` sees each one's bucket and
 * place as it is read); the structured features do.
 */
export function caseFeaturesOf(
  p: PreparedCase,
  onGram?: (index: number, start: number, end: number) => void,
): FeatureBag {
  // At most three n-grams per character (title twice), plus the structured features.
  const bag = new FeatureBag(CASE_FEATURE_DIM, 3 * (p.text.length + p.titleLength) + 64)
  const { text, region } = p
  const mask = CASE_FEATURE_DIM - 1
  eachCaseNgram(
    p,
    onGram
      ? (hash, start, end) => {
          bag.addIndex(hash, 1)
          onGram(hash & mask, start, end)
        }
      : (hash) => bag.addIndex(hash, 1),
  )
  // A few characters say little: their n-grams weigh less than a sentence's.
  bag.normalizeL2(SHORT_TEXT_NORM)

  const has = new Set<string>()
  const add = (name: string, value: number, span: Span) => {
    has.add(name)
    bag.add(name, value, span)
  }
  if (p.numbers) add("f:number", 0.5, p.numbers)

  for (const [name, re] of CUES) {
    for (const m of text.matchAll(re)) {
      if (region[m.index] === 1) continue
      const neg = region[m.index] === 2 ? "n" : ""
      add(`f:${neg}${name}`, 0.4, { start: m.index, end: m.index + m[0].length })
    }
  }

  let maxDays = 0
  for (const m of text.matchAll(DURATION)) {
    if (region[m.index] === 1) continue
    const n = cnNumber(m[0].match(/\d+|[一二两三四五六七八九十百几半]+/)?.[0] ?? "")
    const unit = m[0]
    const days = unit.includes("小时")
      ? n / 24
      : /周|星期|礼拜/.test(unit)
        ? n * 7
        : unit.includes("月")
          ? n * 30
          : n
    maxDays = Math.max(maxDays, days)
    add(days >= 3 ? "f:dur3+" : "f:dur", 0.5, { start: m.index, end: m.index + m[0].length })
  }
  if (maxDays > 0 && has.has("f:stuck")) addPair(bag, text, "f:dur&stuck", DURATION, CUES[0][1])
  if (maxDays > 0 && has.has("f:late")) addPair(bag, text, "f:dur&late", DURATION, CUES[1][1])

  // Item counts: a later, smaller count of the same unit ("三件…只收到两件") is a shortage.
  const counts: { n: number; unit: string; only: boolean; start: number; end: number }[] = []
  for (const m of text.matchAll(COUNT)) {
    const before = ONLY_BEFORE.exec(text.slice(Math.max(0, m.index - 7), m.index))
    const start = before ? m.index - before[0].length : m.index
    if (region[start] === 1) continue
    counts.push({ n: cnNumber(m[1]), unit: m[2], only: before !== null, start, end: m.index + m[0].length })
  }
  for (let i = 0; i < counts.length; i++) {
    for (let j = i + 1; j < counts.length; j++) {
      const a = counts[i]
      const b = counts[j]
      if (b.n < a.n && (a.unit === b.unit || b.only)) {
        add("f:count<", 1, { start: a.start, end: b.end })
        if (b.only) add("f:count<only", 1, { start: a.start, end: b.end })
      }
    }
  }
  for (const m of text.matchAll(WEIGHT)) add("f:weight", 0.5, { start: m.index, end: m.index + m[0].length })

  for (const hit of scanLexicon(text)) {
    if (region[hit.start] === 1) continue
    add(`lex:${hit.rule.type}`, hit.rule.weight / 6, { start: hit.start, end: hit.end })
  }
  if (/[？?]/.test(text))
    add("f:question", 0.3, { start: text.search(/[？?]/), end: text.search(/[？?]/) + 1 })
  return bag
}

// The pair feature's span runs from the first duration to the first cue, whichever comes first.
function addPair(bag: FeatureBag, text: string, name: string, a: RegExp, b: RegExp): void {
  a.lastIndex = 0
  b.lastIndex = 0
  const ma = text.match(new RegExp(a.source))
  const mb = text.match(new RegExp(b.source))
  if (!ma || !mb || ma.index === undefined || mb.index === undefined) return
  const start = Math.min(ma.index, mb.index)
  const end = Math.max(ma.index + ma[0].length, mb.index + mb[0].length)
  // Only when they sit close together ("四天没动"), not in two unrelated sentences.
  if (end - start <= 16) bag.add(name, 1, { start, end })
}
