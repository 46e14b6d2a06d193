import type { Table, Transaction } from "dexie"

import { URGENT_CASE_TYPES, type CaseType } from "../../cases/model"
import type { Migration } from "./types"

// Kept local: a frozen migration must not change behaviour when app-level helpers evolve.
const normalise = (waybill: string): string => waybill.replace(/\s+/g, "").toUpperCase()

interface V1Case {
  waybill: string
  caseType: CaseType
  urgent?: boolean
  createdAt: number
  updatedAt: number
  [key: string]: unknown
}

async function upgradeCases(cases: Table<V1Case, string>): Promise<void> {
  const rows = await cases.toArray()
  const byWaybill = new Map<string, V1Case>()
  for (const row of rows) {
    const waybill = normalise(row.waybill)
    const next: V1Case = {
      ...row,
      waybill,
      urgent: typeof row.urgent === "boolean" ? row.urgent : URGENT_CASE_TYPES.includes(row.caseType),
    }
    const seen = byWaybill.get(waybill)
    // "sf1" and "SF1" were the same parcel: keep the most recently updated, and the earliest createdAt.
    if (!seen) byWaybill.set(waybill, next)
    else {
      const winner = next.updatedAt > seen.updatedAt ? next : seen
      byWaybill.set(waybill, { ...winner, createdAt: Math.min(seen.createdAt, next.createdAt) })
    }
  }
  const stale = rows.map((r) => r.waybill).filter((w) => normalise(w) !== w)
  await cases.bulkDelete(stale)
  await cases.bulkPut([...byWaybill.values()])
}

/**
 * v2 — adds the ladder attempts, stored phrasebooks and audit events, and the [waybill+createdAt]
 * index that keeps one waybill's timeline fast with 100,000 notes. Upgrade: backfill `urgent` on
 * cases from their caseType and upper-case every stored waybill. Frozen.
 */
export const v2: Migration = Object.freeze({
  version: 2,
  stores: Object.freeze({
    notes: "id, waybill, [waybill+createdAt], createdAt, callbackAt, customerName, customerContact",
    attempts: "id, [waybill+at]",
    phrasebooks: "version, active",
    auditEvents: "id, at, ruleId, outcome, agentWorkId, site, waybill, [ruleId+at]",
  }),
  async upgrade(tx: Transaction): Promise<void> {
    await upgradeCases(tx.table<V1Case, string>("cases"))
    await tx
      .table<{ waybill: string }, string>("notes")
      .toCollection()
      .modify((note) => {
        note.waybill = normalise(note.waybill)
      })
  },
})
