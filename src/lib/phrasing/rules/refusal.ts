import type { PhrasingRule } from "../types"
import { CONDITIONAL, NO_NEED, REMEDY, TIME, rest } from "./patterns"

/** 拒绝类 P01–P17: flat refusals; manual A (四) "不要一开口就说“不行”“没办法”". */
export const REFUSAL_RULES: PhrasingRule[] = [
  {
    id: "refusal-buxing",
    title: "开口就说“不行”",
    category: "refusal",
    severity: "warning",
    triggers: ["^不行", "这个不行", "那不行", "肯定不行", "绝对不行", "就是不行"],
    guards: {
      before: ["行", "可", "不是", "也不是", "并不是", "实在", "要是", "如果", "万一"],
      after: ["的话", "[吗么嘛]", "[吧啊呀]?\\s*[？?]", "[驶使]"],
    },
    message: {
      zh: "开口就说“不行”是生硬的拒绝（手册（四））。先致歉，再说明原因并给出可行的办法。",
      en: "A flat “不行” is a blunt refusal (manual (四)). Apologise, give the reason and offer what can be done.",
    },
    replacements: [
      "很抱歉，这个需求目前暂时无法直接办理，我帮您看看其他可行的办法",
      "非常抱歉，按{原因}目前办理不了，您看这样处理可以吗：{方案}",
    ],
    examples: {
      blunt: ["不行，这个改不了。", "这个不行，您另外再想想吧。", "不行就是不行。"],
      polite: [
        "不行的话我再帮您联系网点。",
        "您看明天上午送行不行？",
        "不是不行，只是需要您先提供一下运单号。",
      ],
    },
    sources: ["Manual A (四)", "S9", "S2"],
  },
  {
    id: "refusal-meibanfa",
    title: "“没办法”",
    category: "refusal",
    severity: "warning",
    triggers: [
      "^没办法",
      "我们没办法",
      "这个没办法",
      "实在没办法",
      "真没办法",
      "没办法了",
      "^没有办法",
      "我们没有办法",
      "实在没有办法",
      "真的没有办法",
    ],
    guards: {
      before: ["不是", "也不是", CONDITIONAL],
      after: [rest(REMEDY), rest(TIME), "联系上", "的话"],
    },
    message: {
      zh: "“没办法”会让客户觉得被拒之门外（手册（四））。如实说明做不到的部分，并给出下一步和回复时间（2.1）。",
      en: "“没办法” shuts the door (manual (四)). Say honestly what cannot be done, then the next step and when you will reply (2.1).",
    },
    replacements: ["非常抱歉给您带来不便，我帮您想想其他办法", "我会继续帮您跟进，{回复时间}前回复您"],
    examples: {
      blunt: ["没办法，您只能再等等。", "不行，这个我们没办法。", "这个没办法，系统就是这样。"],
      polite: ["没办法当场确认，我两小时内回复您。", "没办法按时送达，我们深表歉意并已为您加急。"],
    },
    sources: ["Manual A (四)", "G1", "G3"],
  },
  {
    id: "refusal-wo-ye-meibanfa",
    title: "“我也没办法”",
    category: "refusal",
    severity: "forbidden",
    triggers: ["我也没办法", "我也没有办法", "我有什么办法", "我能有什么办法", "我又有什么办法"],
    guards: { before: [CONDITIONAL] },
    message: {
      zh: "“我也没办法”把问题推回给客户（手册（四）、（十一））。先共情，再说明您马上会做什么。",
      en: "“我也没办法” hands the problem back to the customer (manual (四), (十一)). Empathise, then say what you will do now.",
    },
    replacements: ["我理解您的着急，我这边马上为您{动作}", "我会继续帮您跟进，{回复时间}前给您答复"],
    examples: {
      blunt: ["这是上级的规定，我有什么办法？", "我也没办法，网点就是不送。"],
      polite: ["我理解您的着急，我这边马上为您催派。", "如果我也没办法当场解决，会立刻帮您升级给主管。"],
    },
    sources: ["S1", "G1"],
  },
  {
    id: "refusal-guiding",
    title: "只搬出“公司规定”",
    category: "refusal",
    severity: "warning",
    triggers: ["这是公司规定", "这是上级的规定", "这是上级规定", "这是规定", "规定就是这样", "规定就这样"],
    guards: { after: [rest("(?:您可以|可以为您|可以帮您|帮您|为您|替您|建议您|希望您能?谅解)")] },
    message: {
      zh: "只搬出“规定”而不解释、不给替代办法会显得生硬（手册（四））。简要说明规定，并告诉客户还可以怎么办。",
      en: "Citing “the rules” with no explanation or alternative is blunt (manual (四)). Explain the rule briefly and say what the customer can do instead.",
    },
    replacements: [
      "非常抱歉，根据规定我不能为您办理这项业务（{规定说明}），希望您能谅解",
      "对不起，根据{规定}暂时不能办理，您可以通过{办理方式}办理",
    ],
    examples: {
      blunt: ["这是公司规定，我也改不了。", "规定就是这样，您别问了。"],
      polite: [
        "非常抱歉，根据规定我不能为您办理这项业务，您可以通过寄件网点申请改址。",
        "这是公司规定，主要是为了保障寄件安全，您可以改用保价服务，我帮您办理。",
      ],
    },
    sources: ["S1", "S5", "S7"],
  },
  {
    id: "refusal-zhao-shui-meiyong",
    title: "“找谁都没用”",
    category: "refusal",
    severity: "forbidden",
    triggers: ["找谁都没用", "找谁也没用", "找领导也没用", "找领导都没用", "找谁都一样", "找谁也一样"],
    message: {
      zh: "“找谁都没用”断绝了客户的诉求渠道（手册（四）、（九））。主动提出升级，并给出回复时间。",
      en: "“找谁都没用” cuts off every channel (manual (四), (九)). Offer to escalate and give a reply time.",
    },
    replacements: ["如您需要，我可以帮您升级给主管处理，并在{回复时间}前回复您"],
    examples: {
      blunt: ["你找谁都没用，就这个结果。", "找领导也没用，结果不会变。"],
      polite: [
        "如您需要，我可以帮您升级给主管处理，并在今天18点前回复您。",
        "您不用再找别人，这件事我负责跟进到底。",
      ],
    },
    sources: ["S1", "S3"],
  },
  {
    id: "refusal-bukeneng",
    title: "“不可能”",
    category: "refusal",
    severity: "warning",
    triggers: ["不可能"],
    guards: {
      before: ["不是", "也不是", "并不是"],
      after: ["(?:会|再)?(?:让|叫|要|由|请)您", "收您", "向您收"],
    },
    message: {
      zh: "“不可能”是否定性用语（手册（四））。说明会去查询可行性，或委婉说明超出服务范围。",
      en: "“不可能” is a flat negative (manual (四)). Offer to check what is possible, or explain gently that it is outside the service.",
    },
    replacements: [
      "您放心，我会帮您查询{需求}的可行性，若能安排会第一时间告知您",
      "很抱歉，这超出我们的服务范围，恐怕我不能帮助您",
    ],
    examples: {
      blunt: ["不可能，我们从来没丢过件。", "这不可能，系统显示已经签收了。"],
      polite: [
        "您放心，不可能让您承担这笔运费。",
        "您放心，我会帮您查询改派的可行性，若能安排会第一时间告知您。",
      ],
    },
    sources: ["S10", "S12", "G1"],
  },
  {
    id: "refusal-bukeyi",
    title: "“不可以”",
    category: "refusal",
    severity: "warning",
    triggers: ["^不可以", "完全不可以", "绝对不可以", "这个不可以", "那不可以"],
    guards: {
      before: ["不是", "也不是", "可"],
      after: ["的话", "[吗么嘛]", "[吧啊呀]?\\s*[？?]"],
    },
    message: {
      zh: "“不可以”是生硬的拒绝（手册（四））。致歉并委婉说明无法办理的原因。",
      en: "“不可以” is a blunt refusal (manual (四)). Apologise and explain gently why it cannot be done.",
    },
    replacements: ["很抱歉，恐怕我不能帮助您", "很抱歉，这超出我们的服务范围，我帮您看看其他办法"],
    examples: {
      blunt: ["不可以，完全不可以。", "这个不可以，您别再问了。"],
      polite: ["不是不可以，需要您先补充一下收件人电话。", "您看改到明天派送可不可以？"],
    },
    sources: ["S12"],
  },
  {
    id: "refusal-zuobudao",
    title: "“做不到/办不了”",
    category: "refusal",
    severity: "warning",
    triggers: ["做不到", "办不到", "办不了", "处理不了", "管不了", "弄不了", "解决不了"],
    guards: {
      before: [CONDITIONAL, "没有", "不是"],
      after: ["的话", "[吗么]"],
    },
    message: {
      zh: "“做不到/办不了”只给结论不给出路（手册（四））。说明由谁办理，并帮客户转接或登记。",
      en: "“做不到/办不了” gives a verdict with no way forward (manual (四)). Say who handles it and transfer or register it for the customer.",
    },
    replacements: ["我帮您看看有什么可以处理的方案", "这项需由{部门}办理，我帮您转接并登记"],
    examples: {
      blunt: ["这个我们做不到。", "网点处理不了，您等着吧。"],
      polite: [
        "如果网点处理不了，我会直接帮您升级到片区负责人。",
        "这个需要网点来办理，办不了的话我帮您登记转交。",
      ],
    },
    sources: ["G1", "G3", "S5"],
  },
  {
    id: "refusal-qu-biechu",
    title: "打发客户去别处办",
    category: "refusal",
    severity: "forbidden",
    triggers: [
      "这里办不成",
      "这儿办不成",
      "到别处办",
      "去别处办",
      "去别处问",
      "到别处问",
      "去别的地方问",
      "到别的地方办",
    ],
    message: {
      zh: "把客户打发到“别处”违背首问负责（手册（七）、（十一））。说明由哪个部门负责，并帮客户转接、说明情况。",
      en: "Sending the customer “somewhere else” breaks first-contact ownership (manual (七), (十一)). Name the responsible team and hand over with the details.",
    },
    replacements: ["这个问题由{部门}负责，我帮您转接并把情况一并说明"],
    examples: {
      blunt: ["这里办不成，你到别处办去。", "这事你去别处问吧。"],
      polite: [
        "这个问题由理赔组负责，我帮您转接并把情况一并说明。",
        "您不用跑别的地方，我在这里就能帮您办好。",
      ],
    },
    sources: ["S1", "S5"],
  },
  {
    id: "refusal-buneng-ban",
    title: "“不能办”不给出路",
    category: "refusal",
    severity: "warning",
    triggers: ["不能办", "没法办", "办不成"],
    guards: {
      before: [CONDITIONAL],
      after: [rest("(?:您可以|可以通过|可以改|帮您|为您|替您|建议您)"), "的话"],
    },
    message: {
      zh: "“不能办”只说不能、不说怎么办（手册（四））。说明依据并告诉客户可以通过什么方式办理。",
      en: "“不能办” says no without saying how (manual (四)). Give the reason and the way it can be done.",
    },
    replacements: ["根据{规定}暂时不能办理，请您谅解；您可以通过{办理方式}办理"],
    examples: {
      blunt: ["这个不能办。", "周末没法办，下周再说。"],
      polite: [
        "根据规定暂时不能办理，请原谅；您可以通过寄件网点办理改址。",
        "如果网点不能办，我帮您转到片区处理。",
      ],
    },
    sources: ["S5", "S7"],
  },
  {
    id: "refusal-ai-yao-buyao",
    title: "“不要就算了”",
    category: "refusal",
    severity: "forbidden",
    triggers: ["不要就算了", "不要拉倒", "爱要不要", "爱办不办", "不办就算了", "不赔就算了"],
    message: {
      zh: "“不要就算了”让客户没有再协商的余地（手册（十二））。给出可选方案，并留出复核渠道。",
      en: "“不要就算了” leaves no room to negotiate (manual (十二)). Offer options and a way to request a review.",
    },
    replacements: [
      "您可以考虑后再决定，有需要随时联系我",
      "按规则目前可为您申请{方案}；如您有购买凭证，我可以再为您提交复核",
    ],
    examples: {
      blunt: ["就赔这些，不要就算了。", "爱要不要，就这个方案。"],
      polite: ["您可以考虑后再决定，有需要随时联系我。", "您要是暂时不需要也没关系，有需要随时联系我。"],
    },
    sources: ["G2", "G3", "Manual A (十二)"],
  },
  {
    id: "refusal-zuiduo-pei",
    title: "理赔“最多只能赔这么多”",
    category: "refusal",
    severity: "warning",
    triggers: [
      "最多只能赔这么多",
      "最多就赔这么多",
      "只能赔这么多",
      "就赔这么多",
      "没得商量",
      "没什么好商量",
    ],
    guards: { after: [rest("(?:复核|凭证|申请|争取|补充)")] },
    message: {
      zh: "理赔时“没得商量”不留余地（手册（十二）“不能让客户没有再次沟通协商的余地”）。说明核定依据和复核途径。",
      en: "“没得商量” leaves no room in a claim (manual (十二): always leave room to negotiate). Give the basis and the review path.",
    },
    replacements: [
      "按{赔偿规则}目前核定为{金额}；如您对金额有异议，可以补充{凭证}，我帮您申请复核，{回复时间}前答复您",
    ],
    examples: {
      blunt: ["最多只能赔这么多，您考虑一下。", "就这么多，没得商量。"],
      polite: [
        "按规则目前只能赔这么多，如您有购买凭证，我可以为您申请复核。",
        "按保价规则目前核定为300元；如您对金额有异议，可以补充购买凭证，我帮您申请复核。",
      ],
    },
    sources: ["Manual A (十二)", "G6"],
  },
  {
    id: "refusal-xiaban-le",
    title: "以“下班了”打发客户",
    category: "refusal",
    severity: "warning",
    triggers: ["下班了", "要下班了", "明天再来", "明天再打", "明早再打"],
    guards: {
      before: ["(?:网点|站点|他们|师傅|派件员|快递员|对方|营业厅|窗口|仓库)[^，,]*"],
      after: [rest(REMEDY)],
    },
    message: {
      zh: "以下班为由打发客户，问题没有登记交接（手册（七））。先登记，并约定明确的回电时间。",
      en: "Sending the customer away because the shift ends leaves the case unregistered (manual (七)). Register it and promise a callback time.",
    },
    replacements: ["我先为您登记，{回电时间}前给您回电"],
    examples: {
      blunt: ["我要下班了，你明天再打吧。", "明天再来吧。"],
      polite: [
        "我先为您登记，明天上午10点前给您回电。",
        "网点今天已经下班了，我先为您登记，明天10点前给您回电。",
      ],
    },
    sources: ["S1", "S3", "S5", "S6"],
  },
  {
    id: "refusal-guo-liangtian-zaida",
    title: "让客户“过两天再打”",
    category: "refusal",
    severity: "warning",
    triggers: ["过两天再打", "过几天再打", "晚点再打", "过两天再问", "过几天再来", "过两天再来"],
    guards: {
      before: [NO_NEED],
      after: [rest("(?:我|我们)(?:会|来)?(?:给您|回电|联系您)")],
    },
    message: {
      zh: "让客户“过两天再打”等于把跟进推给客户（2.1“承诺会主动跟进”）。由我们主动回复，并给出时限。",
      en: "“Call back in a few days” pushes follow-up onto the customer (2.1: promise to follow up yourself). Commit to calling back within a stated time.",
    },
    replacements: ["很抱歉，我们会尽快向{部门}反映，并在{回复时间}内给您明确的答复"],
    examples: {
      blunt: ["你过两天再打电话吧。", "现在还没消息，你晚点再打。"],
      polite: [
        "我们会向网点反映，并在24小时之内给您明确答复。",
        "您不用过两天再打，我们会在明天12点前主动给您回电。",
      ],
    },
    sources: ["S17"],
  },
  {
    id: "refusal-bu-xiang-pao",
    title: "“不想跑”拒绝派送",
    category: "refusal",
    severity: "forbidden",
    triggers: ["不想动", "不想跑", "你自己过来拿", "自己过来拿", "你自己来拿", "自己来拿吧"],
    guards: { before: ["您[也还都]?", CONDITIONAL] },
    message: {
      zh: "以个人意愿拒绝派送，损害公司形象（手册（二）（三））。致歉、给出预计送达时间，并提供自取作为可选项。",
      en: "Refusing delivery out of personal reluctance hurts the company (manual (二)(三)). Apologise, give an ETA, and offer self-pickup as an option.",
    },
    replacements: [
      "非常抱歉，今天派送会晚一些，预计{送达时间}前送达；如您着急，也可以到{地址}自取，您看哪种方便？",
    ],
    examples: {
      blunt: ["太热了不想动，你自己过来拿。", "今天不想跑了，自己过来拿吧。"],
      polite: [
        "非常抱歉，今天派送会晚一些，预计18点前送达；如您着急，也可以到网点自取，您看哪种方便？",
        "如果您不想跑一趟，我们可以安排上门派送。",
      ],
    },
    sources: ["S34"],
  },
  {
    id: "refusal-renshou-buzu",
    title: "“人手不够”送不了",
    category: "refusal",
    severity: "warning",
    triggers: ["配送员太少", "人手不够", "没人送", "暂时送不了", "送不了"],
    guards: { after: [rest(REMEDY), rest(TIME), "的话"] },
    message: {
      zh: "只说“人手不够、送不了”，没有补救和时间（2.1 清晰回应）。致歉，说明已加急，并给出预计联系时间。",
      en: "“Not enough couriers, can't deliver” with no remedy or time (2.1). Apologise, say it has been expedited and when they will be contacted.",
    },
    replacements: ["非常抱歉，该站点近期派送压力较大，我已为您加急登记，预计{时间}前联系您派送"],
    examples: {
      blunt: ["配送员太少了，暂时送不了。", "最近没人送，您等等吧。"],
      polite: [
        "非常抱歉，该站点近期派送压力较大，我已为您加急登记，预计明天12点前联系您派送。",
        "该站点人手不够，我已为您加急催派，预计今天18点前送达。",
      ],
    },
    sources: ["S37"],
  },
  {
    id: "refusal-bare-buneng",
    title: "单独一句“不能。”",
    category: "refusal",
    severity: "warning",
    triggers: ["^不能$", "^那也不行", "^也不能$"],
    guards: { after: ["的话", "[吗么]", "\\s*[？?]"] },
    message: {
      zh: "单独一句“不能。”“那也不行。”冷冰冰（手册（四））。致歉并说明原因和可行的办法。",
      en: "A bare “不能。” or “那也不行。” is cold (manual (四)). Apologise, give the reason and what can be done.",
    },
    replacements: ["很抱歉，这个需求目前暂时无法直接办理，我帮您看看其他可行的办法"],
    examples: {
      blunt: ["不能。", "那也不行，就这样。"],
      polite: ["能，我帮您改一下派送时间。", "那也不行的话，我帮您升级给主管处理。"],
    },
    sources: ["S36"],
  },
  {
    // A one-word reply is too short for the tone model (it judges three letters or more).
    id: "refusal-bare-short",
    title: "单独一句“不派。”“不送。”",
    category: "refusal",
    severity: "warning",
    triggers: ["^不派$", "^不送$", "^不收$", "^不退$", "^不赔$", "^不改$", "^不给$"],
    guards: { after: ["的话", "[吗么呢]", "\\s*[？?]"] },
    message: {
      zh: "只回一句“不派。”“不退。”是生硬的拒绝（手册（四））。致歉，说明原因，并给出可行的办法。",
      en: "A one-word “不派。” or “不退。” is a blunt refusal (manual (四)). Apologise, give the reason and what can be done.",
    },
    replacements: ["非常抱歉，按{原因}目前办理不了，您看这样处理可以吗：{方案}"],
    examples: {
      blunt: ["不派。", "不退", "亲，不赔。"],
      polite: ["今天不派的话，明天上午一定给您送到。", "您放心，不会不派的。", "运费不退吗？我帮您问一下。"],
    },
    sources: ["Manual A (四)"],
  },
]
