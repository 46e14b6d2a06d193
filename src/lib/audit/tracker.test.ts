import { describe, expect, it } from "vitest"

import { lintPhrasing } from "../phrasing/lint"
import type { PhrasingFinding } from "../phrasing/types"
import type { AuditEvent } from "./model"
import { auditEventSchema } from "./schema"
import { createSuggestionTracker, type TrackerContext, type TrackedDraft } from "./tracker"

const ctx: TrackerContext = {
  phrasebookVersion: "2026.11.0",
  agentWorkId: "A1024",
  agentName: "李娜",
  site: "https://crm.example.com",
  waybill: "SF1234567890123",
}

function setup() {
  let clock = 1_700_000_000_000
  let n = 0
  const tracker = createSuggestionTracker({ now: () => (clock += 1000), newId: () => `ev-${++n}` })
  let revision = 0
  const draft = (text: string, editorId = "ed1"): TrackedDraft => ({ editorId, text, revision: ++revision })
  /** Types `text`: one update with the real linter's findings. */
  const type = (text: string, editorId = "ed1") => {
    const d = draft(text, editorId)
    return { d, findings: lintPhrasing(text), events: tracker.update(ctx, d, lintPhrasing(text)) }
  }
  return { tracker, draft, type }
}

const outcomes = (events: AuditEvent[]) => events.map((e) => `${e.outcome}:${e.ruleId}`)
const find = (fs: PhrasingFinding[], ruleId: string) => {
  const f = fs.find((x) => x.ruleId === ruleId)
  if (!f) throw new Error(`no finding for ${ruleId}`)
  return f
}

describe("createSuggestionTracker", () => {
  it("records shown once per suggestion while the agent keeps typing", () => {
    const { type } = setup()
    expect(outcomes(type("不行").events)).toEqual(["shown:refusal-buxing"])
    expect(type("不行，").events).toEqual([])
    // Typing before the flagged words moves them; it is still the same suggestion.
    expect(type("您好，不行，").events).toEqual([])
    expect(outcomes(type("您好，不行，这个没办法").events)).toEqual(["shown:refusal-meibanfa"])
  })

  it("fills every field of an event from the context, the finding and the draft", () => {
    const { type } = setup()
    const [e] = type("您好，这个不行。").events
    expect(e).toEqual({
      id: "ev-1",
      at: 1_700_000_001_000,
      outcome: "shown",
      ruleId: "refusal-buxing",
      phrasebookVersion: "2026.11.0",
      agentWorkId: "A1024",
      agentName: "李娜",
      site: "https://crm.example.com",
      waybill: "SF1234567890123",
      span: { start: 3, end: 7 },
      flagged: "这个不行",
      excerpt: "您好，这个不行。",
    })
    expect(auditEventSchema.parse(e)).toEqual(e)
  })

  it("a match that grows as the agent types stays one suggestion (又不是我 → 又不是我的错)", () => {
    const { tracker, type, draft } = setup()
    expect(outcomes(type("又不是我").events)).toEqual(["shown:blame-bushi-wo-cuo"])
    expect(find(type("又不是我的错").findings, "blame-bushi-wo-cuo").text).not.toBe("又不是我")
    expect(type("又不是我的错").events).toEqual([])
    const ended = tracker.end(ctx, draft("又不是我的错"))
    expect(outcomes(ended)).toEqual(["ignored:blame-bushi-wo-cuo"])
    expect(ended[0].flagged).toBe(find(lintPhrasing("又不是我的错"), "blame-bushi-wo-cuo").text)
  })

  it("a second occurrence of the same words is a second suggestion", () => {
    const { type } = setup()
    type("不行。")
    expect(outcomes(type("不行。不行").events)).toEqual(["shown:refusal-buxing"])
  })

  it("a finding that flickers away and back (a guard while typing) is not shown twice", () => {
    const { tracker, draft } = setup()
    const f: PhrasingFinding = { ...lintPhrasing("不行")[0] }
    expect(tracker.update(ctx, draft("不行"), [f])).toHaveLength(1)
    expect(tracker.update(ctx, draft("不行吗"), [])).toEqual([])
    expect(tracker.update(ctx, draft("不行"), [f])).toEqual([])
  })

  it("sent with the flagged words still flagged: ignored, with the final text around them", () => {
    const { tracker, type, draft } = setup()
    type("不行")
    type("您好，不行，请您稍等")
    const events = tracker.end(ctx, draft("您好，不行，请您稍等"))
    expect(outcomes(events)).toEqual(["ignored:refusal-buxing"])
    expect(events[0]).toMatchObject({
      span: { start: 3, end: 5 },
      flagged: "不行",
      finalText: "您好，不行，请您稍等",
    })
  })

  it("reworded by the agent before sending: edited without a replacement", () => {
    const { tracker, type, draft } = setup()
    type("您好，不行")
    type("您好，")
    type("您好，很抱歉暂时无法办理")
    const events = tracker.end(ctx, draft("您好，很抱歉暂时无法办理"))
    expect(outcomes(events)).toEqual(["edited:refusal-buxing"])
    expect(events[0].replacement).toBeUndefined()
    expect(events[0].excerpt).toBe("您好，不行")
    expect(events[0].finalText).toBe("您好，很抱歉暂时无法办理")
  })

  it("applied and sent intact: applied only", () => {
    const { tracker, type, draft } = setup()
    const { d, findings } = type("不行")
    const r = "很抱歉，暂时无法办理"
    const events = tracker.applied(ctx, d, find(findings, "refusal-buxing"), r)
    expect(outcomes(events)).toEqual(["applied:refusal-buxing"])
    expect(events[0].replacement).toBe(r)
    type(`${r}，请您谅解`)
    expect(tracker.end(ctx, draft(`${r}，请您谅解`))).toEqual([])
  })

  it("applied, then changed: applied, then edited with the final text", () => {
    const { tracker, type } = setup()
    const { d, findings } = type("您好，不行。")
    tracker.applied(ctx, d, find(findings, "refusal-buxing"), "很抱歉，暂时无法办理")
    type("您好，很抱歉，暂时无法办理。")
    type("您好，很抱歉，暂时办理。")
    const events = tracker.end(ctx, null)
    expect(outcomes(events)).toEqual(["edited:refusal-buxing"])
    expect(events[0]).toMatchObject({
      replacement: "很抱歉，暂时无法办理",
      finalText: "您好，很抱歉，暂时办理。",
    })
  })

  it("applying the first of two equal phrases leaves the second its own suggestion", () => {
    const { tracker, type } = setup()
    const { d, findings } = type("不行。不行")
    expect(findings).toHaveLength(2)
    tracker.applied(ctx, d, findings[0], "很抱歉")
    expect(type("很抱歉。不行").events).toEqual([])
    expect(outcomes(tracker.end(ctx, null))).toEqual(["ignored:refusal-buxing"])
  })

  it("dismissed and wrong end a suggestion; each is recorded once, with a masked reason", () => {
    const { tracker, type } = setup()
    const { d, findings } = type("不行，这个没办法")
    const a = find(findings, "refusal-buxing")
    const b = find(findings, "refusal-meibanfa")
    expect(outcomes(tracker.dismissed(ctx, d, a))).toEqual(["dismissed:refusal-buxing"])
    expect(tracker.dismissed(ctx, d, a)).toEqual([])
    const wrong = tracker.wrong(ctx, d, b, "客户原话，电话13812345678")
    expect(outcomes(wrong)).toEqual(["wrong:refusal-meibanfa"])
    expect(wrong[0].reason).toBe("客户原话，电话138****5678")
    expect(tracker.wrong(ctx, d, b, "again")).toEqual([])
    expect(tracker.end(ctx, null)).toEqual([])
  })

  it("an action on a finding never reported by update records its shown first", () => {
    const { tracker, draft } = setup()
    const d = draft("这个我们不负责")
    const [f] = lintPhrasing(d.text)
    expect(outcomes(tracker.wrong(ctx, d, f, "内部备注"))).toEqual(["shown:" + f.ruleId, "wrong:" + f.ruleId])
  })

  it("a box cleared after the send ends with the text it had (sent with the words still in it)", () => {
    const { tracker, type, draft } = setup()
    type("不行")
    // Clearing alone ends nothing: the box may be cleared to retype.
    expect(type("").events).toEqual([])
    expect(outcomes(tracker.end(ctx, draft("")))).toEqual(["ignored:refusal-buxing"])
    // A new reply in the same editor is a new session: the same words are shown again.
    expect(outcomes(type("不行").events)).toEqual(["shown:refusal-buxing"])
  })

  it("a reply cleared and retyped is discarded, not sent without fixing", () => {
    const { tracker, type, draft } = setup()
    type("这个不行")
    type("")
    const retyped = type("您好，这个需要先核实")
    expect(outcomes(retyped.events)).toEqual(["discarded:refusal-buxing"])
    expect(retyped.events[0].flagged).toMatch(/不行$/u)
    expect(retyped.events[0].excerpt).toContain("这个不行")
    // The thrown-away reply never counts as ignored, however the new one ends.
    expect(tracker.end(ctx, draft("您好，这个需要先核实"))).toEqual([])
  })

  it("a new reply typed over the old one wholesale (select all, type) is discarded as well", () => {
    const { tracker, type, draft } = setup()
    type("这个不行")
    expect(outcomes(type("您").events)).toEqual(["discarded:refusal-buxing"])
    type("您好，这个需要先核实")
    expect(tracker.end(ctx, draft("您好，这个需要先核实"))).toEqual([])
  })

  it("the reply just sent, seen again before the CRM clears it, is not a new reply", () => {
    const { tracker, type, draft } = setup()
    type("这个不行")
    expect(outcomes(tracker.end(ctx, draft("这个不行")))).toEqual(["ignored:refusal-buxing"])
    expect(type("这个不行").events).toEqual([])
    expect(type("").events).toEqual([])
    expect(tracker.end(ctx, null)).toEqual([])
    // Once the box holds something else, that is a new reply.
    expect(outcomes(type("不行").events)).toEqual(["shown:refusal-buxing"])
  })

  it("clearing and pasting the same text back keeps the session (select-all, cut, paste)", () => {
    const { tracker, type, draft } = setup()
    type("不行")
    type("")
    expect(type("不行").events).toEqual([])
    expect(outcomes(tracker.end(ctx, draft("不行")))).toEqual(["ignored:refusal-buxing"])
  })

  it("apply then the CRM's undo is reverted, and the suggestion is judged again at the end", () => {
    const { tracker, type, draft } = setup()
    const { d, findings } = type("这个不行。")
    const f = find(findings, "refusal-buxing")
    expect(outcomes(tracker.applied(ctx, d, f, "很抱歉，暂时无法办理"))).toEqual(["applied:refusal-buxing"])
    type("这个很抱歉，暂时无法办理。")
    // Ctrl+Z in the CRM: the text from before the fix is back.
    const undone = type("这个不行。")
    expect(outcomes(undone.events)).toEqual(["reverted:refusal-buxing"])
    expect(undone.events[0].replacement).toBe("很抱歉，暂时无法办理")
    expect(outcomes(tracker.end(ctx, draft("这个不行。")))).toEqual(["ignored:refusal-buxing"])
  })

  it("the flagged words back in place of the replacement (a partial undo) are reverted too", () => {
    const { tracker, type } = setup()
    const { d, findings } = type("您好，这个不行。谢谢")
    tracker.applied(ctx, d, find(findings, "refusal-buxing"), "暂时无法办理")
    type("您好，这个暂时无法办理。谢谢！")
    expect(outcomes(type("您好，这个不行。谢谢！").events)).toEqual(["reverted:refusal-buxing"])
  })

  it("a clause-wide fix follows the whole range it replaced and records the findings it fixed with it", () => {
    const { tracker, type, draft } = setup()
    const text = "没办法，你自己去找。谢谢"
    const { d, findings } = type(text)
    const a = find(findings, "refusal-meibanfa")
    const b = find(findings, "blame-qu-zhao-gongsi")
    const replacement = "我帮您想想其他办法"
    const events = tracker.applied(ctx, d, a, replacement, { start: 0, end: b.end, also: [b] })
    expect(outcomes(events)).toEqual(["applied:refusal-meibanfa", "applied:blame-qu-zhao-gongsi"])
    const after = replacement + text.slice(b.end)
    type(after)
    // Both intact at the end: nothing more.
    expect(tracker.end(ctx, draft(after))).toEqual([])
  })

  it("end with an empty final draft uses the last text seen", () => {
    const { tracker, type, draft } = setup()
    type("不行")
    expect(outcomes(tracker.end(ctx, draft("")))).toEqual(["ignored:refusal-buxing"])
    expect(tracker.end(ctx, draft(""))).toEqual([])
  })

  it("end for one editor leaves the others open", () => {
    const { tracker, type, draft } = setup()
    type("不行", "a")
    type("没办法", "b")
    expect(tracker.end(ctx, draft("不行", "a"))).toHaveLength(1)
    expect(tracker.end(ctx, null).map((e) => e.flagged)).toEqual(["没办法"])
  })

  it("a final text the tracker never linted falls back to whether the words are still there", () => {
    const { tracker, type, draft } = setup()
    type("不行。没办法")
    const events = tracker.end(ctx, draft("不行。我帮您想办法"))
    expect(outcomes(events).sort()).toEqual(["edited:refusal-meibanfa", "ignored:refusal-buxing"])
  })

  it("stale updates (older revision) are ignored", () => {
    const { tracker } = setup()
    const [f] = lintPhrasing("不行")
    expect(tracker.update(ctx, { editorId: "e", text: "不行", revision: 5 }, [f])).toHaveLength(1)
    expect(tracker.update(ctx, { editorId: "e", text: "", revision: 4 }, [])).toEqual([])
    expect(outcomes(tracker.end(ctx, null))).toEqual(["ignored:refusal-buxing"])
  })

  it("masks phone and ID numbers in excerpts but keeps the waybill", () => {
    const { type } = setup()
    const text = "运单SF1234567890123，这个不行，电话13812345678，身份证11010519491231002X"
    const [e] = type(text).events
    expect(e.excerpt).toContain("SF1234567890123")
    expect(e.excerpt).toContain("138****5678")
    expect(e.excerpt).not.toContain("13812345678")
    expect(e.excerpt).not.toContain("19491231")
  })

  it("keeps the excerpt within ±40 characters of the span", () => {
    const { type } = setup()
    const text = `${"好".repeat(100)}。不行。${"好".repeat(100)}`
    const [e] = type(text).events
    expect(e.excerpt).toHaveLength(40 + 2 + 40)
    expect(e.excerpt.slice(40, 42)).toBe("不行")
  })

  it("drops a waybill the schema would reject rather than the event", () => {
    const tracker = createSuggestionTracker({ newId: () => "x" })
    const [f] = lintPhrasing("不行")
    const [e] = tracker.update({ ...ctx, waybill: "n/a" }, { editorId: "e", text: "不行", revision: 1 }, [f])
    expect(e.waybill).toBeUndefined()
    expect(auditEventSchema.safeParse(e).success).toBe(true)
  })

  it("every event of a long session passes the schema", () => {
    const { tracker, type, draft } = setup()
    const all: AuditEvent[] = []
    const steps = [
      "不",
      "不行",
      "不行，又不是我的错",
      "不行，又不是我的错，你去找快递公司",
      "您好，不行，你去找快递公司",
    ]
    for (const s of steps) all.push(...type(s).events)
    const { d, findings } = type("您好，不行，你去找快递公司")
    all.push(...tracker.applied(ctx, d, find(findings, "blame-qu-zhao-gongsi"), "我来帮您联系快递公司"))
    all.push(...tracker.end(ctx, draft("您好，不行，我来帮您联系快递公司")))
    expect(outcomes(all)).toEqual([
      "shown:refusal-buxing",
      "shown:blame-bushi-wo-cuo",
      "shown:blame-qu-zhao-gongsi",
      "applied:blame-qu-zhao-gongsi",
      "ignored:refusal-buxing",
      "edited:blame-bushi-wo-cuo",
    ])
    for (const e of all) expect(auditEventSchema.safeParse(e).success).toBe(true)
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
  })
})
