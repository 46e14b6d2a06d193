import { describe, expect, it } from "vitest"

import { getScript } from "../scripts/render"
import { assessCustomer } from "./assess"
import { firstScriptsFor } from "./first-scripts"

describe("firstScriptsFor", () => {
  it("offers nothing extra for a calm or anxious customer", () => {
    expect(firstScriptsFor(assessCustomer("帮我查下件到哪了"))).toEqual([])
    expect(firstScriptsFor(assessCustomer("急用，能快点吗"))).toEqual([])
  })

  it("puts de-escalation first for an angry customer", () => {
    expect(firstScriptsFor(assessCustomer("你们到底管不管！！气死我了"))).toEqual(["de-escalate", "apology"])
  })

  it("adds the supervisor hand-over on a threat or a repeat contact, and the abuse script on insults", () => {
    expect(firstScriptsFor(assessCustomer("气死了！！再不处理我就打12305"))).toEqual([
      "de-escalate",
      "apology",
      "supervisor-handover",
    ])
    expect(firstScriptsFor(assessCustomer("第三次打电话了，你们到底管不管！！"))).toContain(
      "supervisor-handover",
    )
    expect(firstScriptsFor(assessCustomer("一群废物"))).toEqual([
      "abusive-customer",
      "de-escalate",
      "supervisor-handover",
    ])
  })

  it("names only scripts that exist", () => {
    for (const id of firstScriptsFor({ emotion: "angry", abusive: true, threats: [], repeat: true }))
      expect(getScript(id), id).toBeDefined()
    for (const id of firstScriptsFor({ emotion: "angry", abusive: false, threats: [], repeat: false }))
      expect(getScript(id), id).toBeDefined()
  })
})
