import { describe, expect, it } from "vitest"

import { FeatureBag, forEachCharNgram } from "./features"
import { logits, predictProba, rowOf, topFeatures, trainLogReg } from "./logreg"
import { fromBase64, packModel, toBase64, unpackModel } from "./serialize"

describe("base64", () => {
  it("round-trips every length and matches the standard encoding", () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff)
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes])
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"))
    }
    expect(() => fromBase64("ab$c")).toThrow(/base64/)
  })
})

describe("packModel / unpackModel", () => {
  const DIM = 1 << 20
  const vec = (t: string) => {
    const bag = new FeatureBag(DIM)
    forEachCharNgram(t, 1, 2, (g) => bag.add(g))
    bag.normalizeL2()
    return bag.vector()
  }
  const texts: [string, number][] = [
    ["破了", 0],
    ["碎了", 0],
    ["没到", 1],
    ["太慢", 1],
  ]
  const model = trainLogReg(
    texts.map(([t, y]) => ({ x: vec(t), y })),
    { classes: ["a", "b"], dim: DIM },
  )
  model.temperature = 1.2345678

  it("keeps predictions within quantisation error, with large indices", () => {
    const packed = unpackModel(JSON.parse(JSON.stringify(packModel(model))))
    expect(packed.classes).toEqual(["a", "b"])
    expect(packed.temperature).toBeCloseTo(1.2345678, 5)
    for (const [t] of texts) {
      const p = predictProba(model, vec(t))
      const q = predictProba(packed, vec(t))
      expect(Math.abs(p[0] - q[0])).toBeLessThan(0.02)
    }
    for (const [idx, row] of model.rows) {
      const other = packed.rows.get(idx)
      if (other) expect(Math.abs(other[0] - row[0])).toBeLessThanOrEqual(packModel(model).scale / 2 + 1e-12)
    }
  })

  it("decodes into the dense table and the rows it lists, which agree (a re-pack is the same text)", () => {
    const packed = packModel(model)
    const dense = unpackModel(packed)
    // Row by row, what prediction reads (rowOf) is what `rows` lists, and nothing else has weights.
    expect(dense.rows.size).toBe(packed.rows)
    for (const [idx, row] of dense.rows) expect([...rowOf(dense, idx)!]).toEqual([...row])
    const absent = [...Array(64).keys()].find((i) => !dense.rows.has(i))!
    expect(rowOf(dense, absent)).toBeUndefined()
    expect(rowOf(dense, -1)).toBeUndefined()
    expect(JSON.stringify(packModel(dense))).toBe(JSON.stringify(packed))
    // The same scores and explanations as a model whose rows are a plain Map.
    const plain = { ...dense, rows: new Map(dense.rows) }
    for (const [t] of texts) {
      expect([...logits(dense, vec(t))]).toEqual([...logits(plain, vec(t))])
      expect(topFeatures(dense, vec(t), 0, 3, 1)).toEqual(topFeatures(plain, vec(t), 0, 3, 1))
    }
    // A bucket outside the model's feature space is corrupt data, not a silent miss.
    const outside = { ...packed, dim: 4 }
    expect(() => unpackModel(outside)).toThrow(/out of range/)
  })

  it("is deterministic text and maxRows keeps the strongest rows", () => {
    expect(JSON.stringify(packModel(model))).toBe(JSON.stringify(packModel(model)))
    const small = packModel(model, { maxRows: 2 })
    expect(small.rows).toBe(2)
    const kept = unpackModel(small)
    const strongest = Math.max(...[...model.rows.values()].map((r) => Math.max(...r.map(Math.abs))))
    const keptMax = Math.max(...[...kept.rows.values()].map((r) => Math.max(...r.map(Math.abs))))
    expect(keptMax).toBeCloseTo(strongest, 6)
  })

  it("rejects an unknown format and truncated data", () => {
    const packed = packModel(model)
    expect(() => unpackModel({ ...packed, format: "x" as "linear-int8/1" })).toThrow(/format/)
    expect(() => unpackModel({ ...packed, data: packed.data.slice(0, 8) })).toThrow(/truncated/)
  })
})
