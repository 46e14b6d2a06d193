/**
 * Scenario scripts as data. Wording follows the manuals (section marks in `source`) and the phrasing
 * research (`research/phrasing-rules.md` §1(b)): acknowledge → own → concrete next step → time.
 * Slot syntax: see `template.ts`. Every slot used here is listed in `SLOTS` (checked by a test).
 */
import type { CaseType } from "../cases/model"
import type { Bilingual } from "./slots"

/** Where in a contact a script is used. "internal" scripts are for colleagues on the escalation ladder. */
export const SCRIPT_STAGES = ["opening", "confirm", "handle", "promise", "closing", "internal"] as const
export type ScriptStage = (typeof SCRIPT_STAGES)[number]

/** A filled example: `text` is exactly what `renderScript(id, vars)` returns (checked by a test). */
export interface ScriptExample {
  vars: Record<string, string>
  text: string
}

/** One scenario script. */
export interface Script {
  /** kebab-case, stable: stored in QA logs and referenced by the escalation ladder. */
  id: string
  title: Bilingual
  caseTypes: readonly CaseType[] | "any"
  stage: ScriptStage
  /** Chinese text with `{slot}` placeholders and `[optional {slot} segments]`. */
  text: string
  /** English gloss for agents using the English UI; the same slots. */
  textEn?: string
  /** Manual / research reference the wording comes from. */
  source: string
  examples: readonly ScriptExample[]
}

const TIME_DISCLAIMER = "时效仅供参考，具体以实际运输情况为准。"

/** All scripts, in the order a contact usually runs. */
export const SCRIPTS: readonly Script[] = [
  {
    id: "greeting",
    title: { zh: "问候", en: "Greeting" },
    caseTypes: "any",
    stage: "opening",
    text: "您好，{公司名称}客服[，工号{工号}]，很高兴为您服务，请问有什么可以帮您？",
    textEn: "Hello, {公司名称} customer service[, agent {工号}], happy to help. How can I help you?",
    source: "手册 2.1 规范问候",
    examples: [
      {
        vars: { 公司名称: "盛辉物流", 工号: "1024" },
        text: "您好，盛辉物流客服，工号1024，很高兴为您服务，请问有什么可以帮您？",
      },
      { vars: { 公司名称: "盛辉物流" }, text: "您好，盛辉物流客服，很高兴为您服务，请问有什么可以帮您？" },
    ],
  },
  {
    id: "greeting-after-wait",
    title: { zh: "问候（客户久等）", en: "Greeting after a long wait" },
    caseTypes: "any",
    stage: "opening",
    text: "您好，对不起，让您久等了。{公司名称}客服[，工号{工号}]，请问有什么可以帮您？",
    textEn:
      "Hello, sorry to have kept you waiting. {公司名称} customer service[, agent {工号}]. How can I help?",
    source: "调研 §1(b)1 (S16)",
    examples: [
      {
        vars: { 公司名称: "盛辉物流", 工号: "1024" },
        text: "您好，对不起，让您久等了。盛辉物流客服，工号1024，请问有什么可以帮您？",
      },
    ],
  },
  {
    id: "ask-waybill",
    title: { zh: "请客户提供运单号", en: "Ask for the waybill number" },
    caseTypes: "any",
    stage: "confirm",
    text: "为了帮您准确查询，麻烦您提供一下运单号好吗？",
    textEn: "So I can look it up accurately, could you give me the waybill number, please?",
    source: "手册 2.2 快件查询：引导客户提供准确的运单号",
    examples: [{ vars: {}, text: "为了帮您准确查询，麻烦您提供一下运单号好吗？" }],
  },
  {
    id: "confirm-details",
    title: { zh: "核实信息", en: "Confirm the details" },
    caseTypes: "any",
    stage: "confirm",
    text: "我跟您核对一下：运单号{运单号}[，收件人{客户称呼}][，联系电话尾号{手机尾号}]，对吗？",
    textEn:
      "Let me check with you: waybill {运单号}[, recipient {客户称呼}][, phone ending {手机尾号}], is that right?",
    source: "手册 2.1 精准记录；调研 §1(b)2",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 客户称呼: "张先生", 手机尾号: "1234" },
        text: "我跟您核对一下：运单号SH20241122001，收件人张先生，联系电话尾号1234，对吗？",
      },
    ],
  },
  {
    id: "restate",
    title: { zh: "复述确认", en: "Restate and confirm" },
    caseTypes: "any",
    stage: "confirm",
    text: "我跟您确认一下：快件{运单号}，{问题描述}[，您希望{客户诉求}]，我理解得对吗？",
    textEn:
      "Let me confirm: your parcel {运单号} — {问题描述}[, and you would like {客户诉求}]. Have I understood correctly?",
    source: "手册（八）把你所了解的问题向客户复述一次；2.1 确认理解",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 问题描述: "外箱破损，内件摔坏", 客户诉求: "尽快补发" },
        text: "我跟您确认一下：快件SH20241122001，外箱破损，内件摔坏，您希望尽快补发，我理解得对吗？",
      },
    ],
  },
  {
    id: "ask-to-repeat",
    title: { zh: "请客户再讲一次", en: "Ask the customer to repeat" },
    caseTypes: "any",
    stage: "confirm",
    text: "非常抱歉，您刚才说的有些地方我还不太清楚，麻烦您再详细讲一次好吗？您别着急，慢慢说。",
    textEn:
      "I'm sorry, I didn't quite catch some of that. Could you tell me again in a bit more detail? Take your time.",
    source: "手册（八）请你再详细讲一次 / 请等一下，我有些不清楚",
    examples: [
      {
        vars: {},
        text: "非常抱歉，您刚才说的有些地方我还不太清楚，麻烦您再详细讲一次好吗？您别着急，慢慢说。",
      },
    ],
  },
  {
    id: "please-wait",
    title: { zh: "请稍等", en: "Please hold" },
    caseTypes: "any",
    stage: "handle",
    text: "为了帮您查询准确，需要请您稍等[{等待时长}左右]，听不到我的声音请不要挂机，您看可以吗？",
    textEn:
      "To get this right I need you to hold for a moment[ (about {等待时长})]; please don't hang up if you can't hear me. Is that all right?",
    source: "调研 §1(b)2（S15, S18：等待需征得同意并说明时长）",
    examples: [
      {
        vars: { 等待时长: "2分钟" },
        text: "为了帮您查询准确，需要请您稍等2分钟左右，听不到我的声音请不要挂机，您看可以吗？",
      },
    ],
  },
  {
    id: "thanks-for-waiting",
    title: { zh: "感谢等待", en: "Thanks for waiting" },
    caseTypes: "any",
    stage: "handle",
    text: "感谢您的耐心等待，让您久等了。",
    textEn: "Thank you for your patience, sorry to keep you waiting.",
    source: "调研 §1(b)2",
    examples: [{ vars: {}, text: "感谢您的耐心等待，让您久等了。" }],
  },
  {
    id: "apology",
    title: { zh: "致歉", en: "Apology" },
    caseTypes: "any",
    stage: "handle",
    text: "我完全理解您的心情，如果是我遇到这种情况也会很着急。[快件{问题描述}，]给您带来不便，非常抱歉，我马上为您核查处理。",
    textEn:
      "I completely understand; I would be worried too. [The parcel: {问题描述}. ]I'm very sorry for the trouble — I'll look into it right away.",
    source: "手册（一）（二）不推诿；调研 §1(b)4（S20, S22）",
    examples: [
      {
        vars: { 问题描述: "外箱破损" },
        text: "我完全理解您的心情，如果是我遇到这种情况也会很着急。快件外箱破损，给您带来不便，非常抱歉，我马上为您核查处理。",
      },
    ],
  },
  {
    id: "de-escalate",
    title: { zh: "安抚（客户生气）", en: "De-escalate (angry customer)" },
    caseTypes: "any",
    stage: "handle",
    text: "[{客户称呼}，]我听得出来您现在非常生气，换作是我也会着急。这件事给您添了这么多麻烦，真的很抱歉。请您放心，接下来由我[（工号{工号}）]负责跟进到底，您不用再重复说明，我会在{回复时间}前给您一个明确的答复。",
    textEn:
      "[{客户称呼}, ]I can hear you are really upset, and I would be too. I'm truly sorry for all the trouble. I'll [(agent {工号}) ]own this from here — you won't need to explain it again — and I'll give you a clear answer by {回复时间}.",
    source: "手册（一）（三）（十一）先处理心情再处理事情、不推诿；004 1.1；调研 §1(b)4",
    examples: [
      {
        vars: { 客户称呼: "王女士", 工号: "1024", 回复时间: "今天18点" },
        text: "王女士，我听得出来您现在非常生气，换作是我也会着急。这件事给您添了这么多麻烦，真的很抱歉。请您放心，接下来由我（工号1024）负责跟进到底，您不用再重复说明，我会在今天18点前给您一个明确的答复。",
      },
    ],
  },
  {
    id: "abusive-customer",
    title: { zh: "客户言语过激", en: "Abusive customer" },
    caseTypes: "any",
    stage: "handle",
    text: "我理解您很着急，也很想尽快帮您把问题解决。为了能把情况记准确，麻烦您心平气和地跟我说一下，我一定尽力帮您处理[，我的工号是{工号}]。如果您现在不方便，我也可以请主管稍后给您回电。",
    textEn:
      "I understand you're upset and I want to sort this out quickly. So I can record it accurately, could we go through it calmly? I'll do my best for you[; my work number is {工号}]. If now is not a good time, I can have my supervisor call you back.",
    source: "手册（一）（二）文明用语、不与客户争执；004 1.1",
    examples: [
      {
        vars: { 工号: "1024" },
        text: "我理解您很着急，也很想尽快帮您把问题解决。为了能把情况记准确，麻烦您心平气和地跟我说一下，我一定尽力帮您处理，我的工号是1024。如果您现在不方便，我也可以请主管稍后给您回电。",
      },
    ],
  },
  {
    id: "supervisor-handover",
    title: { zh: "转交主管", en: "Hand over to a supervisor" },
    caseTypes: "any",
    stage: "promise",
    text: "您反映的情况我已经完整记录下来了。为了更快给您解决，我现在请我们的值班主管[{主管姓名}]来为您处理，情况我都已经跟主管交代清楚，您不用再重复。主管会在{回复时间}前联系您。",
    textEn:
      "I've recorded everything you told me. To resolve this faster I'm handing it to our duty supervisor[ {主管姓名}], who already has the full picture — you won't need to repeat anything. They will contact you by {回复时间}.",
    source: "手册（七）交接不让客户重复投诉、（九）阶梯联系；004 1.1",
    examples: [
      {
        vars: { 主管姓名: "陈经理", 回复时间: "今天17点" },
        text: "您反映的情况我已经完整记录下来了。为了更快给您解决，我现在请我们的值班主管陈经理来为您处理，情况我都已经跟主管交代清楚，您不用再重复。主管会在今天17点前联系您。",
      },
    ],
  },
  {
    id: "delay",
    title: { zh: "延误说明", en: "Delay" },
    caseTypes: ["延误", "查询"],
    stage: "handle",
    text: "我查到您的快件{运单号}于{状态时间}到达{网点名称}后暂未更新[，可能是{原因}导致的]，非常抱歉耽误您收货了。我已联系{网点名称}核实并催促处理，会在{回复时间}前给您反馈最新进展。",
    textEn:
      "Your parcel {运单号} reached {网点名称} at {状态时间} and has not been updated since[, probably because of {原因}]. I'm sorry for the delay. I've contacted {网点名称} to check and hurry it along, and will update you by {回复时间}.",
    source: "手册 2.2 如遇异常状态需解释可能原因并告知后续处理方式；调研 §1(b)5（S21）",
    examples: [
      {
        vars: {
          运单号: "SH20241122001",
          状态时间: "11月20日15:30",
          网点名称: "杭州萧山网点",
          原因: "近期降雪路段管制",
          回复时间: "今天18点",
        },
        text: "我查到您的快件SH20241122001于11月20日15:30到达杭州萧山网点后暂未更新，可能是近期降雪路段管制导致的，非常抱歉耽误您收货了。我已联系杭州萧山网点核实并催促处理，会在今天18点前给您反馈最新进展。",
      },
    ],
  },
  {
    id: "stranded",
    title: { zh: "滞留处理", en: "Stranded goods" },
    caseTypes: ["滞留"],
    stage: "handle",
    text: "非常抱歉，您的快件{运单号}目前滞留在{网点名称}，这个情况我们会优先处理。我现在就联系{网点名称}的现场负责人安排尽快转运，{回复时间}前给您回复处理进展。",
    textEn:
      "I'm very sorry: your parcel {运单号} is held at {网点名称}. We treat this as a priority. I'm contacting the site manager at {网点名称} now to get it moving, and will update you by {回复时间}.",
    source: "手册（十一）滞留第一时间处理；（十）先解决外部问题",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 网点名称: "杭州萧山网点", 回复时间: "今天18点" },
        text: "非常抱歉，您的快件SH20241122001目前滞留在杭州萧山网点，这个情况我们会优先处理。我现在就联系杭州萧山网点的现场负责人安排尽快转运，今天18点前给您回复处理进展。",
      },
    ],
  },
  {
    id: "damage",
    title: { zh: "破损处理", en: "Damaged goods" },
    caseTypes: ["破损", "理赔"],
    stage: "handle",
    text: "非常抱歉快件{运单号}出现破损，给您添麻烦了。为了尽快帮您处理，麻烦您拍一下外包装（含面单）和破损物品的照片，请先不要丢弃外包装。收到照片后我马上为您登记，{回复时间}前给您处理方案。",
    textEn:
      "I'm very sorry parcel {运单号} arrived damaged. To move quickly, please photograph the outer packaging (with the label) and the damaged item, and keep the packaging for now. Once I have the photos I'll register it and give you a solution by {回复时间}.",
    source: "手册（十一）破损第一时间处理；调研 §1(b)6",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 回复时间: "明天12点" },
        text: "非常抱歉快件SH20241122001出现破损，给您添麻烦了。为了尽快帮您处理，麻烦您拍一下外包装（含面单）和破损物品的照片，请先不要丢弃外包装。收到照片后我马上为您登记，明天12点前给您处理方案。",
      },
    ],
  },
  {
    id: "shortage",
    title: { zh: "少货处理", en: "Missing pieces" },
    caseTypes: ["少货"],
    stage: "handle",
    text: "关于快件{运单号}少货的情况，我先跟您核对一下：面单上是{面单件数}件，您实际收到{实收件数}件，对吗？麻烦您提供开箱照片和外包装照片，我同时联系寄件方核对发货清单，并请{网点名称}查看称重记录，{回复时间}前回复您。",
    textEn:
      "About the missing pieces on {运单号}, let me check: the waybill says {面单件数} pieces and you received {实收件数}, right? Please send photos of the opened box and the packaging; meanwhile I'll ask the sender to check the packing list and {网点名称} to check the weighing record, and reply by {回复时间}.",
    source: "手册（十一）少货第一时间处理；调研 §1(b)7",
    examples: [
      {
        vars: {
          运单号: "SH20241122001",
          面单件数: "5",
          实收件数: "4",
          网点名称: "杭州萧山网点",
          回复时间: "今天18点",
        },
        text: "关于快件SH20241122001少货的情况，我先跟您核对一下：面单上是5件，您实际收到4件，对吗？麻烦您提供开箱照片和外包装照片，我同时联系寄件方核对发货清单，并请杭州萧山网点查看称重记录，今天18点前回复您。",
      },
    ],
  },
  {
    id: "lost",
    title: { zh: "丢失 / 未收到", en: "Lost / not received" },
    caseTypes: ["丢失"],
    stage: "handle",
    text: "非常抱歉让您着急了。我先核实快件{运单号}的签收信息，同时联系派送员确认，也麻烦您看看门卫、邻居或驿站是否代收；如果仍未找到，我会立即为您启动调查，{回复时间}前回复您。",
    textEn:
      "I'm sorry for the worry. I'll check the delivery record for {运单号} and ask the courier; could you also check with the guard, neighbours or the parcel station? If it still isn't found I'll open an investigation at once and reply by {回复时间}.",
    source: "调研 §1(b)8（S20）",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 回复时间: "今天18点" },
        text: "非常抱歉让您着急了。我先核实快件SH20241122001的签收信息，同时联系派送员确认，也麻烦您看看门卫、邻居或驿站是否代收；如果仍未找到，我会立即为您启动调查，今天18点前回复您。",
      },
    ],
  },
  {
    id: "claim",
    title: { zh: "理赔协商", en: "Claim negotiation" },
    caseTypes: ["理赔", "破损", "少货", "丢失"],
    stage: "handle",
    // 不赚不赔，少赔为赚 (十二): state the rule, offer what can be applied for, keep a review path open.
    text: "您的诉求我已经完整记录。根据{保价情况}快件的赔偿规则，目前可以为您申请{处理方案}；如果您能补充{所需凭证}，我可以为您提交复核，结果会在{回复时间}前答复您。您看这样可以吗？",
    textEn:
      "I've recorded your request in full. Under the compensation rules for {保价情况} parcels we can apply for {处理方案} now; if you can add {所需凭证}, I can submit it for review and give you the result by {回复时间}. Would that work for you?",
    source: "手册（十二）不赚不赔，少赔为赚；调研 §1(b)9",
    examples: [
      {
        vars: {
          保价情况: "保价",
          处理方案: "按保价金额赔付",
          所需凭证: "购买凭证",
          回复时间: "11月25日",
        },
        text: "您的诉求我已经完整记录。根据保价快件的赔偿规则，目前可以为您申请按保价金额赔付；如果您能补充购买凭证，我可以为您提交复核，结果会在11月25日前答复您。您看这样可以吗？",
      },
    ],
  },
  {
    id: "claim-insist",
    title: { zh: "理赔：客户坚持金额", en: "Claim: customer insists on the amount" },
    caseTypes: ["理赔"],
    stage: "handle",
    text: "我理解这个金额和您的预期有差距。我会把您的意见连同凭证一起提交给理赔专员，尽力为您争取，{回复时间}前给您答复。",
    textEn:
      "I understand the amount is below what you expected. I'll pass your view and evidence to the claims specialist and do my best for you, with an answer by {回复时间}.",
    source: "手册（十二）不能让客户没有再次沟通协商的余地；调研 §1(b)9",
    examples: [
      {
        vars: { 回复时间: "11月25日" },
        text: "我理解这个金额和您的预期有差距。我会把您的意见连同凭证一起提交给理赔专员，尽力为您争取，11月25日前给您答复。",
      },
    ],
  },
  {
    id: "escalation-promise",
    title: { zh: "升级并承诺答复时间", en: "Escalate with a reply time" },
    caseTypes: "any",
    stage: "promise",
    text: "这个问题需要{原因}，我暂时无法马上答复您。我已为您升级处理，会在{回复时间}前给您明确答复[，我的工号是{工号}]。",
    textEn:
      "This needs {原因}, so I can't answer right now. I've escalated it and will give you a clear answer by {回复时间}[; my work number is {工号}].",
    source: "手册 2.1 清晰回应：告知原因及预计回复时间，并承诺主动跟进；调研 §1(b)10",
    examples: [
      {
        vars: { 原因: "调取中转站记录", 回复时间: "今天18点", 工号: "1024" },
        text: "这个问题需要调取中转站记录，我暂时无法马上答复您。我已为您升级处理，会在今天18点前给您明确答复，我的工号是1024。",
      },
    ],
  },
  {
    id: "callback-promise",
    title: { zh: "约定回电", en: "Promise a callback" },
    caseTypes: "any",
    stage: "promise",
    text: "为了不耽误您的时间，您可以先挂机，我查询后会在{回电时间}前给您回电[，回电号码是尾号{手机尾号}的电话]，您看可以吗？",
    textEn:
      "So you don't have to wait, you can hang up; I'll call you back by {回电时间}[ on the number ending {手机尾号}]. Is that all right?",
    source: "调研 §1(b)10（S13, S12）",
    examples: [
      {
        vars: { 回电时间: "今天16点", 手机尾号: "1234" },
        text: "为了不耽误您的时间，您可以先挂机，我查询后会在今天16点前给您回电，回电号码是尾号1234的电话，您看可以吗？",
      },
    ],
  },
  {
    id: "callback-followup",
    title: { zh: "回访 / 回电开场", en: "Follow-up call opening" },
    caseTypes: "any",
    stage: "opening",
    text: "您好，请问是{客户称呼}吗？我是{公司名称}的客服代表[，工号{工号}]，关于您{反映日期}反映的{问题描述}，想跟您同步一下处理结果，您现在方便接听吗？",
    textEn:
      "Hello, is this {客户称呼}? I'm a customer service agent at {公司名称}[, number {工号}]. About the {问题描述} you reported on {反映日期}: I'd like to update you on the result. Is now a good time?",
    source: "调研 §1(b)11（S15, S27）",
    examples: [
      {
        vars: {
          客户称呼: "张先生",
          公司名称: "盛辉物流",
          工号: "1024",
          反映日期: "11月20日",
          问题描述: "快件破损",
        },
        text: "您好，请问是张先生吗？我是盛辉物流的客服代表，工号1024，关于您11月20日反映的快件破损，想跟您同步一下处理结果，您现在方便接听吗？",
      },
    ],
  },
  {
    id: "callback-not-convenient",
    title: { zh: "回访：客户不方便", en: "Follow-up: not a good time" },
    caseTypes: "any",
    stage: "closing",
    text: "抱歉打扰您了，我在{回电时间}再与您联系，再见！",
    textEn: "Sorry to disturb you; I'll call again at {回电时间}. Goodbye!",
    source: "调研 §1(b)11（S27）",
    examples: [
      { vars: { 回电时间: "明天上午10点" }, text: "抱歉打扰您了，我在明天上午10点再与您联系，再见！" },
    ],
  },
  {
    id: "price-time",
    title: { zh: "运费及时效", en: "Price and transit time" },
    caseTypes: ["价格时效"],
    stage: "handle",
    // The disclaimer is fixed text, not a slot: the manual requires it on every transit-time answer.
    text: `从{始发地}寄到{目的地}，{重量}的货物运费是{运费}，参考时效{参考时效}。${TIME_DISCLAIMER}`,
    textEn:
      "From {始发地} to {目的地}, {重量} costs {运费}, reference transit time {参考时效}. Transit times are for reference only; actual transport conditions apply.",
    source: "手册 2.2 价格及时效咨询",
    examples: [
      {
        vars: { 始发地: "杭州", 目的地: "福州", 重量: "5公斤", 运费: "28元", 参考时效: "2到3天" },
        text: "从杭州寄到福州，5公斤的货物运费是28元，参考时效2到3天。时效仅供参考，具体以实际运输情况为准。",
      },
    ],
  },
  {
    id: "outlet-info",
    title: { zh: "网点信息", en: "Outlet information" },
    caseTypes: ["网点"],
    stage: "handle",
    text: "{网点名称}的地址是{网点地址}，联系电话{网点电话}[，营业时间{营业时间}]。如有需要，我也可以帮您联系网点。",
    textEn:
      "{网点名称} is at {网点地址}, phone {网点电话}[, open {营业时间}]. If you like, I can also contact the outlet for you.",
    source: "手册 2.2 网点信息查询",
    examples: [
      {
        vars: {
          网点名称: "杭州萧山网点",
          网点地址: "萧山区市心中路100号",
          网点电话: "0571-82345678",
          营业时间: "周一至周六 8:30-18:00",
        },
        text: "杭州萧山网点的地址是萧山区市心中路100号，联系电话0571-82345678，营业时间周一至周六 8:30-18:00。如有需要，我也可以帮您联系网点。",
      },
    ],
  },
  {
    id: "business-how-to",
    title: { zh: "业务办理说明", en: "How to use a service" },
    caseTypes: ["业务办理"],
    stage: "handle",
    text: "办理{业务名称}的流程是：{办理流程}。[需要注意的是：{注意事项}。]如果还有不清楚的地方，我再为您详细说明。",
    textEn:
      "To use {业务名称}: {办理流程}.[ Please note: {注意事项}.] If anything is unclear, I'll explain further.",
    source: "手册 1.2 增值服务；2.2 业务办理咨询：详细说明流程和注意事项",
    examples: [
      {
        vars: {
          业务名称: "保价",
          办理流程: "寄件时在运单上填写声明价值并支付保价费",
          注意事项: "贵重物品请如实声明价值",
        },
        text: "办理保价的流程是：寄件时在运单上填写声明价值并支付保价费。需要注意的是：贵重物品请如实声明价值。如果还有不清楚的地方，我再为您详细说明。",
      },
    ],
  },
  {
    id: "tracking-shipped",
    title: { zh: "查询：已发出", en: "Tracking: shipped" },
    caseTypes: ["查询"],
    stage: "handle",
    text: `您的快件{运单号}已于{状态时间}从{始发地}发出[，预计{预计时间}送达]。${TIME_DISCLAIMER}`,
    textEn:
      "Your parcel {运单号} left {始发地} at {状态时间}[ and should arrive around {预计时间}]. Transit times are for reference only.",
    source: "手册 2.2 快件查询：已发出",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 状态时间: "11月20日", 始发地: "杭州", 预计时间: "11月23日" },
        text: "您的快件SH20241122001已于11月20日从杭州发出，预计11月23日送达。时效仅供参考，具体以实际运输情况为准。",
      },
    ],
  },
  {
    id: "tracking-in-transit",
    title: { zh: "查询：运输中", en: "Tracking: in transit" },
    caseTypes: ["查询", "延误"],
    stage: "handle",
    text: `您的快件{运单号}正在运输途中，最新记录是{状态时间}到达{当前位置}[，预计{预计时间}送达]。${TIME_DISCLAIMER}`,
    textEn:
      "Your parcel {运单号} is in transit; latest scan: {当前位置} at {状态时间}[, expected around {预计时间}]. Transit times are for reference only.",
    source: "手册 2.2 快件查询：运输中",
    examples: [
      {
        vars: {
          运单号: "SH20241122001",
          状态时间: "11月21日8:10",
          当前位置: "杭州转运中心",
          预计时间: "11月23日",
        },
        text: "您的快件SH20241122001正在运输途中，最新记录是11月21日8:10到达杭州转运中心，预计11月23日送达。时效仅供参考，具体以实际运输情况为准。",
      },
    ],
  },
  {
    id: "tracking-out-for-delivery",
    title: { zh: "查询：派送中", en: "Tracking: out for delivery" },
    caseTypes: ["查询"],
    stage: "handle",
    text: "您的快件{运单号}正在派送中，派送网点是{网点名称}[，派送员电话{派送员电话}]，请您保持电话畅通。",
    textEn:
      "Your parcel {运单号} is out for delivery from {网点名称}[; courier phone {派送员电话}]. Please keep your phone on.",
    source: "手册 2.2 快件查询：派送中",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 网点名称: "福州鼓楼网点", 派送员电话: "13900005678" },
        text: "您的快件SH20241122001正在派送中，派送网点是福州鼓楼网点，派送员电话13900005678，请您保持电话畅通。",
      },
    ],
  },
  {
    id: "tracking-signed",
    title: { zh: "查询：已签收", en: "Tracking: delivered" },
    caseTypes: ["查询", "丢失"],
    stage: "handle",
    text: "您的快件{运单号}已于{状态时间}签收[，签收人是{签收人}]。如果您没有收到，请告诉我，我马上帮您核实。",
    textEn:
      "Your parcel {运单号} was signed for at {状态时间}[ by {签收人}]. If you haven't received it, tell me and I'll check right away.",
    source: "手册 2.2 快件查询：已签收",
    examples: [
      {
        vars: { 运单号: "SH20241122001", 状态时间: "11月22日10:05", 签收人: "本人" },
        text: "您的快件SH20241122001已于11月22日10:05签收，签收人是本人。如果您没有收到，请告诉我，我马上帮您核实。",
      },
    ],
  },
  {
    id: "closing-check",
    title: { zh: "结束前确认", en: "Check before closing" },
    caseTypes: "any",
    stage: "closing",
    text: "请问我刚才的解释您是否清楚？还有其他可以帮您的吗？",
    textEn: "Was my explanation clear? Is there anything else I can help you with?",
    source: "手册 2.1 礼貌结束；调研 §1(b)12（S12）",
    examples: [{ vars: {}, text: "请问我刚才的解释您是否清楚？还有其他可以帮您的吗？" }],
  },
  {
    id: "closing-hotline",
    title: { zh: "结束语（留热线）", en: "Closing with the hotline" },
    caseTypes: "any",
    stage: "closing",
    text: "之后如有疑问，欢迎拨打{公司名称}客服热线{客服热线}[（服务时间{服务时间}）]。感谢您的来电，再见。",
    textEn:
      "If anything else comes up, please call the {公司名称} hotline {客服热线}[ (hours {服务时间})]. Thank you for calling, goodbye.",
    source: "手册 2.1 标准结束语；公司资料来自管理员策略",
    examples: [
      {
        vars: { 公司名称: "盛辉物流", 客服热线: "400-800-1234", 服务时间: "09:00-21:00" },
        text: "之后如有疑问，欢迎拨打盛辉物流客服热线400-800-1234（服务时间09:00-21:00）。感谢您的来电，再见。",
      },
      {
        vars: { 公司名称: "盛辉物流", 客服热线: "400-800-1234" },
        text: "之后如有疑问，欢迎拨打盛辉物流客服热线400-800-1234。感谢您的来电，再见。",
      },
    ],
  },
  {
    id: "closing",
    title: { zh: "结束语", en: "Closing" },
    caseTypes: "any",
    stage: "closing",
    text: "感谢您的来电，祝您生活愉快，再见。",
    textEn: "Thank you for calling. Have a nice day, goodbye.",
    source: "手册 2.1 标准结束语",
    examples: [{ vars: {}, text: "感谢您的来电，祝您生活愉快，再见。" }],
  },
  // Internal scripts for the escalation ladder (manual 九). Wording is colleague-to-colleague, but still
  // states the waybill, the problem, what was done, and a reply time.
  {
    id: "internal-level-1",
    title: { zh: "内部：联系网点窗口 / 现场管理员", en: "Internal: branch window staff / site manager" },
    caseTypes: "any",
    stage: "internal",
    text: "您好，我是{公司名称}客服{客服姓名}[（工号{工号}）]。运单{运单号}的货物在你们{网点名称}，客户反映{问题描述}。麻烦帮忙现场核实一下货物情况并尽快处理，{回复时间}前给我回个消息，谢谢！",
    textEn:
      "Hi, this is {客服姓名}[ ({工号})], customer service at {公司名称}. The goods on waybill {运单号} are at your {网点名称}; the customer reports: {问题描述}. Please check the goods on site and handle it, and get back to me by {回复时间}. Thanks!",
    source: "手册（九）联系相关窗口人员和现场管理员",
    examples: [
      {
        vars: {
          公司名称: "盛辉物流",
          客服姓名: "李静",
          工号: "1024",
          运单号: "SH20241122001",
          网点名称: "杭州萧山网点",
          问题描述: "货物到网点三天未派送",
          回复时间: "今天15点",
        },
        text: "您好，我是盛辉物流客服李静（工号1024）。运单SH20241122001的货物在你们杭州萧山网点，客户反映货物到网点三天未派送。麻烦帮忙现场核实一下货物情况并尽快处理，今天15点前给我回个消息，谢谢！",
      },
    ],
  },
  {
    id: "internal-level-2",
    title: { zh: "内部：联系相关公司客服", en: "Internal: related company's customer service" },
    caseTypes: "any",
    stage: "internal",
    text: "您好，我是{公司名称}客服{客服姓名}[（工号{工号}）]。运单{运单号}，客户反映{问题描述}。已联系{网点名称}的窗口和现场[，{已做处理}]，暂时没有进展。麻烦您协助调查处理，{回复时间}前反馈结果，谢谢！",
    textEn:
      "Hi, this is {客服姓名}[ ({工号})], customer service at {公司名称}. Waybill {运单号}: the customer reports {问题描述}. We contacted the window and site staff at {网点名称}[ ({已做处理})] with no progress yet. Could you help investigate and report back by {回复时间}? Thanks!",
    source: "手册（六）各公司客服互相支持；（九）可联系相关公司的客服人员协商处理",
    examples: [
      {
        vars: {
          公司名称: "盛辉物流",
          客服姓名: "李静",
          运单号: "SH20241122001",
          问题描述: "货物到网点三天未派送",
          网点名称: "杭州萧山网点",
          已做处理: "窗口答应当天派送但仍未出仓",
          回复时间: "今天17点",
        },
        text: "您好，我是盛辉物流客服李静。运单SH20241122001，客户反映货物到网点三天未派送。已联系杭州萧山网点的窗口和现场，窗口答应当天派送但仍未出仓，暂时没有进展。麻烦您协助调查处理，今天17点前反馈结果，谢谢！",
      },
    ],
  },
  {
    id: "internal-level-3",
    title: { zh: "内部：联系公司 / 片区负责人", en: "Internal: company or regional head" },
    caseTypes: "any",
    stage: "internal",
    text: "{联系人}您好，我是{公司名称}客服{客服姓名}[（工号{工号}）]。运单{运单号}，{问题描述}。已先后联系{已联系对象}，处理不顺利[：{已做处理}]。客户很着急，麻烦您出面协调处理，{回复时间}前告知进展，谢谢！",
    textEn:
      "Hello {联系人}, this is {客服姓名}[ ({工号})], customer service at {公司名称}. Waybill {运单号}: {问题描述}. We have contacted {已联系对象} without success[: {已做处理}]. The customer is anxious; could you step in and coordinate, and tell me the progress by {回复时间}? Thanks!",
    source: "手册（九）事情处理不顺利，可再联系其公司负责人或其片区办公室负责人",
    examples: [
      {
        vars: {
          联系人: "王经理",
          公司名称: "盛辉物流",
          客服姓名: "李静",
          工号: "1024",
          运单号: "SH20241122001",
          问题描述: "货物在杭州萧山网点滞留三天",
          已联系对象: "萧山网点窗口和杭州分公司客服",
          回复时间: "今天18点",
        },
        text: "王经理您好，我是盛辉物流客服李静（工号1024）。运单SH20241122001，货物在杭州萧山网点滞留三天。已先后联系萧山网点窗口和杭州分公司客服，处理不顺利。客户很着急，麻烦您出面协调处理，今天18点前告知进展，谢谢！",
      },
    ],
  },
  {
    id: "internal-level-4",
    title: { zh: "内部：联系总部职能部门", en: "Internal: HQ functional department" },
    caseTypes: "any",
    stage: "internal",
    // Manual 十: the goods move first; internal disputes (transfer freight, finder's reward) are settled later.
    text: "{部门名称}您好，我是{公司名称}客服{客服姓名}[（工号{工号}）]。运单{运单号}，{问题描述}。已按阶梯联系{已联系对象}，仍未解决，需要总部协调。按集团要求请先处理客户的货物，内部事项后续协调，麻烦{回复时间}前回复，谢谢！",
    textEn:
      "Hello {部门名称}, this is {客服姓名}[ ({工号})], customer service at {公司名称}. Waybill {运单号}: {问题描述}. Following the ladder we contacted {已联系对象}; it is still unresolved and needs HQ coordination. Per group policy the customer's goods come first and internal matters are settled afterwards. Please reply by {回复时间}. Thanks!",
    source: "手册（九）需要总部职能部门协调解决；（十）先解决外部问题，后内部协调处理",
    examples: [
      {
        vars: {
          部门名称: "总部客服管理部",
          公司名称: "盛辉物流",
          客服姓名: "李静",
          运单号: "SH20241122001",
          问题描述: "货物因中转运费争议在萧山网点滞留五天",
          已联系对象: "网点窗口、杭州分公司客服和浙北片区负责人",
          回复时间: "明天10点",
        },
        text: "总部客服管理部您好，我是盛辉物流客服李静。运单SH20241122001，货物因中转运费争议在萧山网点滞留五天。已按阶梯联系网点窗口、杭州分公司客服和浙北片区负责人，仍未解决，需要总部协调。按集团要求请先处理客户的货物，内部事项后续协调，麻烦明天10点前回复，谢谢！",
      },
    ],
  },
]
