// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest"

import type { PageToSidebar } from "~lib/protocol/types"

import { createHandoffHook } from "./handoff-blocks"

const block = (n: number) =>
  `<div class="comment"><div class="meta">客服${n}号 · 内部备注</div><div class="body">` +
  `<p>【客服助手·交接单】</p><p>运单号：SF14421837760${String(n).padStart(2, "0")}</p><p>问题：派送延误</p>` +
  `<p>CSK1 k=h n=${n} s=abc</p></div></div>`

/** Nodes parsed from trusted test markup (a fixture, not page text). */
const parse = (html: string) => [...new DOMParser().parseFromString(html, "text/html").body.childNodes]

function setup(listening = true) {
  document.body.replaceChildren(
    ...parse(`<h1>工单</h1><section id="history">${block(1)}<div class="comment"><p>已回复客户</p></div>${block(2)}</section>
    <textarea>【客服助手·交接单】草稿 CSK1</textarea><div contenteditable="true"><p>【客服助手·交接单】 CSK1</p></div>`),
  )
  const sent: Extract<PageToSidebar, { type: "handoff-blocks" }>[] = []
  const ac = new AbortController()
  const hook = createHandoffHook({
    signal: ac.signal,
    docs: () => [document],
    skip: () => null,
    listening: () => listening,
    emit: (m) => {
      if (m.type === "handoff-blocks") sent.push(m)
    },
  })
  return { hook, sent, ac }
}

/** A hook over the whole document that keeps each send's texts. */
function textsHook(listening: () => boolean) {
  const sent: string[][] = []
  const ac = new AbortController()
  const hook = createHandoffHook({
    signal: ac.signal,
    docs: () => [document],
    skip: () => null,
    listening,
    emit: (m) => {
      if (m.type === "handoff-blocks") sent.push(m.texts)
    },
  })
  return { hook, sent, ac }
}

describe("handoff blocks on the page", () => {
  it("sends each block's text once, in page order, never the agent's own unsent box", async () => {
    const { hook, sent, ac } = setup()
    hook.refresh()
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0].texts).toHaveLength(2)
    expect(sent[0].texts[0]).toContain("SF1442183776001")
    expect(sent[0].texts[0]).toContain("CSK1 k=h n=1")
    expect(sent[0].texts[0]).not.toContain("SF1442183776002")
    expect(sent[0].texts[1]).toContain("SF1442183776002")
    expect(sent[0].truncated).toBe(false)
    ac.abort()
  })

  it("reads what the page adds, and sends again only when the blocks changed", async () => {
    const { hook, sent, ac } = setup()
    hook.refresh()
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    // A change that adds no block: nothing new is sent.
    const p = document.createElement("p")
    p.textContent = "客户来电催促"
    document.getElementById("history")!.append(p)
    hook.changed([p])
    await new Promise((r) => setTimeout(r, 1_200))
    expect(sent).toHaveLength(1)
    // A colleague's block arrives (an SPA appends the new comment).
    const added = document.adoptNode(parse(block(3))[0] as Element)
    document.getElementById("history")!.prepend(added)
    hook.changed([added])
    await vi.waitFor(() => expect(sent).toHaveLength(2), { timeout: 3_000 })
    expect(sent[1].texts.map((t) => /n=(\d)/.exec(t)?.[1])).toEqual(["3", "1", "2"])
    // A block removed from the page is gone from the next send.
    added.remove()
    hook.changed([])
    await vi.waitFor(() => expect(sent).toHaveLength(3), { timeout: 3_000 })
    expect(sent[2].texts).toHaveLength(2)
    ac.abort()
  })

  it("reads nothing while no sidebar listens", async () => {
    const { hook, sent, ac } = setup(false)
    hook.refresh()
    hook.changed([document.body])
    await new Promise((r) => setTimeout(r, 1_200))
    expect(sent).toEqual([])
    ac.abort()
  })

  it("prepared before a sidebar listens: read once, kept up to date, sent on connect without a re-read", async () => {
    setup() // the page of the first test
    let listening = false
    const { hook, sent, ac } = textsHook(() => listening)
    const reads = vi.spyOn(performance, "measure")
    const readSlices = () => reads.mock.calls.filter((c) => c[0] === "cs-sidekick:handoff-read").length
    const prepared = vi.fn()
    hook.prepare(prepared)
    await vi.waitFor(() => expect(prepared).toHaveBeenCalledOnce())
    expect(sent).toEqual([]) // nobody to send to yet
    expect(readSlices()).toBeGreaterThan(0)
    // The page adds a colleague's block before the sidebar connects: it is read as it comes.
    const added = document.adoptNode(parse(block(3))[0] as Element)
    document.getElementById("history")!.append(added)
    hook.changed([added])
    await new Promise((r) => setTimeout(r, 50))
    const before = readSlices()
    listening = true
    hook.refresh()
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0].map((t) => /n=(\d)/.exec(t)?.[1])).toEqual(["1", "2", "3"])
    expect(readSlices()).toBe(before) // not read again
    // Prepared again (a second wait, say): answered at once, from what was read.
    const again = vi.fn()
    hook.prepare(again)
    expect(again).toHaveBeenCalledOnce()
    // The agent's "look again" reads the page in full.
    hook.refresh(true)
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    expect(readSlices()).toBeGreaterThan(before)
    expect(sent[1]).toEqual(sent[0])
    reads.mockRestore()
    ac.abort()
  })

  it("finds every block of a long history, wherever the page nests it", async () => {
    // 1,500 comments in one wide container (a queue-like history), a nested thread and loose lines:
    // blocks at scattered places, including the first and last child and two neighbours.
    const at = new Set([0, 1, 17, 333, 734, 735, 1_024, 1_499])
    const comments = Array.from({ length: 1_500 }, (_, i) =>
      at.has(i)
        ? block(i)
        : `<div class="comment"><p>第${i}条 客户来电询问物流进度，已告知预计明天派送。</p></div>`,
    ).join("")
    const nested = `<div><div><div><section>${block(2_000)}</section></div></div></div>`
    document.body.replaceChildren(...parse(`<h1>工单</h1><div id="history">${comments}</div>${nested}`))
    const { hook, sent, ac } = textsHook(() => true)
    hook.refresh()
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 5_000 })
    expect(sent[0].map((t) => Number(/n=(\d+)/.exec(t)?.[1]))).toEqual([...at, 2_000])
    ac.abort()
  })
})
