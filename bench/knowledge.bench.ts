/**
 * Knowledge search per keystroke: every prefix of what agents type (Chinese, pinyin initials, full
 * questions) searched over the full pack plus the outlet cards of a large contact directory (2,000
 * branches), as the sidebar does on each keystroke. Ours searches a prebuilt index; the baseline
 * rebuilds the index (pinyin spellings and all) on every keystroke. Both give the same results.
 * A keystroke's time is the median of repeated runs of it; the p95 is over the keystrokes.
 */
import type { Contact } from "../src/lib/cases/model"
import { DEFAULT_KNOWLEDGE_PACK } from "../src/lib/knowledge/default-pack"
import { outletCards } from "../src/lib/knowledge/outlets"
import { buildKnowledgeIndex, searchKnowledge } from "../src/lib/knowledge/search"
import type { BenchRow, BenchSuite } from "./types"
import { median } from "./stats"

const TYPED = [
  "充电宝能寄吗",
  "cdb",
  "保价怎么收费",
  "bj",
  "代收货款多久到账",
  "dshk",
  "能改地址吗",
  "萧山网点电话",
  "xs",
  "理赔需要什么材料",
  "国际快递怎么寄",
  "gjkd",
]

const CITIES = [
  "杭州",
  "宁波",
  "温州",
  "嘉兴",
  "湖州",
  "绍兴",
  "金华",
  "衢州",
  "舟山",
  "台州",
  "丽水",
  "福州",
]
const PLACES = [
  "萧山",
  "滨江",
  "余杭",
  "鄞州",
  "海曙",
  "鹿城",
  "南湖",
  "吴兴",
  "越城",
  "婺城",
  "柯桥",
  "上城",
]

/** A big directory: 2,000 branches, each with a window and a site manager. */
function directory(n: number): Contact[] {
  const out: Contact[] = []
  for (let i = 0; i < n; i++) {
    const branch = `${CITIES[i % CITIES.length]}${PLACES[Math.floor(i / CITIES.length) % PLACES.length]}${i}网点`
    out.push({
      id: `w${i}`,
      name: "窗口",
      role: "window",
      branch,
      phone: `0571-8${String(i).padStart(7, "0")}`,
      hours: "8:30-18:00",
    })
    out.push({
      id: `s${i}`,
      name: "现场",
      role: "site_manager",
      branch,
      phone: `0571-9${String(i).padStart(7, "0")}`,
    })
  }
  return out
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]

/** The cost of each keystroke: the median of `repeats` runs (the machine is shared: single runs catch scheduler stalls). */
function perKeystroke(fn: (q: string) => unknown, keystrokes: string[], repeats: number): number[] {
  return keystrokes.map((q) => {
    const runs: number[] = []
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now()
      fn(q)
      runs.push(performance.now() - t0)
    }
    return median(runs)
  })
}

export default (async () => {
  const keystrokes = TYPED.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)))
  const rows: BenchRow[] = []
  for (const branches of [200, 2000]) {
    const cards = [...DEFAULT_KNOWLEDGE_PACK.cards, ...outletCards(directory(branches), "2026-12-04")]
    const index = buildKnowledgeIndex(cards)
    const ids = (q: string, idx = index) =>
      searchKnowledge(idx, q, 12)
        .map((h) => h.card.id)
        .join(",")
    for (const q of keystrokes.slice(0, 20))
      if (ids(q) !== ids(q, buildKnowledgeIndex(cards))) throw new Error(`baseline disagrees on ${q}`)
    // Separate loops: the baseline's garbage (an index per keystroke) must not land its GC pauses in ours.
    perKeystroke((q) => searchKnowledge(index, q, 12), keystrokes, 3) // warm-up
    const ours = perKeystroke((q) => searchKnowledge(index, q, 12), keystrokes, 15)
    const naive = perKeystroke((q) => searchKnowledge(buildKnowledgeIndex(cards), q, 12), keystrokes, 3)
    const name = `searchKnowledge per keystroke, ${cards.length} cards (pack ${DEFAULT_KNOWLEDGE_PACK.cards.length} + outlets of ${branches.toLocaleString("en")} branches), ${keystrokes.length} keystrokes`
    rows.push(
      {
        name: `${name}, median`,
        ours: median(ours),
        baseline: median(naive),
        baselineName: "index rebuilt on every keystroke",
        unit: "ms",
        ratio: median(ours) / median(naive),
        goal: "≤ 0.5",
        met: median(ours) / median(naive) <= 0.5,
      },
      {
        name: `${name}, slowest keystroke (p95) vs budget`,
        ours: p95(ours),
        baseline: 5,
        baselineName: "5 ms per keystroke budget",
        unit: "ms",
        ratio: p95(ours) / 5,
        goal: "≤ 1",
        met: p95(ours) <= 5,
      },
    )
  }
  return rows
}) satisfies BenchSuite
