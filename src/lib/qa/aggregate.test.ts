import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import {
  conversationsToJson,
  filterScored,
  parseConversationImports,
  ratesByAgent,
  ratesByItem,
  scorecardsToCsv,
  scoreRecords,
} from "./aggregate"
import { ENDED_AFTER_MS, rowsForSent, type ConversationTurnRecord } from "./record"

const site = "https://crm.example.com"
function conversation(
  workId: string,
  page: string,
  exchanges: [string, string][],
  at0: number,
): ConversationTurnRecord[] {
  const rows: ConversationTurnRecord[] = []
  exchanges.forEach(([customer, reply], i) => {
    rows.push(
      ...rowsForSent({
        site,
        page,
        agent: { workId, name: `客服${workId}`, company: "盛辉物流" },
        text: reply,
        customer: exchanges.slice(0, i + 1).map((e) => e[0]),
        at: at0 + i * 60_000,
        via: "click",
        known: rows,
      }),
    )
    void customer
  })
  return rows
}

const good = conversation(
  "1024",
  `${site}/t/1`,
  [
    ["你好", "您好，盛辉物流客服，工号1024，很高兴为您服务。"],
    ["几天能到", "预计3天送达，时效仅供参考，具体以实际运输情况为准。请问还有其他可以帮您的吗？"],
    ["没有了", "感谢您的来电，祝您生活愉快，再见。"],
  ],
  1_000_000,
)
const bad = conversation(
  "2048",
  `${site}/t/2`,
  [
    ["都五天了还没到！！", "因为中转站积压，估计后天能到吧"],
    ["什么时候有结果", "我帮您查一下，稍后回复您。"],
  ],
  2_000_000,
)
const now = 2_000_000 + ENDED_AFTER_MS * 2

describe("conversation QA aggregation", () => {
  const scored = scoreRecords([...good, ...bad], DEFAULT_PHRASEBOOK, now)

  it("scores each conversation; a quiet one has ended", () => {
    expect(scored).toHaveLength(2)
    const g = scored.find((s) => s.conversation.agentWorkId === "1024")!
    expect(g.ended).toBe(true)
    expect(g.result.items.filter((i) => i.outcome === "fail")).toEqual([])
    expect(g.score).toBe(1)
    const b = scored.find((s) => s.conversation.agentWorkId === "2048")!
    const outcome = (id: string) => b.result.items.find((i) => i.id === id)?.outcome
    expect([
      outcome("greeting"),
      outcome("apology-first"),
      outcome("eta-disclaimer"),
      outcome("deferral"),
    ]).toEqual(["fail", "fail", "fail", "fail"])
    expect(b.score).toBeLessThan(0.5)
  })

  it("rates per agent and per item, and drills down", () => {
    const agents = ratesByAgent(scored)
    expect(agents.map((a) => a.agentWorkId)).toEqual(["1024", "2048"])
    expect(agents[0]).toMatchObject({ conversations: 1, fail: 0, rate: 1, agentName: "客服1024" })
    const items = ratesByItem(scored)
    expect(items.find((i) => i.id === "greeting")).toMatchObject({ pass: 1, fail: 1, rate: 0.5 })
    expect(
      filterScored(scored, { item: "deferral", outcome: "fail" }).map((s) => s.conversation.agentWorkId),
    ).toEqual(["2048"])
    expect(filterScored(scored, { agentWorkId: "1024" })).toHaveLength(1)
  })

  it("exports CSV with formula injection defused and JSON that imports back, merged and deduplicated", () => {
    const csv = scorecardsToCsv(scored)
    expect(csv.startsWith("\uFEFF")).toBe(true)
    expect(csv.split("\r\n")[0]).toContain("greeting")
    const a = JSON.parse(conversationsToJson(good, now, "2026.12.0"))
    const b = JSON.parse(conversationsToJson([...bad, good[0]], now, "2026.12.0"))
    const merged = parseConversationImports([
      { name: "a.json", data: a },
      { name: "b.json", data: b },
    ])
    expect(merged.ok && merged.turns.length).toBe(good.length + bad.length)
  })

  it("refuses a file that is not an export, or the same id with other content", () => {
    expect(parseConversationImports([{ name: "x.json", data: { format: "cs-sidekick-audit" } }]).ok).toBe(
      false,
    )
    const a = JSON.parse(conversationsToJson(good, now, "2026.12.0"))
    const tampered = JSON.parse(JSON.stringify(a))
    tampered.turns[0].text = "改过"
    const r = parseConversationImports([
      { name: "a.json", data: a },
      { name: "t.json", data: tampered },
    ])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0].where).toContain("t.json")
  })
})
