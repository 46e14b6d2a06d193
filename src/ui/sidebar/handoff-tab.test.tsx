// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import type { HandoffNote } from "~lib/cases/model"
import { cleanContent, renderBlock } from "~lib/handoff/block"
import { noteToBlock } from "~lib/handoff/note"
import { signBlock } from "~lib/handoff/sign"
import type { PageState } from "~lib/protocol/types"

import { byTestId, testRepositories, waitFor } from "../component.test-helper"
import { openSidebar } from "./sidebar.test-helper"

const WAYBILL = "SF1385628716739"
const KEY = "team-key-for-unit-tests-0001"

const state: PageState = {
  url: "https://crm.example.com/ticket/42",
  title: "工单 42",
  candidates: [{ number: WAYBILL, carriers: [], sources: ["label"], count: 1, label: "运单号" }],
  current: WAYBILL,
  currentReason: "label",
  caseText: "",
  scan: { nodes: 10, ms: 1, truncated: false },
}

const colleague: HandoffNote = {
  id: "c0ffee-1",
  waybill: WAYBILL,
  createdAt: Date.now() - 3_600_000,
  author: { name: "李四", workId: "A123" },
  problem: "客户称未收到",
  actionsTaken: "已联系网点",
  contacted: "",
  promise: "30分钟内回复您",
  callbackAt: Date.now() + 1_800_000,
  nextStep: "回电客户",
}

async function blockOf(note: HandoffNote, key: string | undefined) {
  const content = cleanContent(noteToBlock(note))
  return renderBlock(content, await signBlock(content, key))
}

async function open(teamKey = KEY) {
  const { port, store, container } = await openSidebar({
    settings: { profile: { name: "王五", workId: "B456", company: "" }, teamKey },
  })
  port.emit({ type: "page-state", state })
  await waitFor(() => expect(byTestId(container, "handoff-form").dataset.ready).toBe("true"))
  return { port, store, container }
}

describe("handoffs read from the ticket", () => {
  it("a signed block verifies; a forged copy with the same id does not replace it; another waybill's is left out", async () => {
    const { port, container } = await open()
    const good = await blockOf(colleague, KEY)
    const forged = good.replace("30分钟内回复您", "已同意赔付")
    const other = await blockOf({ ...colleague, id: "other-1", waybill: "YT8827361045592" }, KEY)
    port.emit({ type: "handoff-blocks", texts: [good, forged, other], truncated: false })
    const entry = await waitFor(() => byTestId(container, "handoff-remote"))
    await waitFor(() => expect(entry.querySelector("[data-testid=handoff-verified]")).not.toBeNull())
    expect(container.querySelectorAll("[data-note-id='c0ffee-1']")).toHaveLength(1)
    expect(entry.textContent).toContain("30分钟内回复您")
    expect(entry.textContent).not.toContain("赔付")
    expect(byTestId(container, "handoff-other-waybill").textContent).toContain("1")
  })

  it("without the team key a block shows unverified with a plain warning", async () => {
    const { port, container } = await open("")
    port.emit({ type: "handoff-blocks", texts: [await blockOf(colleague, KEY)], truncated: false })
    const warning = await waitFor(() => byTestId(container, "handoff-unverified"))
    expect(warning.dataset.state).toBe("no-key")
    expect(container.querySelector("[data-testid=handoff-verified]")).toBeNull()
  })

  it("page text never becomes markup", async () => {
    const { port, container } = await open()
    const evil = await blockOf({ ...colleague, problem: '<img src=x onerror="alert(1)">' }, KEY)
    port.emit({ type: "handoff-blocks", texts: [evil], truncated: false })
    const entry = await waitFor(() => byTestId(container, "handoff-remote"))
    await waitFor(() => expect(entry.textContent).toContain("<img src=x"))
    expect(entry.querySelector("img")).toBeNull()
  })

  it("a block signed with our key never shows as unchecked while the settings are still loading", async () => {
    // The settings (and the team key in them) arrive only after the page's blocks have.
    const repos = testRepositories()
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const real = repos.store.getSettings.bind(repos.store)
    repos.store.getSettings = async () => {
      await gate
      return real()
    }
    const { port, container } = await openSidebar({
      repos,
      settings: { profile: { name: "王五", workId: "B456", company: "" }, teamKey: KEY },
    })
    const seen = new Set<string>()
    const watch = new MutationObserver(() => {
      for (const el of container.querySelectorAll<HTMLElement>("[data-testid=handoff-unverified]"))
        seen.add(el.dataset.state ?? "")
    })
    watch.observe(container, { subtree: true, childList: true, attributes: true })
    port.emit({ type: "page-state", state })
    port.emit({ type: "handoff-blocks", texts: [await blockOf(colleague, KEY)], truncated: false })
    // Long enough for the blocks to be parsed and checked, were they checked without the key.
    await new Promise((r) => setTimeout(r, 200))
    release()
    const entry = await waitFor(() => byTestId(container, "handoff-remote"))
    await waitFor(() => expect(entry.querySelector("[data-testid=handoff-verified]")).not.toBeNull())
    watch.disconnect()
    expect([...seen]).toEqual([])
  })
})
