/**
 * Test helper: how much more CPU a 10× larger input costs. Linear work gives ~10, quadratic ~100.
 * CPU time of this process (not wall time, which mostly measures whatever else the machine runs),
 * the minimum of interleaved runs, with the small run floored so timer granularity cannot inflate it.
 */
import { cpuUsage } from "node:process"

function cpuMs(run: () => unknown): number {
  const before = cpuUsage()
  run()
  const used = cpuUsage(before)
  return (used.user + used.system) / 1000
}

export function growthRatio(fn: (input: string) => unknown, small: string, big: string, rounds = 3): number {
  fn(small) // warm-up: JIT and caches
  let bestSmall = Infinity
  let bestBig = Infinity
  for (let i = 0; i < rounds; i++) {
    bestSmall = Math.min(
      bestSmall,
      cpuMs(() => fn(small)),
      cpuMs(() => fn(small)),
    )
    bestBig = Math.min(
      bestBig,
      cpuMs(() => fn(big)),
    )
  }
  return bestBig / Math.max(bestSmall, 2)
}
