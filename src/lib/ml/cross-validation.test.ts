import { describe, expect, it } from "vitest"

import {
  argmax,
  classScores,
  confusionMatrix,
  crossValidate,
  displayWidth,
  formatConfusion,
  stratifiedFolds,
} from "./cross-validation"

describe("stratifiedFolds", () => {
  it("spreads each class evenly and is deterministic", () => {
    const labels = [...Array(30).fill(0), ...Array(9).fill(1), ...Array(6).fill(2)] as number[]
    const folds = stratifiedFolds(labels, 3, 5)
    expect(stratifiedFolds(labels, 3, 5)).toEqual(folds)
    for (const y of [0, 1, 2]) {
      const per = [0, 1, 2].map((f) => labels.filter((l, i) => l === y && folds[i] === f).length)
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1)
    }
    expect(() => stratifiedFolds(labels, 1, 5)).toThrow()
  })
})

describe("crossValidate", () => {
  it("never trains on the item it scores, and reports accuracy", () => {
    const labels = [0, 1, 0, 1, 0, 1, 0, 1]
    const cv = crossValidate(labels, 4, 1, (train, test) => {
      for (const t of test) expect(train).not.toContain(t)
      // A "model" that predicts the majority label of its training set.
      const ones = train.filter((i) => labels[i] === 1).length
      return test.map(() => (ones * 2 > train.length ? [0, 1] : [1, 0]))
    })
    expect(cv.scores).toHaveLength(8)
    expect(cv.foldAccuracy).toHaveLength(4)
    expect(cv.accuracy).toBe(0.5)
  })

  it("rejects a fitPredict that returns the wrong count", () => {
    expect(() => crossValidate([0, 1, 0, 1], 2, 1, () => [])).toThrow(/wrong number/)
  })
})

describe("confusion table", () => {
  it("counts truth × prediction and derives precision / recall", () => {
    const m = confusionMatrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], 2)
    expect(m).toEqual([
      [1, 1],
      [1, 2],
    ])
    const s = classScores(m)
    expect(s[1].recall).toBeCloseTo(2 / 3)
    expect(s[1].precision).toBeCloseTo(2 / 3)
    expect(s[0].support).toBe(2)
    const text = formatConfusion(["破损", "delay"], m)
    expect(text).toContain("破损")
    expect(text.split("\n")).toHaveLength(4)
    expect(argmax([0.1, 0.7, 0.2])).toBe(1)
    expect(displayWidth("破损ab")).toBe(6)
  })
})
