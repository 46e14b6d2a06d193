/**
 * The handoff block (交接单): a handoff note written into the CRM's own internal comment, readable by
 * people without the extension (Chinese labels, one field a line) and ending in one compact machine
 * line (format version, kind, note id, times, signature). Pure: no DOM, no browser APIs; the HMAC
 * lives in `sign.ts`.
 *
 * Reading is tolerant of what CRMs do to comments (HTML escaping, rich-text conversion, lost or doubled
 * line breaks, `> ` quoting, full-width characters, trimming, truncation): the text is normalised
 * (entities decoded, NFKC, quote marks dropped) and fields are found by their labels, not by lines.
 * A block whose machine line is missing or cut is `partial`; a block is never read as other data.
 */

import { ZERO_WIDTH_CHARS } from "../text/zero-width"
import { BLOCK_MARK, MACHINE_TAG } from "./marks"

/** The first line of a handoff block; also what the content script's prefilter looks for. */
export const HANDOFF_HEADER = "【客服助手·交接单】"
/** The first line of a takeover block (接手). */
export const TAKEOVER_HEADER = "【客服助手·接手】"
export { BLOCK_MARK, MACHINE_TAG } from "./marks"

export type BlockKind = "handoff" | "takeover"

/** The fields of a handoff block, in the order they are written. `label` is as rendered (full-width). */
export const HANDOFF_FIELDS = [
  { key: "waybill", label: "运单号" },
  { key: "customer", label: "客户" },
  { key: "problem", label: "问题（已与客户确认）" },
  { key: "actionsTaken", label: "已处理" },
  { key: "contacted", label: "已联系" },
  { key: "promise", label: "承诺" },
  { key: "callback", label: "回电时间" },
  { key: "nextStep", label: "下一步" },
  { key: "handedTo", label: "交给" },
  { key: "author", label: "经办" },
] as const

/** The fields of a takeover block. */
export const TAKEOVER_FIELDS = [
  { key: "waybill", label: "运单号" },
  { key: "author", label: "接手" },
  { key: "original", label: "原交接" },
  { key: "callback", label: "回电时间" },
] as const

export type HandoffFieldKey = (typeof HANDOFF_FIELDS)[number]["key"]
export type TakeoverFieldKey = (typeof TAKEOVER_FIELDS)[number]["key"]
export type FieldKey = HandoffFieldKey | TakeoverFieldKey

/** What a block carries besides its human-readable fields (the machine line). */
export interface BlockMeta {
  kind: BlockKind
  /** The note's id (a takeover block has its own id). */
  id: string
  /** When it was written (epoch ms, second precision). */
  at: number
  /** The promised callback (epoch ms, minute precision), if any. */
  callbackAt?: number
  /** A takeover block: the id of the handoff it takes over. */
  ref?: string
}

/** A block as written: meta + human fields (already single-line, see `cleanValue`). */
export interface BlockContent extends BlockMeta {
  fields: Partial<Record<FieldKey, string>>
}

/** A block as read back from a page. */
export interface ParsedBlock extends BlockContent {
  /**
   * `complete`: header, fields and a whole machine line. `partial`: the machine line is missing or
   * cut (a truncated comment): the fields read so far are shown, marked, never trusted.
   */
  completeness: "complete" | "partial"
  /** Hex signature from the machine line, if it carried a whole one. */
  sig?: string
  /** Fields whose value may have been cut by truncation (the last one read of a partial block). */
  cut?: FieldKey
}

const fieldsOf = (kind: BlockKind) => (kind === "handoff" ? HANDOFF_FIELDS : TAKEOVER_FIELDS)

// ---------- normalisation (applied alike when signing and when reading) ----------

// The named entities rich-text editors write (CKEditor 4 encodes "·" as &middot;, quotes, dashes …).
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  middot: "·",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  times: "×",
  yen: "¥",
  bull: "•",
  laquo: "«",
  raquo: "»",
}
const ENTITY = new RegExp(`&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|${Object.keys(NAMED).join("|")});`, "gi")

function decodeEntitiesOnce(s: string): string {
  return s.replace(ENTITY, (m, name: string) => {
    const lower = name.toLowerCase()
    if (lower[0] !== "#") return NAMED[lower] ?? m
    const code = lower[1] === "x" ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

/** HTML entities decoded (twice: CRMs that escape twice), tags shown as text turned into line breaks. */
function decodeHtmlish(s: string): string {
  let out = decodeEntitiesOnce(decodeEntitiesOnce(s))
  // Escaped markup shown literally ("&lt;br&gt;" once decoded): block tags are line breaks.
  out = out.replace(/<\/?(?:br|p|div|li|ul|ol|blockquote|span|strong|b|em|i|font)\b[^<>]{0,200}>/gi, (m) =>
    /^<\/?(?:br|p|div|li|blockquote)/i.test(m) ? "\n" : "",
  )
  return out
}

const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CHARS}]`, "g")

/**
 * Text as the parser sees it: entities decoded, NFKC (full-width letters, digits, colons and
 * brackets become ASCII), zero-width characters dropped, `> ` quote marks at line starts removed.
 */
export function normalizeText(raw: string): string {
  return decodeHtmlish(raw)
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(/\r\n?/g, "\n")
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, "")
}

/**
 * A value in its canonical form, the one that is signed: cleaned as written (`cleanValue`), NFKC,
 * whitespace runs as one space, trimmed, stray quote marks at the ends dropped. Idempotent, so a value
 * as written and the same value read back from the page give the same form.
 */
export function canonicalValue(value: string): string {
  return collapse(cleanValue(value).normalize("NFKC").replace(ZERO_WIDTH, ""))
}

/** Whitespace runs as one space, trimmed, quote marks at the ends dropped (on normalised text). */
const collapse = (normalized: string) => normalized.replace(/\s+/g, " ").replace(/^[\s>]+|[\s>]+$/g, "")

/** A label as the parser sees it (NFKC of the rendered one). */
const normLabel = (label: string) => label.normalize("NFKC")

const ALL_LABELS = [...new Set([...HANDOFF_FIELDS, ...TAKEOVER_FIELDS].map((f) => normLabel(f.label)))]
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
// Longest first so that "问题(已与客户确认)" wins over a shorter label inside it.
const LABEL_ALT = [...ALL_LABELS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join("|")
/** A label followed by its colon (after NFKC every colon is ASCII ":"). */
const LABEL_RE = new RegExp(`(${LABEL_ALT})[ \\t]*:`, "g")
/** A label word followed by a colon in either width ("问题（…）" or its NFKC form). */
const LABEL_IN_VALUE = new RegExp(
  `(${[...new Set([...HANDOFF_FIELDS, ...TAKEOVER_FIELDS].map((f) => f.label))]
    .sort((a, b) => b.length - a.length)
    .map((l) => escapeRe(l).replace(/（/g, "[（(]").replace(/）/g, "[）)]"))
    .join("|")})([ \\t]*)[:：]`,
  "g",
)

const FULL_WIDTH: Record<string, string> = { "<": "＜", ">": "＞", "&": "＆" }

/**
 * A field value as written into a block: one line, and no "label：" inside it (that would split the
 * field when line breaks are lost). The colon after a label word becomes "∶" (U+2236, NFKC-stable).
 * `<`, `>` and `&` are written full-width (NFKC reads them back as ASCII), so that nothing in a value
 * can look like markup or an entity to the reader, whatever the CRM does with the rest.
 */
export function cleanValue(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(LABEL_IN_VALUE, "$1$2∶")
    .replace(/[<>&]/g, (c) => FULL_WIDTH[c])
}

// ---------- writing ----------

const b36 = (ms: number) => Math.floor(ms / 1000).toString(36)
const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/

/** The machine line without its signature: what the signature covers besides the fields. */
export function machineFields(meta: BlockMeta): string {
  const parts = [`k=${meta.kind === "handoff" ? "h" : "t"}`, `n=${meta.id}`, `at=${b36(meta.at)}`]
  parts.push(`cb=${meta.callbackAt === undefined ? "-" : b36(meta.callbackAt)}`)
  if (meta.kind === "takeover") parts.push(`re=${meta.ref ?? "-"}`)
  return parts.join(" ")
}

/**
 * The exact string that is signed: the machine fields and every field's canonical value, in order.
 * Any edit of a field, the waybill, the times or the ids changes it.
 */
export function signedPayload(block: BlockContent): string {
  const lines = [MACHINE_TAG, machineFields(block)]
  for (const f of fieldsOf(block.kind)) lines.push(`${f.key}=${canonicalValue(block.fields[f.key] ?? "")}`)
  return lines.join("\n")
}

/**
 * Renders a block: header, one field a line (empty optional fields left out), the machine line.
 * `sig` is the hex HMAC from `sign.ts`, or undefined without a team key ("s=-").
 */
export function renderBlock(block: BlockContent, sig: string | undefined): string {
  if (!SAFE_ID.test(block.id) || (block.ref !== undefined && !SAFE_ID.test(block.ref)))
    throw new Error("handoff block: ids must be letters, digits and hyphens")
  const lines = [block.kind === "handoff" ? HANDOFF_HEADER : TAKEOVER_HEADER]
  for (const f of fieldsOf(block.kind)) {
    const value = cleanValue(block.fields[f.key] ?? "")
    if (value || f.key === "waybill" || f.key === "author") lines.push(`${f.label}：${value}`)
  }
  lines.push(`${MACHINE_TAG} ${machineFields(block)} s=${sig ?? "-"}`)
  return lines.join("\n")
}

/** Values are cleaned before they are signed, so that what is signed is what is written. */
export function cleanContent(block: BlockContent): BlockContent {
  const fields: Partial<Record<FieldKey, string>> = {}
  for (const f of fieldsOf(block.kind)) {
    const v = cleanValue(block.fields[f.key] ?? "")
    if (v) fields[f.key] = v
  }
  return { ...block, fields }
}

// ---------- reading ----------

/** Longest stretch read for one block (a rendered block with 20,000-char fields is cut by CRMs anyway). */
export const BLOCK_MAX_CHARS = 12_000
const HEADER_RE = new RegExp(
  `${escapeRe(normLabel(HANDOFF_HEADER))}|${escapeRe(normLabel(TAKEOVER_HEADER))}`,
  "g",
)
const MACHINE_RE = new RegExp(`${MACHINE_TAG}[ \\t]+k=([ht])\\b([^\\n]{0,400})`)
const SIG_HEX = /^[0-9a-f]{32}$/

function parseMachine(kind: BlockKind, rest: string): { meta: BlockMeta; sig?: string } | null {
  const kv = new Map<string, string>()
  for (const m of rest.matchAll(/\b(n|at|cb|re|s)=([A-Za-z0-9-]{1,100})/g))
    if (!kv.has(m[1])) kv.set(m[1], m[2])
  const id = kv.get("n")
  const at = kv.get("at")
  const cb = kv.get("cb")
  if (!id || !at || !cb || !/^[0-9a-z]{1,9}$/.test(at)) return null
  const meta: BlockMeta = { kind, id, at: parseInt(at, 36) * 1000 }
  if (cb !== "-") {
    if (!/^[0-9a-z]{1,9}$/.test(cb)) return null
    meta.callbackAt = parseInt(cb, 36) * 1000
  }
  if (kind === "takeover") {
    const re = kv.get("re")
    if (!re) return null
    if (re !== "-") meta.ref = re
  }
  const s = kv.get("s")
  return { meta, sig: s && SIG_HEX.test(s) ? s : undefined }
}

/** Reads one block from `text`, which starts at its header (normalised). */
function parseOne(text: string, kind: BlockKind, headerLength: number): ParsedBlock | null {
  const body = text.slice(headerLength)
  const machine = MACHINE_RE.exec(body)
  const machineKind: BlockKind | null = machine ? (machine[1] === "h" ? "handoff" : "takeover") : null
  const fieldsEnd = machine && machineKind === kind ? machine.index : body.length
  const fieldText = body.slice(0, fieldsEnd)
  const allowed = new Map(fieldsOf(kind).map((f) => [normLabel(f.label), f.key as FieldKey]))
  const fields: Partial<Record<FieldKey, string>> = {}
  const hits: { key: FieldKey; valueStart: number; labelStart: number }[] = []
  for (const m of fieldText.matchAll(LABEL_RE)) {
    const key = allowed.get(m[1])
    if (!key) continue
    hits.push({ key, labelStart: m.index, valueStart: m.index + m[0].length })
  }
  // Fields are written in a fixed order: a label out of order (or twice) belongs to a value.
  const order = fieldsOf(kind).map((f) => f.key as FieldKey)
  const kept: typeof hits = []
  let lastIndex = -1
  for (const h of hits) {
    const i = order.indexOf(h.key)
    if (i > lastIndex) {
      kept.push(h)
      lastIndex = i
    }
  }
  if (kept.length === 0) return null
  for (let i = 0; i < kept.length; i++) {
    const end = i + 1 < kept.length ? kept[i + 1].labelStart : fieldText.length
    let raw = fieldText.slice(kept[i].valueStart, end)
    // The last field of a block without its machine line: only its own line (the rest is other text).
    if (i + 1 === kept.length && !(machine && machineKind === kind)) raw = raw.split("\n")[0]
    // Already normalised with the whole text: decoding again would read a "<b" in a value as markup.
    const value = collapse(raw)
    if (value) fields[kept[i].key] = value
  }
  const parsedMachine = machine && machineKind === kind ? parseMachine(kind, machine[2]) : null
  if (!parsedMachine || (!parsedMachine.sig && !/\bs=-(?:\s|$)/.test(machine![2]))) {
    const block: ParsedBlock = {
      kind,
      id: parsedMachine?.meta.id ?? "",
      at: parsedMachine?.meta.at ?? 0,
      fields,
      completeness: "partial",
      cut: kept[kept.length - 1].key,
    }
    return block
  }
  const block: ParsedBlock = { ...parsedMachine.meta, fields, completeness: "complete" }
  if (parsedMachine.sig) block.sig = parsedMachine.sig
  return block
}

/**
 * Every block in a page text, in order (a text may hold several: a history, a quoted reply).
 * Linear in the text: one pass for the headers, each block read within `BLOCK_MAX_CHARS`.
 */
export function parseBlocks(raw: string): ParsedBlock[] {
  if (!raw.includes(BLOCK_MARK)) return []
  const text = normalizeText(raw)
  const heads = [...text.matchAll(HEADER_RE)]
  const out: ParsedBlock[] = []
  for (let i = 0; i < heads.length; i++) {
    const start = heads[i].index
    const end = Math.min(i + 1 < heads.length ? heads[i + 1].index : text.length, start + BLOCK_MAX_CHARS)
    const kind: BlockKind = heads[i][0] === normLabel(HANDOFF_HEADER) ? "handoff" : "takeover"
    const block = parseOne(text.slice(start, end), kind, heads[i][0].length)
    if (block) out.push(block)
  }
  return out
}
