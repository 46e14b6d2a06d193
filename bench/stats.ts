/** Small statistics for the benchmarks (pure; tested in tests/bench-stats.test.ts). */
import { seededRandom } from "../src/lib/ml/rng"

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export interface PairedRatio {
  /** The median of the pairs' ratios (with ÷ without, each pair measured back to back). */
  median: number
  /** A 90 % bootstrap interval of that median (2,000 resamples of the pairs, fixed seed). */
  low: number
  high: number
}

/**
 * The with ÷ without ratio of interleaved pairs: each load with the extension is divided by the load
 * without it that ran next to it, so a drift of the machine (a burner's scheduling, the disk) that moves
 * both loads of a pair cancels out; the bootstrap interval says how far another run may land.
 */
export function pairedRatio(withMs: readonly number[], withoutMs: readonly number[]): PairedRatio {
  if (withMs.length !== withoutMs.length || withMs.length === 0)
    throw new Error(`pairedRatio: ${withMs.length} loads with, ${withoutMs.length} without`)
  const ratios = withMs.map((w, i) => w / withoutMs[i])
  // The same interval on every run: a seeded generator.
  const next = seededRandom(0x5eed)
  const medians: number[] = []
  for (let b = 0; b < 2_000; b++)
    medians.push(median(Array.from(ratios, () => ratios[Math.floor(next() * ratios.length)])))
  medians.sort((a, b) => a - b)
  return {
    median: median(ratios),
    low: medians[Math.floor(0.05 * 2_000)],
    high: medians[Math.floor(0.95 * 2_000) - 1],
  }
}

/**
 * Per-call medians of `runs`, each called on items 0…count−1, interleaved round by round (which runs
 * first rotates, so none always runs on a warmer cache) after `warmup` untimed rounds. `batch`: time the
 * items of a round in one go and divide (a browser page's timer is too coarse for one call).
 */
export function interleavedMedians(
  runs: readonly ((i: number) => unknown)[],
  count: number,
  rounds: number,
  opts: { warmup?: number; batch?: boolean } = {},
): number[] {
  for (let w = 0; w < (opts.warmup ?? 5); w++) for (const run of runs) for (let i = 0; i < count; i++) run(i)
  const times: number[][] = runs.map(() => [])
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < runs.length; k++) {
      const which = (k + round) % runs.length
      const run = runs[which]
      if (opts.batch) {
        const t0 = performance.now()
        for (let i = 0; i < count; i++) run(i)
        times[which].push((performance.now() - t0) / count)
      } else
        for (let i = 0; i < count; i++) {
          const t0 = performance.now()
          run(i)
          times[which].push(performance.now() - t0)
        }
    }
  return times.map(median)
}
