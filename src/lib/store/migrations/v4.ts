import type { Migration } from "./types"

/**
 * v4 — conversation records (issue 17): one row per turn the agent sent or the customer wrote, per
 * conversation (ticket page + waybill). Ids are deterministic so a replica (issue 19) can treat each
 * row as an immutable document. No upgrade: the table is new. Frozen.
 */
export const v4: Migration = Object.freeze({
  version: 4,
  stores: Object.freeze({
    conversationTurns: "id, conversationId, [conversationId+at], at, agentWorkId, site, waybill",
  }),
})
