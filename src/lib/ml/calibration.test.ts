import { describe, expect, it } from "vitest"

import { expectedCalibrationError, fitTemperature, formatReliability, reliabilityTable } from "./calibration"
import { seededRandom } from "./rng"

describe("fitTemperature", () => {
  it("recovers the temperature that generated the labels", () => {
    // Labels drawn from softmax(z / 2.5): the fit should land near 2.5.
    const random = seededRandom(9)
    const logits: number[][] = []
    const labels: number[] = []
    for (let i = 0; i < 4000; i++) {
      const z = [random() * 8, random() * 8, random() * 8]
      const e = z.map((v) => Math.exp(v / 2.5))
      const sum = e.reduce((a, b) => a + b, 0)
      let r = random() * sum
      let y = 0
      while (r > e[y]) r -= e[y++]
      logits.push(z)
      labels.push(Math.min(y, 2))
    }
    const t = fitTemperature(logits, labels)
    expect(t).toBeGreaterThan(2.2)
    expect(t).toBeLessThan(2.8)
    expect(fitTemperature([], [])).toBe(1)
  })
})

describe("reliabilityTable", () => {
  it("bins confidences, includes 1.0 in the last bin, and measures the gap", () => {
    const conf = [0.95, 0.92, 1, 0.55, 0.3]
    const right = [true, false, true, true, false]
    const bins = reliabilityTable(conf, right)
    const top = bins[bins.length - 1]
    expect(top.count).toBe(3)
    expect(top.accuracy).toBeCloseTo(2 / 3)
    expect(bins[0].count).toBe(1)
    expect(bins[1].count).toBe(1)
    expect(expectedCalibrationError(bins)).toBeGreaterThan(0)
    expect(
      expectedCalibrationError(reliabilityTable([0.75, 0.75, 0.75, 0.75], [true, true, true, false])),
    ).toBeCloseTo(0)
    expect(formatReliability(bins)).toContain("| 0.9–1.0 | 3 |")
  })
})
