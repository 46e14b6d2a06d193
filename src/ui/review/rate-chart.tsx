/** Rates per day as an inline SVG line chart, built from React elements (no chart library, no HTML strings). */
import type { DayRow } from "~lib/audit/aggregate"

import { useT } from "../locale"
import { percent } from "./labels"

const W = 640
const H = 200
const PAD = { left: 40, right: 12, top: 12, bottom: 28 }

type RateKey = "appliedRate" | "dismissedRate" | "wrongRate"

export const SERIES: {
  key: RateKey
  color: string
  dash?: string
  label: "qaAppliedRate" | "qaDismissedRate" | "qaWrongReports"
}[] = [
  { key: "appliedRate", color: "#1a7f37", label: "qaAppliedRate" },
  { key: "dismissedRate", color: "#b26a00", dash: "6 3", label: "qaDismissedRate" },
  { key: "wrongRate", color: "#c62828", dash: "2 3", label: "qaWrongReports" },
]

/** Consecutive points with a defined rate; a day with nothing shown breaks the line. */
export function segments(days: readonly DayRow[], key: RateKey): [number, number][][] {
  const out: [number, number][][] = []
  let current: [number, number][] = []
  days.forEach((d, i) => {
    const v = d.tally[key]
    if (v !== null) current.push([i, v])
    else if (current.length) {
      out.push(current)
      current = []
    }
  })
  if (current.length) out.push(current)
  return out
}

export function RateChart({ days }: { days: readonly DayRow[] }) {
  const t = useT()
  if (days.length === 0) return null
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (days.length === 1 ? plotW / 2 : (i * plotW) / (days.length - 1))
  const y = (rate: number) => PAD.top + plotH - Math.min(1, Math.max(0, rate)) * plotH
  // Counted back from the last day, so today is always labelled and labels never collide.
  const labelEvery = Math.max(1, Math.ceil(days.length / 8))
  return (
    <figure className="qa-chart" data-testid="qa-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("qaChartLabel")} width="100%">
        <title>{t("qaChartLabel")}</title>
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(r)} y2={y(r)} stroke="#d0d7de" strokeWidth={1} />
            <text x={PAD.left - 4} y={y(r) + 4} textAnchor="end" fontSize={12} fill="#636c76">
              {`${r * 100}%`}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          (days.length - 1 - i) % labelEvery === 0 ? (
            <text key={d.day} x={x(i)} y={H - 8} textAnchor="middle" fontSize={12} fill="#636c76">
              {d.day.slice(5)}
            </text>
          ) : null,
        )}
        {SERIES.map((s) => (
          <g key={s.key} data-testid={`qa-series-${s.key}`}>
            {segments(days, s.key).map((seg) => (
              <polyline
                key={seg[0][0]}
                points={seg.map(([i, v]) => `${x(i)},${y(v)}`).join(" ")}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dash}
              />
            ))}
            {days.map((d, i) => {
              const v = d.tally[s.key]
              return v === null ? null : (
                <circle key={d.day} cx={x(i)} cy={y(v)} r={3} fill={s.color} data-testid="qa-chart-point">
                  <title>{`${d.day} ${t(s.label)}: ${percent(v)} (${d.tally.shown})`}</title>
                </circle>
              )
            })}
          </g>
        ))}
      </svg>
      <figcaption className="qa-legend">
        {SERIES.map((s) => (
          <span key={s.key} className="qa-legend-item">
            <svg width={22} height={8} aria-hidden="true">
              <line x1={0} x2={22} y1={4} y2={4} stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} />
            </svg>{" "}
            {t(s.label)}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
