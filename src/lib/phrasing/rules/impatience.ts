import type { PhrasingRule } from "../types"

/** 不耐烦类 P36–P50: manual A (三) 谦和友好, manual B 2.1 耐心倾听、不随意打断. */
export const IMPATIENCE_RULES: PhrasingRule[] = [
  {
    id: "impatience-ting-bu-dong",
    category: "impatience",
    severity: "forbidden",
    triggers: ["听不懂吗", "听不懂啊", "听不懂么", "听不明白吗", "没听懂吗", "你听不懂", "你听不明白"],
    message: {
      zh: "“你听不懂吗”是反问式、嘲讽的语气（手册（三））。把原因归到自己，换种方式再解释一遍。",
      en: "“Don't you understand?” is a sarcastic rhetorical question (manual (三)). Take the blame and explain again differently.",
    },
    replacements: ["我再为您说明一下", "可能我说得太快了，我再向您解释一遍好吗？"],
    examples: {
      blunt: ["你听不懂吗？", "我说了半天，你听不明白吗？"],
      polite: ["可能我说得太快了，我再向您解释一遍好吗？", "如果有听不懂的地方，您随时打断我。"],
    },
    sources: ["G1", "G2", "G3", "S13"],
  },
  {
    id: "impatience-tingdong-le-ba",
    category: "impatience",
    severity: "warning",
    triggers: ["听懂了吧", "听懂了没有", "听懂没", "听明白了没", "明白了没有", "懂了吧", "懂了没"],
    message: {
      zh: "“听懂了吧”居高临下（2.1 确认理解应礼貌询问）。改为请客户确认解释是否清楚。",
      en: "“Got it?” is condescending (2.1: confirm understanding politely). Ask whether the explanation was clear.",
    },
    replacements: ["请问我刚才的解释您是否清楚？", "不知我是否将您的问题解释清楚了？"],
    examples: {
      blunt: ["听懂了吧？", "就这样，听明白了没？"],
      polite: ["请问我刚才的解释您是否清楚？", "您看我这样解释您能听懂吗？如果不清楚我再说一遍。"],
    },
    sources: ["S12", "S13"],
  },
  {
    id: "impatience-shuo-guo-le",
    category: "impatience",
    severity: "forbidden",
    triggers: [
      "我不是说过了吗",
      "我没说过吗",
      "早就告诉过你",
      "我已经说过了",
      "我说了多少遍",
      "说了多少遍了",
      "跟你说过了",
      "我都说过了",
      "早就说过了",
    ],
    message: {
      zh: "“我不是说过了吗”是政务、客服通用禁语（手册（三））。把原因归到自己没说清楚，再解释一遍。",
      en: "“Didn't I already say that?” is on every banned list (manual (三)). Say you may not have been clear and explain again.",
    },
    replacements: ["不好意思，可能我刚才没说清楚，我再为您解释一遍好吗？"],
    examples: {
      blunt: ["我不是说过了吗？", "我说了多少遍了，就是明天到。"],
      polite: [
        "不好意思，可能我刚才没说清楚，我再为您解释一遍好吗？",
        "我刚才可能说得不够清楚，我再给您说一遍。",
      ],
    },
    sources: ["S4", "S6", "G2"],
  },
  {
    id: "impatience-zenme-hai-wen",
    category: "impatience",
    severity: "forbidden",
    triggers: ["怎么还问", "不是告诉你了吗", "不是跟你说了吗", "还问什么", "还问个什么"],
    message: {
      zh: "“怎么还问”打断并指责客户（2.1 耐心倾听）。耐心地再说明一次。",
      en: "“Why are you still asking?” scolds the customer (2.1: listen patiently). Explain once more, patiently.",
    },
    replacements: ["没关系，我再为您说明一次"],
    examples: {
      blunt: ["刚才不是告诉你了吗，怎么还问？", "你怎么还问这个？"],
      polite: ["没关系，我再为您说明一次。", "您还有什么想问的，都可以问我。"],
    },
    sources: ["S8", "S5", "S2"],
  },
  {
    id: "impatience-you-wan-mei-wan",
    category: "impatience",
    severity: "forbidden",
    triggers: ["有完没完", "没完没了"],
    message: {
      zh: "“有完没完”是烦躁语（手册（三））。安抚客户，再帮他确认一次。",
      en: "“Are you done yet?” is irritation (manual (三)). Calm the customer and check again for them.",
    },
    replacements: ["您别着急，我再帮您确认一下"],
    examples: {
      blunt: ["你有完没完？", "天天打电话，没完没了。"],
      polite: ["您别着急，我再帮您确认一下。", "您的问题我们会跟进到底，直到处理完为止。"],
    },
    sources: ["S2"],
  },
  {
    id: "impatience-ji-shenme",
    category: "impatience",
    severity: "forbidden",
    triggers: ["急什么", "着什么急", "急啥", "急个什么"],
    message: {
      zh: "“急什么”否定客户的焦急（手册（三）；手册（一）要让客户尽情倾诉）。先共情，再马上查询。",
      en: "“What's the rush?” dismisses the customer's worry (manual (三), (一)). Empathise, then look it up at once.",
    },
    replacements: ["我理解您着急，我马上为您查询，请您稍候", "您先别着急，我帮您{动作}"],
    examples: {
      blunt: ["急什么，等着吧。", "你着什么急，又不是不给你送。"],
      polite: ["我理解您着急，我马上为您查询，请您稍候。", "您先别着急，我帮您催一下网点。"],
    },
    sources: ["S2", "S10"],
  },
  {
    id: "impatience-deng-zhe-ba",
    category: "impatience",
    severity: "warning",
    triggers: ["等着吧", "等着就行", "等着就是了", "慢慢等吧", "你就等着"],
    message: {
      zh: "“等着吧”没有时间、没有致歉（2.1 告知预计回复时间）。请客户耐心等待，并给出预计时间。",
      en: "“Just wait” gives no time and no apology (2.1: give the expected reply time). Ask for patience and give a time.",
    },
    replacements: ["我们会尽快处理，预计{回复时间}前给您回复，请您耐心等待"],
    examples: {
      blunt: ["没别的，等着吧。", "你等着就行，别催了。"],
      polite: ["我们会尽快处理，预计今天18点前给您回复，请您耐心等待。", "感谢您的耐心等待。"],
    },
    sources: ["G3", "S2"],
  },
  {
    id: "impatience-zheng-mang",
    category: "impatience",
    severity: "forbidden",
    triggers: ["没看见我正忙着吗", "没看见我在忙", "没看我正忙", "我正忙着呢", "我忙着呢", "我很忙"],
    message: {
      zh: "“没看见我正忙着吗”怠慢客户（手册（三））。致歉并请客户稍等，马上处理。",
      en: "“Can't you see I'm busy?” slights the customer (manual (三)). Apologise, ask them to hold briefly, and act.",
    },
    replacements: ["对不起，请您稍等，我马上为您处理"],
    examples: {
      blunt: ["没看见我正忙着吗？", "我忙着呢，等会儿。"],
      polite: ["对不起，请您稍等，我马上为您处理。", "不好意思刚才线路比较忙，让您久等了。"],
    },
    sources: ["S2", "S3"],
  },
  {
    id: "impatience-bie-luosuo",
    category: "impatience",
    severity: "forbidden",
    triggers: ["别啰嗦", "别啰唆", "少啰嗦", "别废话", "少废话", "废话少说", "别唠叨"],
    message: {
      zh: "“别啰嗦”打断客户（2.1 耐心倾听、不随意打断）。理解客户想说清楚，再简明说明。",
      en: "“Stop rambling” cuts the customer off (2.1: don't interrupt). Acknowledge them and explain simply.",
    },
    replacements: ["理解您想确认清楚，我再用简单的方式跟您说下", "我为您说明"],
    examples: {
      blunt: ["别啰嗦了，说重点。", "少废话，单号多少？"],
      polite: ["理解您想确认清楚，我再用简单的方式跟您说下。", "您慢慢说，不着急，我都记下来。"],
    },
    sources: ["S5", "S10", "G3"],
  },
  {
    id: "impatience-ni-kuaidian",
    category: "impatience",
    severity: "warning",
    triggers: ["你快点", "快点说", "快点讲", "说快点", "赶紧说", "你倒是快点"],
    message: {
      zh: "催客户“快点说”是指令话（2.1 耐心倾听）。礼貌地请客户提供需要的信息。",
      en: "“Hurry up” is an order to the customer (2.1: listen patiently). Ask politely for what you need.",
    },
    replacements: ["麻烦您提供一下{信息}，我马上帮您查"],
    examples: {
      blunt: ["你快点，后面还有人排队。", "快点说，单号多少？"],
      polite: ["麻烦您提供一下运单号，我马上帮您查。", "我们会加快为您处理，今天18点前给您回复。"],
    },
    sources: ["S1", "S5"],
  },
  {
    id: "impatience-daodi-xiang-zenyang",
    category: "impatience",
    severity: "forbidden",
    triggers: ["到底想怎么样", "到底要怎么样", "到底要怎样", "到底想干嘛", "到底想干什么", "你想怎么样"],
    message: {
      zh: "“你到底想怎么样”是质问（手册（八）要委婉询问）。礼貌地问清客户的具体诉求。",
      en: "“What exactly do you want?” is an interrogation (manual (八): ask tactfully). Ask politely what they need.",
    },
    replacements: ["请问您具体需要什么帮助？", "请问您希望我们怎么处理，我尽量为您安排"],
    examples: {
      blunt: ["你到底想怎么样？", "你到底想干嘛？"],
      polite: ["请问您具体需要什么帮助？", "请问您希望我们怎么处理，我尽量为您安排。"],
    },
    sources: ["G1", "G2", "G3", "Manual A (八)"],
  },
  {
    id: "impatience-fan-bu-fan",
    category: "impatience",
    severity: "forbidden",
    triggers: ["你烦不烦", "烦不烦", "真烦人", "烦死了", "烦死人"],
    message: {
      zh: "“你烦不烦”是烦躁语（手册（三））。把注意力放回解决问题上。",
      en: "“You're so annoying” is irritation (manual (三)). Refocus on solving the problem.",
    },
    replacements: ["我尽量帮您解决问题"],
    examples: {
      blunt: ["你烦不烦啊？", "天天查，真烦人。"],
      polite: ["我尽量帮您解决问题。", "给您添麻烦了，真不好意思。"],
    },
    sources: ["S2", "G1"],
  },
  {
    id: "impatience-zhen-mafan",
    category: "impatience",
    severity: "warning",
    triggers: ["真麻烦", "麻烦死了", "太麻烦了", "好麻烦"],
    guards: { before: ["(?:让|给|对|叫|要)您[^，,]*", "您[^，,]*", "不会"] },
    message: {
      zh: "抱怨“真麻烦”让客户觉得是负担（手册（三））。直接应承下来处理。（“让您跑一趟太麻烦了”是体谅客户，不算。）",
      en: "Complaining “what a hassle” makes the customer feel a burden (manual (三)). Just take it on. (Sparing the customer trouble is fine.)",
    },
    replacements: ["好的，我来为您处理"],
    examples: {
      blunt: ["真麻烦，又要重新查。", "这单太麻烦了。"],
      polite: ["好的，我来为您处理。", "让您再跑一趟太麻烦了，我们安排上门取件。"],
    },
    sources: ["S1"],
  },
  {
    id: "impatience-zenme-bu-zao",
    category: "impatience",
    severity: "warning",
    triggers: ["怎么不早点来", "怎么不早说", "怎么不早点说", "早干嘛去了", "怎么现在才说", "为什么不早说"],
    message: {
      zh: "“怎么不早说”是在批评客户（手册（一）不要批评客户的不足）。感谢告知并马上处理。",
      en: "“Why didn't you say so earlier?” criticises the customer (manual (一)). Thank them and act.",
    },
    replacements: ["感谢您告知，我现在马上为您处理"],
    examples: {
      blunt: ["怎么不早说？", "现在才来，早干嘛去了？"],
      polite: ["感谢您告知，我现在马上为您处理。", "感谢您及时告诉我们，我马上为您处理。"],
    },
    sources: ["S1"],
  },
  {
    id: "impatience-xingle-xingle",
    category: "impatience",
    severity: "hint",
    triggers: ["行了行了", "行了，行了", "行吧行吧", "好了好了", "知道了知道了"],
    guards: { after: ["[，,]?\\s*(?:您别|别着急|不着急|您放心|没事)"] },
    message: {
      zh: "“行了行了”听起来不耐烦，像在打断客户（2.1 用“嗯”“是的”“我明白了”回应）。",
      en: "“OK, OK” sounds impatient, like cutting the customer off (2.1: acknowledge with 嗯 / 是的 / 我明白了).",
    },
    replacements: ["好的，我明白了，我来为您处理"],
    examples: {
      blunt: ["行了行了，我知道了。", "好了好了，别说了。"],
      polite: ["好的，我明白了，我来为您处理。", "好了好了，您别着急，我马上帮您催。"],
    },
    sources: ["S11", "Manual B 2.1"],
  },
  {
    // "等。" as the whole answer: too short for the tone model.
    id: "impatience-bare-deng",
    category: "impatience",
    severity: "warning",
    triggers: ["^等$", "^等等$", "^等会$", "^等会儿$"],
    guards: { after: ["[吗么呢]", "\\s*[？?]"] },
    message: {
      zh: "只回一个“等”显得不耐烦（2.1）。用“请您稍等，我马上帮您查询”。",
      en: "A bare “等” sounds impatient (2.1). Say “please wait a moment, I'm checking for you”.",
    },
    replacements: ["请您稍等，我马上帮您查询"],
    examples: {
      blunt: ["等。", "等会儿"],
      polite: ["请您稍等，我马上帮您查询。", "等会儿快递员到了会给您打电话。"],
    },
    sources: ["Manual B 2.1"],
  },
]
