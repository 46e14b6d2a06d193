/**
 * The toolbar popup: enable / disable CS Sidekick on the current site, open cases, due callbacks and
 * a search over handoff notes. The target tab is the active one, or `?tabId=<n>` (tests).
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useState } from "react"

import { CASE_TYPE_LABELS, type CaseRecord, type HandoffNote } from "~lib/cases/model"
import { formatDateTime } from "~lib/ui-logic/callback-time"
import { originPattern, webOrigin } from "~lib/ui-logic/page"

import { ReviewLink } from "../audit/review-link"
import { callBackground } from "../background"
import { ErrorBoundary } from "../error-boundary"
import { text, type StringKey } from "../i18n"
import { errorMessage, LocaleProvider, T, useLocale, usePick, useT } from "../locale"
import { useServices } from "../services"
import { useSettings } from "../use-settings"
import { LockedBadge } from "../policy/locked"
import { PolicySummary } from "../policy/policy-summary"
import { STATUS_KEYS } from "../sidebar/case-status-select"
import { Section } from "../section"

/** Callbacks due within this window are listed (overdue ones are marked). */
const DUE_WINDOW_MS = 60 * 60_000
const LIST_LIMIT = 8
const SEARCH_DELAY_MS = 200

type SiteState =
  | { kind: "loading" }
  | { kind: "unsupported" }
  | { kind: "ready"; tabId: number; origin: string; enabled: boolean; granted: boolean; managed?: boolean }

function useTargetSite() {
  const { platform } = useServices()
  const [site, setSite] = useState<SiteState>({ kind: "loading" })
  const [refresh, setRefresh] = useState(0)

  useEffect(() => {
    let cancelled = false
    const load = async () => {
      const param = new URLSearchParams(platform.pageSearch()).get("tabId")
      const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : undefined
      const tab = tabId !== undefined ? await platform.getTab(tabId) : await platform.activeTab()
      const origin = webOrigin(tab?.url)
      if (!tab || !origin) return { kind: "unsupported" } as const
      const status = await callBackground(platform, "site.status", { origin })
      return { kind: "ready", tabId: tab.id, origin, ...status } as const
    }
    load().then(
      (s) => !cancelled && setSite(s),
      () => !cancelled && setSite({ kind: "unsupported" }),
    )
    return () => {
      cancelled = true
    }
  }, [platform, refresh])

  return { site, reload: () => setRefresh((n) => n + 1) }
}

function SiteBox() {
  const { platform } = useServices()
  const locale = useLocale()
  const { site, reload } = useTargetSite()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (site.kind === "loading")
    return (
      <div className="site-box muted">
        <T k="loading" />
      </div>
    )
  if (site.kind === "unsupported")
    return (
      <div className="site-box muted" data-testid="popup-unsupported">
        <T k="unsupportedPage" />
      </div>
    )

  const active = site.enabled && site.granted

  const enable = () => {
    // First thing, synchronously: the permission prompt needs the click's user gesture.
    const asked = platform.requestOrigins([originPattern(site.origin)])
    setBusy(true)
    setError(null)
    asked
      .then(async (granted) => {
        if (!granted) {
          setError(text(locale, "permissionDenied"))
          return
        }
        const result = await callBackground(platform, "site.enable", {
          origin: site.origin,
          tabId: site.tabId,
        })
        if (!result.ok) setError(result.error ?? errorMessage(null, locale))
      })
      .catch((e: unknown) => setError(errorMessage(e, locale)))
      .finally(() => {
        setBusy(false)
        reload()
      })
  }

  const disable = () => {
    setBusy(true)
    setError(null)
    callBackground(platform, "site.disable", { origin: site.origin })
      .then((result) => {
        if (!result.ok) setError(result.error ?? errorMessage(null, locale))
      })
      .catch((e: unknown) => setError(errorMessage(e, locale)))
      .finally(() => {
        setBusy(false)
        reload()
      })
  }

  return (
    <div className="site-box" data-testid="popup-site" data-enabled={active}>
      <div className="label">
        <T k="thisSite" />
      </div>
      <div className="row">
        <span className="site-origin" data-testid="popup-origin">
          {site.origin}
        </span>
        <span className={active ? "badge" : "badge muted"} data-testid="popup-site-status">
          <T k={active ? "siteEnabled" : site.managed ? "policyWaitingAccess" : "siteDisabled"} />
        </span>
      </div>
      {site.managed ? (
        <div className="small-text">
          <LockedBadge />
        </div>
      ) : null}
      <div className="actions" style={{ marginTop: 6 }}>
        {active && site.managed ? null : active ? (
          <button type="button" data-testid="popup-disable" disabled={busy} onClick={disable}>
            <T k="disable" />
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="popup-enable"
            disabled={busy}
            onClick={enable}
            autoFocus
          >
            <T k="enableHere" />
          </button>
        )}
      </div>
      {error && (
        <div className="error" role="alert" data-testid="popup-error">
          {error}
        </div>
      )}
    </div>
  )
}

function CaseLine({ record, now }: { record: CaseRecord; now: number }) {
  const { platform } = useServices()
  const pick = usePick()
  const label = pick(CASE_TYPE_LABELS[record.caseType])
  const overdue = record.callbackAt !== undefined && record.callbackAt <= now
  const content = (
    <>
      <div className="row">
        <code>{record.waybill}</code>
        <span>
          {record.urgent && (
            <span className="badge urgent">
              <T k="urgent" />
            </span>
          )}{" "}
          <span className="tag">{label}</span>
          <span className={`tag status-${record.status}`}>
            <T k={STATUS_KEYS[record.status]} />
          </span>
        </span>
      </div>
      <div className="muted small-text">
        {record.customerName}
        {record.callbackAt !== undefined && (
          <span className={overdue ? "overdue" : undefined}>
            {record.customerName ? " · " : ""}
            <T k="callbackAt" /> {formatDateTime(record.callbackAt)}
            {overdue && (
              <>
                {" "}
                (<T k="overdue" />)
              </>
            )}
          </span>
        )}
      </div>
    </>
  )
  const pageUrl = record.pageUrl && webOrigin(record.pageUrl) ? record.pageUrl : undefined
  return (
    <li data-testid="popup-case" data-waybill={record.waybill}>
      {pageUrl ? (
        <button
          type="button"
          className="list-button"
          onClick={() => void platform.openTab(pageUrl)}
          title={pageUrl}
        >
          {content}
        </button>
      ) : (
        <div className="list-item">{content}</div>
      )}
    </li>
  )
}

/** A list of cases (at most LIST_LIMIT shown), or the line saying there are none once loaded. */
function CaseList(props: {
  records: CaseRecord[]
  loaded: boolean
  empty: StringKey
  testid: string
  now: number
  /** Say how many more there are past the limit. */
  countMore?: boolean
}) {
  const { records } = props
  return (
    <>
      {props.loaded && records.length === 0 && (
        <p className="muted small-text">
          <T k={props.empty} />
        </p>
      )}
      <ul className="list" data-testid={props.testid}>
        {records.slice(0, LIST_LIMIT).map((record) => (
          <CaseLine key={record.waybill} record={record} now={props.now} />
        ))}
      </ul>
      {props.countMore && records.length > LIST_LIMIT && (
        <p className="muted small-text">
          <T k="more" values={{ n: records.length - LIST_LIMIT }} />
        </p>
      )}
    </>
  )
}

function CaseLists() {
  const { store, now } = useServices()
  const [at] = useState(now)
  const due = useLiveQuery(() => store.listDueCallbacks(at + DUE_WINDOW_MS), [store, at])
  const open = useLiveQuery(() => store.listCases({ status: ["open", "waiting"] }), [store])
  const dueSorted = [...(due ?? [])].sort((a, b) => (a.callbackAt ?? 0) - (b.callbackAt ?? 0))
  return (
    <>
      <Section
        id="due-title"
        title={
          <>
            <T k="dueCallbacks" />{" "}
            {due && due.length > 0 && <span className="badge urgent">{due.length}</span>}
          </>
        }
      >
        <CaseList
          records={dueSorted}
          loaded={due !== undefined}
          empty="noDueCallbacks"
          testid="popup-due"
          now={at}
        />
      </Section>
      <Section
        id="open-title"
        title={
          <>
            <T k="openCases" /> {open && <span className="muted">({open.length})</span>}
          </>
        }
      >
        <CaseList
          records={open ?? []}
          loaded={open !== undefined}
          empty="noOpenCases"
          testid="popup-open-cases"
          now={at}
          countMore
        />
      </Section>
    </>
  )
}

function NoteResult({ note }: { note: HandoffNote }) {
  const summary = note.problem || note.nextStep || note.actionsTaken || note.promise || note.contacted
  return (
    <li className="list-item" data-testid="popup-search-result" data-waybill={note.waybill}>
      <div className="row">
        <code>{note.waybill}</code>
        <span className="muted small-text">{formatDateTime(note.createdAt)}</span>
      </div>
      <div className="small-text">
        {[note.customerName, note.customerContact].filter(Boolean).join(" · ")}
        {summary && <div className="muted">{summary.length > 80 ? `${summary.slice(0, 80)}…` : summary}</div>}
      </div>
    </li>
  )
}

function Search() {
  const { store } = useServices()
  const t = useT()
  const [query, setQuery] = useState("")
  const [debounced, setDebounced] = useState("")
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query])
  const results = useLiveQuery(
    () => (debounced ? store.searchNotes(debounced, 20) : Promise.resolve(null)),
    [store, debounced],
  )
  return (
    <Section id="search-title" title={<T k="search" />}>
      <input
        type="search"
        data-testid="popup-search"
        value={query}
        placeholder={t("searchPlaceholder")}
        aria-label={t("search")}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      {results && results.length === 0 && (
        <p className="muted small-text" data-testid="popup-search-empty">
          <T k="noResults" />
        </p>
      )}
      {results && results.length > 0 && (
        <ul className="list">
          {results.map((note) => (
            <NoteResult key={note.id} note={note} />
          ))}
        </ul>
      )}
    </Section>
  )
}

function PopupMain() {
  const { platform } = useServices()
  const settings = useSettings()
  const locale = settings?.locale ?? "zh"
  return (
    <LocaleProvider locale={locale}>
      <div className="popup" data-testid="popup-app" lang={locale === "en" ? "en" : "zh-CN"}>
        <header className="row">
          <h1>
            <T k="appName" />
          </h1>
          <button
            type="button"
            className="link"
            data-testid="popup-options"
            onClick={() => void platform.openOptions()}
          >
            <T k="openOptions" />
          </button>
          <ReviewLink />
        </header>
        <SiteBox />
        <PolicySummary compact />
        <Search />
        <CaseLists />
      </div>
    </LocaleProvider>
  )
}

export function PopupApp() {
  return (
    <ErrorBoundary>
      <PopupMain />
    </ErrorBoundary>
  )
}
