import type { PhrasingRule } from "../types"
import { CONDITIONAL, REMEDY, TIME, rest } from "./patterns"

/** A verification step that turns an honest “don't know” into the recommended form (manual (八)). */
const VERIFY =
  "(?:帮您|为您|替您|问问|查一下|查询|核实|确认|再讲|再说|详细|稍等|等一下|了解一下|在查|去查|已经?(?:发|提交|提)了?工单)"

/** 不确定/敷衍类 P51–P60: manual B 2.1 清晰回应 (say why, when you will reply, follow up). */
export const UNCERTAINTY_RULES: PhrasingRule[] = [
  {
    id: "uncertainty-bu-zhidao",
    title: "“不知道”",
    category: "uncertainty",
    severity: "forbidden",
    triggers: ["不知道"],
    guards: {
      before: [
        "您[也还都并]?",
        "(?:客户|收件人|寄件人|对方|他|她)[也还都并]?",
        "(?:如果|要是|万一|假如)[^，,]*",
      ],
      after: [
        "(?:您|你|贵|是否|能否|可否|可不可以|能不能|方不方便|有没有|怎么称呼)",
        // "不知道这样安排您看可以吗？": a polite question in the same clause.
        "[^。！!？?\\n，,]{0,16}?(?:您看|可以吗|行吗|好吗|方便吗|合适吗|满意吗)",
      ],
    },
    message: {
      zh: "客服不能对客户说“不知道”（2.1 清晰回应）。说明会马上查询，并给出回复时间。（客户作主语或“不知道您…”的礼貌问句不算。）",
      en: "An agent must never answer “I don't know” (2.1). Say you will look it up and when you will reply. (The customer as subject, or a polite “不知道您…” question, is fine.)",
    },
    replacements: ["我马上帮您查看，{回复时间}前同步给您", "很抱歉，请您稍等一下，我帮您核实"],
    examples: {
      blunt: ["不知道，你问网点吧。", "什么时候到？不知道。"],
      polite: [
        "您不知道运单号也没关系，提供手机号我也能查。",
        "不知道您现在方便接听吗？",
        "不知道这样安排您看可以吗？",
      ],
    },
    sources: ["S2", "S3", "S5", "S15", "G4"],
  },
  {
    id: "uncertainty-wo-bu-zhidao",
    title: "“我不知道”",
    category: "uncertainty",
    severity: "forbidden",
    triggers: ["我不知道", "我也不知道", "我们也不知道", "我们不知道", "我哪里知道"],
    guards: { after: ["(?:您|你|贵|是否|能否|可否|可不可以|能不能|方不方便|有没有)"] },
    message: {
      zh: "“我不知道”把客户晾在原地（2.1 清晰回应；客服代表规范“不能对客户说我不知道”）。改为马上帮客户查。",
      en: "“I don't know” leaves the customer stranded (2.1; agents must never say it). Offer to check right away.",
    },
    replacements: ["我马上帮您查看，稍后同步给您", "很抱歉，请您稍等一下，我帮您核实"],
    examples: {
      blunt: ["我也不知道什么时候到。", "我不知道，系统上没写。"],
      polite: ["我马上帮您查看，稍后同步给您。", "我不知道您是否方便现在接听，稍后再打给您可以吗？"],
    },
    sources: ["S15", "S9", "G4"],
  },
  {
    id: "uncertainty-bu-qingchu",
    title: "只说“不清楚”",
    category: "uncertainty",
    severity: "warning",
    triggers: ["不清楚"],
    guards: {
      before: [
        "您[也还都]?",
        "(?:客户|对方)[也还都]?",
        "[听说写看讲印拍填]",
        "(?:请等一下|请稍等|稍等)[^。！？]*",
        CONDITIONAL,
      ],
      after: [rest(VERIFY), "…", "的地方", "的话"],
    },
    message: {
      zh: "只说“不清楚”没有下文（2.1）。后面接上“我帮您问问/核实”，就是手册（八）推荐的说法。",
      en: "A bare “不清楚” goes nowhere (2.1). Followed by “let me check for you” it is the form manual (八) recommends.",
    },
    replacements: [
      "对不起，这个问题我不太清楚，请您稍等一下，我帮您问问",
      "请等一下，我有些不清楚，{需要确认的内容}",
    ],
    examples: {
      blunt: ["我不清楚。", "这个不清楚，你问网点。"],
      polite: [
        "对不起，这个问题我不太清楚，请您稍等一下，我帮您问问。",
        "请等一下，我有些不清楚…",
        "暂时还不清楚卡在哪一站，我已经发工单给转运中心查了，有结果马上告诉您",
      ],
    },
    sources: ["S8", "S15", "S17", "Manual A (八)"],
  },
  {
    id: "uncertainty-zenme-zhidao",
    title: "“我怎么知道”",
    category: "uncertainty",
    severity: "forbidden",
    triggers: ["我怎么知道", "我怎么会知道", "我哪知道", "我哪儿知道", "鬼知道", "谁知道呢"],
    message: {
      zh: "“我怎么知道”是顶撞话（手册（三））。改为帮客户查询确认。",
      en: "“How would I know?” is talking back (manual (三)). Offer to check for them.",
    },
    replacements: ["我帮您查询确认，{回复时间}前回复您"],
    examples: {
      blunt: ["我怎么知道？你问快递员。", "我哪知道什么时候到。"],
      polite: ["我帮您查询确认，10分钟内回复您。", "您怎么知道快件到了驿站？是收到取件短信了吗？"],
    },
    sources: ["G2"],
  },
  {
    id: "uncertainty-wo-wen-shui",
    title: "“你问我，我问谁”",
    category: "uncertainty",
    severity: "forbidden",
    triggers: ["你问我，我问谁", "你问我我问谁", "我问谁去", "我去问谁"],
    message: {
      zh: "“你问我，我问谁”是窗口服务的典型忌语（手册（十一）禁止推诿）。由您来查询并限时答复。",
      en: "“You ask me, who do I ask?” is a textbook banned phrase (manual (十一)). Look it up yourself and reply in a set time.",
    },
    replacements: ["我来帮您查询，{回复时间}内给您答复"],
    examples: {
      blunt: ["你问我，我问谁？", "这事我问谁去？"],
      polite: ["我来帮您查询，30分钟内给您答复。", "您问的这个问题，我去问一下网点，十分钟内回复您。"],
    },
    sources: ["S7"],
  },
  {
    id: "uncertainty-bie-wen-wo",
    title: "“别问我”",
    category: "uncertainty",
    severity: "forbidden",
    triggers: ["别问我", "别来问我", "不要问我", "问我干嘛", "问我有什么用", "问我也没用"],
    message: {
      zh: "“别问我”拒绝回答（手册（十一））。改为帮客户核实。",
      en: "“Don't ask me” refuses to answer (manual (十一)). Offer to verify it.",
    },
    replacements: ["我帮您核实一下"],
    examples: {
      blunt: ["别问我，我不负责这个。", "问我也没用，去问网点。"],
      polite: ["我帮您核实一下。", "有任何问题您随时问我。"],
    },
    sources: ["G1", "G2", "G3"],
  },
  {
    id: "uncertainty-guess",
    title: "凭猜测“应该是…吧”",
    category: "uncertainty",
    severity: "hint",
    triggers: [
      "应该是…吧",
      "估计是…吧",
      "好像是…吧",
      "可能吧",
      "大概吧",
      "应该丢了",
      "应该是丢了",
      "大概是丢了",
      "估计丢了",
    ],
    guards: { sentence: ["(?:帮您|为您)?(?:核实|确认|查询)(?:后|之后|一下)"] },
    message: {
      zh: "凭猜测回答（“应该是…吧”）容易误导客户（2.2 准确告知；禁止根据自己的猜测回答）。核实后再答复，并说明需要多久。",
      en: "Guessing (“probably…”) misleads (2.2: be accurate; never answer from a guess). Verify first and say how long it takes.",
    },
    replacements: ["为确保准确，我帮您核实后再答复您（约{分钟数}分钟）"],
    examples: {
      blunt: ["应该是丢了吧。", "可能吧，我也说不好。"],
      polite: [
        "为确保准确，我帮您核实后再答复您，大概需要5分钟。",
        "预计明天下午送达，具体以实际运输情况为准。",
      ],
    },
    sources: ["S15", "S12"],
  },
  {
    id: "uncertainty-shuo-bu-hao",
    title: "“说不好”没有核实承诺",
    category: "uncertainty",
    severity: "warning",
    triggers: ["说不好", "说不准", "我也不确定", "我不确定", "不太确定"],
    guards: {
      before: ["您[也还都]?", CONDITIONAL],
      after: [rest(VERIFY), rest(REMEDY), "的话", "[意听]"],
    },
    message: {
      zh: "“说不好/不确定”之后没有核实承诺（2.1 清晰回应）。说明会核实，并给出回复时间。",
      en: "“Can't say / not sure” with no promise to check (2.1). Say you will verify and when you will reply.",
    },
    replacements: ["为确保准确，我帮您核实后再答复您，{回复时间}前给您消息"],
    examples: {
      blunt: ["我也说不好。", "什么时候到说不准。"],
      polite: ["这个我不太确定，我帮您核实后回复您。", "如果您不确定地址，我帮您联系收件人确认。"],
    },
    sources: ["S15"],
  },
  {
    id: "uncertainty-deng-tongzhi",
    title: "“等通知吧”没有时间",
    category: "uncertainty",
    severity: "hint",
    triggers: [
      "等通知",
      "等消息吧",
      "有消息会通知",
      "有消息再通知",
      "有消息再告诉",
      "有结果会通知",
      "回头通知你",
    ],
    guards: { sentence: [TIME] },
    message: {
      zh: "“等通知吧”没有时间（2.1 告知预计回复时间并主动跟进）。给出具体的回复时间，到时无论进展如何都告知客户。",
      en: "“Wait to be notified” has no time (2.1: give the expected reply time, follow up). Give a concrete time and report then whatever happens.",
    },
    replacements: ["我们会在{回复时间}前给您回复，届时无论进展如何都会告知您"],
    examples: {
      blunt: ["等通知吧。", "有消息会通知你的。"],
      polite: [
        "我们会在明天12点前给您回复，届时无论进展如何都会告知您。",
        "有消息会通知您，最晚今天18点前给您回电。",
      ],
    },
    sources: ["Manual B 2.1", "S24"],
  },
  {
    id: "uncertainty-jinkuai",
    title: "只说“尽快”没有时间",
    category: "uncertainty",
    severity: "hint",
    triggers: ["尽快", "尽早", "尽量快"],
    // "很想尽快帮您解决": a wish, not a vague promise.
    guards: { sentence: [TIME], before: ["(?:为了|以便|便于|好)", "(?:想|希望|盼)"] },
    message: {
      zh: "只说“尽快”没有具体时间（2.1 告知预计回复时间）。同一句里补上时限，如“24小时内”“今天18点前”。",
      en: "“As soon as possible” with no time (2.1: give the expected reply time). Add a deadline in the same sentence.",
    },
    replacements: ["将在{回复时间}内反馈最新进展"],
    examples: {
      blunt: ["我们会尽快处理。", "尽快给您回复。"],
      polite: [
        "我们会尽快处理，将在24小时内反馈最新进展。",
        "我会在2小时内尽快回复您。",
        "我理解您很着急，也很想尽快帮您把问题解决。",
      ],
    },
    sources: ["Manual B 2.1", "S21", "S24"],
  },
  {
    id: "uncertainty-cha-bu-dao",
    title: "只说“查不到”",
    category: "uncertainty",
    severity: "warning",
    triggers: ["查不到", "查不了", "没查到", "查不出来", "查无此单"],
    guards: {
      before: [CONDITIONAL],
      after: [rest(REMEDY), rest("(?:核对|核实|麻烦您)"), "的话"],
    },
    message: {
      zh: "只说“查不到”就结束（2.2 快件查询应引导客户提供准确运单号）。请客户核对单号，同时由您人工核实。",
      en: "“Can't find it” and stop (2.2: guide the customer to the exact waybill). Ask them to re-check the number and verify manually yourself.",
    },
    replacements: ["很抱歉，系统暂时没有查到该单号的记录，麻烦您再核对一下单号，我同时帮您向网点人工核实"],
    examples: {
      blunt: ["查不到，你再看看。", "系统查不了。"],
      polite: [
        "很抱歉，系统暂时没有查到该单号的记录，麻烦您再核对一下单号，我同时帮您向网点人工核实。",
        "系统暂时查不到记录，我同时帮您向网点人工核实。",
      ],
    },
    sources: ["S12", "Manual B 2.2"],
  },
  {
    // One-word vague answers: too short for the tone model.
    id: "uncertainty-bare-vague",
    title: "单独一句“快了”“没准”",
    category: "uncertainty",
    severity: "warning",
    triggers: ["^快了$", "^没准$", "^不一定$", "^难说$", "^看情况$"],
    guards: { after: [rest(VERIFY), rest(REMEDY), "的话", "[吗么呢]", "\\s*[？?]"] },
    message: {
      zh: "只说“快了”“没准”没有下文（2.1 清晰回应）。说明原因，给出回复时间，或马上帮客户核实。",
      en: "A bare “快了” or “没准” goes nowhere (2.1). Give the reason and a reply time, or check for the customer now.",
    },
    replacements: ["我马上帮您查看，{回复时间}前同步给您", "很抱歉，请您稍等一下，我帮您核实"],
    examples: {
      blunt: ["快了。", "没准", "难说。"],
      polite: ["快了，我帮您催一下派送员，今天下午前给您回复。", "不一定，我帮您问问网点。", "快了吗？"],
    },
    sources: ["Manual B 2.1"],
  },
]
