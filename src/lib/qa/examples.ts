/** Example conversations: "C:"/"A:" lines ↔ turns, and running an item's examples through the scorer. */
import type { Phrasebook } from "../phrasing/types"
import { scoreConversationDetailed } from "./score"
import type { ChecklistExample, ChecklistItem, Outcome, Turn } from "./types"

/** Parses "C:…"/"A:…" lines (full-width colon too) into turns, or returns a bilingual error. */
export function parseExampleTurns(lines: readonly string[]): Turn[] | string {
  const turns: Turn[] = []
  for (const [i, line] of lines.entries()) {
    const m = /^\s*([CA客])\s*[:：]/u.exec(line)
    if (!m) return `第 ${i + 1} 行须以“C:”（客户）或“A:”（客服）开头 / line ${i + 1} must start with C: or A:`
    turns.push({ role: m[1] === "A" ? "agent" : "customer", text: line.slice(m[0].length) })
  }
  return turns
}

/** One example's result for its item. */
export interface ChecklistExampleResult {
  kind: "pass" | "fail"
  example: ChecklistExample
  outcome: Outcome
  ok: boolean
}

/** Runs an item's examples against `book` (its checklist, its phrasing rules). */
export function testChecklistItem(book: Phrasebook, item: ChecklistItem): ChecklistExampleResult[] {
  const run = (kind: "pass" | "fail", example: ChecklistExample): ChecklistExampleResult => {
    const turns = parseExampleTurns(example.turns)
    if (typeof turns === "string") return { kind, example, outcome: "na", ok: false }
    const result = scoreConversationDetailed(turns, example.opts ?? {}, book).find((r) => r.id === item.id)
    const outcome = result?.outcome ?? "na"
    return { kind, example, outcome, ok: outcome === kind }
  }
  return [...item.examples.pass.map((e) => run("pass", e)), ...item.examples.fail.map((e) => run("fail", e))]
}

/**
 * Examples as editable text: one conversation per block (blank line between), one turn per line
 * ("C:" / "A:"), options as "@ended", "@company=盛辉物流", "@id=1024", a note as "# …".
 */
export function examplesToText(examples: readonly ChecklistExample[]): string {
  return examples
    .map((e) => {
      const lines: string[] = []
      if (e.note) lines.push(`# ${e.note}`)
      if (e.opts?.ended) lines.push("@ended")
      if (e.opts?.companyName) lines.push(`@company=${e.opts.companyName}`)
      if (e.opts?.agentId) lines.push(`@id=${e.opts.agentId}`)
      // An example without turns is written as a lone "@empty" so the block survives the round trip.
      if (e.turns.length === 0) lines.push("@empty")
      return [...lines, ...e.turns].join("\n")
    })
    .join("\n\n")
}

/** Parses {@link examplesToText}; lines that are not turns, options or notes are reported by the schema. */
export function textToExamples(text: string): ChecklistExample[] {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((b) => b.split("\n").filter((l) => l.trim() !== ""))
    .filter((b) => b.length > 0)
  return blocks.map((lines) => {
    const example: ChecklistExample = { turns: [] }
    const opts: NonNullable<ChecklistExample["opts"]> = {}
    for (const line of lines) {
      const l = line.trim()
      if (l.startsWith("#")) example.note = l.slice(1).trim()
      else if (l === "@ended") opts.ended = true
      else if (l === "@empty") continue
      else if (l.startsWith("@company=")) opts.companyName = l.slice(9).trim()
      else if (l.startsWith("@id=")) opts.agentId = l.slice(4).trim()
      else example.turns.push(line)
    }
    if (Object.keys(opts).length) example.opts = opts
    return example
  })
}
