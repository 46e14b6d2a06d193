// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"

import { chooseCurrent } from "~lib/page/choose-current"
import type { CandidateSource } from "~lib/protocol/types"
import { detectWaybills } from "~lib/waybill/detect"

import { buildPageState, buildTallies } from "./page-state"
import { type Detect, type Finding, Scanner } from "./scanner"

const detect: Detect = (text, context) => detectWaybills(text, context)

/** chooseCurrent over every tally of the page: what buildPageState must agree with. */
/** The page state of this document (no frames, no host, no agent's choice) as the content script builds it. */
function stateOf(scanner: Scanner, over: { focused?: Element | null; selectionText?: string }) {
  return buildPageState({
    scanner,
    detect,
    doc: document,
    frames: [],
    host: null,
    agentChoice: null,
    focused: null,
    selectionText: "",
    ...over,
  })
}

/** A scanner that does its work at once (no slices to wait for); abort `controller` to stop it. */
function syncScanner() {
  const controller = new AbortController()
  const scanner = new Scanner({
    detect,
    signal: controller.signal,
    onChange: () => undefined,
    schedule: (fn) => fn(),
  })
  return { scanner, controller }
}

function reference(scanner: Scanner, title: string, selectionText: string) {
  const from = (text: string, source: CandidateSource): Finding[] =>
    text.length < 8 ? [] : detect(text.slice(0, 2_000), {}).map((f) => ({ ...f, source }))
  const tallies = buildTallies([[], from(title, "title"), ...scanner.findings.values()])
  const selection = from(selectionText, "selection")
  const byNumber = new Map(tallies.map((t) => [t.number, t]))
  for (const f of selection) (byNumber.get(f.number)?.sources as Set<CandidateSource>)?.add("selection")
  return chooseCurrent({
    tallies,
    agentChoice: null,
    nearFocus: [],
    inSelection: selection.map((f) => f.number),
  })
}

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

afterEach(() => document.body.replaceChildren())

describe("buildPageState keeps tallies as the page changes", () => {
  it("agrees with ranking every tally, through appends, edits and removals", async () => {
    const r = rng(7)
    // Few distinct numbers, so that counts, ties and labels all matter.
    const pool = Array.from({ length: 120 }, (_, i) => `SF${String(1385628716000 + i * 7919)}`)
    const labels = ["运单号", "订单号", "电话", "备注", ""]
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
    const { scanner, controller } = syncScanner()
    const table = document.createElement("table")
    document.body.append(table)
    const addRow = () => {
      const tr = document.createElement("tr")
      const a = document.createElement("td")
      a.textContent = pick(labels)
      const b = document.createElement("td")
      b.textContent = r() < 0.2 ? `${pick(pool)} 和 ${pick(pool)}` : pick(pool)
      tr.append(a, b)
      table.append(tr)
    }
    for (let i = 0; i < 200; i++) addRow()
    scanner.start(document)
    for (let step = 0; step < 120; step++) {
      const rows = table.rows
      const k = r()
      if (k < 0.5) addRow()
      else if (k < 0.75 && rows.length > 0) rows[Math.floor(r() * rows.length)].remove()
      else if (rows.length > 0) {
        const cell = rows[Math.floor(r() * rows.length)].cells[1]
        ;(cell.firstChild as Text).data = pick(pool)
      }
      await Promise.resolve() // the observer's callback
      document.title = r() < 0.3 ? `工单 ${pick(pool)}` : "工单"
      const selectionText = r() < 0.3 ? pick(pool) : ""
      const state = stateOf(scanner, { selectionText })
      const want = reference(scanner, document.title, selectionText)
      expect({ current: state.current, reason: state.currentReason, candidates: state.candidates }).toEqual({
        current: want.current,
        reason: want.currentReason,
        candidates: want.candidates,
      })
    }
    controller.abort()
  })
})

describe("buildPageState near the focus", () => {
  it("resolves the focused row's numbers on a list longer than the scan resolves on its own", () => {
    const { scanner, controller } = syncScanner()
    const rows = Array.from(
      { length: 2_400 },
      (_, i) => `<tr><td>YT${String(8962646780000 + i)}</td><td><input id="note${i}"></td></tr>`,
    )
    // Test fixture only: our own markup, parsed with DOMParser.
    const parsed = new DOMParser().parseFromString(`<table>${rows.join("")}</table>`, "text/html")
    document.body.append(document.importNode(parsed.body.firstChild as Node, true))
    scanner.start(document)
    const last = "YT8962646782399"
    expect(scanner.unresolved).toBeGreaterThan(0)
    const state = (focused: Element | null) => stateOf(scanner, { focused })
    expect(state(null).candidates.map((c) => c.number)).not.toContain(last)
    const focused = state(document.getElementById("note2399"))
    expect(focused.current).toBe(last)
    expect(focused.currentReason).toMatch(/focus|焦点/)
    controller.abort()
  })
})
