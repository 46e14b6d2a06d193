/** Options → 显示: where the sidebar opens (in the page or the browser's side panel) and the language. */
import { useState } from "react"

import type { Settings } from "~lib/store/contract"
import { SIDEBAR_MODE_KEY } from "~lib/protocol/types"

import { Field } from "../field"
import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { Section } from "../section"
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
        <Field label={<T k="sidebarMode" />}>
          <select
            data-testid="sidebar-mode"
            value={settings.sidebarMode}
            onChange={(e) => void update({ sidebarMode: e.target.value as Settings["sidebarMode"] })}
          >
            <option value="inpage">{text(locale, "modeInpage")}</option>
            <option value="sidepanel">{text(locale, "modeSidepanel")}</option>
          </select>
        </Field>
        <Field
          label={
            <>
              <T k="language" /> {policy.locale !== undefined ? <LockedBadge /> : null}
            </>
          }
        >
          <select
            data-testid="locale"
            disabled={policy.locale !== undefined}
            value={settings.locale}
            onChange={(e) => void update({ locale: e.target.value as Settings["locale"] })}
          >
            <option value="zh">{text(locale, "langZh")}</option>
            <option value="zh-en">{text(locale, "langZhEn")}</option>
            <option value="en">{text(locale, "langEn")}</option>
          </select>
        </Field>
      </div>
      <StatusBox status={status} testid="display-status" />
    </Section>
  )
}
