// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import type { HandoffNote } from "~lib/cases/model"

import {
  allByTestId,
  byTestId,
  click,
  fakeBrowser,
  mount,
  testStore,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { PopupApp } from "./popup-app"

const note = (over: Partial<HandoffNote>): HandoffNote => ({
  id: "n1",
  waybill: "SF1385628716739",
  createdAt: Date.now() - 60_000,
  author: { name: "王芳", workId: "8012" },
  problem: "快件滞留",
  actionsTaken: "",
  contacted: "",
  promise: "",
  nextStep: "",
  ...over,
})

describe("PopupApp", () => {
  it("asks for the site permission synchronously in the click, then enables the site", async () => {
    let enabled = false
    const fb = fakeBrowser({
      activeTab: { id: 9, url: "https://crm.example.com/ticket/1" },
      handlers: {
        "site.status": () => ({ enabled, granted: enabled }),
        "site.enable": () => {
          enabled = true
          return { ok: true }
        },
      },
    })
    const view = await mount(<PopupApp />, { browser: fb })
    const button = await waitFor(() => byTestId(view.container, "popup-enable"))
    expect(byTestId(view.container, "popup-origin").textContent).toBe("https://crm.example.com")

    // No await between the click and the request: the browser needs the user gesture.
    button.click()
    expect(fb.permissionRequests).toEqual([["https://crm.example.com/*"]])
    expect(fb.messages.filter((m) => m.name === "site.enable")).toEqual([])

    await waitFor(() =>
      expect(fb.messages.find((m) => m.name === "site.enable")?.body).toEqual({
        origin: "https://crm.example.com",
        tabId: 9,
      }),
    )
    await waitFor(() => byTestId(view.container, "popup-disable"))
  })

  it("does not enable when the permission is refused", async () => {
    const fb = fakeBrowser({
      activeTab: { id: 9, url: "https://crm.example.com/" },
      handlers: {
        "site.status": () => ({ enabled: false, granted: false }),
        "site.enable": () => ({ ok: true }),
      },
    })
    fb.grant = false
    const view = await mount(<PopupApp />, { browser: fb })
    await click(await waitFor(() => byTestId(view.container, "popup-enable")))
    await waitFor(() => expect(byTestId(view.container, "popup-error").textContent).toContain("权限"))
    expect(fb.messages.map((m) => m.name)).not.toContain("site.enable")
  })

  it("uses ?tabId= and disables", async () => {
    const fb = fakeBrowser({
      activeTab: { id: 12, url: "http://localhost:8080/crm" },
      search: "?tabId=12",
      handlers: {
        "site.status": () => ({ enabled: true, granted: true }),
        "site.disable": () => ({ ok: true }),
      },
    })
    const view = await mount(<PopupApp />, { browser: fb })
    await click(await waitFor(() => byTestId(view.container, "popup-disable")))
    await waitFor(() =>
      expect(fb.messages.find((m) => m.name === "site.disable")?.body).toEqual({
        origin: "http://localhost:8080",
      }),
    )
  })

  it("says so on pages that cannot be enabled", async () => {
    const fb = fakeBrowser({ activeTab: { id: 1, url: "chrome://extensions/" } })
    const view = await mount(<PopupApp />, { browser: fb })
    await waitFor(() => byTestId(view.container, "popup-unsupported"))
    expect(view.container.querySelector("[data-testid=popup-enable]")).toBeNull()
  })

  it("lists open cases and due callbacks, and searches notes by waybill or customer", async () => {
    const store = testStore()
    await store.addNote(
      note({ id: "a", customerName: "李先生", callbackAt: Date.now() - 5 * 60_000, caseType: "滞留" }),
    )
    await store.addNote(
      note({ id: "b", waybill: "YT1234567890123", customerName: "张女士", status: "resolved" }),
    )
    const fb = fakeBrowser({ activeTab: { id: 1, url: "chrome://newtab/" } })
    const view = await mount(<PopupApp />, { browser: fb, repos: store })
    const container = view.container

    await waitFor(() => expect(allByTestId(container, "popup-case").length).toBe(2)) // due + open
    const [due] = allByTestId(container, "popup-case")
    expect(due.dataset.waybill).toBe("SF1385628716739")
    expect(due.textContent).toContain("已超时")
    expect(byTestId(container, "popup-open-cases").textContent).not.toContain("YT1234567890123")

    await typeInto(byTestId(container, "popup-search"), "张")
    await waitFor(() =>
      expect(allByTestId(container, "popup-search-result").map((r) => r.dataset.waybill)).toEqual([
        "YT1234567890123",
      ]),
    )
    await typeInto(byTestId(container, "popup-search"), "SF13856")
    await waitFor(() =>
      expect(allByTestId(container, "popup-search-result").map((r) => r.dataset.waybill)).toEqual([
        "SF1385628716739",
      ]),
    )
    await typeInto(byTestId(container, "popup-search"), "无此人")
    await waitFor(() => byTestId(container, "popup-search-empty"))
  })
})
