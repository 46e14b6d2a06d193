import type { PhrasingRule } from "../types"

/** Wording that holds the customer's goods back. */
const HOLD = [
  "货先扣着",
  "先扣着",
  "扣着不放",
  "扣货",
  "不能放货",
  "货不能放",
  "不放货",
  "先不放",
  "先不派",
  "先不发",
  "暂不派送",
  "暂停派送",
  "压着不发",
  "压着不放",
  "先压着",
  "不给派",
  "不给发",
  "不予派送",
  "才能放货",
  "才能派送",
  "才放货",
  "才给派",
]

/** "We won't hold your goods over the fee" is the rule being followed, not broken. */
const NOT_HOLDING = "(?:不会|不能|不得|禁止|绝不|不要|不可以|不应)[^。！？]*"

const MESSAGE_10 = {
  zh: "手册（十）：禁止以中转运费不足、未报找货奖励等理由滞留货物，必须先中转货物、维护客户利益，内部问题事后协调。",
  en: "Manual (十): never hold goods over internal matters such as unpaid transfer freight or an unreported finder's reward; move the goods first, settle internally later.",
}

/** 规则（十）: 先解决外部问题，后内部协调处理. Not in the research list; derived from manual A (十). */
export const HELD_OVER_FEES_RULES: PhrasingRule[] = [
  {
    id: "rule10-zhongzhuan-fei",
    title: "以中转运费不足为由扣货",
    category: "held-over-fees",
    severity: "forbidden",
    triggers: HOLD,
    requires: { sentence: ["中转(?:运)?费|运费(?:不足|没付|没结|未付|未结|没到|欠)|转运费|欠费|到付款没"] },
    guards: { before: [NOT_HOLDING] },
    message: MESSAGE_10,
    replacements: [
      "中转费的问题我们内部再协调，不影响您的货，{送达时间}前为您送达",
      "您的货已经先为您中转，预计{送达时间}送达",
    ],
    examples: {
      blunt: ["中转费没付清之前货不能放。", "中转费没结清，货先扣着。"],
      polite: [
        "中转费的问题我们内部再协调，货物已经先为您中转，预计明天送达。",
        "我们不会因为中转费扣货，今天就为您派送。",
      ],
    },
    sources: ["Manual A (十)"],
  },
  {
    id: "rule10-zhaohuo-jiangli",
    title: "以找货奖励为由扣货",
    category: "held-over-fees",
    severity: "forbidden",
    triggers: HOLD,
    requires: { sentence: ["找货(?:奖励|费)|奖励(?:没|未|还没)报|未报(?:找货)?奖励"] },
    guards: { before: [NOT_HOLDING] },
    message: MESSAGE_10,
    replacements: ["找货奖励的事我们内部再处理，您的货{派送时间}就安排派送"],
    examples: {
      blunt: ["找货奖励没报，先不派。", "找货奖励还没报上来，货先压着。"],
      polite: [
        "找货奖励的事我们内部再处理，您的货今天下午就安排派送。",
        "找货奖励不影响派送，您的货已经在派送途中。",
      ],
    },
    sources: ["Manual A (十)"],
  },
  {
    id: "rule10-neibu-jiufen",
    title: "以内部纠纷为由扣货",
    category: "held-over-fees",
    severity: "forbidden",
    triggers: HOLD,
    requires: {
      sentence: ["内部|网点之间|两个网点|结算|对账|扯皮|责任(?:还)?没(?:定|划分|分清)|赔款(?:还)?没谈"],
    },
    guards: { before: [NOT_HOLDING] },
    message: MESSAGE_10,
    replacements: ["{内部事项}我们内部协调，货物先为您正常派送，预计{送达时间}送达"],
    examples: {
      blunt: ["两个网点还在扯皮，货先扣着。", "网点之间的费用还没结算，暂不派送。"],
      polite: [
        "网点之间的结算我们内部协调，货物先为您正常派送。",
        "两个网点的结算不影响您的货，今天就为您派送。",
      ],
    },
    sources: ["Manual A (十)"],
  },
  {
    id: "rule10-neibu-xian",
    title: "“等内部处理完再”放货",
    category: "held-over-fees",
    severity: "forbidden",
    triggers: [
      "等内部…再",
      "等我们内部…再",
      "内部处理完再",
      "内部协调完再",
      "内部协调好再",
      "内部谈好再",
      "内部…之后才",
    ],
    guards: { before: [NOT_HOLDING] },
    message: MESSAGE_10,
    replacements: ["我们先为您{处理动作}，内部的事情我们后续再协调"],
    examples: {
      blunt: ["等我们内部协调好了再给您派送。", "等内部处理完再说。"],
      polite: [
        "我们先为您派送，内部的事情我们后续再协调。",
        "内部协调的事情不用您操心，我们先把货给您送到。",
      ],
    },
    sources: ["Manual A (十)"],
  },
]
