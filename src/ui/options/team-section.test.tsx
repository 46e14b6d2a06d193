// @vitest-environment happy-dom
import { act } from "react"
import { describe, expect, it } from "vitest"

import type { TeamStatus } from "~lib/protocol/types"

import { byTestId, fakeBrowser, mount, typeInto, waitFor } from "../component.test-helper"
import { TeamSection } from "./team-section"

const base: TeamStatus = { state: "off", roles: [], isQa: false, queued: 0, rejected: 0, rejections: [] }

describe("TeamSection", () => {
  it("shows nothing without a team-server policy", async () => {
    const browser = fakeBrowser({ handlers: { "team.status": () => base } })
    const view = await mount(<TeamSection workId="A1" />, { browser })
    await waitFor(() => browser.messages.length > 0 || undefined)
    expect(view.container.querySelector("[data-testid=team-section]")).toBeNull()
  })

  it("logs in with the work ID, sends the password once and clears it; a wrong password is said plainly", async () => {
    let status: TeamStatus = { ...base, state: "needs-login", server: "https://couch.example.com", queued: 4 }
    const browser = fakeBrowser({
      handlers: {
        "team.status": () => status,
        "team.login": (body) => {
          const { password } = body as { password: string }
          if (password !== "right") return { ok: false, error: "bad-credentials" }
          status = { ...status, state: "ok", user: "A1", queued: 0 }
          return { ok: true }
        },
      },
    })
    const { container: c } = await mount(<TeamSection workId="A1" />, { browser })
    await waitFor(() => byTestId(c, "team-login-form"))
    expect(byTestId<HTMLInputElement>(c, "team-user").value).toBe("A1")
    expect(byTestId(c, "team-outbox").textContent).toContain("待上传：4 条")
    await typeInto(byTestId(c, "team-password"), "wrong")
    await act(async () => byTestId<HTMLButtonElement>(c, "team-login").click())
    await waitFor(() => byTestId(c, "team-note"))
    expect(byTestId(c, "team-note").textContent).toContain("账号或密码错误")
    expect(byTestId<HTMLInputElement>(c, "team-password").value).toBe("")
    await typeInto(byTestId(c, "team-password"), "right")
    await act(async () => byTestId<HTMLButtonElement>(c, "team-login").click())
    await waitFor(() => byTestId(c, "team-user-line"))
    expect(byTestId(c, "team-user-line").textContent).toContain("已登录：A1")
    const logins = browser.messages.filter((m) => m.name === "team.login")
    expect(logins.map((m) => m.body)).toEqual([
      { name: "A1", password: "wrong" },
      { name: "A1", password: "right" },
    ])
  })

  it("shows refused documents with the server's reason, and asks for the host permission", async () => {
    const browser = fakeBrowser({
      handlers: {
        "team.status": () => ({
          ...base,
          state: "needs-permission",
          hostPattern: "https://couch.example.com/*",
          rejected: 1,
          rejections: [
            {
              docId: "handoff:B2:n1:0123456789abcdef",
              reason: "forbidden: not-yours: A1 may write only its own documents",
            },
          ],
        }),
      },
    })
    const { container: c } = await mount(<TeamSection workId="A1" />, { browser })
    await waitFor(() => byTestId(c, "team-rejected"))
    expect(byTestId(c, "team-rejected").textContent).toContain("not-yours")
    await act(async () => byTestId<HTMLButtonElement>(c, "team-grant").click())
    expect(browser.permissionRequests).toEqual([["https://couch.example.com/*"]])
  })
})
