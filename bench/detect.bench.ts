/**
 * detectWaybills over a ~1 MB synthetic CRM dump vs a naive baseline: one big regex union of every
 * carrier pattern run with matchAll, plus identifyWaybill per match. Both run interleaved in the same
 * process; medians are reported.
 */
import { CARRIERS } from "../src/lib/waybill/carriers"
import { detectWaybills } from "../src/lib/waybill/detect"
import { identifyWaybill } from "../src/lib/waybill/identify"
import { CARRIER_EXAMPLES } from "../src/lib/waybill/carrier-examples"
import { median } from "./stats"
import type { BenchRow, BenchSuite } from "./types"

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const PROSE = [
  "客户反映快件延误，已联系网点核实，承诺明天上午回电。",
  "收件人不在家，派送员已电话联系，改约周六派送。",
  "外包装破损，客户要求理赔，已登记并上报片区负责人。",
  "时效仅供参考，具体以实际运输情况为准。",
  "客户催件，已转交下一班同事跟进，不让客户重复投诉。",
]

/** A deterministic ~`bytes`-long dump of ticket rows. */
export function makeDump(bytes: number, seed = 7): string {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join("")
  const valid = CARRIERS.flatMap((c) => CARRIER_EXAMPLES[c.code].valid.map((e) => ({ c, n: e.number })))
  const rows: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const { c, n } = pick(valid)
    const row =
      `工单 ${100000 + i} | 2024-05-${String(1 + (i % 28)).padStart(2, "0")} 12:${String(i % 60).padStart(2, "0")} | ` +
      `客户 张三 电话 1${pick(["38", "59", "86"])}${digits(8)} | 订单号 20240501${digits(8)} | ` +
      `${pick(c.keywords)} 运单号 ${n} | 金额 ¥${Math.floor(r() * 500)}.50 | ${pick(PROSE)} ` +
      `详见 https://crm.example.cn/ticket/${digits(12)} 时间戳 17156${digits(8)}\n`
    rows.push(row)
    size += row.length
  }
  return rows.join("")
}

// The naive approach: every carrier's pattern in one alternation, then identify each hit.
const NAIVE = new RegExp(
  "(?<![0-9A-Za-z])(?:" +
    CARRIERS.flatMap((c) =>
      c.formats.map((f) => f.pattern.source.replace(/^\^/, "").replace(/\$/g, "(?![0-9A-Za-z])")),
    )
      .map((s) => `(?:${s})`)
      .join("|") +
    ")(?![0-9A-Za-z])",
  "g",
)

function naive(text: string): number {
  let n = 0
  for (const m of text.matchAll(NAIVE)) if (identifyWaybill(m[0]).length) n++
  return n
}

function sideBySide(
  text: string,
  reps: number,
): { ours: number; base: number; found: number; naiveFound: number } {
  const ours: number[] = []
  const base: number[] = []
  let found = 0
  let naiveFound = 0
  for (let i = 0; i < reps; i++) {
    let t = performance.now()
    found = detectWaybills(text).length
    ours.push(performance.now() - t)
    t = performance.now()
    naiveFound = naive(text)
    base.push(performance.now() - t)
  }
  return { ours: median(ours), base: median(base), found, naiveFound }
}

export default (async () => {
  const dump = makeDump(1_000_000)
  const mb = dump.length / 1e6
  sideBySide(dump.slice(0, 100_000), 3) // warm-up
  const d = sideBySide(dump, 9)
  const patho = "1234 5678 ".repeat(100_000)
  const p = sideBySide(patho, 5)
  const rows: BenchRow[] = [
    {
      name: `detectWaybills, ${mb.toFixed(2)} MB CRM dump, median (ours finds ${d.found}, naive ${d.naiveFound})`,
      ours: d.ours,
      baseline: d.base,
      baselineName: "regex union of all carrier patterns + identify per hit",
      unit: "ms",
      ratio: d.ours / d.base,
      goal: "≤ 2",
      met: d.ours / d.base <= 2,
    },
    {
      name: "detectWaybills throughput, CRM dump",
      ours: mb / (d.ours / 1000),
      baseline: mb / (d.base / 1000),
      baselineName: "regex union + identify",
      unit: "MB/s",
      ratio: d.base / d.ours,
      goal: "≥ 0.5",
      met: d.base / d.ours >= 0.5,
    },
    {
      name: "detectWaybills, 1 MB of 4-digit groups and spaces, median",
      ours: p.ours,
      baseline: p.base,
      baselineName: "regex union + identify",
      unit: "ms",
      ratio: p.ours / p.base,
      goal: "≤ 5",
      met: p.ours / p.base <= 5,
    },
  ]
  return rows
}) satisfies BenchSuite
