import type { PhrasingRule } from "../types"
import { rest } from "./patterns"

/** Guidance plus help ("您可以在App查看，我也帮您同步") is fine. */
const ALSO_HELPS = rest("(?:帮您|为您|同步|我也|我来|我这边)")

/** 粗鲁/嘲讽/指令类 P61–P77: manual A (三) 谦和友好, (四) 规范得体语言; 邮储 杜绝粗话、嘲讽话、指令话. */
export const RUDENESS_RULES: PhrasingRule[] = [
  {
    id: "rudeness-ni-ziji-kan",
    title: "“你自己看”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["你自己看", "自己看吧", "你不会自己看", "自己看清楚", "自己不会看"],
    guards: { after: [ALSO_HELPS] },
    message: {
      zh: "“你自己看”是指令话（手册（四））。由您查好告诉客户；引导客户自助查询时也要同时帮他。",
      en: "“Look it up yourself” is an order (manual (四)). Check it for them; when pointing to self-service, help as well.",
    },
    replacements: ["我帮您查一下", "我来为您说明一下"],
    examples: {
      blunt: ["你自己看吧，网上都有。", "自己看清楚再来。"],
      polite: ["我帮您查一下。", "您可以在App里查看，我也帮您同步一下。"],
    },
    sources: ["S6", "S8", "G1", "G3", "G4"],
  },
  {
    id: "rudeness-ni-ziji-cha",
    title: "“你自己查”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["你自己查", "你不会自己查", "自己上网查", "自己查吧", "自己去查"],
    guards: { after: [ALSO_HELPS] },
    message: {
      zh: "“你自己查”把客服的工作推给客户（2.2 快件查询由客服完成）。由您查询并告知结果。",
      en: "“Look it up yourself” pushes our job onto the customer (2.2: tracking is the agent's job). Look it up and tell them.",
    },
    replacements: ["我帮您查一下，请稍等", "您可以在{查询渠道}查询，我也帮您同步一下最新轨迹"],
    examples: {
      blunt: ["你自己查吧。", "不会自己上网查吗？"],
      polite: ["我帮您查一下，请稍等。", "您可以在官网查询，我也帮您同步一下最新轨迹。"],
    },
    sources: ["G1", "G3"],
  },
  {
    id: "rudeness-mei-kanjian",
    title: "嘲讽“这不是写着吗”",
    category: "rudeness",
    severity: "forbidden",
    triggers: [
      "没看见牌子吗",
      "这不是写着吗",
      "上面不是写着吗",
      "没看见短信吗",
      "没看到短信吗",
      "没看见吗",
      "没看到吗",
      "不识字吗",
    ],
    message: {
      zh: "“这不是写着吗”是嘲讽（手册（三））。直接为客户说明。",
      en: "“Isn't it written right there?” is mockery (manual (三)). Just explain it.",
    },
    replacements: ["我来为您说明：{说明}"],
    examples: {
      blunt: ["这不是写着吗？", "没看见短信吗？"],
      polite: ["我来为您说明一下：短信里有取件码。", "短信上写着取件码，我也给您念一下：3826。"],
    },
    sources: ["S2", "S8"],
  },
  {
    id: "rudeness-ni-bu-dong",
    title: "“你不懂”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["你不懂", "你懂还是我懂", "说了你也不懂", "你懂什么", "你懂个"],
    guards: { after: ["的地方"] },
    message: {
      zh: "“你不懂”贬低客户（手册（一）不要批评客户的不足）。换成耐心说明。",
      en: "“You don't understand” belittles the customer (manual (一)). Explain patiently instead.",
    },
    replacements: ["可能是操作步骤上有小偏差，我给您详细说下"],
    examples: {
      blunt: ["你不懂就别乱说。", "说了你也不懂。"],
      polite: ["可能是操作步骤上有小偏差，我给您详细说下。", "有不懂的地方您随时问我。"],
    },
    sources: ["S10", "S8"],
  },
  {
    id: "rudeness-bu-hui-lijie",
    title: "“您是不会理解的”",
    category: "rudeness",
    severity: "forbidden",
    triggers: [
      "您是不会理解的",
      "你是不会理解的",
      "按我说的做就行",
      "照我说的做就行",
      "听我的就行",
      "照做就是了",
    ],
    message: {
      zh: "“您是不会理解的”居高临下（手册（三））。换一种方式说明。",
      en: "“You wouldn't understand” is condescending (manual (三)). Explain another way.",
    },
    replacements: ["我换一种方式为您说明"],
    examples: {
      blunt: ["我说的您是不会理解的。", "您就直接按我说的做就行了。"],
      polite: ["我换一种方式为您说明。", "您按我刚才说的步骤操作，如果还有问题我再帮您看。"],
    },
    sources: ["S11"],
  },
  {
    id: "rudeness-ben",
    title: "辱骂客户“真笨”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["真笨", "笨死了", "记性真差", "脑子有问题", "你有病", "神经病", "有病吧"],
    message: {
      zh: "辱骂客户是绝对禁语（手册（三）（四））。",
      en: "Insulting the customer is never acceptable (manual (三)(四)).",
    },
    replacements: ["没关系，我再为您说明一次"],
    examples: {
      blunt: ["你这人真笨。", "你的记性真差，刚说完就忘。"],
      polite: ["没关系，我再为您说明一次。", "这个操作有点绕，很多客户第一次都会弄错，没关系。"],
    },
    sources: ["S5"],
  },
  {
    id: "rudeness-ba-wo-zenyang",
    title: "“你能把我怎么样”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["能把我怎么样", "我就是这样的", "我就这态度", "我就是这个态度", "我就这样"],
    message: {
      zh: "“你能把我怎么样”是挑衅（手册（三））。致歉，表示会认真处理。",
      en: "“What are you going to do about it?” is a provocation (manual (三)). Apologise and commit to handling it.",
    },
    replacements: ["非常抱歉让您不满意，我会认真处理您的问题"],
    examples: {
      blunt: ["我就是这样的，你能把我怎么样？", "我就这态度，你看着办。"],
      polite: [
        "非常抱歉让您不满意，我会认真处理您的问题。",
        "非常抱歉我的态度让您不舒服，我会注意，现在马上帮您处理。",
      ],
    },
    sources: ["S5"],
  },
  {
    id: "rudeness-zuiba-ganjing",
    title: "“嘴巴干净点”针锋相对",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["嘴巴干净一点", "嘴巴干净点", "嘴巴放干净", "嘴放干净", "说话干净点"],
    message: {
      zh: "客户言语过激时不要针锋相对（手册（四））。保持冷静，回到问题本身；处理不了时报告现场主管。",
      en: "Don't hit back when the customer is abusive (manual (四)). Stay calm and return to the issue; escalate to the supervisor if needed.",
    },
    replacements: ["对不起，请问有什么可以帮助您？"],
    examples: {
      blunt: ["你嘴巴干净一点。", "你嘴巴放干净点！"],
      polite: ["对不起，先生，请问有什么可以帮助您？", "我理解您很生气，我们先把问题解决好。"],
    },
    sources: ["S17", "Manual A (四)"],
  },
  {
    id: "rudeness-ai-xin-bu-xin",
    title: "“爱信不信”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["爱信不信", "信不信由你"],
    message: {
      zh: "“爱信不信”是顶撞话（手册（三））。请客户核实，同时由您确认。",
      en: "“Believe it or not” is talking back (manual (三)). Invite them to check while you confirm too.",
    },
    replacements: ["您可以再核实一下，我这边也帮您确认"],
    examples: {
      blunt: ["爱信不信，系统就是这么显示的。", "信不信由你。"],
      polite: ["您可以再核实一下，我这边也帮您确认。", "系统显示已签收，我把签收照片发给您看一下。"],
    },
    sources: ["G1", "G2", "G3"],
  },
  {
    id: "rudeness-suibian-ni",
    title: "“随便你”",
    category: "rudeness",
    severity: "warning",
    triggers: ["随便你", "随你便", "随便您", "看着办", "自己看着办", "你自己看着办"],
    guards: { after: ["(?:选|挑|定|安排)"] },
    message: {
      zh: "“随便你/你看着办”是敷衍话（手册（三））。给出选项并帮客户确认。",
      en: "“Whatever / suit yourself” is dismissive (manual (三)). Offer options and help them decide.",
    },
    replacements: ["您可以根据需要选择，我帮您确认一下"],
    examples: {
      blunt: ["随便你，反正就这样。", "你自己看着办吧。"],
      polite: ["您可以根据需要选择，我帮您确认一下。", "随便您选哪个时间段，我来安排。"],
    },
    sources: ["G1", "G2", "G3"],
  },
  {
    id: "rudeness-ziji-xiang-banfa",
    title: "“你自己想办法”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["自己想办法", "你想办法吧", "您想办法吧"],
    message: {
      zh: "“你自己想办法”把问题扔回给客户（手册（一）把客户的问题当做自身的问题）。和客户一起想办法。",
      en: "“Figure it out yourself” throws the problem back (manual (一): treat it as your own). Work it out together.",
    },
    replacements: ["我帮您一起想办法"],
    examples: {
      blunt: ["这事你自己想办法。", "我们也没招，自己想办法吧。"],
      polite: ["我帮您一起想办法。", "我们一起想想办法，我先帮您联系网点。"],
    },
    sources: ["G1", "Manual A (一)"],
  },
  {
    id: "rudeness-you-benshi",
    title: "“有本事你来”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["有本事你", "有能耐你", "拉倒吧", "那就拉倒"],
    message: {
      zh: "“有本事你自己来”是挑衅（手册（三））。换个方式处理。",
      en: "“Do it yourself if you're so clever” is a provocation (manual (三)). Offer another way.",
    },
    replacements: ["我帮您处理", "我们换个方式处理，{方案}"],
    examples: {
      blunt: ["有本事你自己来。", "拉倒吧，不送了。"],
      polite: ["我们换个方式处理，我帮您安排上门取件。", "我们有能力处理好这件事，请您放心。"],
    },
    sources: ["G3"],
  },
  {
    id: "rudeness-xiangtong-zhufu",
    title: "反唇相讥“相同的祝福送给您”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["相同的祝福也送给", "同样的祝福送给", "说什么我都听不到", "说啥我都听不到"],
    message: {
      zh: "对客户的辱骂反唇相讥（“相同的祝福也送给您”）是嘲讽（手册（四）不要针锋相对）。忽略情绪，回到问题本身。",
      en: "Sarcastic comebacks (“same to you”) to abuse are mockery (manual (四)). Ignore the heat and return to the issue.",
    },
    replacements: ["还是回到您的快件，我帮您查一下最新进度"],
    examples: {
      blunt: ["相同的祝福也送给您。", "不管您说什么我都听不到。"],
      polite: ["还是回到您的快件，我帮您查一下最新进度。", "谢谢您的祝福，也祝您生活愉快。"],
    },
    sources: ["S11"],
  },
  {
    id: "rudeness-pei-de-qi",
    title: "威胁“你赔得起吗”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["赔得起吗", "赔得起么", "你赔得起", "我一个小时值多少钱", "耽误我时间"],
    message: {
      zh: "“耽误了你赔得起吗”是威胁客户（手册（三））。致歉并约定客户方便的派送时间。",
      en: "“Can you afford to pay for my time?” threatens the customer (manual (三)). Apologise and agree a convenient delivery time.",
    },
    replacements: ["非常抱歉没能提前联系上您，我们约个您方便的时间再送可以吗？"],
    examples: {
      blunt: ["耽误了你赔得起吗？", "我一个小时值多少钱你知道吗？"],
      polite: [
        "非常抱歉没能提前联系上您，我们约个您方便的时间再送可以吗？",
        "耽误了您的时间，真的非常抱歉。",
      ],
    },
    sources: ["S35"],
  },
  {
    id: "rudeness-mei-shi-le-ba",
    title: "催挂电话“没事了吧”",
    category: "rudeness",
    severity: "warning",
    triggers: ["没事了吧", "没事我挂了", "没事就挂了", "您挂电话吧", "你挂电话吧", "我挂了啊"],
    message: {
      zh: "催客户挂电话不礼貌（2.1 礼貌结束：先问“还有其他可以帮您的吗？”，再用标准结束语，待客户挂断后再挂）。",
      en: "Rushing the customer off the line is rude (2.1: ask “anything else?”, use the standard closing, let them hang up first).",
    },
    replacements: ["还有其他可以帮您的吗？", "感谢您的来电，祝您生活愉快，再见。"],
    examples: {
      blunt: ["喂，没事了吧？", "没事我挂了。"],
      polite: [
        "还有其他可以帮您的吗？感谢您的来电，祝您生活愉快，再见。",
        "没事的，您不用担心，我会跟进到底。",
      ],
    },
    sources: ["S17", "S12", "Manual B 2.1"],
  },
  {
    id: "rudeness-wei",
    title: "用“喂”“哎”称呼客户",
    category: "rudeness",
    severity: "hint",
    triggers: ["^喂$", "^喂喂$", "^哎$", "^嘿$"],
    message: {
      zh: "用“喂”“哎”称呼客户不礼貌（2.1 规范问候）。用“您好”或“先生/女士”。",
      en: "Addressing the customer as “喂/哎” is impolite (2.1: standard greeting). Use 您好 or 先生/女士.",
    },
    replacements: ["您好", "先生/女士，您好"],
    examples: {
      blunt: ["喂，你说什么？", "哎，你的单号多少？"],
      polite: ["您好，请问有什么可以帮您？", "哎呀，真是不好意思，让您久等了。"],
    },
    sources: ["S9", "S6", "Manual B 2.1"],
  },
  {
    id: "rudeness-tousu-hai-wo",
    title: "“害我被扣钱”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["害我被扣", "害我被罚", "害我扣钱", "别投诉我", "不要投诉我"],
    message: {
      zh: "用自己受罚来指责客户投诉（手册（一）：投诉是客服岗位职责的一部分）。致歉，并留下后续联系方式。",
      en: "Blaming the customer's complaint for your penalty (manual (一): handling complaints is the job). Apologise and offer follow-up contact.",
    },
    replacements: ["给您带来不便非常抱歉，之后有任何问题可以直接联系我"],
    examples: {
      blunt: ["你的投诉害我被扣了50块钱。", "求你别投诉我了。"],
      polite: ["给您带来不便非常抱歉，之后有任何问题可以直接联系我。", "您的投诉我们已经收到，会认真处理。"],
    },
    sources: ["S39", "Manual A (一)"],
  },
  {
    // Internet sarcasm in one word: too short for the tone model.
    id: "rudeness-hehe",
    title: "“呵呵”",
    category: "rudeness",
    severity: "forbidden",
    triggers: ["^呵呵$", "^呵呵呵$", "^呵呵哒$", "^你有理$", "^您有理$", "^你开心就好$", "^您开心就好$"],
    message: {
      zh: "“呵呵”“您有理”是嘲讽（2.1 文明用语）。正面回应客户的问题。",
      en: "“呵呵” or “您有理” is sarcasm (2.1: courteous wording). Answer the customer's point.",
    },
    replacements: ["非常理解您的心情，我这边马上帮您处理"],
    examples: {
      blunt: ["呵呵", "行，你有理。", "呵呵，您开心就好。"],
      polite: ["哈哈，没关系的～", "客户回了句“呵呵”，已安抚。", "您说得有道理，我马上帮您处理。"],
    },
    sources: ["Manual B 2.1"],
  },
]
