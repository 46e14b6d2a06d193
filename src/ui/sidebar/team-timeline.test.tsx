// @vitest-environment happy-dom
import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"

import type { HandoffNote } from "~lib/cases/model"
import { makeNote } from "~lib/store/store.test-helper"
import { toTeamDoc } from "~lib/team/docs"
import { signTeamDoc } from "~lib/team/signing"

import { allByTestId, byTestId, fakeBrowser, mount, testStore, waitFor } from "../component.test-helper"
import { TeamTimeline } from "./team-timeline"

const WB = "SF1234567890"
const doc = (n: HandoffNote) => toTeamDoc("handoff", n, { workId: "", name: "" })

describe("TeamTimeline", () => {
  it("shows colleagues' handoffs marked 团队, newest first, without repeating this profile's own note", async () => {
    const mine = makeNote({
      id: "mine",
      waybill: WB,
      createdAt: 1_000,
      author: { name: "李娜", workId: "A1" },
    })
    const theirs1 = makeNote({
      id: "b1",
      waybill: WB,
      createdAt: 2_000,
      problem: "客户说<b>没收到</b>",
      author: { name: "王强", workId: "B2" },
    })
    const theirs2 = makeNote({
      id: "b2",
      waybill: WB,
      createdAt: 3_000,
      author: { name: "王强", workId: "B2" },
    })
    const browser = fakeBrowser({
      handlers: {
        "team.timeline": () => ({
          ok: true,
          docs: [doc(mine), doc(theirs1), doc(theirs2), { _id: "junk" }],
          fetchedAt: 1,
        }),
      },
    })
    const { container: c } = await mount(<TeamTimeline waybill={WB} localNotes={[mine]} />, { browser })
    await waitFor(() => byTestId(c, "team-timeline"))
    const entries = allByTestId(c, "team-entry")
    expect(entries.map((e) => e.getAttribute("data-doc-id"))).toEqual([doc(theirs2)._id, doc(theirs1)._id])
    expect(entries[0].textContent).toContain("团队")
    expect(entries[0].textContent).toContain("王强")
    // Server text is text, never markup.
    expect(entries[1].querySelector("b")).toBeNull()
    expect(entries[1].textContent).toContain("客户说<b>没收到</b>")
    expect(browser.messages.filter((m) => m.name === "team.timeline").map((m) => m.body)).toEqual([
      { waybill: WB },
    ])
  })

  it("says when it shows the last copy because the server is unreachable", async () => {
    const n = makeNote({ id: "b1", waybill: WB, author: { name: "王强", workId: "B2" } })
    const browser = fakeBrowser({
      handlers: {
        "team.timeline": () => ({
          ok: false,
          error: "network",
          docs: [doc(n)],
          fetchedAt: 1_700_000_000_000,
          cached: true,
        }),
      },
    })
    const view = await mount(<TeamTimeline waybill={WB} localNotes={[]} />, { browser })
    await waitFor(() => byTestId(view.container, "team-stale"))
    expect(allByTestId(view.container, "team-entry")).toHaveLength(1)
  })

  it("says plainly when the session expired, instead of the server's words", async () => {
    const browser = fakeBrowser({
      handlers: {
        "team.timeline": () => ({
          ok: false,
          error: "unauthorized (401): unauthorized: You are not authorized",
        }),
      },
    })
    const view = await mount(<TeamTimeline waybill={WB} localNotes={[]} />, { browser })
    const error = await waitFor(() => byTestId(view.container, "team-error"))
    expect(error.textContent).toContain("请在选项页重新登录")
    expect(error.textContent).not.toContain("401")
  })

  it("renders nothing when no team server is configured", async () => {
    const browser = fakeBrowser({ handlers: { "team.timeline": () => ({ ok: false, error: "off" }) } })
    const view = await mount(<TeamTimeline waybill={WB} localNotes={[]} />, { browser })
    await waitFor(() => browser.messages.length > 0 || undefined)
    await new Promise((r) => setTimeout(r, 20))
    expect(view.container.querySelector("[data-testid=team-timeline]")).toBeNull()
  })

  it("marks colleagues' handoffs with the ticket's trust marks: signed ✓, altered or forged ⚠", async () => {
    const KEY = "team-key-0123456789"
    const by = { name: "王强", workId: "B2" }
    const good = await signTeamDoc(doc(makeNote({ id: "g", waybill: WB, createdAt: 3_000, author: by })), KEY)
    const signed = await signTeamDoc(
      doc(makeNote({ id: "a", waybill: WB, createdAt: 2_000, author: by })),
      KEY,
    )
    const altered = { ...signed, body: { ...signed.body, promise: "已赔偿客户500元" } }
    const forged = doc(makeNote({ id: "f", waybill: WB, createdAt: 1_000, author: by }))
    const browser = fakeBrowser({
      handlers: { "team.timeline": () => ({ ok: true, docs: [good, altered, forged], fetchedAt: 1 }) },
    })
    const view = await mount(<TeamTimeline waybill={WB} localNotes={[]} teamKey={KEY} />, {
      browser: browser,
    })
    await waitFor(() => byTestId(view.container, "team-timeline"))
    const entries = allByTestId(view.container, "team-entry")
    expect(entries.map((e) => e.getAttribute("data-verification"))).toEqual([
      "verified",
      "bad-signature",
      "unsigned",
    ])
    expect(entries[0].querySelector("[data-testid=handoff-verified]")).not.toBeNull()
    expect(entries[0].querySelector("[data-testid=handoff-unverified]")).toBeNull()
    for (const e of entries.slice(1)) {
      expect(e.querySelector("[data-testid=handoff-verified]")).toBeNull()
      expect(e.querySelector("[data-testid=handoff-unverified]")?.textContent).toContain("⚠")
    }
  })

  it("a colleague's verified takeover on the server drops this machine's reminder; an unverified one does not", async () => {
    const KEY = "team-key-0123456789"
    const me = { name: "李娜", workId: "A1" }
    const callbackAt = 1_800_000_000_000
    const mine = makeNote({ id: "mine", waybill: WB, createdAt: 1_000, author: me, callbackAt })
    const takeover = (id: string) =>
      toTeamDoc(
        "takeover",
        makeNote({
          id,
          waybill: WB,
          createdAt: 2_000,
          author: { name: "王强", workId: "B2" },
          takeoverOf: "mine",
        }),
        { workId: "", name: "" },
      )
    for (const signed of [false, true]) {
      const store = testStore()
      const record = await store.upsertCase({ waybill: WB, callbackAt })
      const doc = signed ? await signTeamDoc(takeover("t-signed"), KEY) : takeover("t-unsigned")
      const browser = fakeBrowser({
        handlers: {
          "team.timeline": () => ({ ok: true, docs: [doc], fetchedAt: 1 }),
          "callbacks.sync": () => ({ ok: true }),
        },
      })
      const view = await mount(
        <TeamTimeline waybill={WB} localNotes={[mine]} teamKey={KEY} record={record} me={me} />,
        { browser, repos: store },
      )
      await waitFor(() => byTestId(view.container, "team-entry"))
      if (signed) {
        await waitFor(() => byTestId(view.container, "team-reminder-dropped"))
        expect((await store.getCase(WB))?.callbackAt).toBeUndefined()
        expect(browser.messages.some((m) => m.name === "callbacks.sync")).toBe(true)
      } else {
        await new Promise((r) => setTimeout(r, 50))
        expect(view.container.querySelector("[data-testid=team-reminder-dropped]")).toBeNull()
        expect((await store.getCase(WB))?.callbackAt).toBe(callbackAt)
      }
      await view.unmount()
    }
  })
})
