// @vitest-environment happy-dom
// First: Dexie (imported by the store modules below) must find an IndexedDB global when it loads.
import "fake-indexeddb/auto"
import { act } from "react"
import { describe, expect, it } from "vitest"

import type { PageState } from "~lib/protocol/types"
import { SIDEBAR_PORT } from "~lib/protocol/types"
import { StoreError } from "~lib/store/errors"
import { createRepositories } from "~lib/store/repositories"
import { freshDb } from "~lib/store/store.test-helper"
import { draftKey } from "~lib/ui-logic/drafts"

import {
  allByTestId,
  byTestId,
  click,
  fakeBrowser,
  keyDown,
  mount,
  spyStore,
  testRepositories,
  testStore,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { SidebarApp } from "./sidebar-app"
import { allowedBrowser, allowedFrame, openSidebar } from "./sidebar.test-helper"

const WAYBILL = "SF1385628716739"

function pageState(over: Partial<PageState> = {}): PageState {
  return {
    url: "https://crm.example.com/ticket/42",
    title: "工单 42",
    candidates: [
      {
        number: WAYBILL,
        carriers: [{ code: "sf", name: "顺丰速运", confidence: 0.97, checked: false }],
        sources: ["label"],
        count: 2,
        label: "运单号",
      },
      {
        number: "773123456789",
        carriers: [
          { code: "sto", name: "申通快递", confidence: 0.4, checked: false },
          { code: "zto", name: "中通快递", confidence: 0.35, checked: false },
        ],
        sources: ["text"],
        count: 1,
      },
    ],
    current: WAYBILL,
    currentReason: "label",
    caseText: "客户反映快件在转运中心滞留三天，一直没有更新",
    scan: { nodes: 120, ms: 2, truncated: false },
    ...over,
  }
}

describe("SidebarApp in the page frame", () => {
  it("shows only a neutral message and reads nothing when the worker does not vouch for the frame", async () => {
    const fb = fakeBrowser({
      handlers: { "sidebar.whoami": () => ({ tabId: null, origin: null, allowed: false }) },
    })
    const { store, calls } = spyStore(testStore())
    const view = await mount(<SidebarApp mode="inpage" />, { browser: fb, repos: store })
    const root = await waitFor(() => {
      const el = byTestId(view.container, "sidekick-sidebar-app")
      expect(el.dataset.connection).toBe("not-allowed")
      return el
    })
    expect(root.textContent).toContain("未启用")
    expect(root.textContent).toContain("Not enabled")
    expect(fb.ports).toHaveLength(0)
    expect(calls).toEqual([])
    expect(view.container.querySelector("[data-testid=handoff-form]")).toBeNull()
  })

  it("also stays neutral when the worker's answer is malformed", async () => {
    const fb = fakeBrowser({ handlers: { "sidebar.whoami": () => ({ allowed: "yes" }) } })
    const { store, calls } = spyStore(testStore())
    const view = await mount(<SidebarApp mode="inpage" />, { browser: fb, repos: store })
    await waitFor(() =>
      expect(byTestId(view.container, "sidekick-sidebar-app").dataset.connection).toBe("not-allowed"),
    )
    expect(fb.ports).toHaveLength(0)
    expect(calls).toEqual([])
  })

  it("connects to the top frame of its tab, says hello and shows only valid page states", async () => {
    const { port, container } = await openSidebar()
    expect(port).toMatchObject({ tabId: 7, name: SIDEBAR_PORT, frameId: 0 })
    expect(port.posted).toEqual([{ type: "hello" }])

    // A hostile or broken page: wrong shapes are dropped.
    port.emit({ type: "page-state", state: { ...pageState(), current: "<img src=x onerror=alert(1)>" } })
    port.emit("nonsense")
    await waitFor(() => expect(byTestId(container, "waybill-empty")).toBeTruthy())

    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "waybill-number").textContent).toBe(WAYBILL))
    expect(byTestId(container, "waybill-carrier").textContent).toBe("顺丰速运")
    expect(byTestId<HTMLSelectElement>(container, "case-type").value).toBe("滞留")
    expect(byTestId(container, "case-urgent").textContent).toContain("优先处理")
    // The other numbers: a count until opened (a compact header keeps the tabs in view).
    expect(allByTestId(container, "waybill-candidate")).toHaveLength(0)
    expect(byTestId(container, "waybill-others-toggle").textContent).toContain("其他单号 1")
    await click(byTestId(container, "waybill-others-toggle"))
    expect(allByTestId(container, "waybill-candidate").map((b) => b.dataset.number)).toEqual(["773123456789"])
  })

  it("shows an angry customer's state beside the case type and offers de-escalation first", async () => {
    const { port, container, store } = await openSidebar()
    const caseText =
      "咨询 客户：这是我第三次打电话了！！快递在网点放了五天不派送，你们到底管不管，再不处理我就打12305投诉"
    port.emit({ type: "page-state", state: pageState({ caseText }) })
    const state = await waitFor(() => byTestId(container, "customer-state"))
    expect(state.dataset.emotion).toBe("angry")
    expect(state.dataset.repeat).toBe("true")
    expect(state.dataset.threats).toBe("postal")
    expect(byTestId(container, "customer-threat").textContent).toContain("12305")
    expect(byTestId(container, "customer-evidence").textContent).toContain("第三次")
    expect(byTestId(container, "case-urgent-reason")).toBeTruthy()

    await click(byTestId(container, "open-deescalation"))
    const firstGroup = await waitFor(() => byTestId(container, "scripts-first"))
    const ids = [...firstGroup.querySelectorAll<HTMLElement>("[data-testid=script-item]")].map(
      (li) => li.dataset.scriptId,
    )
    expect(ids).toEqual(["de-escalate", "apology", "supervisor-handover"])
    // The group comes before every other script on the tab.
    const all = allByTestId(container, "script-item")
    expect(all[0].dataset.scriptId).toBe("de-escalate")
    expect(all.filter((li) => li.dataset.scriptId === "apology")).toHaveLength(1)

    // The agent corrects the type to a non-urgent one: the case stays urgent because of the customer.
    await typeInto(byTestId(container, "case-type"), "查询")
    await waitFor(async () =>
      expect(await store.getCase(WAYBILL)).toMatchObject({ caseType: "查询", urgent: true }),
    )
  })

  it("a calm ticket shows a calm customer and no de-escalation group", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "customer-state").dataset.emotion).toBe("calm"))
    expect(container.querySelector("[data-testid=customer-deescalate]")).toBeNull()
    await click(byTestId(container, "tab-phrasing"))
    await waitFor(() => byTestId(container, "phrasing-panel"))
    expect(container.querySelector("[data-testid=scripts-first]")).toBeNull()
  })

  it("when the model is unsure, offers the two likeliest types and takes the agent's pick", async () => {
    const { port, container, store } = await openSidebar()
    port.emit({ type: "page-state", state: pageState({ caseText: "在吗" }) })
    const choices = await waitFor(() => {
      const c = allByTestId(container, "case-type-choice")
      expect(c).toHaveLength(2)
      return c
    })
    const picked = choices[1].dataset.type
    await click(choices[1])
    await waitFor(async () => expect((await store.getCase(WAYBILL))?.caseType).toBe(picked))
    await waitFor(() => expect(container.querySelector("[data-testid=case-type-unsure]")).toBeNull())
  })

  it("switches waybill from the list and from the typed field (normalised)", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => byTestId(container, "waybill-others-toggle"))
    await click(byTestId(container, "waybill-others-toggle"))

    await click(byTestId(container, "waybill-candidate"))
    expect(port.posted.at(-1)).toEqual({ type: "select-waybill", number: "773123456789" })
    await waitFor(() => expect(byTestId(container, "waybill-number").textContent).toBe("773123456789"))
    // Ambiguous pure-digit number: the top candidates with their confidence.
    expect(byTestId(container, "waybill-carrier").textContent).toMatch(/申通快递 40%.*中通快递 35%/)

    await typeInto(byTestId(container, "waybill-input"), " ｊｔ 0001 2345 6789 ")
    await click(byTestId(container, "waybill-go"))
    expect(port.posted.at(-1)).toEqual({ type: "select-waybill", number: "JT000123456789" })

    await typeInto(byTestId(container, "waybill-input"), "12#")
    await click(byTestId(container, "waybill-go"))
    expect(container.querySelector("[role=alert]")?.textContent).toContain("运单号")
    expect(port.posted.at(-1)).toEqual({ type: "select-waybill", number: "JT000123456789" })
  })

  it("saves a handoff note signed with the profile, shows it in the timeline and syncs callbacks", async () => {
    const fb = fakeBrowser({
      handlers: { "sidebar.whoami": allowedFrame, "callbacks.sync": () => ({ scheduled: 1 }) },
    })
    const { port, container, store } = await openSidebar({ browser: fb })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "handoff-form").dataset.ready).toBe("true"))
    await waitFor(() => expect(byTestId(container, "handoff-empty")).toBeTruthy())

    await typeInto(byTestId(container, "handoff-customer-name"), "李先生")
    await typeInto(byTestId(container, "handoff-problem"), "快件在广州转运中心滞留三天")
    await click(byTestId(container, "callback-plus30m"))
    expect(byTestId<HTMLInputElement>(container, "handoff-callback").value).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
    )
    await click(byTestId(container, "handoff-save"))

    await waitFor(() => expect(allByTestId(container, "handoff-note")).toHaveLength(1))
    const [note] = await store.listNotes(WAYBILL)
    expect(note).toMatchObject({
      waybill: WAYBILL,
      author: { name: "王芳", workId: "8012" },
      customerName: "李先生",
      problem: "快件在广州转运中心滞留三天",
      caseType: "滞留",
      pageUrl: "https://crm.example.com/ticket/42",
    })
    expect(note.callbackAt).toBeGreaterThan(Date.now())
    await waitFor(() => expect(fb.messages.map((m) => m.name)).toContain("callbacks.sync"))
    const item = byTestId(container, "handoff-note")
    expect(item.textContent).toContain("王芳")
    expect(item.textContent).toContain("8012")
    expect(item.textContent).toContain("快件在广州转运中心滞留三天")
    // The customer stays for the next note; the rest is cleared.
    expect(byTestId<HTMLInputElement>(container, "handoff-customer-name").value).toBe("李先生")
    expect(byTestId<HTMLTextAreaElement>(container, "handoff-problem").value).toBe("")
    expect((await store.getCase(WAYBILL))?.status).toBe("open")
  })

  it("Ctrl+Enter saves; an empty note is refused without writing", async () => {
    const fb = allowedBrowser()
    const { port, container, store } = await openSidebar({ browser: fb })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "handoff-form").dataset.ready).toBe("true"))

    await click(byTestId(container, "handoff-save"))
    await waitFor(() =>
      expect(byTestId(container, "handoff-problem-message").textContent).toContain("至少填写"),
    )
    expect(await store.listNotes(WAYBILL)).toEqual([])

    const field = byTestId(container, "handoff-next-step")
    await typeInto(field, "等网点回复后回电")
    await keyDown(field, { key: "Enter", ctrlKey: true })
    await waitFor(() => expect(allByTestId(container, "handoff-note")).toHaveLength(1))
    expect((await store.listNotes(WAYBILL))[0].nextStep).toBe("等网点回复后回电")
    expect(fb.messages.map((m) => m.name)).not.toContain("callbacks.sync")
  })

  it("keeps the draft per waybill across a reload", async () => {
    const fb = allowedBrowser()
    const first = await openSidebar({ browser: fb })
    first.port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(first.container, "handoff-form").dataset.ready).toBe("true"))
    await typeInto(byTestId(first.container, "handoff-promise"), "今天下午五点前回电")
    await waitFor(() => expect(fb.storage.has(draftKey(WAYBILL))).toBe(true))
    await first.unmount()

    const view = await mount(<SidebarApp mode="inpage" />, { browser: fb, repos: first.store })
    const port = await waitFor(() => {
      expect(fb.ports).toHaveLength(2)
      return fb.ports[1]
    })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() =>
      expect(byTestId<HTMLTextAreaElement>(view.container, "handoff-promise").value).toBe(
        "今天下午五点前回电",
      ),
    )
  })

  it("keeps the draft in the form when the store is full, and says so", async () => {
    const real = testStore()
    const full = { ...real, addNote: () => Promise.reject(new StoreError("quota")) }
    const { port, container } = await openSidebar({ repos: full })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "handoff-form").dataset.ready).toBe("true"))
    await typeInto(byTestId(container, "handoff-problem"), "客户要求赔偿")
    await click(byTestId(container, "handoff-save"))
    await waitFor(() => expect(byTestId(container, "handoff-error").textContent).toContain("存储空间已满"))
    expect(byTestId<HTMLTextAreaElement>(container, "handoff-problem").value).toBe("客户要求赔偿")
    expect(container.querySelector("[data-testid=handoff-saved]")).toBeNull()
  })

  it("removes expired drafts on start and keeps fresh ones", async () => {
    const fb = allowedBrowser()
    fb.storage.set(draftKey("OLD12345"), { savedAt: 1, draft: {} })
    fb.storage.set(draftKey("NEW12345"), { savedAt: Date.now(), draft: { problem: "x" } })
    fb.storage.set("someone-elses-key", 1)
    await openSidebar({ browser: fb })
    await waitFor(() =>
      expect([...fb.storage.keys()].sort()).toEqual([draftKey("NEW12345"), "someone-elses-key"]),
    )
  })

  it("stores a manual case type on the case", async () => {
    const { port, container, store } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => byTestId(container, "waybill-number"))
    await typeInto(byTestId(container, "case-type"), "理赔")
    await waitFor(async () => expect((await store.getCase(WAYBILL))?.caseType).toBe("理赔"))
    await waitFor(() => expect(byTestId(container, "case-type-source").dataset.source).toBe("stored"))
    expect(container.querySelector("[data-testid=case-urgent]")).toBeNull()
  })

  it("reconnects after the port drops", async () => {
    const fb = allowedBrowser()
    const { port, container } = await openSidebar({ browser: fb })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => byTestId(container, "waybill-number"))
    port.drop()
    const again = await waitFor(() => {
      expect(fb.ports).toHaveLength(2)
      return fb.ports[1]
    })
    expect(again.posted).toEqual([{ type: "hello" }])
  })

  it("rescans, collapses, and moves between tabs with the arrow keys", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await click(await waitFor(() => byTestId(container, "sidebar-rescan")))
    expect(port.posted.at(-1)).toEqual({ type: "rescan" })
    await click(byTestId(container, "sidebar-collapse"))
    expect(port.posted.at(-1)).toEqual({ type: "set-collapsed", collapsed: true })

    await keyDown(byTestId(container, "tab-handoff"), { key: "ArrowRight" })
    expect(byTestId(container, "tab-phrasing").getAttribute("aria-selected")).toBe("true")
    expect(container.querySelector("[data-testid=handoff-form]")).toBeNull()
    await keyDown(byTestId(container, "tab-phrasing"), { key: "ArrowLeft" })
    await keyDown(byTestId(container, "tab-handoff"), { key: "ArrowLeft" })
    expect(byTestId(container, "tab-knowledge").getAttribute("aria-selected")).toBe("true")
  })

  it("shows the first few other numbers and the rest on demand", async () => {
    const { port, container } = await openSidebar()
    const many = Array.from({ length: 9 }, (_, i) => ({
      number: `77312345678${i}`,
      carriers: [],
      sources: ["text" as const],
      count: 1,
    }))
    port.emit({ type: "page-state", state: pageState({ candidates: [...pageState().candidates, ...many] }) })
    await waitFor(() => expect(byTestId(container, "waybill-others-toggle").textContent).toContain("10"))
    await click(byTestId(container, "waybill-others-toggle"))
    await waitFor(() => expect(allByTestId(container, "waybill-candidate")).toHaveLength(4))
    await click(byTestId(container, "waybill-candidates-toggle"))
    expect(allByTestId(container, "waybill-candidate")).toHaveLength(10)
  })

  it("phrasing tab: scripts for the case, filled from the profile", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await click(await waitFor(() => byTestId(container, "tab-phrasing")))
    await waitFor(() =>
      expect(
        container.querySelector('[data-testid=script-item][data-script-id="greeting"]')?.textContent,
      ).toContain("您好，示例速运客服，工号8012，很高兴为您服务"),
    )
    expect(
      allByTestId(container, "script-item").every((el) => !el.dataset.scriptId?.startsWith("internal")),
    ).toBe(true)
  })

  it("phrasing tab: the live checklist asks a deferral for a time, counts it on the tab, inserts it; a send is recorded", async () => {
    const repos = testRepositories()
    const { port, container } = await openSidebar({ repos })
    port.emit({ type: "page-state", state: pageState({ url: "https://crm.example.com/ticket/checklist" }) })
    await click(await waitFor(() => byTestId(container, "tab-phrasing")))
    const draft = { editorId: "editor-1", kind: "textarea" as const, selection: null, revision: 3 }
    port.emit({ type: "draft", draft: { ...draft, text: "需要联系理赔部核实，我帮您查一下。" } })
    const item = await waitFor(() => {
      const el = container.querySelector<HTMLElement>('[data-testid=checklist-open][data-item="deferral"]')
      expect(el).not.toBeNull()
      return el!
    })
    expect(item.dataset.missing).toBe("time")
    // The first reply of the conversation also lacks the greeting: both are open and counted on the tab.
    expect(allByTestId(container, "checklist-open").map((el) => el.dataset.item)).toEqual([
      "greeting",
      "deferral",
    ])
    expect(container.querySelector("[data-testid=phrasing-findings]")).toBeNull()
    expect(byTestId(container, "tab-phrasing-count").textContent).toBe("2")
    await click(item.querySelector<HTMLElement>("[data-testid=checklist-insert]")!)
    await typeInto(await waitFor(() => byTestId(container, "slot-input")), "今天18点")
    await click(byTestId(container, "slot-submit"))
    const insert = await waitFor(() => {
      const m = port.posted.find((x) => (x as { type?: string }).type === "insert-text")
      expect(m).toBeDefined()
      return m as { text: string; requestId: string }
    })
    expect(insert.text).toBe("我会在今天18点前给您答复。")
    port.emit({ type: "edit-result", requestId: insert.requestId, ok: true })

    port.emit({
      type: "sent",
      draft: { ...draft, revision: 4, text: "需要联系理赔部核实，我会在今天18点前给您答复。" },
      via: "click",
      customer: ["理赔怎么样了？电话13812345678"],
    })
    await waitFor(() => expect(byTestId(container, "checklist-panel").dataset.recorded).toBe("1"))
    const rows = await repos.conversations.listTurns({ from: 0, to: Number.MAX_SAFE_INTEGER })
    const mine = rows
      .filter((r) => r.page === "https://crm.example.com/ticket/checklist")
      .sort((a, b) => a.at - b.at)
    expect(mine.map((r) => [r.role, r.text, r.agentWorkId])).toEqual([
      ["customer", "理赔怎么样了？电话138****5678", "8012"],
      ["agent", "需要联系理赔部核实，我会在今天18点前给您答复。", "8012"],
    ])
    // A malformed send is dropped by the contract.
    port.emit({ type: "sent", draft: { ...draft, text: 5 }, via: "click", customer: [] })
  })

  it("tabs count what waits: callbacks due on 交接, a ladder step due on 升级, findings on 话术", async () => {
    const store = testStore()
    const hour = 3_600_000
    await store.upsertCase({ waybill: WAYBILL, caseType: "滞留", callbackAt: Date.now() - hour })
    await store.upsertCase({
      waybill: "YT1234567890123",
      caseType: "延误",
      callbackAt: Date.now() - 2 * hour,
    })
    await store.upsertCase({
      waybill: "ZT1234567890123",
      caseType: "延误",
      callbackAt: Date.now() + 2 * hour,
    })
    const { port, container } = await openSidebar({ repos: store })
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => expect(byTestId(container, "tab-handoff-count").textContent).toBe("2"))
    // No attempt yet: the ladder has nothing due.
    expect(allByTestId(container, "tab-escalation-count")).toHaveLength(0)
    await store.logAttempt({
      id: "a1",
      waybill: WAYBILL,
      at: Date.now() - 5 * hour,
      level: 1,
      contactName: "刘站长",
      outcome: "no_answer",
      note: "",
    })
    await waitFor(() => expect(byTestId(container, "tab-escalation-count").textContent).toBe("1"))
    expect(byTestId(container, "tab-escalation-count").title).toContain("升级")
  })

  it("findings in the reply box open 话术, unless the agent is typing in the sidebar", async () => {
    const { port, container } = await openSidebar()
    port.emit({ type: "page-state", state: pageState() })
    await waitFor(() => byTestId(container, "tab-handoff"))
    expect(byTestId(container, "tab-handoff").getAttribute("aria-selected")).toBe("true")
    const draft = { editorId: "editor-1", kind: "textarea" as const, selection: null }
    // A field of the sidebar has focus: the agent is typing there, the tab stays.
    const field = await waitFor(() => container.querySelector<HTMLElement>("textarea, input")!)
    field.focus()
    // The sidebar's document has focus only while the agent works in it (happy-dom always says yes).
    let inSidebar = true
    document.hasFocus = () => inSidebar
    const painted = (revision: number) =>
      waitFor(() =>
        expect(
          port.posted.find(
            (m) =>
              (m as { type?: string }).type === "highlight" &&
              (m as { revision?: number }).revision === revision,
          ),
        ).toBeDefined(),
      )
    port.emit({ type: "draft", draft: { ...draft, revision: 1, text: "这个没办法" } })
    await painted(1)
    expect(byTestId(container, "tab-phrasing-count")).toBeDefined()
    expect(byTestId(container, "tab-handoff").getAttribute("aria-selected")).toBe("true")
    // Findings gone and back while the agent works in the CRM: 话术 opens.
    field.blur()
    inSidebar = false
    port.emit({ type: "draft", draft: { ...draft, revision: 2, text: "您好" } })
    await painted(2)
    expect(byTestId(container, "tab-handoff").getAttribute("aria-selected")).toBe("true")
    port.emit({ type: "draft", draft: { ...draft, revision: 3, text: "您好，这个没办法" } })
    await waitFor(() =>
      expect(byTestId(container, "tab-phrasing").getAttribute("aria-selected")).toBe("true"),
    )
    // The agent goes back to 交接: not pulled away again while the same findings stay.
    await click(byTestId(container, "tab-handoff"))
    port.emit({ type: "draft", draft: { ...draft, revision: 4, text: "您好，这个没办法。" } })
    await painted(4)
    expect(byTestId(container, "tab-handoff").getAttribute("aria-selected")).toBe("true")
    // Text our own click put into the box (写入工单, 插入) while the sidebar has focus: no switch.
    inSidebar = true
    port.emit({ type: "draft", draft: { ...draft, editorId: "editor-2", revision: 5, text: "不行" } })
    await painted(5)
    expect(byTestId(container, "tab-handoff").getAttribute("aria-selected")).toBe("true")
    delete (document as { hasFocus?: unknown }).hasFocus
  })

  it("the CRM's send ends the reply's QA session: a flagged reply sent is ignored, a cleared one retyped is not", async () => {
    // The database of this test alone: its audit trail is read directly.
    const { db } = freshDb()
    const { port } = await openSidebar({ repos: createRepositories(db) })
    port.emit({ type: "page-state", state: pageState({ url: "https://crm.example.com/ticket/sent" }) })
    const draft = { editorId: "editor-9", kind: "textarea" as const, selection: null }
    const outcomes = async () =>
      (await db.auditEvents.toArray())
        .filter((e) => e.ruleId === "refusal-meibanfa")
        .map((e) => e.outcome)
        .sort()
    port.emit({ type: "draft", draft: { ...draft, revision: 1, text: "这个没办法" } })
    await waitFor(async () => expect(await outcomes()).toEqual(["shown"]))
    // Cleared to retype, then a new reply: the first one was never sent.
    port.emit({ type: "draft", draft: { ...draft, revision: 2, text: "" } })
    port.emit({ type: "draft", draft: { ...draft, revision: 3, text: "您好，我帮您查一下" } })
    await waitFor(async () => expect(await outcomes()).toEqual(["discarded", "shown"]))
    port.emit({ type: "draft", draft: { ...draft, revision: 4, text: "您好，这个没办法" } })
    await waitFor(async () => expect(await outcomes()).toEqual(["discarded", "shown", "shown"]))
    port.emit({
      type: "sent",
      draft: { ...draft, revision: 4, text: "您好，这个没办法" },
      via: "click",
      customer: [],
    })
    await waitFor(async () => expect(await outcomes()).toEqual(["discarded", "ignored", "shown", "shown"]))
  })

  it("escalation tab: advises level 1 with the branch contact and logs an attempt", async () => {
    const store = testStore()
    await store.replaceContacts([
      { id: "c1", name: "刘站长", role: "site_manager", branch: "文三路营业点", phone: "0571-88880001" },
      { id: "c2", name: "总部运营部", role: "hq_dept", department: "运营部" },
    ])
    const { port, container } = await openSidebar({ repos: store })
    port.emit({ type: "page-state", state: pageState() })
    await click(await waitFor(() => byTestId(container, "tab-escalation")))
    const advice = await waitFor(() => byTestId(container, "escalation-advice"))
    expect(advice.dataset.level).toBe("1")
    expect(allByTestId(container, "escalation-next-contact").map((c) => c.dataset.contactId)).toEqual(["c1"])

    await click(byTestId(container, "escalation-next-contact").querySelector("button")!)
    expect(byTestId<HTMLInputElement>(container, "attempt-contact").value).toBe("刘站长")
    await typeInto(byTestId(container, "attempt-outcome"), "no_progress")
    await typeInto(byTestId(container, "attempt-note"), "站长称今天安排派送")
    await click(byTestId(container, "attempt-save"))
    await waitFor(() => expect(allByTestId(container, "attempt-item")).toHaveLength(1))
    const [attempt] = await store.listAttempts(WAYBILL)
    expect(attempt).toMatchObject({
      waybill: WAYBILL,
      level: 1,
      contactId: "c1",
      contactName: "刘站长",
      outcome: "no_progress",
      note: "站长称今天安排派送",
      author: { name: "王芳", workId: "8012" },
    })
  })

  it("escalation tab: urgent stranded case, time since the last attempt, attempts in the handoff timeline", async () => {
    const store = testStore()
    await store.replaceContacts([
      {
        id: "c1",
        name: "刘站长",
        role: "site_manager",
        phone: "0571-88880001",
        im: "dd liu",
        hours: "8:00-18:00",
      },
    ])
    const { port, container } = await openSidebar({ repos: store })
    port.emit({ type: "page-state", state: pageState() })
    await click(await waitFor(() => byTestId(container, "tab-escalation")))
    await waitFor(() => byTestId(container, "escalation-urgent"))
    const contact = byTestId(container, "escalation-next-contact")
    expect(byTestId(contact, "contact-phone").textContent).toBe("0571-88880001")
    expect(byTestId(contact, "contact-im").textContent).toContain("dd liu")
    expect(byTestId(contact, "contact-hours").textContent).toBe("8:00-18:00")
    expect(container.querySelector("[data-testid=escalation-since-last]")).toBeNull()

    await click(byTestId(contact, "escalation-log-this"))
    await typeInto(byTestId(container, "attempt-note"), "中转费没结清，货先扣着")
    await waitFor(() => byTestId(container, "attempt-rule10"))
    await typeInto(byTestId(container, "attempt-note"), "电话未接通")
    expect(container.querySelector("[data-testid=attempt-rule10]")).toBeNull()
    await click(byTestId(container, "attempt-save"))
    await waitFor(() => byTestId(container, "escalation-since-last"))

    await click(byTestId(container, "tab-handoff"))
    const item = await waitFor(() => byTestId(container, "timeline-attempt"))
    expect(item.textContent).toContain("刘站长")
    expect(item.textContent).toContain("电话未接通")
  })

  it("shows English only when the locale is en", async () => {
    const store = testStore()
    await store.updateSettings({ locale: "en" })
    const { container } = await openSidebar({ repos: store })
    await waitFor(() => expect(byTestId(container, "tab-handoff").textContent).toBe("Handoff"))
    expect(byTestId(container, "handoff-save").textContent).toBe("Save")
  })
})

describe("SidebarApp in the side panel", () => {
  it("follows the active tab and says when its site is not enabled", async () => {
    const fb = fakeBrowser({
      activeTab: { id: 3, url: "https://other.example.org/x" },
      handlers: {
        "site.status": (body) => ({
          enabled: (body as { origin: string }).origin === "https://crm.example.com",
          granted: true,
        }),
      },
    })
    const view = await mount(<SidebarApp mode="sidepanel" />, { browser: fb })
    await waitFor(() =>
      expect(byTestId(view.container, "sidebar-site-disabled").textContent).toContain("other.example.org"),
    )
    expect(fb.ports).toHaveLength(0)

    fb.activeTab = { id: 4, url: "https://crm.example.com/ticket/1" }
    await act(async () => {
      for (const l of fb.tabListeners) l(4, "activated")
    })
    const port = await waitFor(() => {
      expect(fb.ports).toHaveLength(1)
      return fb.ports[0]
    })
    expect(port.tabId).toBe(4)
  })
})
