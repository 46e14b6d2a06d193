// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { DEFAULT_KNOWLEDGE_PACK } from "~lib/knowledge/default-pack"

import {
  allByTestId,
  byTestId,
  chooseFile,
  click,
  mount,
  testRepositories,
  waitFor,
} from "../component.test-helper"
import { KnowledgeOptionsSection } from "./knowledge-options"

async function setup() {
  const repos = testRepositories()
  const view = await mount(<KnowledgeOptionsSection />, { repos })
  return { repos, c: view.container }
}

const packWith = (version: string) => {
  const pack = structuredClone(DEFAULT_KNOWLEDGE_PACK)
  pack.version = version
  pack.publisher = "盛辉物流"
  pack.values["保价费率"].value = "声明价值的 0.5%，最低 2 元"
  return pack
}

describe("Options → 知识库", () => {
  it("shows the built-in pack and how many company values are unset", async () => {
    const { c } = await setup()
    await waitFor(() =>
      expect(byTestId(c, "knowledge-in-use").textContent).toContain(DEFAULT_KNOWLEDGE_PACK.version),
    )
    expect(byTestId(c, "knowledge-in-use").textContent).toContain("内置")
    expect(byTestId(c, "knowledge-unset-count").textContent).toContain(
      String(Object.keys(DEFAULT_KNOWLEDGE_PACK.values).length),
    )
  })

  it("imports a valid pack and makes it the one in force", async () => {
    const { repos, c } = await setup()
    await chooseFile(byTestId(c, "knowledge-import"), JSON.stringify(packWith("acme-1")), "pack.json")
    await waitFor(() => expect(byTestId(c, "knowledge-import-status").textContent).toContain("acme-1"))
    await waitFor(() => expect(byTestId(c, "knowledge-in-use").textContent).toContain("acme-1"))
    expect(byTestId(c, "knowledge-in-use").textContent).toContain("盛辉物流")
    expect((await repos.knowledge.getActivePack())?.version).toBe("acme-1")
  })

  it("a pack with any problem imports nothing and lists where each problem is", async () => {
    const { repos, c } = await setup()
    const bad = packWith("acme-bad") as unknown as { cards: Record<string, unknown>[] }
    bad.cards[2].examples = ["今天天气怎么样"]
    bad.cards[4].sources = []
    await chooseFile(byTestId(c, "knowledge-import"), JSON.stringify(bad), "pack.json")
    await waitFor(() =>
      expect(byTestId(c, "knowledge-import-problems").textContent).toContain("cards[4].sources"),
    )
    expect(byTestId(c, "knowledge-import-problems").textContent).toContain("cards[2].examples[0]")
    expect(await repos.knowledge.listPacks()).toEqual([])
    await chooseFile(byTestId(c, "knowledge-import"), "{ not json", "pack.json")
    await waitFor(() => expect(byTestId(c, "knowledge-import-status").className).toBe("error"))
    expect(await repos.knowledge.listPacks()).toEqual([])
  })

  it("switches between imported versions and back to the built-in pack", async () => {
    const { repos, c } = await setup()
    const store = repos.knowledge
    await store.putPack("acme-1", packWith("acme-1"))
    await store.putPack("acme-2", packWith("acme-2"), { activate: true })
    await waitFor(() => expect(byTestId(c, "knowledge-in-use").textContent).toContain("acme-2"))
    const one = allByTestId(c, "knowledge-version").find((li) => li.dataset.version === "acme-1")!
    await click(byTestId(one, "knowledge-activate"))
    await waitFor(() => expect(byTestId(c, "knowledge-in-use").textContent).toContain("acme-1"))
    await click(byTestId(c, "knowledge-use-builtin"))
    await waitFor(() =>
      expect(byTestId(c, "knowledge-in-use").textContent).toContain(DEFAULT_KNOWLEDGE_PACK.version),
    )
    expect(await store.listPacks()).toHaveLength(2)
  })

  it("a stored pack that no longer validates is not used, and the page says so", async () => {
    const { repos, c } = await setup()
    await repos.knowledge.putPack(
      "broken",
      { format: "cs-sidekick-knowledge", cards: [] },
      { activate: true },
    )
    await waitFor(() => expect(byTestId(c, "knowledge-options-invalid").textContent).toContain("内置"))
    expect(byTestId(c, "knowledge-in-use").textContent).toContain(DEFAULT_KNOWLEDGE_PACK.version)
  })
})
