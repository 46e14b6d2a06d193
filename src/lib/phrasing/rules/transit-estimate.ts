import type { PhrasingRule } from "../types"
import { GUARANTEED_PRODUCT_PATTERN } from "./guaranteed-products"

/** A hedged estimate that ends right at the hit: 预计…3天 / 估计后天能 / 一般明天 … (then 到/送达/派送). */
const ESTIMATE_BEFORE =
  "(?:预计|估计|预估|大概|大约|一般|通常|正常|应该|差不多|最快|最晚|最迟)[^。！？!?\\n]{0,12}?(?:[0-9０-９一二两三四五六七八九十]个?(?:天|工作日|小时)|[0-9０-９][号日]|今天|明天|后天|今晚|周[一二三四五六日天]|下周|月底)[^。！？!?\\n，,]{0,5}"

/** The 2.2 disclaimer in any of its usual wordings, or a guaranteed-time product named in the sentence. */
const DISCLAIMED = `仅供参考|仅作参考|供您参考|作为参考|以实际[^。！？\\n]{0,8}为准|不能保证|无法保证|可能会?有?(?:延误|延迟|变化)|如有变化|不作为承诺|${GUARANTEED_PRODUCT_PATTERN}`

/**
 * A remedy sentence ("已为您加急催派，预计今天18点前送达"): the time is the agent's follow-up
 * commitment, which the blunt-wording rules already shape; flagging it while typing would fight
 * their own replacements. The conversation checklist (eta-disclaimer) still asks for the disclaimer.
 */
const REMEDY = "已(?:经)?先?(?:为|帮|给)您|加急|催派|催促|抱歉"

const QUESTION_AFTER = "[吧]?\\s*[吗么呢？?]|时|底"

const DISCLAIMER = "时效仅供参考，具体以实际运输情况为准"

const message = {
  zh: "告知预计送达时间时要提示“时效仅供参考，具体以实际运输情况为准”（004 2.2）。",
  en: "A delivery estimate needs the disclaimer “for reference only, subject to actual transport” (004 2.2).",
}

/**
 * 时效提示 (004 2.2): a transit-time estimate without the disclaimer. The hit is the arrival verb, so
 * the replacement keeps the agent's estimate and appends the disclaimer after it.
 */
export const TRANSIT_ESTIMATE_RULES: PhrasingRule[] = [
  {
    id: "eta-no-disclaimer-dao",
    category: "over-promising",
    severity: "hint",
    triggers: ["到"],
    requires: { before: [ESTIMATE_BEFORE] },
    guards: { sentence: [DISCLAIMED, REMEDY], after: [QUESTION_AFTER, "[达了]"] },
    message,
    replacements: [`到，${DISCLAIMER}`],
    examples: {
      blunt: ["预计3天到。", "估计后天能到吧", "一般明天就到，您放心。", "应该25号到。"],
      polite: [
        "预计3天到，时效仅供参考，具体以实际运输情况为准。",
        "估计后天能到，不过可能会有延误。",
        "您寄的是定时达，预计明天10点前到。",
        "您是问预计明天能到吗？",
        "预计明天到时给您打电话，仅供参考。",
      ],
    },
    sources: ["Manual B 2.2"],
  },
  {
    id: "eta-no-disclaimer-songda",
    category: "over-promising",
    severity: "hint",
    triggers: ["送达", "到达", "派送"],
    requires: { before: [ESTIMATE_BEFORE] },
    guards: { sentence: [DISCLAIMED, REMEDY], after: [QUESTION_AFTER] },
    message,
    replacements: [`送达，${DISCLAIMER}`],
    examples: {
      blunt: ["预计3天送达。", "大概明天下午派送。", "最快后天送达，请留意电话。"],
      polite: [
        "预计3天送达，时效仅供参考，具体以实际运输情况为准。",
        "最快后天送达，具体以实际派送为准。",
        "定时达产品预计明天上午送达。",
        "我已为您加急催派，预计明天18点前送达，如有变化会及时告知您。",
      ],
    },
    sources: ["Manual B 2.2"],
  },
]
