/** One enabled site in Options: its pinned selector, carrier hint and internal-note box; save or disable. */
import { useEffect, useState, type FormEvent } from "react"

import type { SiteSetting } from "~lib/store/contract"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { CARRIERS } from "~lib/waybill/carriers"

import { callBackground } from "../background"
import { text } from "../i18n"
import { errorMessage, T, useLocale, useT } from "../locale"
import { useServices } from "../services"
import { SelectField } from "../select-field"
import { TextField } from "../text-field"
import { StatusBox, type Status } from "../status-box"
import { FieldPickButton } from "./field-pick-button"

/** A CSS selector is valid if the browser can parse it; checked here so the content script never throws on it. */
function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector)
    return true
  } catch {
    return false
  }
}

const INTERNAL_BOX_FIELDS = [
  ["urlPattern", "internalUrl", "site-internal-url", "/tickets/*/comments"],
  ["selector", "internalSelector", "site-internal-selector", "#internal-note"],
  ["toggleSelector", "internalToggle", "site-internal-toggle", "#mode-internal"],
] as const

export function SiteRow({ site, sites }: { site: SiteSetting; sites: SiteSetting[] }) {
  const { store, platform } = useServices()
  const locale = useLocale()
  const t = useT()
  const [selector, setSelector] = useState(site.pinnedSelector ?? "")
  const [hint, setHint] = useState(site.carrierHint ?? "")
  const [box, setBox] = useState(site.internalBox ?? {})
  const [dirty, setDirty] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (dirty) return
    setSelector(site.pinnedSelector ?? "")
    setHint(site.carrierHint ?? "")
    setBox(site.internalBox ?? {})
  }, [site.pinnedSelector, site.carrierHint, site.internalBox, dirty])

  /** Every edit: the row is now the agent's until saved, and the last answer no longer applies. */
  const edited = () => {
    setDirty(true)
    setStatus(null)
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const pinned = selector.trim()
    const internalBox = {
      ...(box.urlPattern?.trim() ? { urlPattern: box.urlPattern.trim() } : {}),
      ...(box.selector?.trim() ? { selector: box.selector.trim() } : {}),
      ...(box.toggleSelector?.trim() ? { toggleSelector: box.toggleSelector.trim() } : {}),
    }
    if (
      (pinned && !isValidSelector(pinned)) ||
      (internalBox.selector && !isValidSelector(internalBox.selector)) ||
      (internalBox.toggleSelector && !isValidSelector(internalBox.toggleSelector))
    ) {
      setStatus({ kind: "error", message: text(locale, "badSelector") })
      return
    }
    try {
      const next = sites.map((s) =>
        s.origin === site.origin
          ? {
              origin: s.origin,
              enabledAt: s.enabledAt,
              ...(pinned ? { pinnedSelector: pinned } : {}),
              ...(hint ? { carrierHint: hint } : {}),
              ...(Object.keys(internalBox).length ? { internalBox } : {}),
            }
          : s,
      )
      await store.updateSettings({ sites: next })
      setDirty(false)
      setStatus({ kind: "ok", message: text(locale, "siteSaved") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const disable = async () => {
    setBusy(true)
    setStatus(null)
    try {
      const result = await callBackground(platform, "site.disable", { origin: site.origin })
      if (!result.ok) setStatus({ kind: "error", message: result.error ?? text(locale, "actionFailed") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="site-row" data-testid="site-row" data-origin={site.origin} onSubmit={save}>
      <div className="row">
        <strong className="site-origin">{site.origin}</strong>
        <span className="muted small-text">
          <T k="enabledAt" /> {formatDateTime(site.enabledAt)}
        </span>
      </div>
      <div className="field-row">
        <TextField
          label={<T k="pinnedSelector" />}
          testid="site-selector"
          value={selector}
          maxLength={500}
          placeholder={t("pinnedSelectorHint")}
          spellCheck={false}
          onValue={(value) => {
            setSelector(value)
            edited()
          }}
        />
        <FieldPickButton
          origin={site.origin}
          onPicked={(picked) => {
            setSelector(picked)
            edited()
          }}
        />
        <SelectField
          label={<T k="carrierHint" />}
          testid="site-carrier"
          value={hint}
          empty={t("noCarrierHint")}
          choices={CARRIERS.map((c) => ({
            value: c.code,
            label: locale === "en" ? c.nameEn : locale === "zh-en" ? `${c.name} ${c.nameEn}` : c.name,
          }))}
          onChange={(value) => {
            setHint(value)
            edited()
          }}
        />
      </div>
      <fieldset className="internal-box">
        <legend>
          <T k="internalBoxTitle" />
        </legend>
        <p className="muted small-text">
          <T k="internalBoxHelp" />
        </p>
        {INTERNAL_BOX_FIELDS.map(([key, label, testid, placeholder]) => (
          <TextField
            key={key}
            label={<T k={label} />}
            testid={testid}
            value={box[key] ?? ""}
            maxLength={500}
            placeholder={placeholder}
            spellCheck={false}
            onValue={(value) => {
              setBox((b) => ({ ...b, [key]: value }))
              edited()
            }}
          />
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" data-testid="site-save">
          <T k="save" />
        </button>
        <button type="button" data-testid="site-disable" disabled={busy} onClick={() => void disable()}>
          <T k="disable" />
        </button>
      </div>
      <StatusBox status={status} testid="site-status" />
    </form>
  )
}
