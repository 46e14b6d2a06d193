import type { Transaction } from "dexie"

import type { Migration } from "./types"

// Frozen copies of the names at the time of this version (the live table may grow; this must not).
const OLD_CATEGORY = "rule-10"
const NEW_CATEGORY = "held-over-fees"

/**
 * v8 — the category "rule-10" (named after manual section 十) is renamed "held-over-fees" (goods held
 * over internal fees). Rewrites the stored phrasebooks' rules and the audit events of the tone model's
 * findings ("tone-rule-10"). No table or index changes. Frozen.
 */
export const v8: Migration = Object.freeze({
  version: 8,
  stores: Object.freeze({}),
  async upgrade(tx: Transaction) {
    await tx
      .table("phrasebooks")
      .toCollection()
      .modify((row: { book?: { rules?: unknown } }) => {
        const rules = row.book?.rules
        if (!Array.isArray(rules)) return
        for (const rule of rules as { category?: unknown }[]) {
          if (rule && typeof rule === "object" && rule.category === OLD_CATEGORY) rule.category = NEW_CATEGORY
        }
      })
    await tx
      .table("auditEvents")
      .where("ruleId")
      .equals(`tone-${OLD_CATEGORY}`)
      .modify({ ruleId: `tone-${NEW_CATEGORY}` })
  },
})
