/** Stored knowledge packs: one JSON document per version, at most one active (the rest kept for rollback). */
import type { KnowledgePackRecord, SidekickDB } from "./db"
import { versionedDocs } from "./versioned-docs"

/** Summary of a stored pack, without the pack itself. */
export type KnowledgePackInfo = Omit<KnowledgePackRecord, "pack">

/** Reads and writes stored packs. The pack is opaque JSON here; `parseKnowledgePack` validates it before it is stored and when it is read. */
export interface KnowledgeStore {
  /** Stores (or overwrites) one version; with `activate`, it becomes the active one in the same transaction. */
  putPack(version: string, pack: unknown, options?: { activate?: boolean }): Promise<void>
  getActivePack(): Promise<KnowledgePackRecord | undefined>
  /** All stored versions, newest import first. */
  listPacks(): Promise<KnowledgePackInfo[]>
  /** Makes `version` the only active one; StoreError "not-found" if it is not stored. */
  activatePack(version: string): Promise<void>
  /** No pack active: the built-in one is used. Stored versions stay. */
  deactivateAll(): Promise<void>
  deletePack(version: string): Promise<void>
}

/** Creates the knowledge-pack repository over `db`. */
export function createKnowledgeStore(db: SidekickDB, options: { now?: () => number } = {}): KnowledgeStore {
  const packs = versionedDocs(db, db.knowledgePacks, options.now ?? Date.now)
  return {
    putPack: (version, pack, putOptions) => packs.put(version, { pack }, putOptions),
    getActivePack: packs.getActive,
    listPacks: packs.list,
    activatePack: packs.activate,
    deactivateAll: packs.deactivateAll,
    deletePack: packs.delete,
  }
}
