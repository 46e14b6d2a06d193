// @vitest-environment happy-dom

import { beforeEach, describe, expect, it } from "vitest"

import { checkDraft } from "~lib/phrasing/check"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { rewriteReply } from "~lib/phrasing/rewrite"
import type { Draft, PageState, SidebarToPage } from "~lib/protocol/types"
import type { SidekickStore } from "~lib/store/contract"
import type { Repositories } from "~lib/store/repositories"

import {
  allByTestId,
  byTestId,
  click,
  type FakePort,
  keyDown,
  testRepositories,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { CRM_ORIGIN, openSidebar } from "./sidebar.test-helper"

const WAYBILL = "SF1385628716739"

function pageState(): PageState {
  return {
    url: `${CRM_ORIGIN}/ticket/42`,
    title: "工单 42",
    candidates: [],
    current: WAYBILL,
    currentReason: "label",
    caseText: "客户反映快件在转运中心滞留三天",
    scan: { nodes: 10, ms: 1, truncated: false },
  }
}

const draft = (text: string, revision = 1, editorId = "editor-1"): Draft => ({
  editorId,
  kind: "textarea",
  text,
  selection: { start: text.length, end: text.length },
  revision,
})

// Each test's repositories over a database of its own, handed to the sidebar through its services.
let repos: Repositories
beforeEach(() => {
  repos = testRepositories()
})

async function open(seed?: (store: SidekickStore) => Promise<unknown>) {
  await seed?.(repos.store)
  const { port, container } = await openSidebar({ repos })
  port.emit({ type: "page-state", state: pageState() })
  await click(await waitFor(() => byTestId(container, "tab-phrasing")))
  return { port, c: container }
}

function posted<T extends SidebarToPage["type"]>(port: FakePort, type: T) {
  return port.posted.filter(
    (m): m is Extract<SidebarToPage, { type: T }> => (m as SidebarToPage).type === type,
  )
}

/** The i-th message of a type the sidebar posted, once it has. */
function nth<T extends SidebarToPage["type"]>(port: FakePort, type: T, i: number) {
  return waitFor(() => {
    const m = posted(port, type)[i]
    expect(m).toBeDefined()
    return m
  })
}

async function auditEvents(ruleId?: string) {
  return repos.audit.listAuditEvents({ from: 0, to: Number.MAX_SAFE_INTEGER, ruleId })
}

describe("phrasing panel", () => {
  it("lints each draft with the phrasebook in force, shows the findings and paints them", async () => {
    const { port, c } = await open()
    expect(byTestId(c, "phrasing-no-editor")).toBeTruthy()
    expect(byTestId(c, "phrasebook-version").textContent).toContain(`话术库 ${DEFAULT_PHRASEBOOK.version}`)
    port.emit({ type: "draft", draft: draft("这个没办法", 3) })
    const finding = await waitFor(() => byTestId(c, "phrasing-finding"))
    expect(finding.dataset.ruleId).toBe("refusal-meibanfa")
    expect(byTestId(finding, "phrasing-flagged").textContent).toBe("这个没办法")
    expect(byTestId(finding, "phrasing-reason").textContent).toMatch(/\S/)
    expect(allByTestId(finding, "phrasing-replacement").length).toBeGreaterThan(0)
    await waitFor(() =>
      expect(posted(port, "highlight").at(-1)).toEqual({
        type: "highlight",
        editorId: "editor-1",
        revision: 3,
        // The reason and the first ready fix go along for the card on the underline.
        spans: [
          {
            start: 0,
            end: 5,
            severity: "warning",
            reason: expect.stringMatching(/\S/),
            fix: DEFAULT_PHRASEBOOK.rules.find((r) => r.id === "refusal-meibanfa")!.replacements[0],
          },
        ],
      }),
    )
    await waitFor(async () =>
      expect((await auditEvents("refusal-meibanfa")).map((e) => e.outcome)).toContain("shown"),
    )

    port.emit({ type: "draft", draft: draft("您好", 4) })
    await waitFor(() => byTestId(c, "phrasing-clean"))
    expect(posted(port, "highlight").at(-1)).toMatchObject({ revision: 4, spans: [] })
  })

  it("a replacement sends replace-range for the draft's revision and expected text; stale re-checks", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("好的，这个没办法", 5) })
    const button = await waitFor(
      () => allByTestId(byTestId(c, "phrasing-finding"), "phrasing-replacement")[0],
    )
    const replacement = DEFAULT_PHRASEBOOK.rules.find((r) => r.id === "refusal-meibanfa")!.replacements[0]
    await click(button)
    const request = posted(port, "replace-range").at(-1)!
    expect(request).toMatchObject({
      editorId: "editor-1",
      revision: 5,
      start: 3,
      end: 8,
      expected: "这个没办法",
      text: replacement,
    })

    // The page refuses: the agent typed meanwhile. The new draft comes with the answer.
    port.emit({
      type: "edit-result",
      requestId: request.requestId,
      ok: false,
      error: "stale-revision",
      draft: draft("好的，这个没办法呀", 6),
    })
    await waitFor(() => expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("error"))
    expect(byTestId(c, "phrasing-findings").dataset.revision).toBe("6")

    await click(allByTestId(byTestId(c, "phrasing-finding"), "phrasing-replacement")[0])
    const again = posted(port, "replace-range").at(-1)!
    expect(again.revision).toBe(6)
    port.emit({
      type: "edit-result",
      requestId: again.requestId,
      ok: true,
      draft: draft(`好的，${replacement}呀`, 7),
    })
    await waitFor(() => byTestId(c, "phrasing-clean"))
    await waitFor(async () =>
      expect((await auditEvents("refusal-meibanfa")).map((e) => e.outcome)).toContain("applied"),
    )
  })

  it("Fix all previews the whole rewritten reply; Esc cancels, Enter applies it as one edit", async () => {
    const { port, c } = await open()
    const text = "不行，这个没办法，你去找网点吧。"
    port.emit({ type: "draft", draft: draft(text, 1) })
    await waitFor(() => expect(allByTestId(c, "phrasing-finding").length).toBeGreaterThanOrEqual(2))
    await click(byTestId(c, "phrasing-fix-all"))
    const preview = await waitFor(() => byTestId(c, "fix-preview"))
    const expected = rewriteReply(text, checkDraft(text), (t) => checkDraft(t)).text
    expect(byTestId(preview, "fix-preview-before").textContent).toContain(text)
    expect(byTestId(preview, "fix-preview-after").textContent).toContain(expected)
    expect(expected).not.toContain("你去找网点")
    // Nothing is written before the agent says so.
    expect(posted(port, "replace-range")).toHaveLength(0)
    await keyDown(preview, { key: "Escape", code: "Escape" })
    await waitFor(() => expect(allByTestId(c, "fix-preview")).toHaveLength(0))
    expect(posted(port, "replace-range")).toHaveLength(0)

    await click(byTestId(c, "phrasing-fix-all"))
    await keyDown(await waitFor(() => byTestId(c, "fix-preview")), { key: "Enter", code: "Enter" })
    const request = await nth(port, "replace-range", 0)
    // One edit (one undo step in the CRM) over the part that changed.
    expect(request.revision).toBe(1)
    expect(text.slice(0, request.start) + request.text + text.slice(request.end)).toBe(expected)
    expect(request.expected).toBe(text.slice(request.start, request.end))
    port.emit({ type: "edit-result", requestId: request.requestId, ok: true, draft: draft(expected, 2) })
    await waitFor(() => expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("ok"))
    expect(posted(port, "replace-range")).toHaveLength(1)
    await waitFor(async () =>
      expect((await auditEvents("refusal-buxing")).map((e) => e.outcome)).toContain("applied"),
    )
    expect((await auditEvents("refusal-meibanfa")).map((e) => e.outcome)).toContain("applied")
  })

  it("a preview is closed when the reply changes under it (it would overwrite the agent's typing)", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("这个没办法", 1) })
    await waitFor(() => byTestId(c, "phrasing-finding"))
    await click(byTestId(c, "phrasing-fix-all"))
    await waitFor(() => byTestId(c, "fix-preview"))
    port.emit({ type: "draft", draft: draft("这个没办法，真的", 2) })
    await waitFor(() => expect(allByTestId(c, "fix-preview")).toHaveLength(0))
    expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("error")
    expect(posted(port, "replace-range")).toHaveLength(0)
  })

  it("a replacement with slots asks first, prefilled where known; Alt+1 works from the keyboard", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("不知道", 1) })
    const finding = await waitFor(() => byTestId(c, "phrasing-finding"))
    const withSlot = allByTestId<HTMLButtonElement>(finding, "phrasing-replacement").find(
      (b) => b.dataset.slots === "true",
    )!
    await click(withSlot)
    const form = byTestId(c, "phrasing-slot-form")
    expect(posted(port, "replace-range")).toHaveLength(0)
    expect(byTestId<HTMLButtonElement>(form, "slot-submit").disabled).toBe(true)
    await typeInto(byTestId(form, "slot-input"), "今天18点")
    await click(byTestId(form, "slot-submit"))
    const request = await nth(port, "replace-range", 0)
    expect(request.text).toContain("今天18点")
    expect(request.text).not.toContain("{")

    port.emit({ type: "draft", draft: draft("这个没办法", 2) })
    await waitFor(() => expect(byTestId(c, "phrasing-finding").dataset.ruleId).toBe("refusal-meibanfa"))
    await keyDown(byTestId(c, "phrasing-finding"), { code: "Digit1", key: "1", altKey: true })
    await waitFor(() =>
      expect(posted(port, "replace-range").at(-1)).toMatchObject({ revision: 2, expected: "这个没办法" }),
    )
  })

  it("prefills {回复时间} from the case's callback time", async () => {
    const callbackAt = Date.now() + 60 * 60 * 1000
    const { port, c } = await open((store) =>
      store.upsertCase({ waybill: WAYBILL, caseType: "滞留", callbackAt }),
    )
    await waitFor(() => expect(byTestId(c, "case-type-source").dataset.source).toBe("stored"))
    port.emit({ type: "draft", draft: draft("不知道", 1) })
    const finding = await waitFor(() => byTestId(c, "phrasing-finding"))
    await click(
      allByTestId<HTMLButtonElement>(finding, "phrasing-replacement").find(
        (b) => b.dataset.slots === "true",
      )!,
    )
    const input = await waitFor(() => byTestId<HTMLInputElement>(c, "slot-input"))
    expect(input.dataset.slot).toBe("回复时间")
    expect(input.value).toMatch(/^(今天|明天)\d\d:\d\d$/)
  })

  it("Alt+n pressed in the CRM's editor applies the first finding's suggestion n, or asks for its slots", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("这个没办法", 4) })
    await waitFor(() => byTestId(c, "phrasing-finding"))
    port.emit({ type: "shortcut", action: "apply-suggestion", index: 0 })
    const request = await nth(port, "replace-range", 0)
    expect(request).toMatchObject({ revision: 4, expected: "这个没办法" })
    // Suggestion 2 of this rule has a {回复时间} slot: nothing is sent, the agent is told.
    port.emit({ type: "shortcut", action: "apply-suggestion", index: 1 })
    await waitFor(() => expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("error"))
    expect(posted(port, "replace-range")).toHaveLength(1)
    // A malformed shortcut from the page is dropped.
    port.emit({ type: "shortcut", action: "apply-suggestion", index: 7 })
    expect(posted(port, "replace-range")).toHaveLength(1)
  })

  it("the fix chosen on the card in the CRM's editor is applied to that finding, for that revision only", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("您好，这个没办法", 2) })
    await waitFor(() => byTestId(c, "phrasing-finding"))
    // A card from an older revision is refused: the reply moved on.
    port.emit({ type: "apply-fix", editorId: "editor-1", revision: 1, start: 3, end: 8 })
    await waitFor(() => expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("error"))
    expect(posted(port, "replace-range")).toHaveLength(0)
    port.emit({ type: "apply-fix", editorId: "editor-1", revision: 2, start: 3, end: 8 })
    const request = await nth(port, "replace-range", 0)
    expect(request).toMatchObject({ revision: 2, start: 3, end: 8, expected: "这个没办法" })
    expect(request.text).toBe(
      DEFAULT_PHRASEBOOK.rules.find((r) => r.id === "refusal-meibanfa")!.replacements[0],
    )
  })

  it("dismiss hides a finding; Wrong records the reason for QA", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("不行，你去找网点", 1) })
    await waitFor(() => expect(allByTestId(c, "phrasing-finding")).toHaveLength(2))
    await click(byTestId(allByTestId(c, "phrasing-finding")[0], "phrasing-dismiss"))
    expect(allByTestId(c, "phrasing-finding")).toHaveLength(1)
    const remaining = byTestId(c, "phrasing-finding")
    const rule = remaining.dataset.ruleId!
    await click(byTestId(remaining, "phrasing-wrong"))
    await typeInto(byTestId(remaining, "phrasing-wrong-reason"), "这是在复述客户的话")
    await click(byTestId(remaining, "phrasing-wrong-submit"))
    // Hidden is not fixed: the panel says so instead of "no issues".
    const ignored = await waitFor(() => byTestId(c, "phrasing-ignored"))
    expect(ignored.dataset.n).toBe("2")
    expect(ignored.textContent).toContain("2 处已忽略")
    expect(allByTestId(c, "phrasing-clean")).toHaveLength(0)
    await waitFor(async () =>
      expect((await auditEvents(rule)).find((e) => e.outcome === "wrong")?.reason).toBe("这是在复述客户的话"),
    )
    // The dismissed findings stay underlined in the editor, muted.
    const spans = posted(port, "highlight").at(-1)?.spans ?? []
    expect(spans).toHaveLength(2)
    expect(spans.every((x) => x.muted === true)).toBe(true)
    // Once the words are gone from the reply, nothing is left to count.
    port.emit({ type: "draft", draft: draft("您好", 2) })
    await waitFor(() => byTestId(c, "phrasing-clean"))
  })

  it("Insert sends insert-text, asking for missing slots first", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("", 1) })
    await click(
      await waitFor(() => byTestId(c.querySelector('[data-script-id="closing"]')!, "script-insert")),
    )
    const request = await nth(port, "insert-text", 0)
    expect(request).toMatchObject({ editorId: "editor-1", text: "感谢您的来电，祝您生活愉快，再见。" })
    port.emit({ type: "edit-result", requestId: request.requestId, ok: true, draft: draft(request.text, 2) })
    await waitFor(() => expect(byTestId(c, "phrasing-notice").dataset.kind).toBe("ok"))

    await click(byTestId(c.querySelector('[data-script-id="callback-not-convenient"]')!, "script-insert"))
    const form = byTestId(c, "script-slot-form")
    await typeInto(byTestId(form, "slot-input"), "明天上午10点")
    await click(byTestId(form, "slot-submit"))
    await waitFor(() =>
      expect(posted(port, "insert-text")[1]?.text).toBe("抱歉打扰您了，我在明天上午10点再与您联系，再见！"),
    )
  })

  it("a promise to reply later prefills the handoff form's promise and callback", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("好的，我帮您问问网点", 1) })
    await click(await waitFor(() => byTestId(c, "promise-set-callback")))
    await waitFor(() => expect(byTestId<HTMLTextAreaElement>(c, "handoff-promise").value).toBe("我帮您问问"))
    expect(byTestId<HTMLInputElement>(c, "handoff-callback").value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/)
  })

  it("uses a valid stored phrasebook, and falls back to the built-in one when it is invalid", async () => {
    const custom = {
      ...DEFAULT_PHRASEBOOK,
      version: "2026.12.1",
      rules: [
        {
          ...DEFAULT_PHRASEBOOK.rules[0],
          id: "custom-nani",
          triggers: ["搞什么"],
          examples: { blunt: ["搞什么"], polite: ["您好"] },
        },
      ],
    }
    await repos.phrasebooks.putPhrasebook("2026.12.1", custom, { activate: true })
    const { port, c } = await open()
    await waitFor(() => expect(byTestId(c, "phrasebook-version").textContent).toContain("2026.12.1"))
    port.emit({ type: "draft", draft: draft("你搞什么", 1) })
    await waitFor(() => expect(byTestId(c, "phrasing-finding").dataset.ruleId).toBe("custom-nani"))

    await repos.phrasebooks.putPhrasebook("2026.12.2", { id: "x", rules: [] }, { activate: true })
    await waitFor(() => byTestId(c, "phrasebook-invalid"))
    expect(byTestId(c, "phrasebook-version").textContent).toContain(DEFAULT_PHRASEBOOK.version)
  })

  it("a note that holds goods over internal fees shows the held-over-fees warning before saving", async () => {
    const { c } = await open()
    await click(byTestId(c, "tab-handoff"))
    await typeInto(await waitFor(() => byTestId(c, "handoff-actions")), "中转费没结清，货先扣着")
    await waitFor(() => byTestId(c, "note-rule10"))
  })

  it("draft-gone ends the draft: the panel asks for an editor again", async () => {
    const { port, c } = await open()
    port.emit({ type: "draft", draft: draft("这个没办法", 1) })
    await waitFor(() => byTestId(c, "phrasing-finding"))
    port.emit({ type: "draft-gone" })
    await waitFor(() => byTestId(c, "phrasing-no-editor"))
    await waitFor(async () =>
      expect((await auditEvents("refusal-meibanfa")).map((e) => e.outcome)).toContain("ignored"),
    )
  })
})
