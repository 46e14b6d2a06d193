/**
 * Calibration of predicted probabilities: temperature scaling fitted on held-out scores, and
 * the reliability table that shows whether "0.9" is right about nine times in ten.
 */
import { softmax } from "./logreg"

/**
 * The temperature T minimising the mean negative log-likelihood of `labels` under
 * softmax(logits / T), by golden-section search on log T in [minT, maxT]. Deterministic.
 */
export function fitTemperature(
  logits: readonly ArrayLike<number>[],
  labels: readonly number[],
  minT = 0.05,
  maxT = 20,
): number {
  if (logits.length === 0) return 1
  const nll = (logT: number) => {
    const t = Math.exp(logT)
    let sum = 0
    logits.forEach((z, i) => (sum -= Math.log(Math.max(softmax(z, t)[labels[i]], 1e-12))))
    return sum / logits.length
  }
  const phi = (Math.sqrt(5) - 1) / 2
  let a = Math.log(minT)
  let b = Math.log(maxT)
  let c = b - phi * (b - a)
  let d = a + phi * (b - a)
  let fc = nll(c)
  let fd = nll(d)
  for (let i = 0; i < 60; i++) {
    if (fc <= fd) {
      b = d
      d = c
      fd = fc
      c = b - phi * (b - a)
      fc = nll(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + phi * (b - a)
      fd = nll(d)
    }
  }
  return Number(Math.exp((a + b) / 2).toPrecision(6))
}

/** One row of a reliability table: predictions whose confidence fell in `[from, to)`. */
export interface ReliabilityBin {
  from: number
  to: number
  count: number
  /** Mean stated confidence in the bin (0 when empty). */
  confidence: number
  /** Share of the bin's predictions that were right (0 when empty). */
  accuracy: number
}

/** Default bin edges: 0–0.5 together (rarely used), then tenths. */
export const DEFAULT_RELIABILITY_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1]

/**
 * Groups predictions by stated confidence and compares with how often they were right.
 * The last bin includes 1.0.
 */
export function reliabilityTable(
  confidences: readonly number[],
  correct: readonly boolean[],
  edges: readonly number[] = DEFAULT_RELIABILITY_EDGES,
): ReliabilityBin[] {
  const bins = edges
    .slice(0, -1)
    .map((from, i) => ({ from, to: edges[i + 1], count: 0, sumConf: 0, right: 0 }))
  confidences.forEach((p, i) => {
    let at = bins.findIndex((b) => p >= b.from && p < b.to)
    if (at < 0) at = p >= edges[edges.length - 1] ? bins.length - 1 : 0
    const bin = bins[at]
    bin.count++
    bin.sumConf += p
    if (correct[i]) bin.right++
  })
  return bins.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.count,
    confidence: b.count ? b.sumConf / b.count : 0,
    accuracy: b.count ? b.right / b.count : 0,
  }))
}

/** Expected calibration error: the count-weighted mean |accuracy − confidence| over the bins. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((n, b) => n + b.count, 0)
  if (!total) return 0
  return bins.reduce((s, b) => s + (b.count / total) * Math.abs(b.accuracy - b.confidence), 0)
}

/** The reliability table as Markdown. */
export function formatReliability(bins: readonly ReliabilityBin[]): string {
  const lines = ["| confidence | items | mean confidence | right |", "|---|---:|---:|---:|"]
  for (const b of bins) {
    const right = b.count ? `${(b.accuracy * 100).toFixed(1)}%` : "–"
    const conf = b.count ? b.confidence.toFixed(3) : "–"
    lines.push(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.count} | ${conf} | ${right} |`)
  }
  lines.push(`\nECE ${(expectedCalibrationError(bins) * 100).toFixed(2)}%`)
  return lines.join("\n")
}
