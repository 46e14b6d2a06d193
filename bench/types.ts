/** One benchmark figure: ours and a baseline measured side by side in the same run, and their ratio. */
export interface BenchRow {
  /** What was measured, e.g. "lintPhrasing, 2,000-char draft, median". */
  name: string
  ours: number
  baseline: number
  /** What the baseline is, e.g. "naive loop over every rule's RegExp". */
  baselineName: string
  unit: string
  /** ours ÷ baseline */
  ratio: number
  /** e.g. "≤ 0.1" */
  goal?: string
  met?: boolean
}

export type BenchSuite = () => Promise<BenchRow[]>
