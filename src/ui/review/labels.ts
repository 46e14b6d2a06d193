/** Labels the review page shows for outcome and category codes. */
import type { AuditOutcome } from "~lib/audit/model"
import type { Phrasebook, PhrasingCategory, PhrasingRule, PhrasingSeverity } from "~lib/phrasing/types"
import type { UiLocale } from "~lib/store/contract"

import type { Bilingual, StringKey } from "../i18n"

export const OUTCOME_KEYS: Record<AuditOutcome, StringKey> = {
  shown: "outcomeShown",
  applied: "outcomeApplied",
  dismissed: "outcomeDismissed",
  ignored: "outcomeIgnored",
  edited: "outcomeEdited",
  wrong: "outcomeWrong",
  inserted: "outcomeInserted",
  reverted: "outcomeReverted",
  discarded: "outcomeDiscarded",
}

export const CATEGORY_LABELS: Record<PhrasingCategory, Bilingual> = {
  refusal: { zh: "生硬拒绝", en: "Refusal" },
  "blame-shifting": { zh: "推诿扯皮", en: "Blame-shifting" },
  impatience: { zh: "不耐烦", en: "Impatience" },
  uncertainty: { zh: "含糊不清", en: "Uncertainty" },
  rudeness: { zh: "不礼貌", en: "Rudeness" },
  "over-promising": { zh: "过度承诺", en: "Over-promising" },
  "held-over-fees": { zh: "先解决客户问题（十）", en: "Customer first (rule 10)" },
}

export const SEVERITY_LABELS: Record<PhrasingSeverity, Bilingual> = {
  forbidden: { zh: "禁用", en: "Forbidden" },
  warning: { zh: "警告", en: "Warning" },
  hint: { zh: "提示", en: "Hint" },
}

/** "中文 / English" or English only, like `text()` for dictionary keys. */
export function label(locale: UiLocale, b: Bilingual): string {
  if (locale === "en") return b.en
  return locale === "zh-en" ? `${b.zh} / ${b.en}` : b.zh
}

/** A rate as a percentage; "—" when there is nothing to divide by. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`
}

/**
 * A rule's Chinese title: its own, or (imported books may have none) the category's name plus its
 * first trigger, e.g. "生硬拒绝：不行".
 */
export function ruleTitle(rule: Pick<PhrasingRule, "title" | "category" | "triggers">): string {
  return rule.title ?? `${CATEGORY_LABELS[rule.category].zh}：${rule.triggers[0] ?? ""}`
}

/** Rule id → title for a book; ids it does not know (older books, the tone model) show as they are. */
export function ruleTitles(book: Phrasebook): (id: string) => string {
  const byId = new Map(book.rules.map((r) => [r.id, ruleTitle(r)]))
  return (id) => byId.get(id) ?? id
}
