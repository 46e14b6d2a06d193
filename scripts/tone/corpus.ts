/**
 * The tone corpus as items: parsed from `corpus/tone/*.txt` (one file per label, lines
 * `register|source|text`) plus the composed sentences (a polite frame around a core), each with
 * the group of its core so evaluation never splits a core from its compositions.
 */
import { seededRandom } from "../../src/lib/ml/rng"
import { TONE_LABELS, type ToneLabel } from "../../src/lib/phrasing/tone/categories"

export const REGISTERS = ["chat", "email", "phone", "note", "sms"] as const
export type Register = (typeof REGISTERS)[number]

export interface CorpusItem {
  label: ToneLabel
  register: Register
  source: string
  text: string
  /** The core sentence's id ("refusal.txt:12"): compositions share it. */
  group: string
  composed: boolean
  /** Where the core sits in `text` (a composition adds a frame around it). */
  coreStart: number
  coreEnd: number
}

/** A corpus file: its name (the label, ".txt"; `polite-near-miss.txt` is polite) and its text. */
export interface CorpusFile {
  name: string
  content: string
}

/**
 * Files that keep an older label's name. Items are grouped (and so split and ordered) by file name, so
 * renaming the file would retrain a different model; the label is renamed, the file is not.
 */
const FILE_LABEL_ALIASES: Readonly<Record<string, ToneLabel>> = { "rule-10": "held-over-fees" }

function labelOf(name: string): ToneLabel {
  // "refusal.txt", or a label and a set name: "polite-near-miss.txt", "refusal-realistic.txt".
  const base = name.replace(/\.txt$/, "")
  const named = (l: string) => base === l || base.startsWith(`${l}-`)
  const alias = Object.keys(FILE_LABEL_ALIASES).find(named)
  const label = alias ? FILE_LABEL_ALIASES[alias] : TONE_LABELS.find(named)
  if (!label) throw new Error(`${name}: not a tone label`)
  return label
}

/** "⟦" and "⟧" mark the labelled core of a longer reply; the rest of the line is the agent's polite template. */
const CORE_OPEN = "⟦"
const CORE_CLOSE = "⟧"

/**
 * A corpus line's text: "\n" stands for a line break (e-mail replies quoting the customer's mail), and
 * an optional ⟦core⟧ says which part carries the label. Without markers the whole text is the core.
 */
function parseText(raw: string, where: string): { text: string; coreStart: number; coreEnd: number } {
  const unescaped = raw.replaceAll("\\n", "\n")
  const open = unescaped.indexOf(CORE_OPEN)
  const close = unescaped.indexOf(CORE_CLOSE)
  if (open < 0 && close < 0) return { text: unescaped, coreStart: 0, coreEnd: unescaped.length }
  if (open < 0 || close < open || unescaped.indexOf(CORE_OPEN, open + 1) >= 0)
    throw new Error(`${where}: expected one ⟦core⟧`)
  const text = unescaped.slice(0, open) + unescaped.slice(open + 1, close) + unescaped.slice(close + 1)
  return { text, coreStart: open, coreEnd: close - 1 }
}

/** Parses the hand-written files; throws on a malformed line or a duplicate sentence. */
export function parseCorpus(files: readonly CorpusFile[]): CorpusItem[] {
  const items: CorpusItem[] = []
  const seen = new Map<string, string>()
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const label = labelOf(file.name)
    file.content.split("\n").forEach((raw, n) => {
      const line = raw.trim()
      if (line === "" || line.startsWith("#")) return
      const [register, source, ...rest] = line.split("|")
      const where = `${file.name}:${n + 1}`
      const { text, coreStart, coreEnd } = parseText(rest.join("|").trim(), where)
      if (!REGISTERS.includes(register as Register) || !source || !text)
        throw new Error(`${where}: expected register|source|text`)
      const before = seen.get(text)
      if (before) throw new Error(`${where}: duplicate of ${before}`)
      seen.set(text, where)
      items.push({
        label,
        register: register as Register,
        source,
        text,
        group: where,
        composed: false,
        coreStart,
        coreEnd,
      })
    })
  }
  return items
}

/** Polite frames per register: what agents wrap around a sentence (templates, greetings, sign-offs). */
const OPENERS: Record<Register, string[]> = {
  chat: [
    "亲，",
    "您好，",
    "亲亲，",
    "亲，您好，",
    "好的，",
    "嗯嗯，",
    "收到，",
    "不好意思，",
    "感谢您的耐心等待，",
    "亲，让您久等了，",
  ],
  email: [
    "您好，",
    "尊敬的客户您好，",
    "您好，感谢您的来信。",
    "您好，关于您反映的问题，",
    "尊敬的客户：您好！",
  ],
  phone: ["您好，", "先生，", "女士，", "好的，", "嗯，是这样，"],
  note: ["已回复客户：", "回复：", "跟客户说：", "已告知客户，"],
  sms: ["【快递】", "【快递】您好，"],
}
const CLOSERS: Record<Register, string[]> = {
  chat: ["", "哈", "哦", "~", "，谢谢您的理解", "，祝您生活愉快", "，还有其他问题吗？", "，感谢您的支持"],
  email: ["", "感谢您的理解与支持。", "如有疑问请随时联系。", "祝您生活愉快。", "此致，敬礼。"],
  phone: ["", "，您看可以吗？", "，谢谢。", "，好吗？"],
  note: ["", "。"],
  sms: ["", "，如有疑问请联系客服。"],
}

const STOP = /[。！？!?~]$/u
const GREETING = /^(?:您好|你好|尊敬的|亲|早上好|下午好|晚上好|【)/u

/**
 * One composition per core: an opener and a closer of its register (seeded, so the corpus is the
 * same on every run). For a blunt core this is "a blunt clause inside a polite template".
 */
export function composeCorpus(items: readonly CorpusItem[], seed = 13): CorpusItem[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  return items.map((item) => {
    let opener = pick(OPENERS[item.register])
    const closer = pick(CLOSERS[item.register])
    let core = item.text
    // No second greeting before one the core already has.
    if (GREETING.test(core)) opener = ""
    if (closer && /^[，,哈哦~]/u.test(closer)) core = core.replace(/[。]$/u, "")
    else if (closer && !STOP.test(core) && item.register === "email") core += "。"
    return {
      ...item,
      text: opener + core + closer,
      source: `${item.source}+frame`,
      composed: true,
      coreStart: opener.length + item.coreStart,
      coreEnd: opener.length + Math.min(item.coreEnd, core.length),
    }
  })
}

/** The whole training corpus: hand-written items, then their compositions. */
export function loadCorpus(files: readonly CorpusFile[]): CorpusItem[] {
  const items = parseCorpus(files)
  return [...items, ...composeCorpus(items)]
}
