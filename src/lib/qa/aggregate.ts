/**
 * Conversation QA over a period: scorecards per conversation, pass rates per agent and per item,
 * CSV/JSON export and the import of several agents' exports (pure; the review page renders it).
 */
import { csvCell } from "../escalation/contacts-csv"
import type { Phrasebook } from "../phrasing/types"
import { capProblems, problemsFromIssues } from "../import-problems"
import type { ImportProblem } from "../import-problems"
import { type Conversation, type ConversationTurnRecord, groupConversations, recordOptions } from "./record"
import {
  CONVERSATION_EXPORT_FORMAT,
  conversationExportSchema,
  type ConversationExport,
} from "./record-schema"
import { scoreConversation, weightedScore } from "./score"
import { DEFAULT_CHECKLIST } from "./default-checklist"
import { ITEM_IDS, type ItemId, type Outcome, type ScoreResult } from "./types"

/** A conversation with its scorecard. */
export interface Scored {
  conversation: Conversation
  result: ScoreResult
  /** Weighted share of applicable items passed (0–1), null when none applied. */
  score: number | null
  ended: boolean
}

/** Scores every conversation in `rows` with the book's checklist; `now` decides which have ended. */
export function scoreRecords(
  rows: readonly ConversationTurnRecord[],
  book: Phrasebook,
  now: number,
): Scored[] {
  const checklist = book.checklist ?? DEFAULT_CHECKLIST
  return groupConversations(rows).map((conversation) => {
    const opts = recordOptions(conversation, now)
    const result = scoreConversation(conversation.turns, opts, book)
    return { conversation, result, score: weightedScore(result, checklist), ended: opts.ended === true }
  })
}

export interface RateRow {
  pass: number
  fail: number
  na: number
  /** pass / (pass + fail), null when nothing applied. */
  rate: number | null
}

const rate = (pass: number, fail: number): number | null => (pass + fail === 0 ? null : pass / (pass + fail))

export interface AgentRateRow extends RateRow {
  agentWorkId: string
  agentName?: string
  conversations: number
  /** Mean weighted score of the agent's conversations. */
  meanScore: number | null
}

/** An agent's row before any conversation is counted (also: an agent with sent replies but none scored). */
export const emptyAgentRate = (agentWorkId: string): AgentRateRow => ({
  agentWorkId,
  conversations: 0,
  pass: 0,
  fail: 0,
  na: 0,
  rate: null,
  meanScore: null,
})

/** Item outcomes summed per agent (every applicable item of every conversation), best first. */
export function ratesByAgent(scored: readonly Scored[]): AgentRateRow[] {
  const by = new Map<string, AgentRateRow & { scoreSum: number; scored: number }>()
  for (const s of scored) {
    const key = s.conversation.agentWorkId
    let row = by.get(key)
    if (!row) {
      row = { ...emptyAgentRate(key), scoreSum: 0, scored: 0 }
      by.set(key, row)
    }
    row.agentName ??= s.conversation.agentName
    row.conversations++
    for (const i of s.result.items) row[i.outcome]++
    if (s.score !== null) {
      row.scoreSum += s.score
      row.scored++
    }
  }
  return [...by.values()]
    .map(({ scoreSum, scored: n, ...row }) => ({
      ...row,
      rate: rate(row.pass, row.fail),
      meanScore: n ? scoreSum / n : null,
    }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.agentWorkId.localeCompare(b.agentWorkId))
}

export interface ItemRateRow extends RateRow {
  id: ItemId
}

/** Outcomes per checklist item over all conversations, in checklist order. */
export function ratesByItem(scored: readonly Scored[]): ItemRateRow[] {
  const rows = new Map<ItemId, ItemRateRow>(
    ITEM_IDS.map((id) => [id, { id, pass: 0, fail: 0, na: 0, rate: null }]),
  )
  for (const s of scored) for (const i of s.result.items) rows.get(i.id)![i.outcome]++
  return [...rows.values()].map((r) => ({ ...r, rate: rate(r.pass, r.fail) }))
}

/** Drill-down: conversations of one agent and/or with one item in a given outcome. */
export function filterScored(
  scored: readonly Scored[],
  f: { agentWorkId?: string; item?: ItemId; outcome?: Outcome },
): Scored[] {
  return scored.filter(
    (s) =>
      (f.agentWorkId === undefined || s.conversation.agentWorkId === f.agentWorkId) &&
      (f.item === undefined ||
        s.result.items.some((i) => i.id === f.item && (f.outcome === undefined || i.outcome === f.outcome))),
  )
}

/** Scorecards as CSV (UTF-8 BOM, CRLF, bilingual headers, cells defused against formula injection). */
export function scorecardsToCsv(scored: readonly Scored[]): string {
  const head = [
    "会话 / conversation",
    "工号 / work id",
    "客服 / agent",
    "网站 / site",
    "运单号 / waybill",
    "开始 / started",
    "最后 / last",
    "轮次 / turns",
    "已结束 / ended",
    "得分 / score",
    ...ITEM_IDS,
  ]
  const lines = scored.map((s) => {
    const c = s.conversation
    const outcome = (id: ItemId) => s.result.items.find((i) => i.id === id)?.outcome ?? ""
    return [
      c.id,
      c.agentWorkId,
      c.agentName,
      c.site,
      c.waybill,
      new Date(c.startedAt).toISOString(),
      new Date(c.lastAt).toISOString(),
      String(c.turns.length),
      s.ended ? "yes" : "no",
      s.score === null ? "" : s.score.toFixed(3),
      ...ITEM_IDS.map(outcome),
    ]
      .map((v) => csvCell(v))
      .join(",")
  })
  return `\uFEFF${[head.map((h) => csvCell(h)).join(","), ...lines].join("\r\n")}\r\n`
}

/** The JSON export: raw turns (scoring can be redone with any checklist version). */
export function conversationsToJson(
  rows: readonly ConversationTurnRecord[],
  exportedAt: number,
  phrasebookVersion: string,
): string {
  const file: ConversationExport = {
    format: CONVERSATION_EXPORT_FORMAT,
    version: 1,
    exportedAt,
    phrasebookVersion,
    turns: [...rows],
  }
  return JSON.stringify(file, null, 1)
}

export type ConversationImportResult =
  { ok: true; turns: ConversationTurnRecord[]; files: number } | { ok: false; problems: ImportProblem[] }

/**
 * Several agents' exports merged: all-or-nothing, deduplicated by turn id; the same id with other
 * content is a problem, not a silent overwrite.
 */
export function parseConversationImports(
  files: readonly { name: string; data: unknown }[],
): ConversationImportResult {
  const problems: ImportProblem[] = []
  const byId = new Map<string, ConversationTurnRecord>()
  for (const file of files) {
    const parsed = conversationExportSchema.safeParse(file.data)
    if (!parsed.success) {
      const format = (file.data as { format?: unknown } | null)?.format
      if (format !== CONVERSATION_EXPORT_FORMAT) {
        problems.push({ where: file.name, message: "不是会话导出文件 / not a conversation export" })
        continue
      }
      for (const p of problemsFromIssues(parsed.error.issues, file.data))
        problems.push({ ...p, where: `${file.name} › ${p.where}` })
      continue
    }
    for (const turn of parsed.data.turns) {
      const seen = byId.get(turn.id)
      if (seen && JSON.stringify(seen) !== JSON.stringify(turn)) {
        problems.push({
          where: `${file.name} › ${turn.id}`,
          message: "同一编号内容不同 / same id, different content",
        })
        continue
      }
      byId.set(turn.id, turn)
    }
  }
  if (problems.length) return { ok: false, problems: capProblems(problems) }
  return { ok: true, turns: [...byId.values()], files: files.length }
}
