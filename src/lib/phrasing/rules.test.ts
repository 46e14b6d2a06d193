import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
import { lintPhrasing } from "./lint"
import { replacementSlots } from "./replacement"
import { phrasebookSchema } from "./schema"
import { PHRASING_CATEGORIES, PHRASING_SEVERITIES } from "./types"

const rules = DEFAULT_PHRASEBOOK.rules

describe("default phrasebook: meta", () => {
  it("covers the research list (80+ rules) in every category", () => {
    expect(rules.length).toBeGreaterThanOrEqual(80)
    for (const category of PHRASING_CATEGORIES) {
      expect(rules.filter((r) => r.category === category).length, category).toBeGreaterThan(0)
    }
  })

  it("has unique kebab-case ids", () => {
    const ids = rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it.each(rules.map((r) => [r.id, r] as const))("%s is complete", (_id, rule) => {
    expect(rule.examples.blunt.length).toBeGreaterThanOrEqual(1)
    expect(rule.examples.polite.length).toBeGreaterThanOrEqual(1)
    expect(rule.replacements.length).toBeGreaterThanOrEqual(1)
    expect(rule.replacements.length).toBeLessThanOrEqual(3)
    expect(rule.message.zh.trim()).not.toBe("")
    expect(rule.message.en.trim()).not.toBe("")
    // The zh message is Chinese and the en message is not.
    expect(rule.message.zh).toMatch(/\p{Script=Han}/u)
    expect(rule.message.en).toMatch(/[A-Za-z]{3}/)
    expect(PHRASING_CATEGORIES).toContain(rule.category)
    expect(PHRASING_SEVERITIES).toContain(rule.severity)
    for (const r of rule.replacements) {
      // Slots are {name}: a stray brace means a typo the UI could not ask about.
      const braces = r.replace(/\{[^{}\s]{1,20}\}/g, "")
      expect(braces, r).not.toMatch(/[{}]/)
      for (const slot of replacementSlots(r)) expect(slot).not.toMatch(/[/|]/)
    }
  })

  it("cites a manual section in every message", () => {
    for (const rule of rules) {
      expect(rule.message.zh, rule.id).toMatch(/[（(][一二三四五六七八九十]+[）)]|\b2\.\d/u)
    }
  })

  it("passes phrasebookSchema", () => {
    const result = phrasebookSchema.safeParse(DEFAULT_PHRASEBOOK)
    expect(result.success ? [] : result.error.issues).toEqual([])
  })

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_PHRASEBOOK))).toEqual(DEFAULT_PHRASEBOOK)
  })
})

describe("default phrasebook: examples cross-matrix", () => {
  const blunt = rules.flatMap((r) => r.examples.blunt.map((text) => [r.id, text] as const))
  const polite = rules.flatMap((r) => r.examples.polite.map((text) => [r.id, text] as const))

  it.each(blunt)("%s flags its blunt example %s", (id, text) => {
    const findings = lintPhrasing(text)
    const own = findings.filter((f) => f.ruleId === id)
    expect(own.length, JSON.stringify(findings.map((f) => [f.ruleId, f.text]))).toBeGreaterThan(0)
    for (const f of own) {
      expect(text.slice(f.start, f.end)).toBe(f.text)
      expect(f.text.length).toBeGreaterThan(0)
    }
  })

  it.each(polite)("%s: polite example is flagged by no rule: %s", (_id, text) => {
    expect(lintPhrasing(text).map((f) => `${f.ruleId}:${f.text}`)).toEqual([])
  })
})

/** Lines from the research scenario scripts (1(b)) and the manuals: model wording, never flagged. */
const MODEL_WORDING = [
  "您好，[公司名称]客服，很高兴为您服务，请问有什么可以帮您？",
  "您好，对不起，让您久等了，请问有什么可以帮到您？",
  "为了帮您查询，麻烦您提供一下运单号好吗？",
  "我跟您核对一下：运单号SF1234567890，收件人张三，联系电话尾号1234，对吗？",
  "请您稍等，我帮您查询，听不到我的声音请不要挂机。",
  "我跟您确认一下：您的快件滞留在杭州中转站，您希望今天送达，我理解得对吗？",
  "非常抱歉，您刚才说的我不是很明白，麻烦您再讲一遍。",
  "我完全理解您的心情，如果是我遇到这种情况也会很着急。",
  "我查到您的快件昨天到达杭州站后暂未更新，非常抱歉耽误您的收货时间。我已联系站点核实并催促处理，将在24小时内给您反馈最新进展。",
  "非常抱歉快件出现破损。为了尽快帮您处理，麻烦您拍一下外包装（含面单）和破损物品的照片，请先不要丢弃外包装。",
  "我先核实签收信息，同时联系派送员确认，也麻烦您看看门卫、邻居或驿站是否代收；如仍未找到，我会立即为您启动调查程序，明天12点前回复您。",
  "您的诉求我已经完整记录。根据保价规则，目前可以为您申请赔付；如果您能提供购买凭证，我可以为您提交复核，结果会在3个工作日内答复您。",
  "这个问题需要调取中转站记录，我暂时无法马上答复。我已为您升级处理，会在2小时内给您明确答复，我的工号是1024。",
  "您说的这个问题我需要查询一下，可能需要10分钟，为了不影响您，请您先挂机，稍后我会回复给您，您看可以吗？",
  "不知我是否将您的问题解释清楚了？",
  "还有其他可以帮您的吗？感谢您的来电，祝您生活愉快，再见。",
  "时效仅供参考，具体以实际运输情况为准。",
  "嗯，是的，我明白了。",
  "请你再详细讲一次。",
  "不管是哪个环节的问题，我们都会先为您处理。",
  "我们无法保证明天一定送到，但已为您加急。",
]

describe("model wording from the manuals and scripts", () => {
  it.each(MODEL_WORDING)("is not flagged: %s", (text) => {
    expect(lintPhrasing(text).map((f) => `${f.ruleId}:${f.text}`)).toEqual([])
  })
})
