/**
 * Between the stored handoff note and the block written into the ticket: which note fields go in
 * which line, reading the author back, and merging notes read from the ticket with this machine's
 * own into one timeline (one entry per note id). Pure.
 */
import type { AgentRef, HandoffNote } from "../cases/model"
import { formatDateTime } from "../ui-logic/callback-time"
import type { BlockContent, ParsedBlock } from "./block"
import type { Verification } from "./sign"

/** "李四（工号 A123） 2026-12-04 17:40": who wrote it and when, as people read it. */
export function authorLine(author: AgentRef, at: number): string {
  const who = author.name || "未署名"
  return `${who}${author.workId ? `（工号 ${author.workId}）` : ""} ${formatDateTime(at)}`
}

/** Reads `authorLine` back (after normalisation the brackets are ASCII). */
export function parseAuthorLine(line: string | undefined): AgentRef & { when?: string } {
  const text = (line ?? "").normalize("NFKC").trim()
  const m = /^(.*?)\s*\(\s*工号\s*([^)]{0,100})\)\s*(.*)$/.exec(text)
  if (m) return { name: m[1].trim(), workId: m[2].trim(), when: m[3].trim() || undefined }
  const t = /^(.*?)\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})?$/.exec(text)
  return { name: (t?.[1] ?? text).trim(), workId: "", when: t?.[2] }
}

/** The block for a saved note (second precision for the time, as the machine line carries it). */
export function noteToBlock(note: HandoffNote): BlockContent {
  const block: BlockContent = {
    kind: "handoff",
    id: note.id,
    at: Math.floor(note.createdAt / 1000) * 1000,
    fields: {
      waybill: note.waybill,
      customer: [note.customerName, note.customerContact].filter(Boolean).join(" "),
      problem: note.problem,
      actionsTaken: note.actionsTaken,
      contacted: note.contacted,
      promise: note.promise,
      callback: note.callbackAt !== undefined ? formatDateTime(note.callbackAt) : "",
      nextStep: note.nextStep,
      handedTo: note.handedTo ?? "",
      author: authorLine(note.author, note.createdAt),
    },
  }
  if (note.callbackAt !== undefined) block.callbackAt = Math.floor(note.callbackAt / 60_000) * 60_000
  return block
}

/** A takeover block: `author` takes over the handoff `original` (read from the ticket). */
export function takeoverBlock(args: {
  id: string
  at: number
  author: AgentRef
  original: ParsedBlock
  callbackAt?: number
}): BlockContent {
  const block: BlockContent = {
    kind: "takeover",
    id: args.id,
    at: Math.floor(args.at / 1000) * 1000,
    ref: args.original.id,
    fields: {
      waybill: args.original.fields.waybill ?? "",
      author: authorLine(args.author, args.at),
      original: args.original.fields.author ?? "",
      callback: args.callbackAt !== undefined ? formatDateTime(args.callbackAt) : "",
    },
  }
  if (args.callbackAt !== undefined) block.callbackAt = Math.floor(args.callbackAt / 60_000) * 60_000
  return block
}

/** A block read from the ticket and checked. */
export interface CheckedBlock {
  block: ParsedBlock
  verification: Verification
}

/** One entry of the merged timeline. */
export interface TimelineEntry {
  id: string
  at: number
  /** The note as stored on this machine, if it is one of ours (or taken over here). */
  local?: HandoffNote
  /** The best copy read from the ticket (a verified one when there is one). */
  remote?: CheckedBlock
  /** How many copies of the block the ticket holds (a quoted reply repeats it). */
  copies: number
  /** The takeover of this handoff found in the ticket (a verified one first). */
  takenOver?: CheckedBlock
}

const RANK: Record<Verification, number> = {
  verified: 5,
  "no-key": 4,
  unsigned: 3,
  "bad-signature": 2,
  partial: 1,
  "other-waybill": 0,
}
const better = (a: CheckedBlock, b: CheckedBlock | undefined) =>
  !b ||
  RANK[a.verification] > RANK[b.verification] ||
  (RANK[a.verification] === RANK[b.verification] &&
    Object.keys(a.block.fields).length > Object.keys(b.block.fields).length)

/**
 * Local notes and handoff blocks read from the ticket, one entry per note id, newest first.
 * Partial blocks without an id each get their own entry; blocks about other waybills are left out
 * (the caller shows how many). Takeover blocks attach to the handoff they name.
 */
export function mergeTimeline(
  notes: readonly HandoffNote[],
  checked: readonly CheckedBlock[],
): { entries: TimelineEntry[]; otherWaybill: number } {
  const byId = new Map<string, TimelineEntry>()
  for (const note of notes) byId.set(note.id, { id: note.id, at: note.createdAt, local: note, copies: 0 })
  const loose: TimelineEntry[] = []
  const takeovers = new Map<string, CheckedBlock>()
  let otherWaybill = 0
  for (const c of checked) {
    if (c.verification === "other-waybill") {
      otherWaybill++
      continue
    }
    if (c.block.kind === "takeover") {
      if (c.block.ref && better(c, takeovers.get(c.block.ref))) takeovers.set(c.block.ref, c)
      continue
    }
    if (!c.block.id) {
      loose.push({ id: `partial-${loose.length}`, at: c.block.at, remote: c, copies: 1 })
      continue
    }
    const entry = byId.get(c.block.id)
    if (!entry) {
      byId.set(c.block.id, { id: c.block.id, at: c.block.at, remote: c, copies: 1 })
      continue
    }
    entry.copies++
    if (better(c, entry.remote)) entry.remote = c
  }
  for (const [ref, t] of takeovers) {
    const entry = byId.get(ref)
    if (entry) entry.takenOver = t
  }
  const entries = [...byId.values(), ...loose].sort((a, b) => b.at - a.at)
  return { entries, otherWaybill }
}

/**
 * Local notes whose pending reminder a verified takeover in the ticket cancels: the notes this
 * machine wrote and someone else has since taken over (by their ids).
 */
export function takenOverLocalIds(entries: readonly TimelineEntry[]): string[] {
  return entries
    .filter((e) => e.local && e.takenOver?.verification === "verified" && e.local.callbackAt !== undefined)
    .map((e) => e.id)
}
