// @vitest-environment happy-dom

import { useMemo } from "react"
import { describe, expect, it } from "vitest"

import { DEFAULT_KNOWLEDGE_PACK } from "~lib/knowledge/default-pack"
import type { KnowledgeCard, KnowledgePack } from "~lib/knowledge/types"

import {
  allByTestId,
  byTestId,
  click,
  fakeBrowser,
  keyDown,
  render,
  testServices,
  testStore,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { KnowledgePanel, useKnowledgeView, useSuggestions } from "./knowledge-panel"

function Harness(props: {
  pack: KnowledgePack
  caseText: string
  insert(text: string): Promise<boolean>
  inserted: { id: string; text: string }[]
  invalid?: boolean
}) {
  const outlets = useMemo<KnowledgeCard[]>(() => [], [])
  const kv = useKnowledgeView(props.pack, outlets, props.invalid ?? false)
  const suggestions = useSuggestions(kv, "业务办理", props.caseText)
  return (
    <KnowledgePanel
      view={kv}
      suggestions={suggestions}
      vars={{ 公司名称: "盛辉物流" }}
      insert={props.insert}
      onInserted={(card, text) => props.inserted.push({ id: card.id, text })}
    />
  )
}

async function open(
  options: { caseText?: string; ok?: boolean; pack?: KnowledgePack; invalid?: boolean } = {},
) {
  const sent: string[] = []
  const inserted: { id: string; text: string }[] = []
  const view = await render(
    testServices(fakeBrowser().platform, testStore()),
    <Harness
      pack={options.pack ?? DEFAULT_KNOWLEDGE_PACK}
      caseText={options.caseText ?? "问题描述：想寄一个充电宝去北京，可以吗"}
      insert={(text) => {
        sent.push(text)
        return Promise.resolve(options.ok ?? true)
      }}
      inserted={inserted}
      invalid={options.invalid}
    />,
  )
  return { c: view.container, sent, inserted }
}

const cardIds = (c: HTMLElement) => allByTestId(c, "knowledge-card").map((el) => el.dataset.cardId)

describe("KnowledgePanel", () => {
  it("suggests the battery card from the ticket's words, with sources and the unset company value", async () => {
    const { c } = await open()
    expect(byTestId(c, "knowledge-heading").dataset.mode).toBe("suggested")
    expect(cardIds(c)[0]).toBe("battery-power-bank")
    const card = allByTestId(c, "knowledge-card")[0]
    expect(byTestId(card, "knowledge-sources").textContent).toContain("《禁止寄递物品管理规定》第三条")
    expect(byTestId(card, "knowledge-unset").textContent).toContain("充电宝收寄规则")
    expect(byTestId(card, "knowledge-script").textContent).toContain("【充电宝收寄规则】")
  })

  it("searches by pinyin initials and by synonym as the agent types", async () => {
    const { c } = await open()
    await typeInto(byTestId(c, "knowledge-search"), "bj")
    expect(byTestId(c, "knowledge-heading").dataset.mode).toBe("search")
    expect(cardIds(c).slice(0, 2).sort()).toEqual(["insurance-fee", "insured-compensation"])
    await typeInto(byTestId(c, "knowledge-search"), "货到付款")
    expect(cardIds(c)[0]).toBe("cod")
    await typeInto(byTestId(c, "knowledge-search"), "量子计算机")
    expect(byTestId(c, "knowledge-empty").textContent).toContain("没有找到")
  })

  it("asks for a missing value, then inserts the filled answer and records it", async () => {
    const { c, sent, inserted } = await open()
    const card = allByTestId(c, "knowledge-card")[0]
    await click(byTestId(card, "knowledge-insert"))
    expect(sent).toEqual([])
    const form = byTestId(card, "knowledge-slot-form")
    await typeInto(byTestId(form, "slot-input"), "单独的充电宝不收寄")
    await click(byTestId(form, "slot-submit"))
    await waitFor(() => expect(inserted).toHaveLength(1))
    expect(sent[0]).toContain("我们的收寄规定是：单独的充电宝不收寄。")
    expect(inserted[0]).toEqual({ id: "battery-power-bank", text: sent[0] })
    expect(byTestId(c, "knowledge-notice").textContent).toContain("锂电池、充电宝")
  })

  it("keyboard: ↓ from the search box into the cards, ↑↓ between them, Enter inserts, Esc back", async () => {
    const { c, sent } = await open()
    const search = byTestId<HTMLInputElement>(c, "knowledge-search")
    await typeInto(search, "实名")
    await keyDown(search, { key: "ArrowDown" })
    const cards = allByTestId(c, "knowledge-card")
    expect(document.activeElement).toBe(cards[0])
    expect(cards[0].dataset.cardId).toBe("real-name-inspection")
    await keyDown(cards[0], { key: "Enter" })
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toContain("寄件实名登记和当面验视")
    await keyDown(cards[0], { key: "Escape" })
    expect(document.activeElement).toBe(search)
  })

  it("records nothing when the reply box refused the insert", async () => {
    const { c, sent, inserted } = await open({ ok: false })
    await typeInto(byTestId(c, "knowledge-search"), "实名")
    await click(byTestId(allByTestId(c, "knowledge-card")[0], "knowledge-insert"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(inserted).toEqual([])
    expect(c.querySelector('[data-testid="knowledge-notice"]')).toBeNull()
  })

  it("an admin's value fills the card without asking; page text stays text", async () => {
    const pack = structuredClone(DEFAULT_KNOWLEDGE_PACK)
    pack.values["充电宝收寄规则"].value = "<img src=x onerror=alert(1)>"
    const { c, sent } = await open({ pack, caseText: "<b>充电宝</b>" })
    const card = allByTestId(c, "knowledge-card")[0]
    expect(card.querySelector("img")).toBeNull()
    await click(byTestId(card, "knowledge-insert"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toContain("<img src=x onerror=alert(1)>")
  })

  it("says so when the stored pack was invalid", async () => {
    const { c } = await open({ invalid: true })
    expect(byTestId(c, "knowledge-pack-invalid").textContent).toContain("内置")
  })
})
