// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { auditEvent } from "~lib/audit/audit-event.test-helper"
import type { AuditEvent } from "~lib/audit/model"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { PhrasingRule } from "~lib/phrasing/types"

import { allByTestId, byTestId, click, typeInto, waitFor } from "../component.test-helper"
import { openReview } from "./review.test-helper"
import { ruleTitle } from "./labels"
import { formFromRule, formProblems, ruleFromForm, ruleMatches, switchGuardMode } from "./rule-workbench"

const NOW = Date.now()
const rule = (id: string) => DEFAULT_PHRASEBOOK.rules.find((r) => r.id === id)!

const ev = (id: string, ruleId: string) =>
  auditEvent({
    id,
    at: NOW - 3_600_000,
    ruleId,
    phrasebookVersion: DEFAULT_PHRASEBOOK.version,
    excerpt: "不行，电话138****5678",
  })

async function setup(events: AuditEvent[]) {
  const view = await openReview({ events, now: () => NOW })
  return view.container
}

describe("rule titles on the review page", () => {
  it("shows Chinese titles in the rule filter and tables, the id only as a detail", async () => {
    const c = await setup([ev("e1", "refusal-buxing"), ev("e2", "refusal-retired")])
    await waitFor(() => expect(allByTestId(c, "qa-rule-row")).toHaveLength(2))
    const row = c.querySelector('[data-testid="qa-rule-row"][data-rule-id="refusal-buxing"]')!
    expect(row.querySelector('[data-testid="qa-rule-title"]')!.textContent).toBe("开口就说“不行”")
    expect(row.querySelector("code")!.textContent).toBe("refusal-buxing")
    const filter = byTestId<HTMLSelectElement>(c, "qa-filter-rule")
    const labels = [...filter.options].map((o) => [o.value, o.textContent])
    expect(labels).toContainEqual(["refusal-buxing", "开口就说“不行”"])
    // An id the book in force does not know (a rule of an older book) shows as it is.
    expect(labels).toContainEqual(["refusal-retired", "refusal-retired"])
    const retired = c.querySelector('[data-testid="qa-rule-row"][data-rule-id="refusal-retired"]')!
    expect(retired.querySelector('[data-testid="qa-rule-title"]')).toBeNull()
    expect(retired.querySelector("th")!.textContent).toBe("refusal-retired")
    const eventTitles = allByTestId(c, "qa-event-row").map(
      (r) => r.querySelector('[data-testid="qa-rule-title"]')?.textContent ?? null,
    )
    expect(eventTitles.sort()).toEqual(["开口就说“不行”", null].sort())
  })

  it("falls back to the category's name and the first trigger for an untitled rule", () => {
    const { title: _t, ...untitled } = rule("refusal-meibanfa")
    expect(ruleTitle(untitled)).toBe("生硬拒绝：^没办法")
    expect(ruleTitle(rule("refusal-meibanfa"))).toBe("“没办法”")
  })
})

describe("rule picker", () => {
  it("groups rules by category under their titles and narrows them by a search", async () => {
    const c = await setup([])
    const pick = await waitFor(() => byTestId<HTMLSelectElement>(c, "rule-pick"))
    const groups = [...pick.querySelectorAll("optgroup")].map((g) => g.label)
    expect(groups).toEqual([
      "生硬拒绝",
      "推诿扯皮",
      "不耐烦",
      "含糊不清",
      "不礼貌",
      "过度承诺",
      "先解决客户问题（十）",
    ])
    expect(pick.querySelectorAll("option[data-rule-id]")).toHaveLength(DEFAULT_PHRASEBOOK.rules.length)
    expect(pick.querySelector('option[data-rule-id="blame-xitong-beng"]')!.textContent).toBe("甩锅“系统崩了”")

    // By title, by trigger or by id; the picked rule stays in the list.
    await typeInto(byTestId(c, "rule-search"), "系统崩")
    const shown = () =>
      [...pick.querySelectorAll("option[data-rule-id]")].map((o) => o.getAttribute("data-rule-id"))
    await waitFor(() => expect(shown()).toEqual(["refusal-buxing", "blame-xitong-beng"]))
    expect(byTestId(c, "rule-search-count").textContent).toBe("找到 1 条规则")
    await typeInto(pick, String(DEFAULT_PHRASEBOOK.rules.findIndex((r) => r.id === "blame-xitong-beng")))
    await waitFor(() => expect(byTestId(c, "rule-pick-id").textContent).toBe("编号 blame-xitong-beng"))
    expect(byTestId<HTMLInputElement>(c, "rule-title").value).toBe("甩锅“系统崩了”")
    await typeInto(byTestId(c, "rule-search"), "没有这种说法")
    await waitFor(() =>
      expect(byTestId(c, "rule-search-count").textContent).toBe("没有匹配“没有这种说法”的规则"),
    )
  })

  it("matches title, id and triggers, case-insensitively", () => {
    const r = rule("uncertainty-bu-zhidao")
    expect(ruleMatches(r, "“不知道”")).toBe(true)
    expect(ruleMatches(r, "UNCERTAINTY-BU")).toBe(true)
    expect(ruleMatches(r, "不知道")).toBe(true)
    expect(ruleMatches(r, "系统崩")).toBe(false)
  })
})

describe("guards as plain phrases", () => {
  const base: PhrasingRule = { ...rule("refusal-buxing"), guards: undefined }

  it("opens a rule with literal guards as phrases and one with real regexes in advanced mode", () => {
    const plain = formFromRule({ ...base, guards: { after: [".*?帮您\\(查\\)"] } })
    expect(plain.guardMode).toBe("plain")
    expect(plain.guardsAfter).toBe("帮您(查)")
    const regex = formFromRule(rule("rudeness-ni-ziji-kan")) // .*?(?:帮您|为您|…)
    expect(regex.guardMode).toBe("regex")
    expect(regex.guardsAfter).toBe(rule("rudeness-ni-ziji-kan").guards!.after![0])
  })

  it("turns typed phrases into escaped patterns, so metacharacters match literally", () => {
    const form = { ...formFromRule(base), guardsAfter: "满意吗？(1.)\n帮您", guardsSentence: "a.b" }
    const out = ruleFromForm(form, base)
    expect(out.guards).toEqual({ after: [".*?满意吗？\\(1\\.\\)", ".*?帮您"], sentence: ["a\\.b"] })
  })

  it("switches between phrases and regexes, refusing when a regex has no plain form", () => {
    const form = { ...formFromRule(base), guardsBefore: "已(核实)" }
    const regex = switchGuardMode(form, "regex")!
    expect(regex.guardsBefore).toBe("已\\(核实\\).*?")
    expect(switchGuardMode(regex, "plain")!.guardsBefore).toBe("已(核实)")
    expect(switchGuardMode({ ...regex, guardsBefore: "(?:已|正在)核实.*?" }, "plain")).toBeNull()
  })

  it("points a broken regex or trigger at its field and line", () => {
    const form = {
      ...formFromRule(base),
      guardMode: "regex" as const,
      guardsAfter: "帮您\n(帮您",
      triggers: "不行\n…不行",
    }
    const problems = formProblems(form)
    expect(problems.guardsAfter).toEqual([
      {
        line: 2,
        value: "(帮您",
        problem: expect.objectContaining({ zh: expect.stringContaining("右括号") }),
      },
    ])
    expect(problems.triggers?.[0]).toMatchObject({ line: 2, value: "…不行" })
    // The same text as a plain phrase is fine: it is matched literally.
    expect(formProblems({ ...form, guardMode: "plain", triggers: "不行" })).toEqual({})
  })

  it("shows the problem under the field in the editor", async () => {
    const c = await setup([])
    // A rule without guards opens in plain-phrase mode; built-in regex guards open in advanced mode.
    const pick = await waitFor(() => byTestId<HTMLSelectElement>(c, "rule-pick"))
    expect(byTestId<HTMLInputElement>(c, "rule-regex-mode").checked).toBe(true) // refusal-buxing
    await typeInto(
      pick,
      String(DEFAULT_PHRASEBOOK.rules.findIndex((r) => r.id === "refusal-zhao-shui-meiyong")),
    )
    await waitFor(() => expect(byTestId<HTMLInputElement>(c, "rule-regex-mode").checked).toBe(false))
    await click(byTestId(c, "rule-regex-mode"))
    await typeInto(byTestId(c, "rule-guardsSentence"), "(稍等")
    const note = await waitFor(() => byTestId(c, "rule-guardsSentence-problems"))
    expect(note.textContent).toBe(
      "第 1 行“(稍等”：不是有效的正则表达式：左括号“(”没有对应的右括号“)”。只想匹配字面文字时，请关闭“高级：正则表达式”，直接写词语。",
    )
    expect(byTestId(c, "rule-guardsSentence").getAttribute("aria-invalid")).toBe("true")
    expect(byTestId<HTMLButtonElement>(c, "rule-publish").disabled).toBe(true)
    // A broken regex cannot become plain words: the switch refuses and keeps what was typed.
    await click(byTestId(c, "rule-regex-mode"))
    await waitFor(() => byTestId(c, "rule-guard-mode-note"))
    expect(byTestId<HTMLInputElement>(c, "rule-regex-mode").checked).toBe(true)
    expect(byTestId<HTMLTextAreaElement>(c, "rule-guardsSentence").value).toBe("(稍等")
    // Fixed (the bracket escaped), the problem goes and the guard reads back as the plain words.
    await typeInto(byTestId(c, "rule-guardsSentence"), "\\(稍等")
    await waitFor(() => expect(c.querySelector('[data-testid="rule-guardsSentence-problems"]')).toBeNull())
    await click(byTestId(c, "rule-regex-mode"))
    await waitFor(() => expect(byTestId<HTMLInputElement>(c, "rule-regex-mode").checked).toBe(false))
    expect(byTestId<HTMLTextAreaElement>(c, "rule-guardsSentence").value).toBe("(稍等")
    expect(c.querySelector('[data-testid="rule-guard-mode-note"]')).toBeNull()
  })
})
