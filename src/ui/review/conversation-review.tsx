/**
 * The review page's conversation view: per conversation the service-checklist scorecard with its
 * evidence highlighted in the turns, pass rates per agent and per item over the page's date range,
 * drill-down, CSV/JSON export, and the same aggregation over other agents' imported exports.
 * Page text is rendered as React text (never innerHTML).
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useMemo, useState } from "react"

import type { Phrasebook } from "~lib/phrasing/types"
import {
  conversationsToJson,
  filterScored,
  parseConversationImports,
  ratesByAgent,
  ratesByItem,
  type Scored,
  scorecardsToCsv,
  scoreRecords,
} from "~lib/qa/aggregate"
import { DEFAULT_CHECKLIST } from "~lib/qa/default-checklist"
import type { ConversationTurnRecord } from "~lib/qa/record"
import type { Evidence, ItemId, Outcome } from "~lib/qa/types"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { fileStamp } from "../download"
import type { StringKey } from "../i18n"
import { text } from "../i18n"
import { T, useLocale, usePick, useT } from "../locale"
import { useServices } from "../services"
import { percent } from "./labels"
import { AgentRatesTable, ItemRatesTable } from "./rate-tables"
import { HeadCells, type Column } from "./table-head"
import { StatusBox, type Status } from "../status-box"
import { readJsonFiles, useFileImport } from "../file-import"
import { FileField } from "../file-field"
import { DownloadButton } from "../download-button"
import { Section } from "../section"

const OUTCOME_KEY: Record<Outcome, StringKey> = { pass: "convPass", fail: "convFail", na: "convNa" }
/** The conversation list's columns (the last one holds the open button). */
const LIST_COLUMNS: Column[] = [
  { k: "convWhen" },
  { k: "convAgent" },
  { label: "waybill" },
  { k: "convTurns", num: true },
  { k: "convScore", num: true },
  { k: "convItem" },
  { label: null },
]
const OUTCOME_MARK: Record<Outcome, string> = { pass: "✓", fail: "✗", na: "–" }

interface Drill {
  agentWorkId?: string
  item?: ItemId
  outcome?: Outcome
}

/** "id · manual section" of a checklist item of `book`. */
export function useItemLabel(book: Phrasebook): (id: ItemId) => string {
  const items = (book.checklist ?? DEFAULT_CHECKLIST).items
  return (id) => {
    const item = items.find((i) => i.id === id)
    return item ? `${id} · ${item.section}` : id
  }
}

/** One turn with evidence spans marked (plain React text pieces). */
function TurnText({
  text: t,
  spans,
}: {
  text: string
  spans: { start: number; end: number; outcome: Outcome }[]
}) {
  const sorted = [...spans]
    .filter((s) => s.start < s.end && s.end <= t.length)
    .sort((a, b) => a.start - b.start)
  const pieces: JSX.Element[] = []
  let at = 0
  sorted.forEach((s, i) => {
    if (s.start < at) return // overlapping evidence: the earlier mark wins
    if (s.start > at) pieces.push(<span key={`t${i}`}>{t.slice(at, s.start)}</span>)
    pieces.push(
      <mark
        key={`m${i}`}
        className={`evidence ${s.outcome}`}
        data-testid="conv-evidence"
        data-outcome={s.outcome}
      >
        {t.slice(s.start, s.end)}
      </mark>,
    )
    at = s.end
  })
  if (at < t.length) pieces.push(<span key="rest">{t.slice(at)}</span>)
  return <span className="turn-text">{pieces}</span>
}

function Scorecard({ scored, book, onBack }: { scored: Scored; book: Phrasebook; onBack(): void }) {
  const itemLabel = useItemLabel(book)
  const pick = usePick()
  const [focus, setFocus] = useState<ItemId | null>(null)
  const c = scored.conversation
  const byTurn = new Map<number, { start: number; end: number; outcome: Outcome }[]>()
  for (const item of scored.result.items) {
    if (focus && item.id !== focus) continue
    for (const e of item.evidence ?? ([] as Evidence[])) {
      const list = byTurn.get(e.turn) ?? []
      list.push({ start: e.start, end: e.end, outcome: item.outcome })
      byTurn.set(e.turn, list)
    }
  }
  const items = (book.checklist ?? DEFAULT_CHECKLIST).items
  return (
    <div className="conv-detail" data-testid="conv-scorecard" data-conversation={c.id}>
      <button type="button" className="small" data-testid="conv-back" onClick={onBack}>
        <T k="convBack" />
      </button>
      <p className="muted">
        {c.agentName ? `${c.agentName} (${c.agentWorkId})` : c.agentWorkId} · {c.waybill ?? "—"} · {c.site} ·{" "}
        {formatDateTime(c.startedAt)} · <T k={scored.ended ? "convEnded" : "convOngoing"} /> ·{" "}
        <T k="convScore" />:{" "}
        <strong data-testid="conv-score">{scored.score === null ? "—" : percent(scored.score)}</strong>
      </p>
      <ul className="conv-items">
        {scored.result.items.map((i) => {
          const item = items.find((x) => x.id === i.id)
          return (
            <li key={i.id} data-testid="conv-item" data-item={i.id} data-outcome={i.outcome}>
              <button
                type="button"
                className={focus === i.id ? "link active" : "link"}
                onClick={() => setFocus((f) => (f === i.id ? null : i.id))}
              >
                <span className={`outcome ${i.outcome}`}>{OUTCOME_MARK[i.outcome]}</span> {itemLabel(i.id)}
              </button>{" "}
              <span className="muted small-text">{item && pick(item.description)}</span>
            </li>
          )
        })}
      </ul>
      <ol className="conv-turns" data-testid="conv-turns">
        {c.turns.map((turn, i) => (
          <li key={i} className={`turn ${turn.role}`} data-testid="conv-turn" data-role={turn.role}>
            <span className="turn-role">
              <T k={turn.role === "agent" ? "convRoleAgent" : "convRoleCustomer"} />
            </span>{" "}
            <TurnText text={turn.text} spans={byTurn.get(i) ?? []} />
          </li>
        ))}
      </ol>
    </div>
  )
}

export function ConversationReview({ from, to, book }: { from: number; to: number; book: Phrasebook }) {
  const { conversations: store, now } = useServices()
  const locale = useLocale()
  const t = useT()
  const itemLabel = useItemLabel(book)
  const local = useLiveQuery(() => store.listTurns({ from, to }), [store, from, to])
  const [imported, setImported] = useState<ConversationTurnRecord[]>([])
  const [drill, setDrill] = useState<Drill>({})
  const [open, setOpen] = useState<string | null>(null)

  const merged = useMemo(() => {
    const byId = new Map<string, ConversationTurnRecord>()
    for (const r of local ?? []) byId.set(r.id, r)
    // Imported conversations count when they had a turn in the period, like local ones.
    const inRange = new Set(imported.filter((r) => r.at >= from && r.at <= to).map((r) => r.conversationId))
    for (const r of imported) if (inRange.has(r.conversationId)) byId.set(r.id, r)
    return [...byId.values()]
  }, [local, imported, from, to])
  const localIds = useMemo(() => new Set((local ?? []).map((r) => r.conversationId)), [local])
  const scored = useMemo(() => scoreRecords(merged, book, now()), [merged, book, now])
  const agents = useMemo(() => ratesByAgent(scored), [scored])
  const items = useMemo(() => ratesByItem(scored), [scored])
  const shown = useMemo(() => filterScored(scored, drill), [scored, drill])
  const selected = open ? scored.find((s) => s.conversation.id === open) : undefined

  const { status, onChange: importFiles } = useFileImport(async (files): Promise<Status> => {
    const read = await readJsonFiles(files)
    const result = read.ok ? parseConversationImports(read.inputs) : read
    if (!result.ok) return { kind: "error", message: t("convImportBad"), problems: result.problems }
    setImported((prev) => {
      const byId = new Map(prev.map((r) => [r.id, r]))
      for (const r of result.turns) byId.set(r.id, r)
      return [...byId.values()]
    })
    return {
      kind: "ok",
      message: text(locale, "convImported", { n: result.turns.length, files: result.files }),
    }
  })

  const drillTo = (d: Drill) => {
    setDrill(d)
    setOpen(null)
  }
  const drillText = [
    drill.agentWorkId,
    drill.item
      ? `${itemLabel(drill.item)}${drill.outcome ? ` = ${t(OUTCOME_KEY[drill.outcome])}` : ""}`
      : undefined,
  ]
    .filter(Boolean)
    .join(" · ")

  return (
    <Section id="conv-title" title={<T k="convTitle" />} className="qa-section" testid="conv-review">
      <p className="muted" data-testid="conv-showing">
        <T
          k="convShowing"
          values={{
            n: scored.length,
            local: scored.filter((s) => localIds.has(s.conversation.id)).length,
            imported: scored.filter((s) => !localIds.has(s.conversation.id)).length,
          }}
        />
      </p>
      <div className="actions">
        <DownloadButton
          label="convExportCsv"
          testid="conv-export-csv"
          disabled={!shown.length}
          file={() => ({
            name: `qa-conversations-${fileStamp(now())}.csv`,
            content: scorecardsToCsv(shown),
            type: "text/csv",
          })}
        />
        <DownloadButton
          label="convExportJson"
          testid="conv-export-json"
          disabled={!merged.length}
          file={() => ({
            name: `qa-conversations-${fileStamp(now())}.json`,
            content: conversationsToJson(merged, now(), book.version),
            type: "application/json",
          })}
        />
        <FileField
          label="convImport"
          accept=".json,application/json"
          multiple
          named
          testid="conv-import"
          onChange={importFiles}
        />
        {imported.length > 0 && (
          <button type="button" data-testid="conv-clear-imports" onClick={() => setImported([])}>
            <T k="convClearImports" />
          </button>
        )}
      </div>
      <StatusBox status={status} testid="conv-import-status" />
      {scored.length === 0 ? (
        <p className="muted" data-testid="conv-none">
          <T k="convNone" />
        </p>
      ) : (
        <>
          <h3>
            <T k="convByAgent" />
          </h3>
          <AgentRatesTable
            rows={agents}
            testid="conv-agents"
            rowTestid="conv-agent-row"
            onDrill={(agentWorkId) => drillTo({ agentWorkId })}
          />
          <h3>
            <T k="convByItem" />
          </h3>
          <ItemRatesTable
            rows={items}
            itemLabel={itemLabel}
            testid="conv-items"
            rowTestid="conv-item-row"
            onDrillFailures={(item) => drillTo({ item, outcome: "fail" })}
          />
          <h3 id="conv-list-title">
            <T k="convList" />
          </h3>
          {drillText && (
            <p data-testid="conv-drill">
              <T k="convFilter" values={{ what: drillText }} />{" "}
              <button
                type="button"
                className="small"
                data-testid="conv-clear-drill"
                onClick={() => drillTo({})}
              >
                <T k="convClearFilter" />
              </button>
            </p>
          )}
          {selected ? (
            <Scorecard scored={selected} book={book} onBack={() => setOpen(null)} />
          ) : (
            <table className="qa-table" data-testid="conv-list">
              <thead>
                <tr>
                  <HeadCells columns={LIST_COLUMNS} />
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, 500).map((s) => (
                  <tr key={s.conversation.id} data-testid="conv-row" data-conversation={s.conversation.id}>
                    <td>{formatDateTime(s.conversation.lastAt)}</td>
                    <td>{s.conversation.agentName ?? s.conversation.agentWorkId}</td>
                    <td>{s.conversation.waybill ?? "—"}</td>
                    <td className="num">{s.conversation.turns.length}</td>
                    <td className="num">{s.score === null ? "—" : percent(s.score)}</td>
                    <td className="outcomes">
                      {s.result.items.map((i) => (
                        <span
                          key={i.id}
                          className={`outcome ${i.outcome}`}
                          title={`${itemLabel(i.id)}: ${t(OUTCOME_KEY[i.outcome])}`}
                        >
                          {OUTCOME_MARK[i.outcome]}
                        </span>
                      ))}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        data-testid="conv-open"
                        onClick={() => setOpen(s.conversation.id)}
                      >
                        <T k="convOpen" />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  )
}
