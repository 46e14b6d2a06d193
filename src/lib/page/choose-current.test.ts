import { describe, expect, it } from "vitest"

import type { CandidateSource } from "../protocol/types"
import { chooseCurrent, type Tally } from "./choose-current"

let seen = 0
function tally(
  number: string,
  opts: { sources?: CandidateSource[]; count?: number; label?: string } = {},
): Tally {
  return {
    number,
    carriers: [{ code: "sf", name: "顺丰", confidence: 0.9, checked: false }],
    sources: new Set(opts.sources ?? ["text"]),
    count: opts.count ?? 1,
    label: opts.label,
    firstSeen: seen++,
  }
}

describe("chooseCurrent", () => {
  it("returns null when nothing was found", () => {
    expect(chooseCurrent({ tallies: [] })).toEqual({ current: null, currentReason: "none", candidates: [] })
  })

  it("prefers the pinned field over everything but the agent", () => {
    const r = chooseCurrent({
      tallies: [
        tally("SF1111111111111", { count: 9, label: "运单号" }),
        tally("SF2222222222222", { sources: ["pinned"] }),
      ],
    })
    expect(r.current).toBe("SF2222222222222")
    expect(r.currentReason).toBe("pinned")
    expect(r.candidates.map((c) => c.number)).toEqual(["SF2222222222222", "SF1111111111111"])
  })

  it("takes a field labelled 运单号 over a more frequent unlabelled number", () => {
    const r = chooseCurrent({
      tallies: [tally("773277027280336", { count: 7 }), tally("SF1385628716739", { label: "运单号：" })],
    })
    expect(r).toMatchObject({ current: "SF1385628716739", currentReason: "label" })
  })

  it.each(["快递单号", "物流单号", "Tracking No.", "mailNo", "waybillNo"])(
    "recognises the label %s",
    (label) => {
      const r = chooseCurrent({ tallies: [tally("A", { count: 3 }), tally("B", { label })] })
      expect(r.current).toBe("B")
    },
  )

  it("does not take a number labelled 订单号 as the waybill field", () => {
    const r = chooseCurrent({
      tallies: [
        tally("1234567890123", { label: "订单号", count: 5 }),
        tally("JT5261988016578", { count: 1 }),
      ],
    })
    expect(r).toMatchObject({ current: "JT5261988016578", currentReason: "frequency" })
    expect(r.candidates[1].number).toBe("1234567890123")
  })

  it("falls back to the ticket title, then the selection, then focus, then frequency", () => {
    const a = tally("AAAA11111111", { count: 5 })
    const b = tally("BBBB22222222", { sources: ["title"] })
    const c = tally("CCCC33333333")
    const d = tally("DDDD44444444")
    expect(chooseCurrent({ tallies: [a, b, c, d] }).currentReason).toBe("title")
    expect(
      chooseCurrent({ tallies: [a, c, d], inSelection: ["DDDD44444444"], nearFocus: ["CCCC33333333"] }),
    ).toMatchObject({ current: "DDDD44444444", currentReason: "selection" })
    expect(chooseCurrent({ tallies: [a, c, d], nearFocus: ["CCCC33333333"] })).toMatchObject({
      current: "CCCC33333333",
      currentReason: "focus",
    })
    expect(chooseCurrent({ tallies: [a, c, d] })).toMatchObject({
      current: "AAAA11111111",
      currentReason: "frequency",
    })
  })

  it("breaks frequency ties by first sighting", () => {
    const first = tally("FIRST0000001", { count: 2 })
    const second = tally("SECOND000002", { count: 2 })
    expect(chooseCurrent({ tallies: [second, first] }).current).toBe("FIRST0000001")
  })

  it("keeps the agent's choice, even when it is not on the page", () => {
    const r = chooseCurrent({
      tallies: [tally("SF2222222222222", { sources: ["pinned"] })],
      agentChoice: "YT8962646785389",
    })
    expect(r).toMatchObject({ current: "YT8962646785389", currentReason: "agent" })
    expect(r.candidates[0]).toEqual({ number: "YT8962646785389", carriers: [], sources: [], count: 0 })
    expect(r.candidates).toHaveLength(2)
  })

  it("lists at most 20 candidates", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      tally(`NUM${String(i).padStart(9, "0")}`, { count: 30 - i }),
    )
    const r = chooseCurrent({ tallies: many })
    expect(r.candidates).toHaveLength(20)
    expect(r.candidates[0].number).toBe("NUM000000000")
  })
})

describe("chooseCurrent on a list-and-detail page", () => {
  const list = [
    tally("YT7460266600081", { sources: ["title"], count: 3 }),
    tally("462598779470531", { label: "运单号", count: 2 }),
    tally("SF1533767748344", { count: 5 }),
  ]

  it("chooses among the open item's numbers only, however the list's rows are labelled or repeated", () => {
    const open = tally("JT5261988016578")
    const r = chooseCurrent({ tallies: [...list, open], detail: ["JT5261988016578"] })
    expect(r.current).toBe("JT5261988016578")
    expect(r.currentReason).toBe("frequency")
    // The open item's numbers first, then the rest of the page as other numbers.
    expect(r.candidates[0].number).toBe("JT5261988016578")
    expect(r.candidates.map((c) => c.number)).toContain("YT7460266600081")
    // The same rules apply within the item: its title wins over a number it only mentions.
    const quoted = tally("YT7477226345628", { count: 2 })
    const titled = tally("SF0218947552508", { sources: ["title"] })
    expect(
      chooseCurrent({ tallies: [...list, quoted, titled], detail: ["YT7477226345628", "SF0218947552508"] })
        .current,
    ).toBe("SF0218947552508")
  })

  it("chooses nothing from the list when the open item has no number, nor from the focus or selection in it", () => {
    const r = chooseCurrent({
      tallies: list,
      detail: [],
      nearFocus: ["SF1533767748344"],
      inSelection: ["462598779470531"],
    })
    expect(r.current).toBeNull()
    expect(r.candidates).toHaveLength(3)
    // The agent's own pick and the admin's pinned field still decide.
    expect(chooseCurrent({ tallies: list, detail: [], agentChoice: "SF1533767748344" }).current).toBe(
      "SF1533767748344",
    )
    const pinned = tally("DPK202252612836", { sources: ["pinned"] })
    expect(chooseCurrent({ tallies: [...list, pinned], detail: [] }).current).toBe("DPK202252612836")
  })
})
