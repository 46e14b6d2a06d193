/** Conversation records: the replies the agent sent and the customer's turns, per conversation. */
import type { Phrasebook } from "../phrasing/types"
import { conversationTurnSchema } from "../qa/record-schema"
import { groupConversations, rowsForSent, type ConversationTurnRecord, type SentInput } from "../qa/record"
import { sameFigures, scorecardOf, type ScorecardFigures } from "../team/scorecards"
import type { SidekickDB } from "./db"
import { enqueueTeamDocs, isTeamEnabled, outboxTables } from "./outbox"
import { guard } from "./errors"
import { compact, parseOrThrow } from "./normalize"

/** Which turns to read: `from`/`to` epoch ms, inclusive. */
export interface ConversationFilter {
  from: number
  to: number
  agentWorkId?: string
}

/** A period's turns are read whole (a scorecard needs every turn); this bounds one read. */
const LIST_MAX = 200_000

export interface ConversationStore {
  /**
   * Records one send (new customer turns + the reply) in one transaction; returns the rows added.
   * With team sync on, the rows and (given the phrasebook) the conversation's scorecard are queued
   * for the team server in the same transaction.
   */
  recordSent(input: Omit<SentInput, "known">, book?: Phrasebook): Promise<ConversationTurnRecord[]>
  /** One conversation's turns, oldest first. */
  listConversation(conversationId: string): Promise<ConversationTurnRecord[]>
  /** Every turn of every conversation that had a turn in the period (whole conversations), oldest first. */
  listTurns(filter: ConversationFilter): Promise<ConversationTurnRecord[]>
  /** Deletes turns with `at` < `cutoff` (retention); returns how many went. */
  purgeBefore(cutoff: number): Promise<number>
}

/** Creates the conversation repository over `db`. */
export function createConversationStore(db: SidekickDB): ConversationStore {
  return {
    recordSent(input, book) {
      return guard(() =>
        db.transaction("rw", [db.conversationTurns, ...outboxTables(db)], async () => {
          const probe = rowsForSent({ ...input, known: [] })
          if (probe.length === 0) return []
          const id = probe[0].conversationId
          const known = await db.conversationTurns.where("conversationId").equals(id).toArray()
          const rows = rowsForSent({ ...input, known }).map((r) =>
            compact(parseOrThrow(conversationTurnSchema, r)),
          )
          await db.conversationTurns.bulkPut(rows)
          if (rows.length && (await isTeamEnabled(db))) {
            const at = Date.now()
            await enqueueTeamDocs(db, "turn", rows, at)
            const [conversation] = groupConversations([...known, ...rows])
            if (book && conversation) {
              const key = `scorecard:${id}`
              const prev = (await db.teamMeta.get(key))?.value as ScorecardFigures | undefined
              const card = scorecardOf(conversation, book, prev)
              if (!sameFigures(card, prev) && (await enqueueTeamDocs(db, "scorecard", [card], at)) > 0)
                await db.teamMeta.put({ key, value: { items: card.items, score: card.score } })
            }
          }
          return rows
        }),
      )
    },

    listConversation(conversationId) {
      return guard(() =>
        db.conversationTurns
          .where("[conversationId+at]")
          .between([conversationId, -Infinity], [conversationId, Infinity])
          .toArray(),
      )
    },

    listTurns(filter) {
      if (filter.to < filter.from) return Promise.resolve([])
      return guard(async () => {
        const inRange = await db.conversationTurns
          .where("at")
          .between(filter.from, filter.to, true, true)
          .limit(LIST_MAX)
          .toArray()
        const ids = new Set(
          inRange
            .filter((r) => filter.agentWorkId === undefined || r.agentWorkId === filter.agentWorkId)
            .map((r) => r.conversationId),
        )
        if (ids.size === 0) return []
        const all = await db.conversationTurns
          .where("conversationId")
          .anyOf([...ids])
          .toArray()
        return all.sort((a, b) => a.at - b.at)
      })
    },

    purgeBefore: (cutoff) => purgeConversationsBefore(db, cutoff),
  }
}

/** Deletes turns with `at` < `cutoff` (the audit retention setting applies to conversations too). */
export function purgeConversationsBefore(db: SidekickDB, cutoff: number): Promise<number> {
  return guard(() =>
    db.transaction("rw", db.conversationTurns, () => db.conversationTurns.where("at").below(cutoff).delete()),
  )
}
