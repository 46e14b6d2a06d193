/**
 * The knowledge pack in force: the active stored pack if it passes `parseKnowledgePack` (checked again
 * on every read: stored JSON is never trusted), else the built-in pack.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useMemo } from "react"

import { DEFAULT_KNOWLEDGE_PACK } from "~lib/knowledge/default-pack"
import { parseKnowledgePack } from "~lib/knowledge/schema"
import type { KnowledgePack } from "~lib/knowledge/types"

import { useServices } from "../services"

export interface PackInForce {
  pack: KnowledgePack
  /** True when the pack is the admin's import, false for the built-in one. */
  stored: boolean
  /** A stored pack was active but did not validate: the built-in one is used instead. */
  invalid: boolean
}

export function usePackInForce(): PackInForce {
  const { knowledge } = useServices()
  const record = useLiveQuery(() => knowledge.getActivePack().catch(() => undefined), [knowledge])
  return useMemo(() => {
    if (!record) return { pack: DEFAULT_KNOWLEDGE_PACK, stored: false, invalid: false }
    const parsed = parseKnowledgePack(record.pack)
    return parsed.ok
      ? { pack: parsed.pack, stored: true, invalid: false }
      : { pack: DEFAULT_KNOWLEDGE_PACK, stored: false, invalid: true }
  }, [record])
}
