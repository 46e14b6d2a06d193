import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { CASE_MODEL } from "./case-model.data"
import { loadCaseCorpus } from "../../../scripts/case-corpus"
import { parseCorpusFile, type CorpusItem } from "./corpus"
import { CASE_TYPES } from "./model"
import { renderModelModule } from "./model-module"
import { trainCaseModel } from "./train-case-model"

const DIR = join(process.cwd(), "corpus", "cases")

/** The corpus as the training script reads it. */
function loadCorpus(): CorpusItem[] {
  return loadCaseCorpus(process.cwd())
}

describe("the case corpus", () => {
  const items = loadCorpus()

  it("has at least 1,500 labelled items, each with a source and a style", () => {
    expect(items.filter((i) => i.split !== "holdout").length).toBeGreaterThanOrEqual(1500)
    expect(items.filter((i) => i.split === "holdout").length).toBeGreaterThanOrEqual(30)
    for (const i of items) {
      expect(i.source, `${i.file}:${i.line}`).toMatch(/\S/)
      expect(i.style, `${i.file}:${i.line}`).toMatch(/\S/)
    }
  })

  it("has no duplicate tickets (a duplicate across splits would flatter the test figures)", () => {
    const seen = new Map<string, string>()
    for (const i of items) {
      const key = `${i.title}|${i.text}`.replace(/\s+/g, "")
      expect(seen.get(key), `${i.file}:${i.line} repeats ${seen.get(key) ?? ""}`).toBeUndefined()
      seen.set(key, `${i.file}:${i.line}`)
    }
  })

  it("holds every type in both splits, in several styles", () => {
    for (const t of CASE_TYPES) {
      const of = items.filter((i) => i.type === t)
      expect(of.filter((i) => i.split === "train").length, t).toBeGreaterThanOrEqual(60)
      expect(of.filter((i) => i.split === "test").length, t).toBeGreaterThanOrEqual(10)
      expect(new Set(of.map((i) => i.style)).size, t).toBeGreaterThanOrEqual(4)
    }
  })

  it("rejects malformed files with the line", () => {
    expect(() => parseCorpusFile("x/破损.txt", "没有来源的一行")).toThrow(/破损.txt:1/)
    expect(() => parseCorpusFile("x/其他.txt", "")).toThrow(/not a case type/)
    expect(() => parseCorpusFile("x/破损.txt", "@source s\n@style chat\n碎了 ~~ 别的")).toThrow(
      /unknown type/,
    )
    const [item] = parseCorpusFile("x/破损.txt", "@source s\n@style ticket\n咨询 || 杯子碎了 ~~ 理赔")
    expect(item).toMatchObject({ type: "破损", title: "咨询", text: "杯子碎了", also: ["理赔"], line: 3 })
  })
})

describe("the shipped case model", () => {
  it("is exactly what `npm run train:case` produces from the corpus", () => {
    const result = trainCaseModel(loadCorpus())
    expect(result.model).toEqual(CASE_MODEL)
    expect(renderModelModule(result.model)).toBe(
      readFileSync(join(process.cwd(), "src", "lib", "cases", "case-model.data.ts"), "utf8"),
    )
    // The report in the repo is the one this run writes.
    expect(readFileSync(join(DIR, "REPORT.md"), "utf8")).toBe(result.report)
    // The bar, on our own held-out split (real tickets are the final judge).
    expect(result.testAccuracy).toBeGreaterThanOrEqual(0.8)
    expect(result.testAcceptable).toBeGreaterThanOrEqual(0.9)
    expect(result.ece).toBeLessThan(0.08)
    expect(result.holdoutAcceptable).toBeGreaterThanOrEqual(0.8)
  })
})
