import type { Migration } from "./types"

/**
 * v5 — adds `knowledgePacks`: imported knowledge packs (知识库), one row per version, exactly one
 * active (like `phrasebooks`). No rows change shape. Frozen. (Numbered 5 by the team's plan: v3 and
 * v4 belong to other features; Dexie accepts the gap.)
 */
export const v5: Migration = Object.freeze({
  version: 5,
  stores: Object.freeze({
    knowledgePacks: "version, active",
  }),
})
