import { describe, expect, it } from "vitest"

import { compilePhrasebook } from "./compile"
import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { lintPhrasing } from "./lint"
import type { Phrasebook, PhrasingRule } from "./types"

const ids = (text: string, book?: Phrasebook): string[] => lintPhrasing(text, book).map((f) => f.ruleId)
const spans = (text: string): string[] => lintPhrasing(text).map((f) => f.text)

describe("lintPhrasing: sentences from the issue", () => {
  it("flags 不行，这个我们没办法 twice", () => {
    const findings = lintPhrasing("不行，这个我们没办法")
    expect(findings.map((f) => f.category)).toEqual(["refusal", "refusal"])
    expect(findings.map((f) => f.text)).toEqual(["不行", "我们没办法"])
  })

  it("does not flag a conditional 不行的话", () => {
    expect(lintPhrasing("不行的话我再帮您联系网点")).toEqual([])
  })

  it("does not flag quoted customer speech", () => {
    expect(lintPhrasing("客户说'你们这个不行'")).toEqual([])
  })

  it("flags 这个不归我管，你去找网点 as blame-shifting", () => {
    const findings = lintPhrasing("这个不归我管，你去找网点")
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((f) => f.category === "blame-shifting")).toBe(true)
    expect(findings[0]).toMatchObject({ ruleId: "blame-bu-gui-wo-guan", start: 2, end: 6, text: "不归我管" })
  })

  it("flags holding goods over transfer fees as held-over-fees", () => {
    const findings = lintPhrasing("中转费没结清，货先扣着")
    expect(findings.map((f) => [f.category, f.severity, f.text])).toEqual([
      ["held-over-fees", "forbidden", "货先扣着"],
    ])
    expect(findings[0].message.zh).toContain("（十）")
  })
})

describe("lintPhrasing: guards", () => {
  it.each([
    ["“…” quotes", "您反映派件员说“爱要不要”，我们已经登记。"],
    ["「…」 quotes", "快递员当时回复「不关我的事」，这个我们会严肃处理。"],
    ['"…" quotes', '派件员回了一句"你自己过来拿"，我们已登记。'],
    ["reported speech without quotes", "客户说你们这个不行，我已经帮他加急了。"],
    ["您 as subject", "您不知道运单号也没关系。"],
    ["polite 不知道您 question", "不知道您现在方便接听吗？"],
    ["行不行 question", "改到明天送行不行？"],
    ["可不可以 question", "您看明天上午派送可不可以？"],
    ["double negation", "不是不行，需要您补一下收件人电话。"],
    ["honest negative + remedy", "没办法当场确认，我两小时内回复您。"],
    ["honest negative + time", "没办法按时送达，非常抱歉，预计明天中午前送到。"],
    ["不清楚 + verification", "这个我不太清楚，请您稍等，我帮您问问。"],
    ["尽快 + a concrete time", "我们会尽快处理，今天18点前给您回复。"],
    ["不是您的错", "这不是您的错，我马上帮您处理。"],
    ["跟您没关系", "这跟您没关系，运费由我们承担。"],
    ["reassurance 不可能让您", "您放心，不可能让您承担这笔运费。"],
    ["concessive 不管…都", "不管是哪个环节的问题，我们都会先处理。"],
    ["不能保证 honest negative", "我们不能保证全额赔偿，我先为您登记理赔。"],
    ["word containing 不行", "车辆不行驶时请熄火。"],
    ["rule (十) followed", "我们不会因为中转费扣货，今天就为您派送。"],
  ])("%s", (_name, text) => {
    expect(spans(text)).toEqual([])
  })

  it("flags the same words without the guard", () => {
    expect(ids("你不知道运单号吗？不知道。")).toContain("uncertainty-bu-zhidao")
    expect(ids("这不是我的错。")).toEqual(["blame-bushi-wo-cuo"])
    expect(ids("这个我不清楚。")).toEqual(["uncertainty-bu-qingchu"])
    expect(ids("我们会尽快处理。")).toEqual(["uncertainty-jinkuai"])
    expect(ids("我们保证全额赔偿。")).toEqual(["overpromise-quan-e-pei"])
  })

  it("ends a quotation at its closing mark", () => {
    expect(ids("他说“好的”。不关我的事。")).toEqual(["blame-bu-guan-wo-shi"])
    expect(ids("it's fine，不关我的事")).toEqual(["blame-bu-guan-wo-shi"])
  })

  it("checks guards only in the hit's own sentence", () => {
    // The remedy is in the next sentence, so the refusal stands.
    expect(ids("没办法。我帮您问问网点。")).toEqual(["refusal-meibanfa"])
    expect(ids("我们会尽快处理。明天18点前回复。")).toEqual(["uncertainty-jinkuai"])
  })
})

describe("lintPhrasing: matching", () => {
  it("anchors ^ at a clause start and $ at a clause end", () => {
    expect(ids("好的，不行。")).toEqual(["refusal-buxing"])
    expect(ids("暂时不行。")).toEqual([])
    expect(ids("不能。")).toEqual(["refusal-bare-buneng"])
    expect(ids("不能这样操作，请您改用保价。")).toEqual([])
  })

  it("matches a gapped trigger across a short gap, not across a sentence end or a long gap", () => {
    expect(spans("这个不归我们客服部管。")).toEqual(["不归我们客服部管"])
    expect(spans("不归。我们管")).toEqual([])
    expect(spans("不归一二三四五六七八九十管")).toEqual([])
  })

  it("folds case and full-width ASCII", () => {
    expect(ids("系统出BUG了，等一下。")).toEqual(["blame-xitong-beng"])
    expect(ids("系统出ｂｕｇ了。")).toEqual(["blame-xitong-beng"])
    expect(ids("这次１００％没问题。")).toEqual(["overpromise-baifenbai"])
  })

  it("keeps the longer rule when two overlap", () => {
    // 我也没办法 (forbidden) contains 没办法; 你自己看着办 contains 你自己看.
    expect(ids("我也没办法。")).toEqual(["refusal-wo-ye-meibanfa"])
    expect(ids("你自己看着办吧。")).toEqual(["rudeness-suibian-ni"])
    expect(ids("签收了就不归我们管了。")).toEqual(["blame-qianshou-buguan"])
  })

  it("prefers the more severe rule for equal spans", () => {
    const rule = (id: string, severity: PhrasingRule["severity"]): PhrasingRule => ({
      id,
      category: "refusal",
      severity,
      triggers: ["不行"],
      message: { zh: "（四）", en: "(四)" },
      replacements: ["好的"],
      examples: { blunt: ["不行"], polite: ["好的"] },
    })
    const book: Phrasebook = {
      id: "t",
      version: "2026.11.0",
      title: "t",
      rules: [rule("a-hint", "hint"), rule("b-forbidden", "forbidden"), rule("c-warning", "warning")],
    }
    expect(ids("不行", book)).toEqual(["b-forbidden"])
  })

  it("handles several sentences, mixed English and full-width punctuation", () => {
    const text =
      "您好！Your parcel SF1234567890 is in transit。不行，这个改不了！我也不知道什么时候到？OK，你自己查吧。"
    const findings = lintPhrasing(text)
    expect(findings.map((f) => f.ruleId)).toEqual([
      "refusal-buxing",
      "uncertainty-wo-bu-zhidao",
      "rudeness-ni-ziji-cha",
    ])
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text)
  })

  it("handles surrogate pairs around hits", () => {
    const text = "😀不关我的事😀"
    const [f] = lintPhrasing(text)
    expect(f.text).toBe("不关我的事")
    expect(f.start).toBe(2)
  })

  it("finds every sprinkled phrase in a long polite draft", () => {
    const polite = "您好，您的快件已到达杭州中转站，我们会在今天18点前为您安排派送，请您保持电话畅通。"
    const blunt = ["这不关我的事。", "你自己查吧。", "中转费没付清之前货不能放。"]
    let text = ""
    while (text.length < 2000) text += polite + blunt[((text.length / 40) % 3) | 0]
    const findings = lintPhrasing(text)
    expect(text.length).toBeGreaterThanOrEqual(2000)
    const occurrences = blunt.reduce((n, b) => n + text.split(b).length - 1, 0)
    expect(findings.length).toBe(occurrences)
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(
      new Set(["blame-bu-guan-wo-shi", "rudeness-ni-ziji-cha", "rule10-zhongzhuan-fei"]),
    )
  })

  it("returns findings with the rule's metadata", () => {
    const [f] = lintPhrasing("我哪知道。")
    const rule = DEFAULT_PHRASEBOOK.rules.find((r) => r.id === f.ruleId)
    expect(f).toEqual({
      ruleId: "uncertainty-zenme-zhidao",
      start: 0,
      end: 4,
      text: "我哪知道",
      category: "uncertainty",
      severity: "forbidden",
      message: rule?.message,
      replacements: rule?.replacements,
    })
  })

  it("returns nothing for empty or clean text", () => {
    expect(lintPhrasing("")).toEqual([])
    expect(lintPhrasing("您好，请问有什么可以帮您？")).toEqual([])
  })
})

describe("compilePhrasebook", () => {
  it("compiles once per book object", () => {
    expect(compilePhrasebook(DEFAULT_PHRASEBOOK)).toBe(compilePhrasebook(DEFAULT_PHRASEBOOK))
    const copy = structuredClone(DEFAULT_PHRASEBOOK)
    expect(compilePhrasebook(copy)).not.toBe(compilePhrasebook(DEFAULT_PHRASEBOOK))
    expect(ids("不关我的事", copy)).toEqual(["blame-bu-guan-wo-shi"])
  })

  it("throws on an invalid trigger or regex", () => {
    const base = DEFAULT_PHRASEBOOK.rules[0]
    const book = (rule: PhrasingRule): Phrasebook => ({ ...DEFAULT_PHRASEBOOK, rules: [rule] })
    expect(() => compilePhrasebook(book({ ...base, triggers: ["…不行"] }))).toThrow(/refusal-buxing/)
    expect(() => compilePhrasebook(book({ ...base, guards: { after: ["(unclosed"] } }))).toThrow()
  })
})
