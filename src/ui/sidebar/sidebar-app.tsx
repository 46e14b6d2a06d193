/**
 * The sidebar, used both framed in the CRM page (`tabs/sidebar.html`) and in the browser's side panel.
 * In the page frame nothing is read from the database until the service worker vouches for the frame.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useMemo, useState, type KeyboardEvent } from "react"

import { classifyCase } from "~lib/cases/classify"
import { URGENT_CASE_TYPES, type CaseStatus, type CaseType } from "~lib/cases/model"
import {
  callbackFromPromise,
  quickCallbackAt,
  spokenTime,
  toLocalInputValue,
} from "~lib/ui-logic/callback-time"
import { expiredDraftKeys } from "~lib/ui-logic/drafts"
import { describeCarriers } from "~lib/ui-logic/page"
import { identifyWaybill } from "~lib/waybill/identify"

import { ErrorBoundary } from "../error-boundary"
import { text, type StringKey } from "../i18n"
import { errorMessage, LocaleProvider, T, useLocale } from "../locale"
import { useServices } from "../services"
import { useSettings } from "../use-settings"
import { CasePanel } from "./case-panel"
import type { HandoffPrefill } from "./handoff-form"
import { HandoffTab } from "./handoff-tab"
import { usePageConnection, type Connection, type SidebarMode } from "./use-page-connection"
import { EscalationPanel } from "./escalation-panel"
import { PhrasingPanel } from "./phrasing-panel"
import { usePhrasingSession } from "./phrasing-session"
import { WaybillHeader } from "./waybill-header"

type TabId = "handoff" | "phrasing" | "escalation"
const TABS: { id: TabId; label: StringKey }[] = [
  { id: "handoff", label: "tabHandoff" },
  { id: "phrasing", label: "tabPhrasing" },
  { id: "escalation", label: "tabEscalation" },
]

/** The neutral face shown to a website that framed us: both languages, nothing else. */
function NotEnabled() {
  return (
    <div className="sidebar-app not-enabled" data-testid="sidekick-sidebar-app" data-connection="not-allowed">
      <p className="muted">
        未启用 <span className="en">Not enabled</span>
      </p>
    </div>
  )
}

/** Everything about the current waybill: header and case above, then the tabs that work on it. */
function CaseWorkspace(props: {
  connection: Extract<Connection, { kind: "connecting" | "connected" }>
  page: ReturnType<typeof usePageConnection>
}) {
  const { connection, page } = props
  const { send } = page
  const { store, now } = useServices()
  const locale = useLocale()
  const settings = useSettings()
  const state = connection.kind === "connected" ? connection.state : null
  const [manual, setManual] = useState<string | null>(null)
  const [caseError, setCaseError] = useState<string | null>(null)
  const [tab, setTab] = useState<TabId>("handoff")
  const [prefill, setPrefill] = useState<HandoffPrefill | null>(null)

  // The agent's pick holds until the page has taken it over or the page changed.
  useEffect(() => {
    if (manual && state?.current === manual) setManual(null)
  }, [manual, state?.current])
  useEffect(() => setManual(null), [state?.url, connection.tabId])

  const waybill = manual ?? state?.current ?? null
  const candidate = state?.candidates.find((c) => c.number === waybill)
  const carriers = useMemo(
    () => candidate?.carriers ?? (waybill ? identifyWaybill(waybill) : []),
    [candidate, waybill],
  )
  const classification = useMemo(() => classifyCase(state?.caseText ?? ""), [state?.caseText])
  const record = useLiveQuery(() => (waybill ? store.getCase(waybill) : undefined), [store, waybill])
  const notes = useLiveQuery(
    () => (waybill ? store.listNotes(waybill) : Promise.resolve([])),
    [store, waybill],
  )
  const attempts = useLiveQuery(
    () => (waybill ? store.listAttempts(waybill) : Promise.resolve([])),
    [store, waybill],
  )
  const caseType: CaseType = record?.caseType ?? classification.type

  const select = (number: string) => {
    setManual(number)
    send({ type: "select-waybill", number })
  }

  const updateCase = (patch: { caseType?: CaseType; status?: CaseStatus }) => {
    if (!waybill) return
    setCaseError(null)
    const extra = patch.caseType ? { urgent: URGENT_CASE_TYPES.includes(patch.caseType) } : {}
    store
      .upsertCase({
        waybill,
        // A new case keeps the detected type unless this change is the type itself.
        caseType,
        ...patch,
        ...extra,
        ...(state?.url ? { pageUrl: state.url.slice(0, 2000) } : {}),
      })
      .catch((error: unknown) => setCaseError(errorMessage(error, locale)))
  }

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab then enters the panel.
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return
    const i = TABS.findIndex((x) => x.id === tab)
    const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length].id
    setTab(next)
    document.getElementById(`tab-${next}`)?.focus()
  }

  const sure = describeCarriers(carriers)
  const carrierName = sure.kind === "sure" ? sure.carrier.name : undefined

  const phrasing = usePhrasingSession({
    draft: page.draft,
    send,
    edit: page.edit,
    shortcut: page.shortcut,
    context: {
      agentWorkId: settings?.profile?.workId ?? "",
      agentName: settings?.profile?.name ?? "",
      site: connection.origin,
      ...(waybill ? { waybill } : {}),
    },
  })

  return (
    <>
      <WaybillHeader
        waybill={waybill}
        carriers={carriers}
        candidates={state?.candidates ?? []}
        onSelect={select}
      />
      <CasePanel
        waybill={waybill}
        caseType={caseType}
        source={record ? "stored" : "auto"}
        matched={classification.matched}
        record={record}
        onCaseType={(type) => updateCase({ caseType: type })}
        onStatus={(status) => updateCase({ status })}
      />
      {caseError && (
        <div className="error" role="alert">
          {caseError}
        </div>
      )}
      <nav className="tabs" role="tablist" onKeyDown={onTabKey}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            aria-controls={`panel-${id}`}
            data-testid={`tab-${id}`}
            className={tab === id ? "tab active" : "tab"}
            onClick={() => setTab(id)}
          >
            <T k={label} />
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {tab === "handoff" && (
          <>
            <HandoffTab
              waybill={waybill}
              caseType={caseType}
              record={record}
              settings={settings}
              origin={connection.origin}
              pageUrl={state?.url}
              prefill={prefill}
              notes={notes}
              attempts={attempts ?? []}
              page={page}
            />
          </>
        )}
        {tab === "phrasing" && (
          <PhrasingPanel
            session={phrasing}
            onSetCallback={(hit) => {
              // The handoff form gets the promise and a callback time; the agent checks and saves.
              setPrefill({
                token: now(),
                promise: hit.phrase,
                // The time the reply promised ("30分钟内" → +30 min, "明天上午" …), else +2 h.
                callbackLocal: toLocalInputValue(
                  callbackFromPromise(
                    page.draft?.text.slice(Math.max(0, hit.start - 24), hit.end + 12) ?? hit.phrase,
                    now(),
                  ) ?? quickCallbackAt("plus2h", now()),
                ),
              })
              setTab("handoff")
            }}
            caseType={caseType}
            context={{
              profile: settings?.profile,
              waybill: { number: waybill ?? undefined, carrier: carrierName },
              case: {
                customerName: record?.customerName,
                customerContact: record?.customerContact,
                // The latest confirmed problem statement, for scripts that restate it.
                problem: [...(notes ?? [])].reverse().find((n) => n.problem)?.problem,
                ...record?.involved,
              },
              // A callback still ahead is what the agent promised: it fills {回复时间} / {回电时间}.
              promise:
                record?.callbackAt !== undefined && record.callbackAt > now()
                  ? {
                      replyTime: spokenTime(record.callbackAt, now()),
                      callbackTime: spokenTime(record.callbackAt, now()),
                    }
                  : undefined,
            }}
          />
        )}
        {tab === "escalation" && (
          <EscalationPanel
            waybill={waybill}
            caseType={caseType}
            record={record}
            profile={settings?.profile}
          />
        )}
      </div>
    </>
  )
}

function SidebarMain(props: {
  mode: SidebarMode
  connection: Exclude<Connection, { kind: "not-allowed" }>
  page: ReturnType<typeof usePageConnection>
}) {
  const { mode, connection, page } = props
  const { send } = page
  const { platform, now } = useServices()
  const settings = useSettings()

  // Drop drafts nobody came back to, once per sidebar start.
  useEffect(() => {
    platform
      .storageGetAll()
      .then((all) => {
        const expired = expiredDraftKeys(all, now())
        return expired.length ? platform.storageRemove(expired) : undefined
      })
      .catch(() => undefined)
  }, [platform, now])
  const locale = settings?.locale ?? "zh"
  const t = (key: StringKey) => text(locale, key)

  return (
    <LocaleProvider locale={locale}>
      <div
        className="sidebar-app"
        data-testid="sidekick-sidebar-app"
        data-connection={connection.kind}
        data-mode={mode}
        lang={locale === "en" ? "en" : "zh-CN"}
      >
        <header className="app-header">
          <span className="app-name">
            <T k="appName" />
          </span>
          <span className={`conn conn-${connection.kind}`} data-testid="connection-status" aria-live="polite">
            {connection.kind === "connecting" && <T k="connecting" />}
            {connection.kind === "checking" && <T k="loading" />}
          </span>
          {connection.kind === "connected" && (
            <span className="header-actions">
              <button
                type="button"
                className="small"
                data-testid="sidebar-rescan"
                title={t("rescan")}
                onClick={() => send({ type: "rescan" })}
              >
                <T k="rescan" />
              </button>
              {mode === "inpage" && (
                <button
                  type="button"
                  className="small"
                  data-testid="sidebar-collapse"
                  title={t("collapse")}
                  onClick={() => send({ type: "set-collapsed", collapsed: true })}
                >
                  <T k="collapse" />
                </button>
              )}
            </span>
          )}
        </header>
        {connection.kind === "no-page" && (
          <p className="empty" data-testid="sidebar-no-page">
            <T k="noTab" />
          </p>
        )}
        {connection.kind === "site-disabled" && (
          <div className="empty" data-testid="sidebar-site-disabled">
            <p>
              <T k="siteNotEnabled" />
            </p>
            <p className="muted">{connection.origin}</p>
            <p className="muted">
              <T k="siteNotEnabledHint" />
            </p>
          </div>
        )}
        {(connection.kind === "connecting" || connection.kind === "connected") && (
          <CaseWorkspace connection={connection} page={page} />
        )}
      </div>
    </LocaleProvider>
  )
}

/** Decides what may be shown before anything reads the database. */
function Gate({ mode }: { mode: SidebarMode }) {
  const { platform } = useServices()
  const page = usePageConnection(platform, mode)
  const { connection } = page
  if (connection.kind === "not-allowed") return <NotEnabled />
  // In the page frame, wait for the worker's verdict before touching the database.
  if (mode === "inpage" && connection.kind === "checking")
    return (
      <div className="sidebar-app" data-testid="sidekick-sidebar-app" data-connection="checking">
        <p className="muted">
          加载中… <span className="en">Loading…</span>
        </p>
      </div>
    )
  return <SidebarMain mode={mode} connection={connection} page={page} />
}

export function SidebarApp({ mode }: { mode: SidebarMode }) {
  return (
    <ErrorBoundary>
      <Gate mode={mode} />
    </ErrorBoundary>
  )
}
