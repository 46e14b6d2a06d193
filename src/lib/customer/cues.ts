/**
 * The wording that shows a customer's state, as data with its own examples (checked by a test):
 * anger, anxiety, abuse, threats to complain outside the company (000 (十一); 004 1.1) and
 * repeat contact. Patterns run on NFKC-normalised, lower-cased text.
 */

/** Where a customer threatens to take the complaint. */
export const THREAT_KINDS = ["postal", "consumer", "media", "review", "legal"] as const
export type ThreatKind = (typeof THREAT_KINDS)[number]

/** One cue group: what it signals, how strongly, and examples that must / must not match. */
export interface Cue {
  id: string
  signal: "anger" | "anxiety" | "abuse" | "repeat" | ThreatKind
  weight: number
  pattern: RegExp
  matches: readonly string[]
  ignores: readonly string[]
}

export const THREAT_LABELS: Record<ThreatKind, { zh: string; en: string }> = {
  postal: { zh: "邮政申诉（12305）", en: "postal regulator (12305)" },
  consumer: { zh: "消协 / 12315", en: "consumer association / 12315" },
  media: { zh: "媒体曝光", en: "media exposure" },
  review: { zh: "差评", en: "bad review" },
  legal: { zh: "律师 / 报警", en: "lawyer / police" },
}

export const CUES: readonly Cue[] = [
  {
    id: "threat-postal",
    signal: "postal",
    weight: 2,
    pattern: /12305|邮政(?:管理)?局|邮管局|邮政管理部门|国家邮政/g,
    matches: ["再不处理我就打12305", "我要去邮政局申诉", "向邮政管理部门投诉"],
    ignores: ["中国邮政的件", "邮政编码是多少"],
  },
  {
    id: "threat-consumer",
    signal: "consumer",
    weight: 2,
    pattern: /12315|消协|消费者协会|市场监管|工商局/g,
    matches: ["我去消协投诉你们", "打12315", "找市场监管局"],
    ignores: ["协助我查一下"],
  },
  {
    id: "threat-media",
    signal: "media",
    weight: 2,
    pattern: /曝光|媒体|记者|上新闻|电视台|发(?:到)?(?:微博|抖音|小红书|网上)|网上说说/g,
    matches: ["我要曝光你们", "找记者来", "发到抖音上让大家看看"],
    ignores: ["网上查不到物流"],
  },
  {
    id: "threat-review",
    signal: "review",
    weight: 1.5,
    pattern: /差评|给.{0,2}一星|打一星/g,
    matches: ["给你们差评", "必须差评", "我去给一星"],
    ignores: ["好评返现"],
  },
  {
    id: "threat-legal",
    signal: "legal",
    weight: 2,
    pattern: /律师|起诉|法院|打官司|法律途径|报警|告你们/g,
    matches: ["我找律师", "我要报警了", "通过法律途径解决"],
    ignores: ["法定节假日"],
  },
  {
    id: "repeat-count",
    signal: "repeat",
    weight: 1,
    pattern:
      /第[二三四五六七八九十两2-9\d]+次|[二三四五两几好多\d]+次(?:来电|打电话|联系|问|反映|催)|又(?:打|来|问|催)|再次(?:来电|联系|反映)|二次来电|打了[好几\d一二三四五六七八九十]+(?:次|遍|个电话)|问了[好几\d一二三四五六七八九十]+(?:次|遍)/g,
    matches: ["这是第三次打电话了", "客户第二次来电", "我都打了好几次了", "已经问了三遍", "多次来电"],
    ignores: ["第一次寄件", "一次性付清"],
  },
  {
    id: "repeat-broken-promise",
    signal: "repeat",
    weight: 1,
    pattern:
      /昨天就(?:说|打|问|来|联系|反映)|上次(?:说|承诺|答应|也这么说)|说好(?:的)?(?:回电|回复|给我打)|(?:没人|没有人|一直没)(?:回电|回复|联系我|给我回)|前次承诺|承诺的回电未|已经问过|之前(?:来电|打过|问过|反映过)/g,
    matches: ["昨天就说回电", "上次说今天给我答复", "说好的回电呢", "一直没人回电", "我之前问过了"],
    ignores: ["昨天寄的件"],
  },
  {
    id: "anger-words",
    signal: "anger",
    weight: 1,
    pattern:
      /气死|生气|火大|恼火|太过分|过分了|不像话|什么态度|搞什么|干什么吃的|到底(?:管不管|怎么回事|在干嘛)|凭什么|骗子|骗人|垃圾|破快递|什么破|有病吧|服了|无语|受够了|还有理了|给(?:我)?(?:个)?说法|别废话|别拖|糊弄|敷衍|推卸|推来推去|不负责任|你们还想不想干|再也不用/g,
    matches: ["气死我了", "你们什么态度", "凭什么不给送", "必须给我个说法", "别敷衍我", "你们到底管不管"],
    ignores: ["请帮我查一下", "谢谢你们"],
  },
  {
    id: "anger-agent-note",
    signal: "anger",
    weight: 2,
    pattern: /情绪激动|情绪很大|情绪失控|大发雷霆|骂人|辱骂|态度恶劣|非常不满|十分不满|强烈不满|扬言/g,
    matches: ["客户情绪激动", "客户来电骂人", "客户非常不满"],
    ignores: ["客户情绪稳定", "客户表示理解"],
  },
  {
    id: "abuse",
    signal: "abuse",
    weight: 3,
    pattern:
      /他妈|妈的|tmd|nmd|傻[逼比b]|sb(?![a-z])|滚(?:蛋|开)?[!！。]|废物|脑子有病|王八|混蛋|狗东西|去死/g,
    matches: ["你他妈的怎么送的", "一群废物", "滚！", "sb快递"],
    ignores: ["滚筒洗衣机", "sbs"],
  },
  {
    id: "anxiety-words",
    signal: "anxiety",
    weight: 1,
    pattern:
      /着急|急用|急死|很急|特别急|好急|急需|担心|害怕|怕(?:坏|丢|来不及|耽误)|来不及|等不了|赶时间|今天必须|明天就要|马上要用|救命|求求|拜托|千万|催一下|快点/g,
    matches: ["我这个件急用", "急死了", "我很担心会坏", "明天就要用", "求求你们快点"],
    ignores: ["谢谢您的帮助"],
  },
]

/** Negation just before a threat or anxiety word cancels it ("不是要投诉", "不着急"). */
export const CUE_NEGATION =
  /(?:不是要?|不会|不想|没有?要|不打算|并不|不用|别|不|没)(?:给|去|打|找|向|跟)?(?:你们|您们)?$/
