import { readdirSync, readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { trainTone } from "../../../../scripts/tone/train"
import { TONE_MODEL_DATA } from "./model-data"

// The shipped model must be exactly what `npm run train:tone` makes from the corpus in the repo.
describe("shipped tone model", () => {
  it("equals a fresh training run on corpus/tone (retrain with npm run train:tone)", () => {
    const dir = new URL("../../../../corpus/tone/", import.meta.url)
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => ({ name, content: readFileSync(new URL(name, dir), "utf8") }))
    const { data, report } = trainTone(files)
    expect(data.version).toBe(TONE_MODEL_DATA.version)
    expect(data.threshold).toBe(TONE_MODEL_DATA.threshold)
    expect(data.packed).toEqual(TONE_MODEL_DATA.packed)
    expect(report).toBe(readFileSync(new URL("REPORT.md", dir), "utf8"))
  }, 300_000)
})
