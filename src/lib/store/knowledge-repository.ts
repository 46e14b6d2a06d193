/** Stored knowledge packs: one JSON document per version, at most one active (the rest kept for rollback). */
import type { KnowledgePackRecord, SidekickDB } from "./db"
import { guard, StoreError } from "./errors"

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
  const now = options.now ?? Date.now
  const deactivate = () =>
    db.knowledgePacks
      .where("active")
      .equals(1)
      .modify((p) => {
        p.active = 0
      })

  return {
    putPack(version, pack, { activate = false } = {}) {
      if (!version) return Promise.reject(new StoreError("invalid", { detail: "version" }))
      return guard(() =>
        db.transaction("rw", db.knowledgePacks, async () => {
          const existing = await db.knowledgePacks.get(version)
          if (activate) await deactivate()
          await db.knowledgePacks.put({
            version,
            importedAt: now(),
            active: activate ? 1 : (existing?.active ?? 0),
            pack,
          })
        }),
      )
    },

    getActivePack() {
      return guard(() => db.knowledgePacks.where("active").equals(1).first())
    },

    listPacks() {
      return guard(async () => {
        const rows = await db.knowledgePacks.toArray()
        return rows
          .map(({ version, importedAt, active }) => ({ version, importedAt, active }))
          .sort((a, b) => b.importedAt - a.importedAt)
      })
    },

    activatePack(version) {
      return guard(() =>
        db.transaction("rw", db.knowledgePacks, async () => {
          if (!(await db.knowledgePacks.get(version))) throw new StoreError("not-found", { detail: version })
          await deactivate()
          await db.knowledgePacks.update(version, { active: 1 })
        }),
      )
    },

    deactivateAll() {
      return guard(() => db.transaction("rw", db.knowledgePacks, deactivate).then(() => undefined))
    },

    deletePack(version) {
      return guard(() => db.knowledgePacks.delete(version))
    },
  }
}
