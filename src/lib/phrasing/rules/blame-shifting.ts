import type { PhrasingRule } from "../types"
import { NO_NEED, OWNS, rest } from "./patterns"

const YOU_SUBJECT_NOTE = "“您”作主语时（这不是您的错）不算推诿。"

/** 推诿类 P18–P35: passing the buck; manual A (一)(十一) 禁止推诿扯皮. */
export const BLAME_SHIFTING_RULES: PhrasingRule[] = [
  {
    id: "blame-bu-gui-wo-guan",
    title: "“不归我管”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["不归我管", "不归我们管", "不归…管"],
    message: {
      zh: "“不归我管”是推诿（手册（一）（十一）禁止推诿扯皮）。说明由谁负责，并由您登记转交、限时回复。",
      en: "“不归我管” is buck-passing (manual (一)(十一)). Say who is responsible, register and hand it over yourself, and give a reply time.",
    },
    replacements: ["我帮您转达相关部门处理", "这个问题由{部门}负责，我现在帮您登记转交，{回复时间}前回复您"],
    examples: {
      blunt: ["这个不归我管，你去找网点。", "这事不归我们客服部管。"],
      polite: [
        "这个问题由网点负责，我现在帮您登记转交，2小时内回复您。",
        "您反映派件员说“不归我管”，这个我们会严肃处理。",
      ],
    },
    sources: ["S2", "G1"],
  },
  {
    id: "blame-wo-bu-guan",
    title: "“我不管”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["我不管", "我们不管", "我可不管", "我才不管", "我们可不管"],
    // "并不是我们不管，…": the agent denies the brush-off.
    guards: { before: ["(?:不是|并非|绝非|不代表|不是说)"], after: [".*?都"] },
    message: {
      zh: "“我不管”是推诿（手册（十一））。由您联系负责的同事处理。（“不管…都…”的让步句不算。）",
      en: "“我不管” is buck-passing (manual (十一)). Contact the responsible colleague yourself. (Concessive 不管…都… is fine.)",
    },
    replacements: ["我帮您联系负责的同事处理", "这项需要到{窗口}办理，我先帮您把情况登记好"],
    examples: {
      blunt: ["我不管，你问别人去。", "这事我们不管。"],
      polite: [
        "不管是哪个环节的问题，我们都会先为您处理。",
        "我不管是哪个环节出的问题，都会先帮您处理好。",
        "并不是我们不管，这个需要网点配合，我这边一直在催。",
      ],
    },
    sources: ["S3", "S5"],
  },
  {
    id: "blame-bu-guan-wo-shi",
    title: "“不关我的事”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["不关我的事", "不关我们的事", "不关我事", "关我什么事", "关我啥事", "关我们什么事"],
    message: {
      zh: "“不关我的事”是推诿（手册（一）：投诉针对的是公司服务环节，不是个人对错）。主动承接跟进。",
      en: "“不关我的事” is buck-passing (manual (一): a complaint is about our service, not your personal fault). Take ownership.",
    },
    replacements: ["我来帮您跟进处理", "这个情况我来帮您核实，{回复时间}前给您答复"],
    examples: {
      blunt: ["这不关我的事。", "丢件又不关我们的事。"],
      polite: ["这不关您的事，是我们的失误，我马上处理。", "我来帮您跟进处理。"],
    },
    sources: ["S8", "G1", "G3"],
  },
  {
    id: "blame-gen-wo-meiguanxi",
    title: "“跟我没关系”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "跟我没关系",
      "跟我们没关系",
      "和我没关系",
      "和我们没关系",
      "与我无关",
      "与我们无关",
      "跟我没有关系",
    ],
    message: {
      zh: "“跟我没关系”是推诿（手册（一）（十一））。" + YOU_SUBJECT_NOTE,
      en: "“跟我没关系” is buck-passing (manual (一)(十一)). With 您 as subject (跟您没关系) it absolves the customer and is fine.",
    },
    replacements: ["我帮您核实处理", "这个情况我来跟进，{回复时间}前给您答复"],
    examples: {
      blunt: ["这跟我没关系。", "延误和我们没关系，是天气原因。"],
      polite: ["这跟您没关系，运费由我们承担。", "我帮您核实处理。"],
    },
    sources: ["G1", "G2"],
  },
  {
    id: "blame-bushi-wo-wenti",
    title: "“不是我们的问题”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "不是我的问题",
      "不是我们的问题",
      "不是我这边的问题",
      "不是我们这边的问题",
      "不是我们公司的问题",
    ],
    message: {
      zh:
        "“不是我们的问题”是推诿（手册（二）：客户投诉的是服务环节）。先安抚，再立刻查是哪个环节出了问题。" +
        YOU_SUBJECT_NOTE,
      en: "“不是我们的问题” is buck-passing (manual (二)). Calm the customer and find which step failed. 不是您的问题 is fine.",
    },
    replacements: ["您先别着急，我立刻帮您查物流状态，看看是哪个环节出了问题，帮您解决"],
    examples: {
      blunt: ["这不是我的问题。", "丢件不是我们的问题，是网点的问题。"],
      polite: ["不是您的问题，我马上帮您查是哪个环节出了问题。", "您先别着急，我立刻帮您查物流状态。"],
    },
    sources: ["S10"],
  },
  {
    id: "blame-bushi-wo-cuo",
    title: "“不是我的错”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["不是我的错", "不是我们的错", "又不是我", "干嘛骂我", "凭什么骂我", "干嘛冲我"],
    message: {
      zh: "手册（一）原文切忌“又不是我的错，干嘛骂我，你去找XX公司说”。先致歉，马上处理。" + YOU_SUBJECT_NOTE,
      en: "Manual (一) names “又不是我的错，干嘛骂我，你去找XX公司说” as the attitude to avoid. Apologise and act. 不是您的错 is fine.",
    },
    replacements: ["非常抱歉给您带来不便，我马上帮您处理", "对不起，请问有什么可以帮助您？"],
    examples: {
      blunt: ["又不是我的错，干嘛骂我。", "这不是我们的错，是商家发错了。"],
      polite: [
        "这不是您的错，非常抱歉给您带来不便，我马上帮您处理。",
        "不是您的错，是我们的包装没做好，我马上帮您补发。",
      ],
    },
    sources: ["Manual A (一)", "S17", "G1", "G3"],
  },
  {
    id: "blame-bushi-women-zeren",
    title: "急于撇清“不是我们的责任”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "不是我们的责任",
      "不是我的责任",
      "不是我们公司的责任",
      "我们不负责",
      "我们概不负责",
      "我们不承担",
    ],
    message: {
      zh: "急于撇清责任是推诿（手册（十一））。先反馈并跟进，责任认定留给理赔流程。",
      en: "Rushing to disclaim responsibility is buck-passing (manual (十一)). Report and follow up; leave liability to the claims process.",
    },
    replacements: ["我帮您反馈并跟进处理，{回复时间}前给您答复"],
    examples: {
      blunt: ["这不是我们的责任。", "包装问题我们不负责。"],
      polite: ["这不是您的责任，运费由我们承担。", "我帮您反馈并跟进处理，今天18点前给您答复。"],
    },
    sources: ["G1", "G2", "G3"],
  },
  {
    id: "blame-qu-zhao-gongsi",
    title: "让客户“自己去找”别家",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "你去找",
      "您去找",
      "你自己联系",
      "您自己联系",
      "你找商家",
      "去找商家",
      "去找卖家",
      "你自己去找",
    ],
    guards: { sentence: [OWNS] },
    message: {
      zh: "让客户“自己去找XX公司”违背首问负责（手册（一）（六）：各公司客服应互帮互助）。由您联系对方核实，再回复客户。",
      en: "Telling the customer to go to another company breaks first-contact ownership (manual (一)(六)). Contact them yourself and report back.",
    },
    replacements: ["这个问题我来帮您联系{对方}核实，有结果后{回复时间}前回复您"],
    examples: {
      blunt: ["你去找商家，我们管不了。", "这个你自己联系快递公司吧。"],
      polite: [
        "这个问题我来帮您联系商家核实，有结果后今天18点前回复您。",
        "您也可以自己联系商家，我这边同步帮您核实。",
      ],
    },
    sources: ["Manual A (一)", "S38", "S24"],
  },
  {
    id: "blame-zhao-kuaidiyuan",
    title: "“找快递员去”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "找快递员去",
      "找派件员去",
      "找网点去",
      "你直接找派件员",
      "你直接找快递员",
      "你去找网点",
      "你打网点电话",
      "直接打网点电话",
      "你去找快递员",
    ],
    guards: { sentence: [OWNS] },
    message: {
      zh: "即使问题出在网点或派件员，也应先致歉并承诺解决（手册（九）阶梯联系由客服来做）。可以给网点电话，但要同时由您跟进。",
      en: "Even when the outlet or courier is at fault, apologise and own it (manual (九): the agent works the ladder). Giving the outlet's number is fine if you also follow up.",
    },
    replacements: ["非常抱歉给您带来不便，我已将您的问题升级为优先处理，将在{回复时间}内给您明确答复"],
    examples: {
      blunt: ["这个你直接找派件员。", "你打网点电话问吧。"],
      polite: [
        "非常抱歉给您带来不便，我已将您的问题升级为优先处理，将在2小时内给您明确答复。",
        "网点电话是0571-88886666，您也可以直接打网点电话，我这边同时帮您催促。",
      ],
    },
    sources: ["S20", "Manual A (九)"],
  },
  {
    id: "blame-wen-biede-bumen",
    title: "“问别的部门去”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["问别的部门", "你问别人", "问别人去", "找别人去", "你找别人", "问别人吧"],
    guards: { before: [NO_NEED] },
    message: {
      zh: "“你去问别的部门”属于推诿类禁语（手册（十一））。由您联系相关人员处理。",
      en: "“Ask another department” is a buck-passing phrase (manual (十一)). Contact the right person yourself.",
    },
    replacements: ["我帮您联系相关人员处理，{回复时间}前回复您"],
    examples: {
      blunt: ["这个你去问别的部门。", "这事你问别人吧。"],
      polite: ["我帮您联系相关人员处理，30分钟内回复您。", "您不用再问别的部门，我来帮您联系。"],
    },
    sources: ["G5", "S5", "G1"],
  },
  {
    id: "blame-zhao-lingdao-qu",
    title: "“找领导去”",
    category: "blame-shifting",
    severity: "warning",
    triggers: ["找领导去", "去找领导", "找我们领导去"],
    guards: { before: [NO_NEED] },
    message: {
      zh: "“找领导去”把升级推给客户（手册（九）：升级由客服逐级联系）。由您升级并给出回复时间。",
      en: "“Go to my boss” pushes escalation onto the customer (manual (九): the agent escalates). Escalate yourself and give a reply time.",
    },
    replacements: ["如需进一步处理，我帮您升级给主管，并在{回复时间}内回复您"],
    examples: {
      blunt: ["不满意你找领导去。", "有意见你去找领导。"],
      polite: [
        "如需进一步处理，我帮您升级给主管，并在2小时内回复您。",
        "您不用去找领导，我现在就帮您升级给主管。",
      ],
    },
    sources: ["S3"],
  },
  {
    id: "blame-bushi-wo-jie",
    title: "“不是我接的”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["不是我接的", "不是我处理的", "不是我负责的", "不是我经手的", "不是我跟的"],
    message: {
      zh: "“刚才不是我接的”让客户重复投诉（手册（七）做好交接，避免客户再次投诉）。致歉并请客户再说明情况，由您接手。",
      en: "“That wasn't me” makes the customer complain twice (manual (七): hand over so they never have to). Apologise and take the case over.",
    },
    replacements: ["对不起，由于我们服务不周给您添麻烦了，请您把详细情况告诉我好吗？"],
    examples: {
      blunt: ["刚才的电话不是我接的。", "那单不是我处理的，我说不好。"],
      polite: [
        "对不起，由于我们服务不周给您添麻烦了，请您把详细情况告诉我好吗？",
        "刚才的电话是我同事接的，情况我已经了解了，我接着帮您处理。",
      ],
    },
    sources: ["S17", "Manual A (七)"],
  },
  {
    id: "blame-xinshou",
    title: "“我是新来的”",
    category: "blame-shifting",
    severity: "warning",
    triggers: ["我是新手", "我是新来的", "我新来的", "我刚来的", "我才来没几天"],
    message: {
      zh: "以“新来的”为由推脱（手册（十一））。致歉并说明会尽快处理、给出时间。",
      en: "Using “I'm new” as an excuse is buck-passing (manual (十一)). Apologise and commit to a time.",
    },
    replacements: ["对不起，让您久等了，我将尽快帮您处理，{回复时间}内给您答复"],
    examples: {
      blunt: ["我是新来的，不太懂。", "我是新手，这个我说不好。"],
      polite: [
        "对不起，让您久等了，我将尽快帮您处理，10分钟内给您答复。",
        "我们的新手指引里有寄件流程，我也可以一步步带您操作。",
      ],
    },
    sources: ["S17"],
  },
  {
    id: "blame-xitong-beng",
    title: "甩锅“系统崩了”",
    category: "blame-shifting",
    severity: "warning",
    triggers: ["系统崩了", "系统又崩了", "系统挂了", "系统坏了", "系统出bug了", "系统有bug", "系统出问题了"],
    guards: { after: [rest("(?:恢复后|第一时间|联系您|通知您|回复您|给您|为您|帮您)")] },
    message: {
      zh: "把问题甩给“系统崩了”而没有致歉和后续（2.1 清晰回应：说明原因、预计回复时间）。说明系统异常并承诺恢复后联系。",
      en: "Blaming “the system crashed” with no apology or follow-up (2.1). Say there is a system fault and promise to contact them once it is back.",
    },
    replacements: ["系统暂时出现异常，我们正在处理，恢复后第一时间联系您"],
    examples: {
      blunt: ["系统崩了，我也查不了。", "系统出BUG了，等着吧。"],
      polite: [
        "系统暂时出现异常，我们正在处理，恢复后第一时间联系您。",
        "系统出问题了，我们正在抢修，恢复后第一时间联系您。",
      ],
    },
    sources: ["G1", "G2", "S12"],
  },
  {
    id: "blame-ni-ziji-nongcuo",
    title: "指责“你自己弄错了”",
    category: "blame-shifting",
    severity: "warning",
    triggers: [
      "你自己弄错了",
      "你自己搞错了",
      "你自己填错了",
      "你自己写错了",
      "你地址填错了",
      "你自己地址填错了",
      "是不是你写错了",
      "你写错了",
    ],
    message: {
      zh: "直接指责客户出错会激化情绪（手册（一）“不要批评客户的不足”）。邀请客户一起核对，并同步帮他修改。",
      en: "Blaming the customer's mistake inflames things (manual (一): don't criticise the customer). Check together and fix it for them.",
    },
    replacements: ["我们一起核实一下情况", "麻烦您再核对一下{信息}，我这边同步帮您修改"],
    examples: {
      blunt: ["是你自己地址填错了吧。", "单号是不是你写错了？"],
      polite: [
        "麻烦您再核对一下地址，我这边同步帮您修改。",
        "我们一起核实一下单号，可能是哪个数字录入有误。",
      ],
    },
    sources: ["G3", "Manual A (一)"],
  },
  {
    id: "blame-qianshou-buguan",
    title: "“签收了就不归我们管”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: ["签收…不归…管", "签收…不管", "签收…不负责", "签收…没关系", "签收…无关"],
    guards: { before: ["(?:不是|并非|并不是|不会)[^，,]*"] },
    message: {
      zh: "“签收了就不归我们管”拒绝了货损、少货反馈（手册（十一）：损坏、少货应第一时间处理）。请客户提供开箱照片，马上登记核实。",
      en: "“Once signed, not our problem” refuses a damage/shortage report (manual (十一): handle at once). Ask for unboxing photos and register it.",
    },
    replacements: ["签收后发现破损/少件也可以反馈，请您提供开箱照片或视频，我马上为您登记核实"],
    examples: {
      blunt: ["签收了就不归我们管了。", "您已经签收了，就跟我们没关系了。"],
      polite: [
        "签收后发现破损也可以反馈，请您提供开箱照片，我马上为您登记核实。",
        "签收后如果发现少件，也请您第一时间联系我，我们一样负责处理。",
      ],
    },
    sources: ["G6", "Manual A (十一)"],
  },
  {
    id: "blame-qu-tousu",
    title: "“你去投诉好了”",
    category: "blame-shifting",
    severity: "forbidden",
    triggers: [
      "你去投诉",
      "你投诉好了",
      "你投诉吧",
      "随便你投诉",
      "随便投诉",
      "投诉也没用",
      "投诉我也没用",
      "爱投诉就投诉",
    ],
    message: {
      zh: "“你去投诉好了”是挑衅和推诿（手册（三）保持谦和友好）。致歉，记录意见，并给出答复时间。",
      en: "“Go ahead and complain” is provocative buck-passing (manual (三)). Apologise, record the feedback, give a reply time.",
    },
    replacements: [
      "我们会认真处理您的反馈",
      "非常抱歉让您不满意，您的意见我已详细记录，{回复时间}前给您答复",
    ],
    examples: {
      blunt: ["你去投诉好了。", "投诉也没用，就这样。"],
      polite: [
        "非常抱歉让您不满意，您的意见我已详细记录，今天17点前给您答复。",
        "如对处理结果不满意，您也可以通过客服热线投诉，我们会认真处理。",
      ],
    },
    sources: ["S5", "S8", "G3"],
  },
  {
    id: "blame-zhao-12305",
    title: "“找12305去”",
    category: "blame-shifting",
    severity: "warning",
    triggers: ["找12305去", "你去12305", "你打12305", "打12305去", "去邮政局投诉", "去找邮政局"],
    guards: {
      before: [rest("(?:我们负责|已(?:为您)?登记|工单|前答复您|前回复您|给您答复)") + "[^。！？]*"],
    },
    message: {
      zh: "用12305打发客户是推诿（手册（十一））。先承诺由我们处理并给出时间，12305只作为不满意时的申诉渠道。",
      en: "Using 12305 to get rid of the customer is buck-passing (manual (十一)). Promise handling with a time first; mention 12305 only as an appeal channel.",
    },
    replacements: [
      "您的问题我们负责处理，我已登记工单，{回复时间}前答复您；如对结果不满意，也可以通过12305申诉",
    ],
    examples: {
      blunt: ["不满意你找12305去。", "你去邮政局投诉吧。"],
      polite: [
        "您的问题我们负责处理，我已登记工单，明天12点前答复您；如对结果不满意，也可以通过12305申诉。",
        "我已为您登记工单，24小时内答复您，如仍不满意也可以打12305反映。",
      ],
    },
    sources: ["S21"],
  },
]
