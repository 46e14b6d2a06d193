import { describe, expect, it } from "vitest"

import { DEFAULT_PHRASEBOOK } from "../phrasing/default-phrasebook"
import { DEFAULT_SETTINGS, type Settings } from "../settings"
import {
  effectiveSettings,
  effectiveTeamKey,
  exportAllowed,
  keepLocked,
  lockedKeys,
  ruleEditingAllowed,
} from "./merge"
import { type Policy } from "./model"
import { parsePolicy } from "./parse"

const book = { ...DEFAULT_PHRASEBOOK, version: "2026.12.1" }
const csv =
  "姓名,角色,网点,联系电话\n陈晓燕,窗口人员,杭州萧山网点,0571-82345601\n赵国强,现场管理员,杭州萧山网点,0571-82345602\n"

describe("parsePolicy", () => {
  it("accepts a full policy and normalises it", () => {
    const { policy, diagnostics } = parsePolicy({
      policyVersion: " 2026-12-01 ",
      sites: [
        {
          origin: "HTTPS://CRM.Example.com/",
          waybillSelector: "#wb",
          carrierHint: "顺丰",
          internalNote: { selector: "#note" },
        },
      ],
      companyName: "盛辉物流",
      hotline: "400-800-1234",
      businessHours: "09:00-21:00",
      phrasebook: JSON.stringify(book),
      allowRuleEditing: false,
      contactDirectory: csv,
      teamKey: "a-team-key-of-enough-length",
      auditRetentionDays: 90,
      allowExport: false,
      uiLanguage: "en-US",
    })
    expect(diagnostics).toEqual([])
    expect(policy).toMatchObject({
      version: "2026-12-01",
      sites: [
        {
          origin: "https://crm.example.com",
          pinnedSelector: "#wb",
          carrierHint: "顺丰",
          internalNote: { selector: "#note" },
        },
      ],
      company: "盛辉物流",
      allowRuleEditing: false,
      auditRetentionDays: 90,
      allowExport: false,
      locale: "en",
    })
    expect(policy.phrasebook?.version).toBe("2026.12.1")
    expect(policy.contacts?.map((c) => c.name)).toEqual(["陈晓燕", "赵国强"])
  })

  it("nothing set: an empty policy and no diagnostics (a browser without policy)", () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, diagnostics: [] })
    expect(parsePolicy({})).toEqual({ policy: {}, diagnostics: [] })
  })

  it("ignores each bad value on its own, keeps the rest, and says why", () => {
    const { policy, diagnostics } = parsePolicy({
      companyName: "盛辉物流",
      phrasebook: "{ not json",
      contactDirectory: "姓名,角色\n陈晓燕,不存在的角色\n",
      auditRetentionDays: 0,
      allowExport: "no",
      uiLanguage: "fr",
      teamKey: "short",
      sites: [
        { origin: "https://ok.example.com" },
        { origin: "crm.example.com/tickets" },
        { origin: "https://ok.example.com" },
      ],
      surprise: 1,
    })
    expect(policy).toEqual({ company: "盛辉物流", sites: [{ origin: "https://ok.example.com" }] })
    const byKey = Object.fromEntries(diagnostics.map((d) => [d.key, d]))
    expect(Object.keys(byKey).sort()).toEqual(
      [
        "allowExport",
        "auditRetentionDays",
        "contactDirectory",
        "phrasebook",
        "sites[1].origin",
        "sites[2].origin",
        "surprise",
        "teamKey",
        "uiLanguage",
      ].sort(),
    )
    expect(byKey.phrasebook.message).toMatch(/^不是有效的 JSON.* \/ not valid JSON/)
    expect(byKey.auditRetentionDays.message).toContain("1–3650")
    expect(byKey.allowExport.message).toContain("true/false")
    expect(byKey.contactDirectory.message).toMatch(/联系人目录无效/)
    expect(diagnostics.every((d) => d.level === "ignored")).toBe(true)
  })

  it("a phrasebook whose own examples fail is not put in force", () => {
    const broken = structuredClone(book)
    broken.rules[0].examples.blunt = ["这句话完全礼貌，谢谢您"]
    const { policy, diagnostics } = parsePolicy({ phrasebook: JSON.stringify(broken) })
    expect(policy.phrasebook).toBeUndefined()
    expect(diagnostics[0]).toMatchObject({ key: "phrasebook", level: "ignored" })
    expect(diagnostics[0].message).toContain(broken.rules[0].id)
  })

  it("a directory may be JSON, with roles written as in the CSV", () => {
    const { policy, diagnostics } = parsePolicy({
      contactDirectory: JSON.stringify([{ name: "周敏", role: "总部职能部门", department: "客服管理部" }]),
    })
    expect(diagnostics).toEqual([])
    expect(policy.contacts).toEqual([expect.objectContaining({ name: "周敏", role: "hq_dept" })])
    expect(policy.contacts?.[0].id).toBeTruthy()
  })

  it("an unknown carrier hint or an over-long selector is dropped with a warning, the site kept", () => {
    const { policy, diagnostics } = parsePolicy({
      sites: [
        { origin: "https://crm.example.com", carrierHint: "火星快递", waybillSelector: "x".repeat(600) },
      ],
    })
    expect(policy.sites).toEqual([{ origin: "https://crm.example.com" }])
    expect(diagnostics.map((d) => [d.key, d.level])).toEqual([
      ["sites[0].waybillSelector", "warning"],
      ["sites[0].carrierHint", "warning"],
    ])
  })
})

describe("merge rules: policy over agent", () => {
  const agent: Settings = {
    ...DEFAULT_SETTINGS,
    profile: { name: "王芳", workId: "8012", company: "自己填的公司" },
    sites: [
      { origin: "https://crm.example.com", pinnedSelector: "#mine", enabledAt: 5 },
      { origin: "https://own.example.com", enabledAt: 6 },
    ],
    locale: "zh",
  }
  const policy: Policy = {
    company: "盛辉物流",
    hotline: "400-800-1234",
    sites: [
      { origin: "https://crm.example.com", pinnedSelector: "#wb" },
      { origin: "https://new.example.com" },
    ],
    locale: "en",
  }

  it("policy values win; sites are merged, the policy's config wins for its sites", () => {
    const eff = effectiveSettings(agent, policy)
    expect(eff.profile).toEqual({
      name: "王芳",
      workId: "8012",
      company: "盛辉物流",
      hotline: "400-800-1234",
    })
    expect(eff.locale).toBe("en")
    expect(eff.sites).toEqual([
      { origin: "https://crm.example.com", pinnedSelector: "#wb", enabledAt: 5, managed: true },
      { origin: "https://new.example.com", enabledAt: 0, managed: true },
      { origin: "https://own.example.com", enabledAt: 6 },
    ])
  })

  it("without a policy the effective settings are the agent's, unchanged", () => {
    expect(effectiveSettings(agent, {})).toEqual(agent)
    expect(lockedKeys({}).size).toBe(0)
  })

  it("saving keeps the agent's own values under a lock and never stores the policy's", () => {
    const seen = effectiveSettings(agent, policy)
    const candidate: Settings = {
      ...seen,
      profile: { ...seen.profile, name: "王芳芳" },
      sites: seen.sites.filter((s) => s.origin !== "https://crm.example.com"),
      locale: "zh",
    }
    const stored = keepLocked(agent, candidate, policy)
    expect(stored.profile).toEqual({ name: "王芳芳", workId: "8012", company: "自己填的公司" })
    expect(stored.locale).toBe("zh")
    // The locked site cannot be removed by the agent; the policy's own site is not stored as theirs.
    expect(stored.sites).toEqual([
      { origin: "https://own.example.com", enabledAt: 6 },
      { origin: "https://crm.example.com", pinnedSelector: "#mine", enabledAt: 5 },
    ])
    // When the policy goes, the agent's own values are back.
    expect(effectiveSettings(stored, {}).profile.company).toBe("自己填的公司")
  })

  it("locks and permissions", () => {
    expect([...lockedKeys(policy)].sort()).toEqual(["company", "hotline", "locale", "sites"])
    expect(exportAllowed({})).toBe(true)
    expect(exportAllowed({ allowExport: false })).toBe(false)
    expect(ruleEditingAllowed({})).toBe(true)
    expect(ruleEditingAllowed({ allowRuleEditing: false })).toBe(false)
    expect(ruleEditingAllowed({ phrasebook: book })).toBe(false)
    expect(ruleEditingAllowed({ phrasebook: book, allowRuleEditing: true })).toBe(true)
    expect(lockedKeys({ phrasebook: book }).has("ruleEditing")).toBe(true)
    expect(effectiveTeamKey({}, "own-key")).toBe("own-key")
    expect(effectiveTeamKey({ teamKey: "policy-key-0123456789" }, "own-key")).toBe("policy-key-0123456789")
  })
})
