import { describe, expect, it } from "vitest"

import { FeatureBag, forEachCharNgram } from "./features"
import { seededRandom } from "./rng"
import {
  logits,
  predictProba,
  ranked,
  softmax,
  topFeatures,
  trainLogReg,
  type TrainingExample,
} from "./logreg"

const DIM = 1 << 14
const CLASSES = ["damage", "delay", "price"]

function vec(text: string) {
  const bag = new FeatureBag(DIM)
  forEachCharNgram(text, 1, 2, (g) => bag.add(g))
  bag.normalizeL2()
  return bag.vector()
}

const DATA: [string, number][] = [
  ["盒子破了", 0],
  ["东西摔坏了", 0],
  ["包装破损严重", 0],
  ["杯子碎了", 0],
  ["外箱压坏了", 0],
  ["怎么还没到", 1],
  ["都五天了还没送到", 1],
  ["太慢了还没到", 1],
  ["说好三天到现在还没到", 1],
  ["物流太慢", 1],
  ["寄到北京多少钱", 2],
  ["运费怎么算", 2],
  ["首重多少钱", 2],
  ["到上海几天到多少钱", 2],
  ["运费贵不贵", 2],
]
const EXAMPLES: TrainingExample[] = DATA.map(([t, y]) => ({ x: vec(t), y }))

describe("trainLogReg", () => {
  it("learns separable classes and generalises to unseen wording", () => {
    const model = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, epochs: 30 })
    EXAMPLES.forEach((ex) => expect(ranked(predictProba(model, ex.x))[0]).toBe(ex.y))
    expect(ranked(predictProba(model, vec("箱子压破了")))[0]).toBe(0)
    expect(ranked(predictProba(model, vec("寄过去多少钱")))[0]).toBe(2)
  })

  it("is deterministic for a seed and the seed matters", () => {
    const a = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, seed: 3 })
    const b = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, seed: 3 })
    const c = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, seed: 4 })
    expect([...a.rows.entries()].map(([i, r]) => [i, [...r]])).toEqual(
      [...b.rows.entries()].map(([i, r]) => [i, [...r]]),
    )
    expect([...a.bias]).toEqual([...b.bias])
    expect([...a.bias]).not.toEqual([...c.bias])
  })

  it("drops features below minDocFreq", () => {
    const all = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM })
    const pruned = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, minDocFreq: 3 })
    expect(pruned.rows.size).toBeLessThan(all.rows.size)
    expect(pruned.rows.size).toBeGreaterThan(0)
  })

  it("rejects bad input", () => {
    expect(() => trainLogReg([], { classes: CLASSES, dim: DIM })).toThrow(/no training/)
    expect(() => trainLogReg([{ x: vec("a"), y: 5 }], { classes: CLASSES, dim: DIM })).toThrow(/bad label/)
    expect(() => trainLogReg(EXAMPLES, { classes: ["one"], dim: DIM })).toThrow(/two classes/)
  })
})

describe("prediction helpers", () => {
  it("softmax sums to one, is stable for large scores, and temperature flattens it", () => {
    const p = softmax([1000, 999, 0])
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(p[0]).toBeGreaterThan(p[1])
    const flat = softmax([2, 0], 4)
    expect(flat[0]).toBeLessThan(softmax([2, 0])[0])
  })

  it("predictProba applies the model's temperature to the logits", () => {
    const model = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM })
    const x = vec("盒子破了")
    const z = logits(model, x)
    model.temperature = 2
    expect([...predictProba(model, x)]).toEqual([...softmax(z, 2)])
  })

  it("topFeatures equals sorting every positive contribution (property over random models)", () => {
    const random = seededRandom(5)
    for (let trial = 0; trial < 50; trial++) {
      const rows = new Map<number, Float64Array>()
      const idx: number[] = []
      const vals: number[] = []
      for (let i = 0; i < 40; i++) {
        rows.set(i * 3, Float64Array.from([random() - 0.5, random() - 0.5]))
        idx.push(i * 3, i * 3 + 1)
        vals.push(random(), random())
      }
      const model = { classes: ["a", "b"], dim: 256, bias: new Float64Array(2), rows, temperature: 1 }
      const x = { indices: Int32Array.from(idx), values: Float64Array.from(vals) }
      const all = idx
        .map((index, n) => ({ index, value: vals[n], contribution: (rows.get(index)?.[0] ?? 0) * vals[n] }))
        .filter((c) => c.contribution > 0)
        .sort((p, q) => q.contribution - p.contribution || p.index - q.index)
      const limit = 1 + (trial % 12)
      expect(topFeatures(model, x, 0, limit)).toEqual(all.slice(0, limit))
      // The Map path (a model too large for the lookup table) agrees.
      const big = { ...model, dim: 1 << 23 }
      expect(topFeatures(big, x, 0, limit)).toEqual(all.slice(0, limit))
      expect([...logits(big, x)]).toEqual([...logits(model, x)])
    }
  })

  it("topFeatures names the n-grams that pushed towards a class", () => {
    const model = trainLogReg(EXAMPLES, { classes: CLASSES, dim: DIM, epochs: 30 })
    const bag = new FeatureBag(DIM)
    forEachCharNgram("快递破了", 1, 2, (g, start, end) => bag.add(g, 1, { start, end }))
    bag.normalizeL2()
    const top = topFeatures(model, bag.vector(), 0, 3)
    expect(top.length).toBeGreaterThan(0)
    const names = top.map((t) => bag.nameOf(t.index))
    expect(names.some((n) => n === "破" || n === "破了")).toBe(true)
    for (let i = 1; i < top.length; i++)
      expect(top[i - 1].contribution).toBeGreaterThanOrEqual(top[i].contribution)
    const relative = topFeatures(model, bag.vector(), 0, 10, 1)
    for (const r of relative) expect(r.contribution).toBeGreaterThan(0)
  })
})
