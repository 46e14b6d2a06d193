import type { PhrasingRule } from "../types"
import { GUARANTEED_PRODUCT_PATTERN } from "./guaranteed-products"

/** Honest negatives ("不能保证", "无法直接承诺全额") are what we want, not promises. */
const HONEST_NEGATIVE = "(?:不能|无法|没法|不敢|不好|不一定|难以|不会)[^，,]*"

/** The customer's question repeated back ("明天一定能到吗？") is not a promise. */
const QUESTION = "[吧]?\\s*[吗么？?]"

/** 过度承诺类 P78–P85: manual A (十二) 既不能直接按客户要求理赔; manual B 2.2 时效仅供参考. */
export const OVER_PROMISING_RULES: PhrasingRule[] = [
  {
    id: "overpromise-quan-e-pei",
    title: "承诺“全额赔偿”",
    category: "over-promising",
    severity: "forbidden",
    triggers: ["保证全额赔", "肯定全额赔", "绝对全额赔", "全额赔偿", "保证全赔", "全赔", "一分不少"],
    guards: { before: [HONEST_NEGATIVE, "(?:要求|希望|想要|诉求是|申请)[^，,]*"] },
    message: {
      zh: "承诺“全额赔偿”违背手册（十二）“既不能直接按客户要求理赔”。先登记，说明按保价/赔偿规则核定后告知结果。",
      en: "Promising full compensation breaks manual (十二) (never grant the demand outright). Register the claim and report after assessment under the rules.",
    },
    replacements: ["您的损失我们非常重视，我先为您登记理赔，按{赔偿规则}核定后{回复时间}前告知结果"],
    examples: {
      blunt: ["您放心，保证全额赔偿。", "这票我们全赔。"],
      polite: [
        "您的损失我们非常重视，我先为您登记理赔，按保价规则核定后明天18点前告知结果。",
        "很抱歉，我们无法直接承诺全额赔偿，我先为您登记理赔。",
      ],
    },
    sources: ["Manual A (十二)", "G4"],
  },
  {
    id: "overpromise-yiding-pei",
    title: "“一定赔/保证退”",
    category: "over-promising",
    severity: "forbidden",
    triggers: ["一定赔", "肯定赔", "保证赔", "保证退", "一定退", "肯定退"],
    guards: { before: [HONEST_NEGATIVE, "不"], after: ["[货件回]"] },
    message: {
      zh: "“一定赔/保证退”是资金违规承诺（手册（十二））。承诺处理过程，而不是结果。",
      en: "“Definitely compensate / guaranteed refund” is an unauthorised money promise (manual (十二)). Commit to the process, not the outcome.",
    },
    replacements: ["我们一定会认真处理您的理赔申请，{回复时间}前告知您核定结果"],
    examples: {
      blunt: ["放心，一定赔。", "这个肯定赔，您别担心。"],
      polite: ["我们一定会认真处理您的理赔申请。", "能赔多少不一定，要看保价规则，我帮您登记核定。"],
    },
    sources: ["G4", "Manual A (十二)"],
  },
  {
    id: "overpromise-yao-duoshao",
    title: "“要多少就赔多少”",
    category: "over-promising",
    severity: "forbidden",
    triggers: [
      "要多少就赔多少",
      "要多少赔多少",
      "要多少给多少",
      "说多少就多少",
      "说多少就是多少",
      "说多少赔多少",
      "说多少就赔多少",
    ],
    message: {
      zh: "“您要多少就赔多少”直接按客户要求理赔（手册（十二）不赚不赔，少赔为赚）。记录诉求，按凭证核定。",
      en: "“Name your price” grants the demand outright (manual (十二)). Record the claim and assess it on evidence.",
    },
    replacements: ["您的诉求我已记录，具体金额需根据保价金额和实际损失凭证核定，我会尽力为您争取"],
    examples: {
      blunt: ["您要多少就赔多少。", "您说多少就多少。"],
      polite: [
        "您的诉求我已记录，具体金额需根据保价金额和实际损失凭证核定，我会尽力为您争取。",
        "您说的金额我已经记录，会按凭证核定后答复您。",
      ],
    },
    sources: ["Manual A (十二)"],
  },
  {
    id: "overpromise-kending-tuikuan",
    title: "审核前说“肯定能退款”",
    category: "over-promising",
    severity: "warning",
    triggers: ["肯定能退款", "肯定可以退款", "一定能退款", "保证能退款", "保证退款", "肯定能退"],
    guards: { before: [HONEST_NEGATIVE] },
    message: {
      zh: "“肯定能退款”在审核前就下结论（手册（十二））。说明退款条件和处理时限。",
      en: "“Refund guaranteed” promises before review (manual (十二)). State the conditions and the processing time.",
    },
    replacements: ["只要{条件}，退款会在{处理时限}内处理"],
    examples: {
      blunt: ["肯定能退款，您放心。", "这个肯定能退。"],
      polite: [
        "只要您退回的商品符合退货条件，退款会在3个工作日内处理。",
        "我们不能保证一定能退款，需要审核后才能确定。",
      ],
    },
    sources: ["S10"],
  },
  {
    id: "overpromise-baifenbai",
    title: "“百分之百没问题”",
    category: "over-promising",
    severity: "warning",
    triggers: [
      "百分之百没问题",
      "百分百没问题",
      "100%没问题",
      "绝对没问题",
      "肯定没问题",
      "保证没问题",
      "绝对不会有问题",
      "肯定不会有问题",
    ],
    guards: { before: [HONEST_NEGATIVE], after: [QUESTION] },
    message: {
      zh: "“绝对没问题”是绝对化表述，做不到的事不要轻易许诺（2.2 时效仅供参考）。承诺全力跟进、及时通知。",
      en: "“Absolutely no problem” is an absolute claim; don't promise what you can't control (2.2). Commit to following up and keeping them posted.",
    },
    replacements: ["我们会全力跟进，有进展第一时间通知您"],
    examples: {
      blunt: ["绝对没问题，您放心。", "这次１００％没问题。"],
      polite: [
        "我们会全力跟进，有进展第一时间通知您。",
        "我们不能保证绝对没问题，但会全程跟进。",
        "您问这样寄肯定没问题吗？我帮您确认一下包装要求。",
      ],
    },
    sources: ["S10", "S11", "G4"],
  },
  {
    id: "overpromise-yi-dakuan",
    title: "未核实说“已打款”",
    category: "over-promising",
    severity: "forbidden",
    triggers: ["已打款", "已经打款了", "立即到账", "马上到账", "一定到账", "秒到账", "肯定到账"],
    guards: { sentence: ["系统(?:显示|查询)|流水号|交易单号|回单"], before: [HONEST_NEGATIVE] },
    message: {
      zh: "未经核实就说“已打款/马上到账”是资金违规承诺（手册（十二））。说明审核通过后的到账时限，以银行为准。",
      en: "Saying “paid / arrives instantly” unverified is an unauthorised money promise (manual (十二)). Give the post-approval timeline, subject to the bank.",
    },
    replacements: ["赔款审核通过后将在{工作日数}个工作日内原路退回，到账时间以银行为准"],
    examples: {
      blunt: ["赔款已打款，您查一下。", "放心，马上到账。"],
      polite: [
        "赔款审核通过后将在3个工作日内原路退回，到账时间以银行为准。",
        "系统显示赔款已打款，流水号已发到您的手机。",
      ],
    },
    sources: ["G4"],
  },
  {
    id: "overpromise-baozheng-songda",
    title: "“保证明天到”",
    category: "over-promising",
    severity: "warning",
    triggers: [
      "保证明天到",
      "保证今天到",
      "保证送到",
      "今天一定送到",
      "一定送到",
      "肯定送到",
      "明天肯定到",
      "今天肯定到",
      "肯定能到",
      "一定能到",
    ],
    // A guaranteed-time product (定时达) named in the sentence: its time is a contracted service.
    guards: { before: [HONEST_NEGATIVE], after: [QUESTION], sentence: [GUARANTEED_PRODUCT_PATTERN] },
    message: {
      zh: "承诺确切送达时间违背“时效仅供参考，具体以实际运输情况为准”（2.2）。说明已加急和预计时间，有变化及时告知。",
      en: "Promising an exact delivery breaks “transit times are for reference only” (2.2). Say it is expedited, give an estimate, and promise updates.",
    },
    replacements: ["我已为您加急催派，预计{送达时间}前送达，如有变化会及时告知您"],
    examples: {
      blunt: ["您放心，保证明天到。", "今天一定送到。"],
      polite: [
        "我已为您加急催派，预计明天18点前送达，如有变化会及时告知您。",
        "很抱歉，我们无法保证明天到，时效仅供参考，具体以实际运输情况为准。",
        "您是问明天一定能到吗？我帮您查一下预计送达时间。",
        "您寄的是定时达，保证明天到。",
      ],
    },
    sources: ["S11", "S10", "Manual B 2.2"],
  },
  {
    id: "overpromise-zuozhu-tepi",
    title: "越权“我给您特批”",
    category: "over-promising",
    severity: "forbidden",
    triggers: ["我做主", "我给您特批", "我给你特批", "特批给您", "我说了算"],
    message: {
      zh: "越权承诺（“我做主给您全赔”）违背手册（十二）。把诉求完整提交给理赔专员，并给出答复时间。",
      en: "Promising beyond your authority (manual (十二)). Pass the full claim to the claims specialist and give a reply time.",
    },
    replacements: ["我会把您的诉求完整提交给理赔专员，{回复时间}前给您答复"],
    examples: {
      blunt: ["这个我做主给您全赔。", "我给您特批一下。"],
      polite: [
        "我会把您的诉求完整提交给理赔专员，明天12点前给您答复。",
        "这个需要理赔专员审批，我帮您提交申请。",
      ],
    },
    sources: ["S11", "Manual A (十二)"],
  },
]
