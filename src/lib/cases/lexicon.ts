/**
 * The old keyword lexicon of case types. The model in `classify.ts` reads its hits as features
 * (one signal among many) instead of deciding by them alone.
 */
import type { CaseType } from "./model"

/** One lexicon entry: a literal keyword and how strongly it points at a case type. */
export interface KeywordRule {
  word: string
  type: CaseType
  weight: number
  /** false: a negation before it does not cancel it ("为什么不赔" is still a claim). */
  negatable: boolean
}

const rules = (type: CaseType, weight: number, words: string[], negatable = true): KeywordRule[] =>
  words.map((word) => ({ word, type, weight, negatable }))

/** The lexicon, as data. Longer words win over shorter ones they overlap (e.g. 理赔 over 赔). */
export const CLASSIFY_LEXICON: readonly KeywordRule[] = [
  ...rules("滞留", 3, [
    "滞留",
    "卡在",
    "一直没动",
    "停滞",
    "不派送",
    "不给派送",
    "扣货",
    "扣着",
    "压着不发",
    "不发货",
  ]),
  ...rules("滞留", 2, [
    "没更新",
    "不更新",
    "没有更新",
    "没动静",
    "停在",
    "不动了",
    "卡住",
    "没有派送",
    "不中转",
    "未派送",
    "没派送",
  ]),
  ...rules("破损", 3, [
    "破损",
    "破了",
    "摔坏",
    "压坏",
    "漏了",
    "损坏",
    "碎了",
    "货损",
    "变形",
    "坏了",
    "压扁",
    "划伤",
  ]),
  ...rules("破损", 2, ["受潮", "泡水", "渗漏", "漏液", "湿了", "裂了"]),
  ...rules("少货", 3, [
    "少了",
    "少件",
    "缺件",
    "只收到",
    "少货",
    "货差",
    "短少",
    "缺少",
    "少一件",
    "数量不对",
  ]),
  ...rules("少货", 2, ["少一箱", "件数不对", "漏发", "少发", "没收全"]),
  ...rules("丢失", 3, ["丢了", "丢失", "找不到", "遗失", "弄丢", "丢件", "没收到却显示签收", "被冒领"]),
  ...rules("丢失", 2, ["显示签收但", "签收了但没收到", "没收到货", "不见了"]),
  ...rules("理赔", 3, ["理赔", "赔偿", "索赔", "赔付", "赔钱", "要求赔", "不赔"], false),
  ...rules("理赔", 2, ["赔", "补偿", "退款", "损失"], false),
  ...rules("延误", 3, ["延误", "晚了", "迟迟", "超时", "还没到", "还没送到", "延迟", "耽误"]),
  ...rules("延误", 2, ["这么久", "太慢", "好几天", "慢死", "怎么还没", "还不到", "逾期"]),
  ...rules("价格时效", 3, ["运费", "多少钱", "几天到", "时效", "报价", "收费标准", "价格"]),
  ...rules("价格时效", 2, ["多久能到", "首重", "续重", "怎么收费", "费用"]),
  ...rules("网点", 3, ["网点", "营业时间", "营业部", "自提点"]),
  ...rules("网点", 2, ["地址", "几点下班", "门店", "联系方式"]),
  // "电话" also appears in "派送员电话打不通": a weak hint only.
  ...rules("网点", 1, ["电话", "在哪里"]),
  ...rules("业务办理", 3, ["怎么寄", "保价", "代收货款", "签收回单", "定时达", "怎么填", "寄件", "下单"]),
  ...rules("业务办理", 2, ["改地址", "修改地址", "上门取件", "预约取件", "开发票", "到付"]),
  ...rules("查询", 1, ["查询", "查一下", "查件", "到哪了", "物流信息", "进度", "单号", "在哪"]),
]

/** Words that, just before a keyword, negate it: "没有破损" is not damage. */
const NEGATIONS = ["没有", "并没有", "没", "未", "无", "不是", "并非", "非", "不"]
const NEGATION_WINDOW = 3

/** One lexicon keyword found in a text. */
export interface LexiconHit {
  rule: KeywordRule
  start: number
  end: number
}

function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - NEGATION_WINDOW), start)
  return NEGATIONS.some((n) => before.endsWith(n))
}

// Longest first so that overlapping shorter words (赔 inside 理赔) are skipped.
const BY_LENGTH = [...CLASSIFY_LEXICON].sort((a, b) => b.word.length - a.word.length)

/** Keyword hits in `text` (already normalised), longest words first, negated ones left out. */
export function scanLexicon(text: string): LexiconHit[] {
  const taken = new Uint8Array(text.length)
  const hits: LexiconHit[] = []
  for (const rule of BY_LENGTH) {
    let from = 0
    for (;;) {
      const start = text.indexOf(rule.word, from)
      if (start < 0) break
      const end = start + rule.word.length
      from = start + 1
      let free = true
      for (let i = start; i < end; i++) if (taken[i]) free = false
      if (!free) continue
      taken.fill(1, start, end)
      // A negated keyword still claims its span, so a shorter word inside it cannot count either.
      if (!rule.negatable || !isNegated(text, start)) hits.push({ rule, start, end })
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}
