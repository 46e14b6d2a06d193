/** Types of the conversation checklist: the service checklist from the manuals, as data. */
import type { BilingualText } from "../phrasing/types"

/** One turn of a conversation. `text` is plain text. */
export interface Turn {
  role: "agent" | "customer"
  text: string
}

/** The checklist items, in the order a contact runs. */
export const ITEM_IDS = [
  "greeting",
  "restate",
  "apology-first",
  "deferral",
  "eta-disclaimer",
  "no-blunt",
  "closing-check",
  "farewell",
] as const

export type ItemId = (typeof ITEM_IDS)[number]

export type Outcome = "pass" | "fail" | "na"

/** Where in the conversation an outcome was decided: UTF-16 offsets into `turns[turn].text`, `end` exclusive. */
export interface Evidence {
  turn: number
  start: number
  end: number
}

export interface ItemResult {
  id: ItemId
  outcome: Outcome
  evidence?: Evidence[]
}

export interface ScoreOptions {
  /** The company the agent greets with; without it any "<name>快递/物流/速运…客服" counts. */
  companyName?: string
  /** The agent's 工号: when given, the greeting must name it. */
  agentId?: string
  /** The conversation is over: closing-check and farewell are scored (na otherwise). */
  ended?: boolean
}

export interface ScoreResult {
  items: ItemResult[]
}

/**
 * An example conversation: one string per turn, "C:" for the customer and "A:" for the agent
 * (kept compact so QA can edit them as lines in the rule editor).
 */
export interface ChecklistExample {
  turns: string[]
  opts?: ScoreOptions
  /** Why the example is hard, for QA reading it. */
  note?: string
}

/**
 * One checklist item. `detectors` are named lists of regex sources (no slashes, compiled "iu"); which
 * names an item reads is fixed per id ({@link DETECTOR_ROLES}), what they match is data.
 */
export interface ChecklistItem {
  id: ItemId
  /** Manual section the item comes from, e.g. "004 2.1". */
  section: string
  description: BilingualText
  /** Relative weight in a conversation's score (1–10). */
  weight: number
  detectors: Record<string, string[]>
  /** The scenario script whose sentence the live checklist inserts when the item is open. */
  scriptId?: string
  /**
   * Sentences the live checklist inserts, keyed by what is missing (e.g. "time" for a deferral
   * without a reply time) or "default"; plain text, `{slot}` marks a value to fill in. Without a
   * fitting one the item's script is offered.
   */
  inserts?: Record<string, string>
  examples: { pass: ChecklistExample[]; fail: ChecklistExample[] }
}

/** The conversation checklist carried by a phrasebook (optional there: older books have none). */
export interface Checklist {
  items: ChecklistItem[]
}

/** Detector names each item reads; the schema requires exactly these (no-blunt uses the phrasebook's rules). */
export const DETECTOR_ROLES: Record<ItemId, readonly string[]> = {
  greeting: ["greet", "company"],
  restate: ["problem", "restate", "solution"],
  "apology-first": ["upset", "apology", "explain"],
  deferral: ["defer", "reason", "time"],
  "eta-disclaimer": ["estimate", "disclaimer", "guaranteed"],
  "no-blunt": [],
  "closing-check": ["ask"],
  farewell: ["bye"],
}
