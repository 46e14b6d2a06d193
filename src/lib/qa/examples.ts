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
