import type { Migration } from "./types"

/**
 * v3 — team server (issue 19; numbered v9 in the plan, renumbered at merge): the outbox of documents
 * waiting for the team CouchDB, the team-sync switches and push state, and the cache of colleagues'
 * handoffs per waybill. New tables only: nothing to rewrite. Frozen.
 */
export const v3: Migration = Object.freeze({
  version: 3,
  stores: Object.freeze({
    outbox: "docId, [state+queuedAt]",
    teamMeta: "key",
    teamCache: "waybill",
  }),
})
