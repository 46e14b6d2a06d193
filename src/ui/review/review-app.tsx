/**
 * The QA review page (`tabs/review.html`): the audit trail filtered, per rule and per agent, rates over
 * time, drill-down to events, export / import, and the phrasebook workbench.
 */
import { type ReactNode, useEffect, useMemo, useState } from "react"

import { type AuditQuery, byAgent, byDay, byRule, facets, filterEvents } from "~lib/audit/aggregate"
import { byKnowledgeCard } from "~lib/audit/knowledge"
import { AUDIT_OUTCOMES, isKnowledgeEvent, type AuditOutcome } from "~lib/audit/model"
import { PHRASING_CATEGORIES, type PhrasingCategory } from "~lib/phrasing/types"
import { ruleEditingAllowed } from "~lib/policy/merge"
import { AUDIT_RETENTION_KEY, normalizeRetentionDays, retentionCutoff } from "~lib/store/audit-retention"

import { ErrorBoundary } from "../error-boundary"
import { type StringKey, text } from "../i18n"
import { LocaleProvider, T, useLocale, useT } from "../locale"
import { LockedBadge } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { useServices } from "../services"
import { useSettings } from "../use-settings"
import { CATEGORY_LABELS, label, OUTCOME_KEYS, ruleTitles } from "./labels"
import { RateChart } from "./rate-chart"
import { categoryLookup, useBookInForce, useTrail } from "./review-data"
import { KnowledgeInsertTable } from "./knowledge-inserts"
import { ChecklistWorkbench } from "./checklist-workbench"
import { ConversationReview } from "./conversation-review"
import { RuleWorkbench } from "./rule-workbench"
import { AgentTable, EventList, RuleTable } from "./stats-tables"
import { TeamQaPanel } from "./team-qa-panel"
import { TrailTransfer } from "./trail-transfer"
import { Section } from "../section"
import { SelectField, type Choice } from "../select-field"
import { TextField } from "../text-field"

const DAY = 86_400_000

/** "YYYY-MM-DD" of a local date, for `<input type="date">`. */
export function toDateInput(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** Local midnight of a `<input type="date">` value; `end` gives the day's last millisecond. */
export function fromDateInput(value: string, end = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return undefined
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
  return end ? start + DAY - 1 : start
}

type Filters = Omit<AuditQuery, "from" | "to">

/** A filter: every value, or one of `options`. */
function Select<V extends string>({
  k,
  value,
  options,
  onChange,
  testid,
}: {
  k: "qaAgent" | "qaRule" | "qaCategory" | "qaOutcome" | "qaSite"
  value: V | undefined
  options: Choice<V>[]
  onChange: (v: V | undefined) => void
  testid: string
}) {
  const t = useT()
  return (
    <SelectField<V | "">
      label={<T k={k} />}
      testid={testid}
      value={value ?? ""}
      empty={t("qaAll")}
      choices={options}
      onChange={(v) => onChange(v === "" ? undefined : v)}
    />
  )
}

function ReviewMain() {
  const { platform, now, store, audit, conversations } = useServices()
  const { policy } = usePolicy()
  const locale = useLocale()
  const t = useT()
  const [fromDay, setFromDay] = useState(() => toDateInput(now() - 29 * DAY))
  const [toDay, setToDay] = useState(() => toDateInput(now()))
  const [filters, setFilters] = useState<Filters>({})
  const [purgeNote, setPurgeNote] = useState<string | null>(null)

  // Retention: purge expired events each time the review page opens.
  useEffect(() => {
    let live = true
    void (async () => {
      try {
        // The admin policy's retention wins over the one set on this machine.
        const fixed = (await store.getPolicy()).policy.auditRetentionDays
        const days = fixed ?? normalizeRetentionDays(await platform.storageGet(AUDIT_RETENTION_KEY))
        const n = await audit.purgeBefore(retentionCutoff(now(), days))
        await conversations.purgeBefore(retentionCutoff(now(), days))
        if (live && n > 0) setPurgeNote(text(locale, "qaPurged", { n }))
      } catch {
        // A failed purge only delays it to the next opening.
      }
    })()
    return () => {
      live = false
    }
  }, [])

  const from = fromDateInput(fromDay) ?? 0
  const to = fromDateInput(toDay, true) ?? now()
  const trail = useTrail(from, to)
  const inForce = useBookInForce()
  const categoryOf = useMemo(() => (inForce ? categoryLookup(inForce.book) : () => undefined), [inForce])
  const titleOf = useMemo(() => (inForce ? ruleTitles(inForce.book) : (id: string) => id), [inForce])
  const all = useMemo(() => trail ?? [], [trail])
  const filtered = useMemo(() => filterEvents(all, filters, categoryOf), [all, filters, categoryOf])
  // Knowledge-card inserts have their own table; the phrasing tables and chart count suggestions only.
  const phrasingEvents = useMemo(() => filtered.filter((e) => !isKnowledgeEvent(e)), [filtered])
  const knowledgeRows = useMemo(() => byKnowledgeCard(filtered), [filtered])
  const ruleRows = useMemo(() => byRule(phrasingEvents, categoryOf), [phrasingEvents, categoryOf])
  const agentRows = useMemo(() => byAgent(phrasingEvents), [phrasingEvents])
  const days = useMemo(
    () =>
      byDay(phrasingEvents, { utcOffsetMinutes: -new Date(to).getTimezoneOffset(), from, to, maxDays: 366 }),
    [phrasingEvents, from, to],
  )
  const options = useMemo(() => facets(all), [all])
  const set =
    <K extends keyof Filters>(key: K) =>
    (v: Filters[K]) =>
      setFilters((f) => ({ ...f, [key]: v }))

  const drill = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }))
    document.getElementById("qa-events-title")?.scrollIntoView({ block: "start" })
  }

  return (
    <main className="qa-review" data-testid="qa-review" lang={locale === "en" ? "en" : "zh-CN"}>
      <h1>
        <T k="qaReviewTitle" />
      </h1>
      {purgeNote ? (
        <p className="muted" role="status" data-testid="qa-purged">
          {purgeNote}
        </p>
      ) : null}
      <Section id="qa-filters-title" title={<T k="qaFilters" />} className="qa-section">
        <div className="field-row qa-filters">
          <TextField
            label={<T k="qaFrom" />}
            type="date"
            testid="qa-from"
            value={fromDay}
            onValue={setFromDay}
          />
          <TextField label={<T k="qaTo" />} type="date" testid="qa-to" value={toDay} onValue={setToDay} />
          <Select
            k="qaAgent"
            testid="qa-filter-agent"
            value={filters.agentWorkId}
            options={options.agents.map((a) => ({ value: a.workId, label: `${a.name} (${a.workId})` }))}
            onChange={set("agentWorkId")}
          />
          <Select
            k="qaRule"
            testid="qa-filter-rule"
            value={filters.ruleId}
            options={options.rules.map((r) => ({ value: r, label: titleOf(r) }))}
            onChange={set("ruleId")}
          />
          <Select<PhrasingCategory>
            k="qaCategory"
            testid="qa-filter-category"
            value={filters.category}
            options={PHRASING_CATEGORIES.map((c) => ({ value: c, label: label(locale, CATEGORY_LABELS[c]) }))}
            onChange={set("category")}
          />
          <Select<AuditOutcome>
            k="qaOutcome"
            testid="qa-filter-outcome"
            value={filters.outcome}
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_KEYS[o]) }))}
            onChange={set("outcome")}
          />
          <Select
            k="qaSite"
            testid="qa-filter-site"
            value={filters.site}
            options={options.sites.map((s) => ({ value: s, label: s }))}
            onChange={set("site")}
          />
        </div>
        <div className="actions">
          <button type="button" data-testid="qa-clear-filters" onClick={() => setFilters({})}>
            <T k="qaClearFilters" />
          </button>
          <span className="muted" data-testid="qa-count">
            {trail === undefined ? (
              <T k="loading" />
            ) : (
              <T k="qaEventsInRange" values={{ n: filtered.length }} />
            )}
          </span>
        </div>
      </Section>

      <QaSection id="qa-chart-title" title="qaChart" empty={filtered.length === 0}>
        <RateChart days={days} />
      </QaSection>

      <div className="qa-columns">
        <QaSection id="qa-rules-title" title="qaByRule" empty={ruleRows.length === 0}>
          <RuleTable
            rows={ruleRows}
            selected={filters.ruleId}
            titleOf={titleOf}
            onDrill={(ruleId) => drill({ ruleId })}
          />
        </QaSection>
        <QaSection id="qa-agents-title" title="qaByAgent" empty={agentRows.length === 0}>
          <AgentTable
            rows={agentRows}
            selected={filters.agentWorkId}
            onDrill={(agentWorkId) => drill({ agentWorkId })}
          />
        </QaSection>
      </div>

      <QaSection id="qa-knowledge-title" title="qaKnowledge" empty={knowledgeRows.length === 0}>
        <KnowledgeInsertTable
          rows={knowledgeRows}
          selected={filters.ruleId}
          onDrill={(ruleId) => drill({ ruleId })}
        />
      </QaSection>

      <QaSection id="qa-events-title" title="qaEvents" empty={filtered.length === 0}>
        <EventList events={filtered} titleOf={titleOf} />
      </QaSection>

      <TeamQaPanel from={from} to={to} book={inForce?.book} />

      <TrailTransfer events={filtered} />

      {inForce ? <ConversationReview from={from} to={to} book={inForce.book} /> : null}
      {inForce ? (
        ruleEditingAllowed(policy) ? (
          <>
            <RuleWorkbench inForce={inForce} events={all} />
            <ChecklistWorkbench inForce={inForce} />
          </>
        ) : (
          // Locked by the admin policy: the rules stay readable, nothing can be changed or published.
          <fieldset disabled className="locked-field" data-testid="rule-editor-locked">
            <legend>
              <LockedBadge />
            </legend>
            <RuleWorkbench inForce={inForce} events={all} />
            <ChecklistWorkbench inForce={inForce} />
          </fieldset>
        )
      ) : null}
    </main>
  )
}

function ReviewLocale() {
  const settings = useSettings()
  return (
    <LocaleProvider locale={settings?.locale ?? "zh"}>
      <ReviewMain />
    </LocaleProvider>
  )
}

/** The page; storage comes from the services object (tests pass repositories over a fresh database). */
export function ReviewApp() {
  return (
    <ErrorBoundary>
      <ReviewLocale />
    </ErrorBoundary>
  )
}

/** A titled section of the review page that says "no data" instead of an empty table or chart. */
function QaSection(props: { id: string; title: StringKey; empty: boolean; children: ReactNode }) {
  return (
    <Section id={props.id} title={<T k={props.title} />} className="qa-section">
      {props.empty ? (
        <p className="muted">
          <T k="qaNoData" />
        </p>
      ) : (
        props.children
      )}
    </Section>
  )
}
