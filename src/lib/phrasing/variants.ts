/**
 * Dialect and internet spellings agents type for words the rules list, as data: each is rewritten
 * to its standard form before matching (the finding still points at what was typed). `notBefore` /
 * `notAfter` are regex sources checked on the few characters around the form, for spellings that
 * are also parts of ordinary words (不造成 is "does not cause", not 不知道).
 * Sources: the research notes' variant list (research/phrasing-rules.md), common 网络用语 and
 * 西南官话/粤语 forms seen in CS chat logs.
 */
export interface Variant {
  form: string
  to: string
  notBefore?: string
  notAfter?: string
}

export const VARIANTS: readonly Variant[] = [
  // 没有
  { form: "没得", to: "没有", notAfter: "[了到罪逞说]|商量|不|已" },
  { form: "冇", to: "没有" },
  { form: "冇得", to: "没有" },
  { form: "冇有", to: "没有" },
  { form: "木有", to: "没有" },
  { form: "米有", to: "没有" },
  { form: "莫得", to: "没有" },
  { form: "没有得", to: "没有" },
  { form: "么有", to: "没有" },
  { form: "没油", to: "没有", notAfter: "[了的费价卡]|[汽机柴]" },
  // 不知道
  { form: "不晓得", to: "不知道" },
  { form: "不造", to: "不知道", notAfter: "[成假谣]|[车船房]" },
  { form: "不知到", to: "不知道" },
  { form: "母鸡", to: "不知道", notAfter: "[蛋汤肉]" },
  { form: "唔知", to: "不知道" },
  { form: "不晓", to: "不知道", notAfter: "得" },
  // 什么 / 怎么 / 这样 / 知道
  { form: "神马", to: "什么" },
  { form: "啥子", to: "什么" },
  { form: "肿么", to: "怎么" },
  { form: "咋个", to: "怎么" },
  { form: "造吗", to: "知道吗" },
  { form: "酱紫", to: "这样子" },
  // 我们
  { form: "尼玛", to: "你妈" },
  { form: "偶们", to: "我们" },
  // 不 / 没 / 是
  { form: "不系", to: "不是" },
  { form: "唔系", to: "不是" },
  { form: "系咪", to: "是不是" },
  { form: "唔得", to: "不行" },
  { form: "唔该", to: "谢谢" },
  { form: "木办法", to: "没办法" },
  { form: "没辙", to: "没办法" },
  { form: "没招", to: "没办法", notAfter: "[聘生]" },
  // impatience and rudeness spellings
  { form: "烦银", to: "烦人" },
  { form: "粗来", to: "出来" },
  { form: "内个", to: "那个" },
  { form: "这货", to: "这个" },
  { form: "童鞋", to: "同学" },
  { form: "介个", to: "这个" },
  { form: "蓝瘦", to: "难受" },
]
