/** Options → 显示: where the sidebar opens (in the page or the browser's side panel) and the language. */
import { useState } from "react"

import type { Settings } from "~lib/store/contract"
import { SIDEBAR_MODE_KEY } from "~lib/protocol/types"

import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { Section } from "../section"
import { SelectField } from "../select-field"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"

export function DisplaySection({ settings }: { settings: Settings }) {
  const { store, platform } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [status, setStatus] = useState<Status | null>(null)
  const update = async (patch: Partial<Settings>) => {
    setStatus(null)
    try {
      const next = await store.updateSettings(patch)
      // Open CRM tabs and the worker switch modes live from this copy (see background/sidebar-mode).
      if (patch.sidebarMode) await platform.storageSet(SIDEBAR_MODE_KEY, next.sidebarMode)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }
  return (
    <Section id="display-title" title={<T k="display" />}>
      <div className="field-row">
        <SelectField
          label={<T k="sidebarMode" />}
          testid="sidebar-mode"
          value={settings.sidebarMode}
          choices={[
            { value: "inpage", label: text(locale, "modeInpage") },
            { value: "sidepanel", label: text(locale, "modeSidepanel") },
          ]}
          onChange={(sidebarMode) => void update({ sidebarMode })}
        />
        <SelectField
          label={
            <>
              <T k="language" /> {policy.locale !== undefined ? <LockedBadge /> : null}
            </>
          }
          testid="locale"
          disabled={policy.locale !== undefined}
          value={settings.locale}
          choices={[
            { value: "zh", label: text(locale, "langZh") },
            { value: "zh-en", label: text(locale, "langZhEn") },
            { value: "en", label: text(locale, "langEn") },
          ]}
          onChange={(next) => void update({ locale: next })}
        />
      </div>
      <StatusBox status={status} testid="display-status" />
    </Section>
  )
}
