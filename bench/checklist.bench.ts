/**
 * scoreConversation on 20-turn conversations (what the sidebar's live checklist runs on every draft
 * change) against the 2 ms budget, and against lintPhrasing over the same agent turns (the phrasing
 * work the sidebar already did before the checklist existed).
 */
import { DEFAULT_PHRASEBOOK } from "../src/lib/phrasing/default-phrasebook"
import { lintPhrasing } from "../src/lib/phrasing/lint"
import { DEFAULT_CHECKLIST } from "../src/lib/qa/default-checklist"
import { parseExampleTurns } from "../src/lib/qa/examples"
import { scoreConversation } from "../src/lib/qa/score"
import type { Turn } from "../src/lib/qa/types"
import type { BenchRow, BenchSuite } from "./types"
import { median } from "./stats"

const BUDGET_MS = 2

/** 20-turn conversations stitched from the checklist's own example turns (deterministic). */
function conversations(count: number): Turn[][] {
  const pool: Turn[] = []
  for (const item of DEFAULT_CHECKLIST.items) {
    for (const e of [...item.examples.pass, ...item.examples.fail]) {
      const turns = parseExampleTurns(e.turns)
      if (typeof turns !== "string") pool.push(...turns)
    }
  }
  const customers = pool.filter((t) => t.role === "customer")
  const agents = pool.filter((t) => t.role === "agent")
  return Array.from({ length: count }, (_, c) =>
    Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? customers[(c * 31 + i * 7) % customers.length]
        : agents[(c * 17 + i * 13) % agents.length],
    ),
  )
}

export default (async () => {
  const convs = conversations(50)
  const lintAll = (turns: Turn[]) => {
    for (const t of turns) if (t.role === "agent") lintPhrasing(t.text, DEFAULT_PHRASEBOOK)
  }
  for (let i = 0; i < 20; i++) {
    for (const c of convs) {
      scoreConversation(c, { ended: true })
      lintAll(c)
    }
  }
  const ours: number[] = []
  const lint: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const c of convs) {
      for (const which of round % 2 ? [0, 1] : [1, 0]) {
        const t0 = performance.now()
        if (which === 0) scoreConversation(c, { companyName: "盛辉物流", agentId: "1024", ended: true })
        else lintAll(c)
        ;(which === 0 ? ours : lint).push(performance.now() - t0)
      }
    }
  }
  const o = median(ours)
  const p95 = [...ours].sort((a, b) => a - b)[Math.floor(ours.length * 0.95)]
  const l = median(lint)
  return [
    {
      name: `scoreConversation, 20-turn conversation, median (p95 ${p95.toFixed(3)} ms)`,
      ours: o,
      baseline: BUDGET_MS,
      baselineName: "2 ms budget in the sidebar",
      unit: "ms",
      ratio: o / BUDGET_MS,
      goal: "≤ 1",
      met: o <= BUDGET_MS,
    },
    {
      name: "scoreConversation vs lintPhrasing over the same agent turns, median",
      ours: o,
      baseline: l,
      baselineName: "lintPhrasing of the 10 agent turns",
      unit: "ms",
      ratio: o / l,
    },
  ] satisfies BenchRow[]
}) satisfies BenchSuite
