import type { Migration } from "./types"

/**
 * v6 — team server (issue 19): the outbox of documents
 * waiting for the team CouchDB, the team-sync switches and push state, and the cache of colleagues'
 * handoffs per waybill. New tables only: nothing to rewrite. Frozen.
 */
export const v6: Migration = Object.freeze({
  version: 6,
  stores: Object.freeze({
    outbox: "docId, [state+queuedAt]",
    teamMeta: "key",
    teamCache: "waybill",
  }),
})
