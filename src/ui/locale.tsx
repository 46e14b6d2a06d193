/** The UI language, and the components that render dictionary strings in it. */
import { createContext, useContext, type ReactNode } from "react"

import { StoreError } from "~lib/store/errors"
import { pickLanguage } from "~lib/ui-logic/page"
import type { UiLocale } from "~lib/store/contract"

import { fill, STRINGS, text, type StringKey } from "./i18n"

const LocaleContext = createContext<UiLocale>("zh")

export function LocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
}

export function useLocale(): UiLocale {
  return useContext(LocaleContext)
}

/** For attributes: `t("save")` → "保存" (仅中文), "保存 / Save" (中文 + English) or "Save". */
export function useT(): (key: StringKey, values?: Record<string, string | number>) => string {
  const locale = useLocale()
  return (key, values) => text(locale, key, values)
}

/** For texts that carry both languages (`{ zh, en }` from the domain core): the English one only in English. */
export function usePick(): (both: { zh: string; en: string }) => string {
  const locale = useLocale()
  return (both) => (locale === "en" ? both.en : both.zh)
}

/** A dictionary string as content: Chinese (仅中文), English, or Chinese with the English beside it. */
export function T({ k, values }: { k: StringKey; values?: Record<string, string | number> }) {
  const locale = useLocale()
  const s = STRINGS[k]
  if (locale === "en") return <>{fill(s.en, values)}</>
  if (locale === "zh") return <>{fill(s.zh, values)}</>
  return (
    <>
      {fill(s.zh, values)} <span className="en">{fill(s.en, values)}</span>
    </>
  )
}

/** A store or other error as text in the agent's language; unknown errors get a generic line. */
export function errorMessage(error: unknown, locale: UiLocale): string {
  if (error instanceof StoreError) return pickLanguage(error.message, locale)
  const generic = text(locale, "actionFailed")
  return error instanceof Error && error.message ? `${generic} (${error.message})` : generic
}
