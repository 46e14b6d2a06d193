/**
 * The sidebar, used both framed in the CRM page (`tabs/sidebar.html`) and in the browser's side panel.
 * In the page frame nothing is read from the database until the service worker vouches for the frame.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useMemo, useState, type KeyboardEvent } from "react"

import { classifyCase } from "~lib/cases/classify"
import { assessCustomer, firstScriptsFor } from "~lib/customer"
import { readFacts, scanLine } from "~lib/page/facts"
import { URGENT_CASE_TYPES, type CaseStatus, type CaseType } from "~lib/cases/model"
import {
  callbackFromPromise,
  quickCallbackAt,
  spokenTime,
  toLocalInputValue,
} from "~lib/ui-logic/callback-time"
import { openingTime, parseBusinessHours } from "~lib/ui-logic/business-hours"
import { expiredDraftKeys } from "~lib/ui-logic/drafts"
import { describeCarriers } from "~lib/ui-logic/page"
import { varsFromContext, type SlotContext } from "~lib/scripts/slots"
import { identifyWaybill } from "~lib/waybill/identify"

import { ErrorBoundary } from "../error-boundary"
import { primary, text, type StringKey } from "../i18n"
import { errorMessage, LocaleProvider, T, useLocale } from "../locale"
import { useServices } from "../services"
import { useSettings } from "../use-settings"
import { PolicySummary } from "../policy/policy-summary"
import { CasePanel } from "./case-panel"
import { CustomerStateView } from "./customer-state"
import type { HandoffPrefill } from "./handoff-form"
import { HandoffTab } from "./handoff-tab"
import { PageFacts } from "./page-facts"
import { TeamTimeline } from "./team-timeline"
import type { SidebarMode } from "~lib/protocol/types"

import { usePageConnection, type Connection } from "./use-page-connection"
import { EscalationPanel } from "./escalation-panel"
import { useCasePlace } from "./case-place"
import { LayoutSwitch } from "./layout-switch"
import { KnowledgeTab, useKnowledgeTab } from "./knowledge-tab"
import { ChecklistPanel } from "./checklist-panel"
import { useLiveChecklist } from "./live-checklist"
import { PhrasingPanel } from "./phrasing-panel"
import { usePhrasingSession } from "./phrasing-session"
import { TabCount, useSwitchToFindings, useTabCounts } from "./tab-counts"
import { WaybillHeader } from "./waybill-header"

type TabId = "handoff" | "phrasing" | "escalation" | "knowledge"
const TABS: { id: TabId; label: StringKey }[] = [
  { id: "handoff", label: "tabHandoff" },
  { id: "phrasing", label: "tabPhrasing" },
  { id: "escalation", label: "tabEscalation" },
  { id: "knowledge", label: "tabKnowledge" },
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
  useEffect(() => setManual(null), [state?.url, state?.item, connection.tabId])

  const waybill = manual ?? state?.current ?? null
  const candidate = state?.candidates.find((c) => c.number === waybill)
  const carriers = useMemo(
    () => candidate?.carriers ?? (waybill ? identifyWaybill(waybill) : []),
    [candidate, waybill],
  )
  const classification = useMemo(() => classifyCase(state?.caseText ?? ""), [state?.caseText])
  const customer = useMemo(() => assessCustomer(state?.caseText ?? ""), [state?.caseText])
  const urgentByCustomer = customer.threats.length > 0 || customer.repeat
  const facts = useMemo(() => readFacts(state?.facts), [state?.facts])
  // The page's facts prefill the handoff form once per waybill and value (never saved by themselves).
  const factsKey = JSON.stringify([waybill, facts.name, facts.phone, facts.latest])
  useEffect(() => {
    if (!waybill || (!facts.name && !facts.phone && !facts.latest)) return
    setPrefill({
      token: now(),
      customerName: facts.name,
      customerContact: facts.phone,
      actionsTaken: facts.latest && primary(locale, "factsLatestNote", { scan: scanLine(facts.latest) }),
    })
    // Only when the facts or the waybill change (factsKey), not on every page-state message.
  }, [factsKey])
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
  const place = useCasePlace(record, facts.branch, state?.caseText ?? "")

  const select = (number: string) => {
    setManual(number)
    send({ type: "select-waybill", number })
  }

  const updateCase = (patch: { caseType?: CaseType; status?: CaseStatus }) => {
    if (!waybill) return
    setCaseError(null)
    // A threat to complain outside or a repeat contact keeps the case urgent whatever its type.
    const extra = patch.caseType
      ? { urgent: URGENT_CASE_TYPES.includes(patch.caseType) || urgentByCustomer }
      : {}
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

  const knowledge = useKnowledgeTab({ caseType, caseText: state?.caseText ?? "" })

  // What the scripts' and cards' {slots} can be filled from.
  const slotContext: SlotContext = {
    profile: settings?.profile,
    waybill: { number: waybill ?? undefined, carrier: carrierName },
    case: {
      customerName: record?.customerName ?? facts.name,
      customerContact: record?.customerContact ?? facts.phone,
      // The latest confirmed problem statement, for scripts that restate it.
      problem: [...(notes ?? [])].reverse().find((n) => n.problem)?.problem,
      // Saved on the case, else from the page (【网点名称】).
      ...place.involved,
    },
    // A callback still ahead is what the agent promised: it fills {回复时间} / {回电时间}.
    promise:
      record?.callbackAt !== undefined && record.callbackAt > now()
        ? {
            replyTime: spokenTime(record.callbackAt, now()),
            callbackTime: spokenTime(record.callbackAt, now()),
          }
        : undefined,
  }

  const phrasing = usePhrasingSession({
    draft: page.draft,
    send,
    edit: page.edit,
    shortcut: page.shortcut,
    onSent: page.onSent,
    cardFix: page.cardFix,
    context: {
      agentWorkId: settings?.profile?.workId ?? "",
      agentName: settings?.profile?.name ?? "",
      site: connection.origin,
      ...(waybill ? { waybill } : {}),
    },
  })

  const checklist = useLiveChecklist({
    page,
    session: phrasing,
    site: connection.origin,
    url: state?.url ?? null,
    waybill,
    profile: settings?.profile,
  })
  const phrasingCount = phrasing.findings.length + checklist.open.length
  const counts = useTabCounts({
    waybill,
    caseType,
    record,
    attempts,
    customer: { threats: customer.threats.map((x) => x.kind), repeat: customer.repeat },
  })
  useSwitchToFindings({
    editorId: page.draft?.editorId ?? null,
    findings: phrasing.findings.length,
    active: tab === "phrasing",
    open: () => setTab("phrasing"),
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
        unsure={
          classification.uncertain && classification.alternatives.length > 1
            ? {
                confidence: classification.confidence,
                choices: classification.alternatives.slice(0, 2).map((a) => a.type),
              }
            : undefined
        }
        urgentByCustomer={urgentByCustomer}
        record={record}
        onCaseType={(type) => updateCase({ caseType: type })}
        onStatus={(status) => updateCase({ status })}
      />
      <CustomerStateView state={customer} onDeescalate={() => setTab("phrasing")} />
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
            {id === "knowledge" && knowledge.suggestions.length > 0 && (
              <span className="tab-count" data-testid="knowledge-count">
                {knowledge.suggestions.length}
              </span>
            )}
            {id === "phrasing" && <TabCount tab="phrasing" n={phrasingCount} titleKey="tabCountPhrasing" />}
            {id === "handoff" && <TabCount tab="handoff" n={counts.handoff} titleKey="tabCountHandoff" />}
            {id === "escalation" && (
              <TabCount tab="escalation" n={counts.escalation} titleKey="tabCountEscalation" />
            )}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {/* Once settings are loaded: handoffs are checked against the team key, never one still loading. */}
        {tab === "handoff" && settings && (
          <>
            <PageFacts facts={facts} />
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
            <TeamTimeline
              waybill={waybill}
              localNotes={notes ?? []}
              teamKey={settings.teamKey}
              record={record}
              me={settings.profile}
            />
          </>
        )}
        {tab === "phrasing" && (
          <ChecklistPanel
            open={checklist.open}
            recorded={checklist.recorded}
            hasDraft={!!page.draft?.text.trim()}
            vars={checklist.vars}
            insert={checklist.insert}
            error={
              checklist.error
                ? text(locale, "conversationRecordFailed", { error: errorMessage(checklist.error, locale) })
                : null
            }
          />
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
                    // "明天上午" is the company's opening time when the admin policy sets business hours.
                    openingTime(parseBusinessHours(settings?.profile?.businessHours)),
                  ) ?? quickCallbackAt("plus2h", now()),
                ),
              })
              setTab("handoff")
            }}
            caseType={caseType}
            firstScripts={firstScriptsFor(customer)}
            context={slotContext}
          />
        )}
        {tab === "knowledge" && (
          <KnowledgeTab
            state={knowledge}
            vars={varsFromContext(slotContext)}
            insert={phrasing.insert}
            audit={{
              agentWorkId: settings?.profile?.workId ?? "",
              agentName: settings?.profile?.name ?? "",
              site: connection.origin,
              ...(waybill ? { waybill } : {}),
            }}
            onAuditError={() => setCaseError(text(locale, "auditFailed"))}
          />
        )}
        {tab === "escalation" && (
          <EscalationPanel
            waybill={waybill}
            caseType={caseType}
            customer={{ threats: customer.threats.map((x) => x.kind), repeat: customer.repeat }}
            record={record}
            profile={settings?.profile}
            place={place}
            onPlace={async (involved) => {
              if (!waybill) return
              await store.upsertCase({ waybill, caseType, involved })
            }}
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
              {mode === "inpage" && <LayoutSwitch origin={connection.origin} />}
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
        {(connection.kind === "connecting" || connection.kind === "connected") && <PolicySummary compact />}
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
