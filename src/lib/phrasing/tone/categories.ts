/**
 * What the tone model says about each blunt category: the message shown with a model finding and
 * the scenario scripts offered as replacements (the model flags a whole sentence, so a script that
 * says it properly is the suggestion; no rule gives a more precise one there).
 */
import { PHRASING_CATEGORIES, type BilingualText } from "../types"

/**
 * The model's labels: "polite" plus every blunt category of the rules, in their order (the model is
 * trained on these classes; loading a model with other classes throws).
 */
export const TONE_LABELS = ["polite", ...PHRASING_CATEGORIES] as const

export type ToneLabel = (typeof TONE_LABELS)[number]

/** Rule id prefix of model findings: "tone-<category>", so QA tables group them like rules. */
export const TONE_RULE_PREFIX = "tone-"

export interface ToneCategoryInfo {
  message: BilingualText
  /** A sentence to say instead, `{slot}`s to fill in; offered first. */
  replacement: string
  /** Script ids (src/lib/scripts) whose text is offered after it, in order. */
  scripts: string[]
}

export const TONE_CATEGORIES: Record<Exclude<ToneLabel, "polite">, ToneCategoryInfo> = {
  refusal: {
    message: {
      zh: "这句话听起来是生硬的拒绝（手册（四））：先致歉，说明原因，再给出可行的办法。",
      en: "This reads as a flat refusal (manual (四)): apologise, give the reason, offer what can be done.",
    },
    replacement: "非常抱歉，这个暂时无法直接办理，原因是{原因}，我帮您{可行的办法}",
    scripts: ["apology", "escalation-promise"],
  },
  "blame-shifting": {
    message: {
      zh: "这句话像在推诿（手册（一）（十一））：把客户的问题当作自己的问题，说明您会做什么。",
      en: "This reads as passing the buck (manual (一)(十一)): own the problem and say what you will do.",
    },
    replacement: "这个问题我来帮您跟进，我先联系{相关方}核实，{回复时间}前给您答复",
    scripts: ["escalation-promise", "callback-promise"],
  },
  impatience: {
    message: {
      zh: "这句话透出不耐烦（手册（三），2.1 耐心倾听）：耐心地再说明一次，或请客户稍候并给出时间。",
      en: "This sounds impatient (manual (三), 2.1): explain once more patiently, or ask them to hold and give a time.",
    },
    replacement: "没关系，我再为您说明一次：{说明}",
    scripts: ["apology", "please-wait"],
  },
  uncertainty: {
    message: {
      zh: "这句话是敷衍的回答（2.1 清晰回应）：说明会去核实，并给出回复时间。",
      en: "This is a vague answer (2.1: respond clearly): say you will check, and when you will reply.",
    },
    replacement: "这个我马上帮您核实，{回复时间}前给您明确答复",
    scripts: ["please-wait", "callback-promise"],
  },
  rudeness: {
    message: {
      zh: "这句话有嘲讽、居高临下或打发客户的语气（手册（三）（四））：回到问题本身，礼貌地说明。",
      en: "This sounds sarcastic, condescending or dismissive (manual (三)(四)): return to the issue and explain politely.",
    },
    replacement: "非常抱歉给您带来不愉快，我来为您说明：{说明}",
    scripts: ["apology", "restate"],
  },
  "over-promising": {
    message: {
      zh: "这句话承诺了做不到的事（2.1 不轻易许诺）：给出预计时间和您会采取的行动，不要打包票。",
      en: "This promises what no one can guarantee (2.1): give an estimate and your next step, not a guarantee.",
    },
    replacement: "我会帮您加急并全程跟进，预计{预计时间}送达，如有变化第一时间通知您",
    scripts: ["delay", "callback-promise"],
  },
  "held-over-fees": {
    message: {
      zh: "手册（十）：不得以中转费、差价等内部费用为由扣货。先把货送出，费用内部协调。",
      en: "Manual (十): never hold goods over internal fees or price differences. Move the goods, settle internally.",
    },
    replacement: "费用的问题我们内部协调，不影响您的货，预计{送达时间}为您送达",
    scripts: ["delay", "escalation-promise"],
  },
}
