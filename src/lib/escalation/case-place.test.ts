import { describe, expect, it } from "vitest"

import type { Contact } from "../cases/model"
import { directoryPlaces, matchPlace, placeFromPage } from "./case-place"

const c = (id: string, p: Partial<Contact>): Contact => ({ id, name: id, role: "window", ...p })
const DIRECTORY: Contact[] = [
  c("hz-xs-w1", { branch: "杭州萧山网点", company: "杭州分公司", region: "浙北片区" }),
  c("hz-xs-s1", { role: "site_manager", branch: "杭州萧山网点", company: "杭州分公司", region: "浙北片区" }),
  c("hz-yh-w1", { branch: "杭州余杭网点", company: "杭州分公司", region: "浙北片区" }),
  c("hz-head", { role: "company_head", company: "杭州分公司", region: "浙北片区" }),
  c("fz-gl-w1", { branch: "福州鼓楼网点", company: "福州分公司", region: "闽东片区" }),
  c("fz-head", { role: "company_head", company: "福州分公司", region: "闽东片区" }),
  c("reg-zb", { role: "regional_head", region: "浙北片区" }),
  c("hq-cs", { role: "hq_dept", department: "总部客服管理部" }),
]

describe("directoryPlaces", () => {
  it("lists each branch once with its company and region, then companies, then regions; no HQ departments", () => {
    expect(directoryPlaces(DIRECTORY).map((p) => p.label)).toEqual([
      "福州鼓楼网点 · 福州分公司 · 闽东片区",
      "杭州萧山网点 · 杭州分公司 · 浙北片区",
      "杭州余杭网点 · 杭州分公司 · 浙北片区",
      "福州分公司 · 闽东片区",
      "杭州分公司 · 浙北片区",
      "浙北片区",
    ])
  })
})

describe("matchPlace", () => {
  const places = directoryPlaces(DIRECTORY)
  it("matches the exact name, and a name without or with another kind word when it points at one place", () => {
    expect(matchPlace("杭州萧山网点", places)?.branch).toBe("杭州萧山网点")
    expect(matchPlace(" 萧山网点 ", places)?.branch).toBe("杭州萧山网点")
    expect(matchPlace("杭州萧山营业部", places)?.branch).toBe("杭州萧山网点")
    expect(matchPlace("福州分公司", places)?.label).toBe("福州分公司 · 闽东片区")
  })
  it("does not guess when a name fits several places or nothing", () => {
    expect(matchPlace("杭州", places)).toBeUndefined() // 萧山 and 余杭 both
    expect(matchPlace("宁波北仑网点", places)).toBeUndefined()
    expect(matchPlace("网点", places)).toBeUndefined()
  })
})

describe("placeFromPage", () => {
  it("takes a labelled field, in the directory's spelling with its company and region", () => {
    expect(placeFromPage({ field: "萧山网点", text: "福州鼓楼网点发出" }, DIRECTORY)).toEqual({
      kind: "field",
      place: { branch: "杭州萧山网点", company: "杭州分公司", region: "浙北片区" },
      label: "杭州萧山网点 · 杭州分公司 · 浙北片区",
      inDirectory: true,
    })
  })
  it("keeps a field the directory does not know as written (the scripts still name it)", () => {
    expect(placeFromPage({ field: "宁波北仑网点", text: "" }, DIRECTORY)).toMatchObject({
      kind: "field",
      place: { branch: "宁波北仑网点" },
      inDirectory: false,
    })
  })
  it("finds one branch named in the ticket's text, and its company beside it is not a second place", () => {
    const got = placeFromPage({ text: "客户反映快件在 杭州萧山网点 滞留三天，杭州分公司未回复" }, DIRECTORY)
    expect(got).toMatchObject({ kind: "text", place: { branch: "杭州萧山网点", company: "杭州分公司" } })
  })
  it("falls back to a company when no branch is named", () => {
    expect(placeFromPage({ text: "请福州分公司尽快处理" }, DIRECTORY)).toMatchObject({
      kind: "text",
      place: { company: "福州分公司", region: "闽东片区" },
    })
  })
  it("offers the choices when the text names several branches, never guessing one", () => {
    const got = placeFromPage({ text: "福州鼓楼网点发出，到杭州萧山网点派送" }, DIRECTORY)
    expect(got.kind).toBe("ambiguous")
    if (got.kind === "ambiguous")
      expect(got.choices.map((p) => p.branch).sort()).toEqual(["杭州萧山网点", "福州鼓楼网点"].sort())
  })
  it("says none when nothing is found or the directory is empty", () => {
    expect(placeFromPage({ text: "快件破损" }, DIRECTORY)).toEqual({ kind: "none" })
    expect(placeFromPage({ text: "杭州萧山网点" }, [])).toEqual({ kind: "none" })
  })
})
