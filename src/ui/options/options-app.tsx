/** Options: agent profile, enabled sites, display, and the data (export / import / purge). */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useRef, useState, type FormEvent } from "react"

import type { Contact } from "~lib/cases/model"
import type { AgentProfile, ImportProblem, Settings, SiteSetting } from "~lib/store/contract"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { pickLanguage } from "~lib/ui-logic/page"
import { contactsToCsv, parseContactsCsv } from "~lib/escalation/contacts-csv"
import { parseImportJson, readImportFile, type ImportEncoding } from "~lib/import-file"
import { CARRIERS } from "~lib/waybill/carriers"
import { SIDEBAR_MODE_KEY } from "~lib/protocol/types"

import { exportAllowed } from "~lib/policy/merge"

import { QaOptionsSection } from "../audit/qa-options"
import { KnowledgeOptionsSection } from "../knowledge/knowledge-options"
import { callBackground } from "../background"
import { ErrorBoundary } from "../error-boundary"
import { PURGE_WORD, text } from "../i18n"
import { errorMessage, LocaleProvider, T, useLocale, useT } from "../locale"
import { downloadText } from "../download"
import { useServices } from "../services"
import { useSettings } from "../use-settings"
import { LockedBadge, LockedField } from "../policy/locked"
import { PolicyPanel } from "../policy/policy-panel"
import { usePolicy } from "../policy/use-policy"
import { ROLE_KEYS } from "../sidebar/escalation-panel"
import { TeamSection } from "./team-section"
import { FieldPickButton } from "./field-pick-button"
import { TeamKeySection } from "./team-key-section"
import { Field } from "../field"

type Status = { kind: "ok"; message: string } | { kind: "error"; message: string } | null

function StatusLine({ status, testid }: { status: Status; testid: string }) {
  if (!status) return null
  return (
    <div
      className={status.kind === "ok" ? "ok" : "error"}
      role={status.kind === "error" ? "alert" : "status"}
      data-testid={testid}
    >
      {status.message}
    </div>
  )
}

function ProfileSection({ profile }: { profile: AgentProfile }) {
  const { store } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [form, setForm] = useState(profile)
  const [dirty, setDirty] = useState(false)
  const [status, setStatus] = useState<Status>(null)
  const nameRef = useRef<HTMLInputElement>(null)

  // Follow the stored profile (import, purge, another options tab) unless the agent is editing.
  useEffect(() => {
    if (!dirty) setForm(profile)
  }, [profile, dirty])

  useEffect(() => {
    // First run: the profile is what every note is signed with, so start there.
    if (!profile.name) nameRef.current?.focus()
  }, [profile.name])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setStatus(null)
    try {
      const next = { name: form.name.trim(), workId: form.workId.trim(), company: form.company.trim() }
      await store.updateSettings({ profile: next })
      setForm(next)
      setDirty(false)
      setStatus({ kind: "ok", message: text(locale, "profileSaved") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const field = (
    key: keyof AgentProfile,
    label: "profileName" | "profileWorkId" | "profileCompany",
    testid: string,
  ) => (
    <Field label={<T k={label} />}>
      <input
        ref={key === "name" ? nameRef : undefined}
        data-testid={testid}
        value={form[key] ?? ""}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => {
          setForm((f) => ({ ...f, [key]: e.target.value }))
          setDirty(true)
          setStatus(null)
        }}
      />
    </Field>
  )

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">
        <T k="profile" />
      </h2>
      <form onSubmit={save}>
        <div className="field-row">
          {field("name", "profileName", "profile-name")}
          {field("workId", "profileWorkId", "profile-workid")}
        </div>
        {policy.company !== undefined ? (
          <LockedField
            label={<T k="profileCompany" />}
            value={policy.company}
            testid="profile-company-locked"
          />
        ) : (
          field("company", "profileCompany", "profile-company")
        )}
        {policy.hotline !== undefined ? (
          <LockedField
            label={<T k="policyKeyHotline" />}
            value={policy.hotline}
            testid="profile-hotline-locked"
          />
        ) : null}
        {policy.businessHours !== undefined ? (
          <LockedField
            label={<T k="policyKeyBusinessHours" />}
            value={policy.businessHours}
            testid="profile-hours-locked"
          />
        ) : null}
        <button type="submit" className="primary" data-testid="profile-save">
          <T k="save" />
        </button>
        <StatusLine status={status} testid="profile-status" />
      </form>
    </section>
  )
}

/** A CSS selector is valid if the browser can parse it; checked here so the content script never throws on it. */
function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector)
    return true
  } catch {
    return false
  }
}

/** A site the admin policy enables: its config shown, disabled; no save or disable. */
function ManagedSiteRow({ site }: { site: SiteSetting }) {
  const locale = useLocale()
  const carrier = CARRIERS.find((c) => c.code === site.carrierHint || c.name === site.carrierHint)
  return (
    <div className="site-row" data-testid="site-row" data-origin={site.origin} data-managed="true">
      <div className="row">
        <strong className="site-origin">{site.origin}</strong> <LockedBadge />
      </div>
      <fieldset disabled className="field-row locked-field">
        <Field label={<T k="pinnedSelector" />}>
          <input data-testid="site-selector" value={site.pinnedSelector ?? ""} readOnly />
        </Field>
        <Field label={<T k="carrierHint" />}>
          <input
            data-testid="site-carrier"
            value={carrier ? (locale === "en" ? carrier.nameEn : carrier.name) : (site.carrierHint ?? "")}
            readOnly
          />
        </Field>
      </fieldset>
    </div>
  )
}

function SiteRow({ site, sites }: { site: SiteSetting; sites: SiteSetting[] }) {
  const { store, platform } = useServices()
  const locale = useLocale()
  const t = useT()
  const [selector, setSelector] = useState(site.pinnedSelector ?? "")
  const [hint, setHint] = useState(site.carrierHint ?? "")
  const [box, setBox] = useState(site.internalBox ?? {})
  const [dirty, setDirty] = useState(false)
  const [status, setStatus] = useState<Status>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (dirty) return
    setSelector(site.pinnedSelector ?? "")
    setHint(site.carrierHint ?? "")
    setBox(site.internalBox ?? {})
  }, [site.pinnedSelector, site.carrierHint, site.internalBox, dirty])

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
        <Field label={<T k="pinnedSelector" />}>
          <input
            data-testid="site-selector"
            value={selector}
            maxLength={500}
            placeholder={t("pinnedSelectorHint")}
            spellCheck={false}
            onChange={(e) => {
              setSelector(e.target.value)
              setDirty(true)
              setStatus(null)
            }}
          />
        </Field>
        <FieldPickButton
          origin={site.origin}
          onPicked={(picked) => {
            setSelector(picked)
            setDirty(true)
            setStatus(null)
          }}
        />
        <Field label={<T k="carrierHint" />}>
          <select
            data-testid="site-carrier"
            value={hint}
            onChange={(e) => {
              setHint(e.target.value)
              setDirty(true)
              setStatus(null)
            }}
          >
            <option value="">{t("noCarrierHint")}</option>
            {CARRIERS.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === "en" ? c.nameEn : locale === "zh-en" ? `${c.name} ${c.nameEn}` : c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="internal-box">
        <legend>
          <T k="internalBoxTitle" />
        </legend>
        <p className="muted small-text">
          <T k="internalBoxHelp" />
        </p>
        {(
          [
            ["urlPattern", "internalUrl", "site-internal-url", "/tickets/*/comments"],
            ["selector", "internalSelector", "site-internal-selector", "#internal-note"],
            ["toggleSelector", "internalToggle", "site-internal-toggle", "#mode-internal"],
          ] as const
        ).map(([key, label, testid, placeholder]) => (
          <Field key={key} label={<T k={label} />}>
            <input
              data-testid={testid}
              value={box[key] ?? ""}
              maxLength={500}
              placeholder={placeholder}
              spellCheck={false}
              onChange={(e) => {
                setBox((b) => ({ ...b, [key]: e.target.value }))
                setDirty(true)
                setStatus(null)
              }}
            />
          </Field>
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
      <StatusLine status={status} testid="site-status" />
    </form>
  )
}

function SitesSection({ sites }: { sites: SiteSetting[] }) {
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">
        <T k="sites" />
      </h2>
      {sites.length === 0 && (
        <p className="muted" data-testid="sites-empty">
          <T k="noSites" />
        </p>
      )}
      {sites.map((site) =>
        site.managed ? (
          <ManagedSiteRow key={`${site.origin}@policy`} site={site} />
        ) : (
          // Keyed by origin and enabledAt: re-enabling a site starts its row fresh.
          <SiteRow key={`${site.origin}@${site.enabledAt}`} site={site} sites={sites} />
        ),
      )}
    </section>
  )
}

function DisplaySection({ settings }: { settings: Settings }) {
  const { store, platform } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [status, setStatus] = useState<Status>(null)
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
    <section aria-labelledby="display-title">
      <h2 id="display-title">
        <T k="display" />
      </h2>
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
      <StatusLine status={status} testid="display-status" />
    </section>
  )
}

function DirectorySection() {
  const { store } = useServices()
  const locale = useLocale()
  const t = useT()
  const { policy } = usePolicy()
  const directoryLocked = policy.contacts !== undefined
  const contacts = useLiveQuery(() => store.listContacts(), [store])
  const [status, setStatus] = useState<Status>(null)
  const [problems, setProblems] = useState<ImportProblem[]>([])
  const [preview, setPreview] = useState<{
    contacts: Contact[]
    warnings: ImportProblem[]
    encoding: ImportEncoding
  } | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  /** Reads and checks the file; nothing is written until the agent confirms the preview. */
  const readCsv = async (file: File) => {
    setStatus(null)
    setProblems([])
    setPreview(null)
    try {
      // Size, encoding (UTF-8, UTF-16 with BOM, or GBK as Excel on Chinese Windows saves it) and binary
      // checks before the CSV parser.
      const decoded = await readImportFile(file)
      const parsed = decoded.ok ? parseContactsCsv(decoded.text) : decoded
      if (!parsed.ok) {
        setProblems(parsed.problems)
        setStatus({ kind: "error", message: text(locale, "importProblems", { n: parsed.problems.length }) })
        return
      }
      setPreview({
        contacts: parsed.contacts,
        warnings: parsed.warnings,
        encoding: decoded.ok ? decoded.encoding : "UTF-8",
      })
      setProblems(parsed.warnings)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      if (fileRef.current) fileRef.current.value = ""
    }
  }

  const confirmImport = async () => {
    if (!preview) return
    try {
      await store.replaceContacts(preview.contacts)
      setStatus({ kind: "ok", message: text(locale, "directoryImported", { n: preview.contacts.length }) })
      setPreview(null)
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">
        <T k="directory" />
      </h2>
      <p className="muted" data-testid="directory-count">
        <T k="directoryCount" values={{ n: contacts?.length ?? 0 }} />
        {directoryLocked ? (
          <>
            {" "}
            {policy.version ? (
              <span data-testid="directory-policy-version">{policy.version}</span>
            ) : null}{" "}
            <LockedBadge />
          </>
        ) : null}
      </p>
      <div className="actions">
        <Field label={<T k="directoryImport" />}>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            data-testid="directory-import"
            disabled={directoryLocked}
            aria-label={t("directoryImport")}
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void readCsv(file)
            }}
          />
        </Field>
        <button
          type="button"
          data-testid="directory-export"
          disabled={!contacts?.length || !exportAllowed(policy)}
          onClick={() =>
            downloadText(
              "cs-sidekick-contacts.csv",
              contactsToCsv(contacts ?? [], { headers: locale === "en" ? "en" : "zh" }),
              "text/csv",
            )
          }
        >
          <T k="directoryExport" />
        </button>
      </div>
      {preview && (
        <div className="preview" data-testid="directory-preview">
          <p>
            <T k="directoryPreview" values={{ n: preview.contacts.length }} />
          </p>
          <p className="muted" data-testid="directory-encoding">
            <T k="directoryEncoding" values={{ encoding: preview.encoding }} />
          </p>
          <table>
            <tbody>
              {preview.contacts.slice(0, 10).map((c) => (
                <tr key={c.id} data-testid="directory-preview-row">
                  <td>{c.name}</td>
                  <td>{text(locale, ROLE_KEYS[c.role])}</td>
                  <td className="wrap">
                    {[c.branch, c.company, c.region, c.department].filter(Boolean).join(" · ")}
                  </td>
                  <td>{c.phone}</td>
                  <td>{c.hours}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.contacts.length > 10 && (
            <p className="muted">
              <T k="directoryMore" values={{ n: preview.contacts.length - 10 }} />
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="directory-import-confirm"
              onClick={() => void confirmImport()}
            >
              <T k="directoryConfirm" />
            </button>
            <button type="button" data-testid="directory-import-cancel" onClick={() => setPreview(null)}>
              <T k="cancel" />
            </button>
          </div>
        </div>
      )}
      <StatusLine status={status} testid="directory-status" />
      {problems.length > 0 && (
        <ol className="problems" data-testid="directory-problems">
          {problems.map((p, i) => (
            <li key={i}>
              {/* The CSV parser's messages already name the spreadsheet row. */}
              {pickLanguage(p.message, locale)}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function backupFileName(now: number): string {
  return `cs-sidekick-backup-${formatDateTime(now).replace(/[-: ]/g, "").slice(0, 12)}.json`
}

function DataSection() {
  const { store, now } = useServices()
  const locale = useLocale()
  const t = useT()
  const { policy } = usePolicy()
  const [status, setStatus] = useState<Status>(null)
  const [problems, setProblems] = useState<ImportProblem[]>([])
  const [mode, setMode] = useState<"merge" | "replace">("merge")
  const [replaceOk, setReplaceOk] = useState(false)
  const [purgeWord, setPurgeWord] = useState("")
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)

  const exportAll = async () => {
    setStatus(null)
    setProblems([])
    try {
      const backup = await store.exportAll()
      downloadText(backupFileName(now()), JSON.stringify(backup, null, 2), "application/json")
      setStatus({ kind: "ok", message: text(locale, "exported") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const importFile = async (file: File) => {
    setStatus(null)
    setProblems([])
    setBusy(true)
    try {
      // Size, encoding, truncated or too deeply nested JSON: refused with a located message.
      const decoded = await readImportFile(file)
      const json = decoded.ok ? parseImportJson(decoded.text) : decoded
      if (!json.ok) {
        setProblems(json.problems)
        setStatus({ kind: "error", message: text(locale, "importProblems", { n: json.problems.length }) })
        return
      }
      const result = await store.importAll(json.data, mode)
      if (result.ok) {
        const counts = Object.entries(result.counts)
          .map(([table, n]) => `${table} ${n}`)
          .join(", ")
        setStatus({ kind: "ok", message: text(locale, "importDone", { counts }) })
      } else {
        setProblems(result.problems)
        setStatus({ kind: "error", message: text(locale, "importProblems", { n: result.problems.length }) })
      }
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    } finally {
      setBusy(false)
      setReplaceOk(false)
      if (fileRef.current) fileRef.current.value = ""
    }
  }

  const purge = async (e: FormEvent) => {
    e.preventDefault()
    if (purgeWord.trim() !== PURGE_WORD) return
    setStatus(null)
    setProblems([])
    try {
      await store.purgeAll()
      setPurgeWord("")
      setStatus({ kind: "ok", message: text(locale, "purged") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">
        <T k="data" />
      </h2>
      <div className="actions">
        <button
          type="button"
          data-testid="data-export"
          disabled={!exportAllowed(policy)}
          onClick={() => void exportAll()}
        >
          <T k="exportData" />
        </button>
        {policy.allowExport === false ? <LockedBadge /> : null}
      </div>

      <h3 style={{ marginTop: 14 }}>
        <T k="importData" />
      </h3>
      <div className="radio-row" role="radiogroup" aria-label={t("importData")}>
        <label>
          <input
            type="radio"
            name="import-mode"
            data-testid="import-mode-merge"
            checked={mode === "merge"}
            onChange={() => setMode("merge")}
          />
          <T k="importMerge" />
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            data-testid="import-mode-replace"
            checked={mode === "replace"}
            onChange={() => setMode("replace")}
          />
          <T k="importReplace" />
        </label>
      </div>
      {mode === "replace" && (
        <label className="notice" style={{ display: "flex", gap: 6, alignItems: "center" }}>
          <input
            type="checkbox"
            data-testid="import-replace-confirm"
            checked={replaceOk}
            onChange={(e) => setReplaceOk(e.target.checked)}
          />
          <T k="importReplaceConfirm" />
        </label>
      )}
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        data-testid="data-import"
        aria-label={t("importData")}
        disabled={busy || (mode === "replace" && !replaceOk)}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) void importFile(file)
        }}
      />

      <StatusLine status={status} testid="data-status" />
      {problems.length > 0 && (
        <ol className="problems" data-testid="import-problems">
          {problems.map((p, i) => (
            <li key={i} data-testid="import-problem">
              <code>{pickLanguage(p.where, locale)}</code> {pickLanguage(p.message, locale)}
            </li>
          ))}
        </ol>
      )}

      <h3 style={{ marginTop: 14 }}>
        <T k="purge" />
      </h3>
      <form className="actions" onSubmit={purge}>
        <label htmlFor="purge-confirm" className="small-text">
          <T k="purgeHint" values={{ word: PURGE_WORD }} />
        </label>
        <input
          id="purge-confirm"
          data-testid="data-purge-confirm"
          value={purgeWord}
          autoComplete="off"
          spellCheck={false}
          style={{ maxWidth: 140 }}
          onChange={(e) => setPurgeWord(e.target.value)}
        />
        <button
          type="submit"
          className="danger"
          data-testid="data-purge"
          disabled={purgeWord.trim() !== PURGE_WORD}
        >
          <T k="purge" />
        </button>
      </form>
    </section>
  )
}

function OptionsMain() {
  const settings = useSettings()
  const locale = settings?.locale ?? "zh"
  return (
    <LocaleProvider locale={locale}>
      <main className="options" data-testid="options-app" lang={locale === "en" ? "en" : "zh-CN"}>
        <h1>
          <T k="optionsTitle" />
        </h1>
        {!settings ? (
          <p className="muted">
            <T k="loading" />
          </p>
        ) : (
          <>
            <PolicyPanel />
            <ProfileSection profile={settings.profile} />
            <SitesSection sites={settings.sites} />
            <TeamKeySection teamKey={settings.teamKey} />
            <DisplaySection settings={settings} />
            <DirectorySection />
            <KnowledgeOptionsSection />
            <DataSection />
            <QaOptionsSection />
            <TeamSection workId={settings.profile.workId} />
          </>
        )}
      </main>
    </LocaleProvider>
  )
}

export function OptionsApp() {
  return (
    <ErrorBoundary>
      <OptionsMain />
    </ErrorBoundary>
  )
}
