/** The built-in conversation checklist: the manuals' service steps as data (detectors, examples, weights). */
import {
  APOLOGY_FIRST_EXAMPLES,
  DEFERRAL_EXAMPLES,
  GREETING_EXAMPLES,
  RESTATE_EXAMPLES,
} from "./items/examples-a"
import {
  CLOSING_CHECK_EXAMPLES,
  ETA_DISCLAIMER_EXAMPLES,
  FAREWELL_EXAMPLES,
  NO_BLUNT_EXAMPLES,
} from "./items/examples-b"
import {
  APOLOGY_FIRST,
  CLOSING_CHECK,
  DEFERRAL,
  ETA_DISCLAIMER,
  FAREWELL,
  GREETING,
  RESTATE,
} from "./items/detectors"
import type { Checklist } from "./types"

export const DEFAULT_CHECKLIST: Checklist = {
  items: [
    {
      id: "greeting",
      section: "004 2.1 规范问候",
      description: {
        zh: "首句问候并报出公司名称（及工号）：“您好，[公司名称]客服，很高兴为您服务”（004 2.1）。",
        en: "The first reply greets and names the company (and the agent's number) (004 2.1).",
      },
      weight: 2,
      detectors: GREETING,
      scriptId: "greeting",
      examples: GREETING_EXAMPLES,
    },
    {
      id: "restate",
      section: "004 2.1 确认理解；000 （八）",
      description: {
        zh: "客户反映问题时，在给出方案之前（或同时）向客户复述确认问题（004 2.1 确认理解；000（八））。",
        en: "When the customer reports a problem, restate and confirm it before or with the solution (004 2.1; 000 (八)).",
      },
      weight: 2,
      detectors: RESTATE,
      scriptId: "restate",
      examples: RESTATE_EXAMPLES,
    },
    {
      id: "apology-first",
      section: "000 （一）（三）（四）",
      description: {
        zh: "客户不满或投诉时，先致歉或体谅情绪，再解释或婉拒（000（一）（三）（四））。",
        en: "With an upset customer, apologise or acknowledge the feeling before explaining or refusing (000 (一)(三)(四)).",
      },
      weight: 3,
      detectors: APOLOGY_FIRST,
      scriptId: "apology",
      inserts: { default: "非常抱歉给您带来不便，我完全理解您的心情。" },
      examples: APOLOGY_FIRST_EXAMPLES,
    },
    {
      id: "deferral",
      section: "004 2.1 清晰回应",
      description: {
        zh: "不能立即解答时，告知原因及预计回复时间，并承诺主动跟进（004 2.1）。",
        en: "When you cannot answer at once, give the reason and the expected reply time (004 2.1).",
      },
      weight: 3,
      detectors: DEFERRAL,
      scriptId: "escalation-promise",
      inserts: {
        time: "我会在{回复时间}前给您答复。",
        reason: "这是因为需要{原因}。",
        default: "这个问题需要{原因}，我会在{回复时间}前给您答复。",
      },
      examples: DEFERRAL_EXAMPLES,
    },
    {
      id: "eta-disclaimer",
      section: "004 2.2 价格及时效咨询",
      description: {
        zh: "告知时效或预计送达时间时，提示“时效仅供参考，具体以实际运输情况为准”（004 2.2）。",
        en: "A transit time or delivery estimate carries “for reference only, subject to actual transport” (004 2.2).",
      },
      weight: 2,
      detectors: ETA_DISCLAIMER,
      inserts: { default: "时效仅供参考，具体以实际运输情况为准。" },
      examples: ETA_DISCLAIMER_EXAMPLES,
    },
    {
      id: "no-blunt",
      section: "000 （四）使用规范得体语言",
      description: {
        zh: "客服的每一句都没有服务忌语（按话术库规则；引用客户原话不算）（000（四））。",
        en: "No blunt or forbidden wording in any agent turn (the phrasebook's rules; quoted customer words excluded) (000 (四)).",
      },
      weight: 3,
      detectors: {},
      examples: NO_BLUNT_EXAMPLES,
    },
    {
      id: "closing-check",
      section: "004 2.1 礼貌结束",
      description: {
        zh: "结束前询问“还有其他可以帮您的吗？”（004 2.1）。",
        en: "Before closing, ask whether there is anything else (004 2.1).",
      },
      weight: 1,
      detectors: CLOSING_CHECK,
      inserts: { default: "请问还有其他可以帮您的吗？" },
      examples: CLOSING_CHECK_EXAMPLES,
    },
    {
      id: "farewell",
      section: "004 2.1 礼貌结束",
      description: {
        zh: "以标准结束语收尾：“感谢您的来电，祝您生活愉快，再见。”（004 2.1）。",
        en: "Close politely: thanks, wishes, goodbye (004 2.1).",
      },
      weight: 1,
      detectors: FAREWELL,
      inserts: { default: "感谢您的来电，祝您生活愉快，再见。" },
      examples: FAREWELL_EXAMPLES,
    },
  ],
}
