import type { Migration } from "./types"

/** v1 — the initial shape: cases, handoff notes, the contact directory and settings. Frozen. */
export const v1: Migration = Object.freeze({
  version: 1,
  stores: Object.freeze({
    cases: "waybill, status, callbackAt, updatedAt, customerName",
    notes: "id, waybill, createdAt, callbackAt, customerName, customerContact",
    contacts: "id, role, branch, company, region",
    settings: "key",
  }),
})
