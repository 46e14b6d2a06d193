// @vitest-environment happy-dom
import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"

import { parsePolicy } from "~lib/policy/parse"
import type { SidekickStore } from "~lib/store/contract"

import { OptionsApp } from "../options/options-app"
import { PopupApp } from "../popup/popup-app"
import {
  allByTestId,
  byTestId,
  click,
  fakeBrowser,
  mount,
  testStore,
  waitFor,
} from "../component.test-helper"

const CRM = "https://crm.example.com"

async function withPolicy(store: SidekickStore, raw: Record<string, unknown>) {
  const { policy, diagnostics } = parsePolicy(raw)
  await store.setPolicy({ readAt: 1_764_800_000_000, source: "managed", policy, diagnostics })
}

describe("the admin policy in the pages", () => {
  it("Options: locked values shown disabled, the agent's own kept on save, diagnostics, one-click access", async () => {
    const store = testStore()
    await store.updateSettings({ profile: { name: "王芳", workId: "8012", company: "我的公司" } })
    await withPolicy(store, {
      policyVersion: "2026-12-01",
      companyName: "盛辉物流",
      sites: [{ origin: CRM, waybillSelector: "#wb" }],
      allowExport: false,
      auditRetentionDays: 99999,
    })
    const fb = fakeBrowser({
      handlers: { "site.status": () => ({ enabled: true, granted: false, managed: true }) },
    })
    const { container: c } = await mount(<OptionsApp />, { browser: fb, repos: store })

    const company = await waitFor(() => byTestId(c, "profile-company-locked"))
    expect(company.textContent).toContain("由管理员统一设置")
    const input = company.querySelector("input") as HTMLInputElement
    expect([input.value, input.disabled]).toEqual(["盛辉物流", true])
    expect(c.querySelector('[data-testid="profile-company"]')).toBeNull()

    await click(byTestId(c, "profile-save"))
    await waitFor(() => expect(byTestId(c, "profile-status").textContent).toContain("已保存"))
    expect((await store.getSettings()).profile.company).toBe("盛辉物流")
    await store.setPolicy({ readAt: 0, source: "none", policy: {}, diagnostics: [] })
    expect((await store.getSettings()).profile.company).toBe("我的公司")
    await withPolicy(store, {
      companyName: "盛辉物流",
      sites: [{ origin: CRM }],
      allowExport: false,
      auditRetentionDays: 0,
    })

    const row = await waitFor(() => {
      const el = c.querySelector<HTMLElement>(`[data-testid=site-row][data-origin="${CRM}"]`)
      if (!el) throw new Error("no policy site row yet")
      return el
    })
    expect(row.dataset.managed).toBe("true")
    expect(row.querySelector('[data-testid="site-disable"]')).toBeNull()
    // The export button follows the policy through its own live query: it may update a render later.
    await waitFor(() => expect((byTestId(c, "data-export") as HTMLButtonElement).disabled).toBe(true))

    await waitFor(() =>
      expect(allByTestId(c, "policy-diagnostic").map((d) => d.dataset.key)).toEqual(["auditRetentionDays"]),
    )
    expect(byTestId(c, "policy-diagnostic").textContent).toContain("1–3650")

    await click(await waitFor(() => byTestId(c, "policy-allow-access")))
    expect(fb.permissionRequests).toEqual([[`${CRM}/*`]])
  })

  it("Options without a policy: nothing locked, no panel noise", async () => {
    const store = testStore()
    const { container: c } = await mount(<OptionsApp />, { repos: store })
    await waitFor(() => byTestId(c, "profile-company"))
    expect(byTestId(c, "policy-panel").dataset.source).toBe("none")
    expect(allByTestId(c, "locked-badge")).toEqual([])
    expect(c.querySelector('[data-testid="policy-diagnostics"]')).toBeNull()
    expect((byTestId(c, "data-export") as HTMLButtonElement).disabled).toBe(false)
  })

  it("Popup: a policy site cannot be disabled; the fixed settings are listed with their values", async () => {
    const store = testStore()
    await withPolicy(store, { companyName: "盛辉物流", sites: [{ origin: CRM }] })
    const fb = fakeBrowser({
      activeTab: { id: 7, url: `${CRM}/ticket/1` },
      handlers: { "site.status": () => ({ enabled: true, granted: true, managed: true }) },
    })
    const { container: c } = await mount(<PopupApp />, { browser: fb, repos: store })
    const site = await waitFor(() => {
      const el = byTestId(c, "popup-site")
      expect(el.dataset.enabled).toBe("true")
      return el
    })
    expect(site.textContent).toContain("由管理员统一设置")
    expect(c.querySelector('[data-testid="popup-disable"]')).toBeNull()
    const value = await waitFor(
      () => byTestId(c, "policy-value-company").querySelector("input") as HTMLInputElement,
    )
    expect([value.value, value.disabled]).toEqual(["盛辉物流", true])
  })
})
