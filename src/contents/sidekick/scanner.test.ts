// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"

import { detectWaybills } from "~lib/waybill/detect"

import { labelForField, labelForText } from "./dom-labels"
import { buildTallies } from "./page-state"
import { type Detect, REMEMBER_MAX, Scanner } from "./scanner"

const detect: Detect = (text, context) => detectWaybills(text, context)

/** A scanner whose slices run only when the test says so, on a clock the test controls. */
function manual(
  opts: { budgetMs?: number; maxNodes?: number; tick?: number; skip?: () => Element | null } = {},
) {
  const queue: (() => void)[] = []
  let clock = 0
  const controller = new AbortController()
  let changes = 0
  const scanner = new Scanner({
    detect,
    signal: controller.signal,
    onChange: () => changes++,
    schedule: (fn) => queue.push(fn),
    now: () => (clock += opts.tick ?? 0),
    budgetMs: opts.budgetMs,
    maxNodes: opts.maxNodes,
    skip: opts.skip,
  })
  const runAll = async () => {
    // MutationObserver callbacks are microtasks: let them queue first.
    await Promise.resolve()
    let slices = 0
    while (queue.length > 0) {
      queue.shift()?.()
      slices++
      await Promise.resolve()
    }
    return slices
  }
  return { scanner, runAll, controller, changes: () => changes }
}

const numbers = (s: Scanner) => buildTallies(s.findings.values()).map((t) => t.number)

/**
 * Runs a whole scan and returns `snapshot()` as it was when the scan ended: perf.ts leaves the
 * scan-end mark at that moment (null if it never did).
 */
async function atScanEnd<T>(
  scanner: Scanner,
  runAll: () => Promise<number>,
  snapshot: () => T,
): Promise<T | null> {
  let seen: { value: T } | null = null
  const origMark = performance.mark.bind(performance)
  performance.mark = ((name: string, opts?: PerformanceMarkOptions) => {
    if (name === "cs-sidekick:scan-end") seen = { value: snapshot() }
    return origMark(name, opts)
  }) as typeof performance.mark
  try {
    scanner.start(document)
    await runAll()
  } finally {
    performance.mark = origMark
  }
  return (seen as { value: T } | null)?.value ?? null
}

afterEach(() => {
  document.body.replaceChildren()
})

function html(markup: string): void {
  // Test fixture only: parse trusted markup via DOMParser (never innerHTML on page text).
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html")
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)))
}

describe("labels", () => {
  it("finds label[for], aria-label, placeholder and field names", () => {
    html(`<label for="a">运单号：</label><input id="a" value="x">
      <input id="b" aria-label="快递单号"><input id="c" placeholder="Tracking No."><input id="d" name="mailNo">`)
    const get = (id: string) => document.getElementById(id) as HTMLInputElement
    expect(labelForField(get("a"))).toBe("运单号")
    expect(labelForField(get("b"))).toBe("快递单号")
    expect(labelForField(get("c"))).toBe("Tracking No.")
    expect(labelForField(get("d"))).toBe("运单号")
  })

  it("finds a field's <label for> where forms put it, without going through the page", () => {
    html(`<div class="el-form-item"><label for="a" class="el-form-item__label">运单号</label>
        <div class="el-form-item__content"><div class="el-input"><input id="a"></div></div></div>
      <table><tr><td><label for="b">快递单号：</label></td><td><span><input id="b"></span></td></tr></table>
      <div class="mdc-text-field"><input id="c"><label for="c" class="floating">Tracking No.</label></div>
      <p><label for="d">运单编号</label><span class="req">*</span><input id="d"></p>
      <label for="e">联系电话</label><div><div><div><div><div><input id="e" name="mailNo"></div></div></div></div></div>`)
    const get = (id: string) => document.getElementById(id) as HTMLInputElement
    expect(labelForField(get("a"))).toBe("运单号")
    expect(labelForField(get("b"))).toBe("快递单号")
    expect(labelForField(get("c"))).toBe("Tracking No.")
    expect(labelForField(get("d"))).toBe("运单编号")
    // Too far from its field: the field's name says what it is.
    expect(labelForField(get("e"))).toBe("运单号")
  })

  it("finds the previous cell, the column header and the dt", () => {
    html(`<table><tr><td>运单号</td><td id="v">SF1385628716739</td></tr></table>
      <table><thead><tr><th>物流单号</th><th>状态</th></tr></thead><tbody><tr><td id="w">773277027280336</td><td>派送中</td></tr></tbody></table>
      <dl><dt>订单号</dt><dd id="x">1234567890123</dd></dl>`)
    const text = (id: string) => document.getElementById(id)?.firstChild as Text
    expect(labelForText(text("v"))).toBe("运单号")
    expect(labelForText(text("w"))).toBe("物流单号")
    expect(labelForText(text("x"))).toBe("订单号")
  })
})

describe("Scanner", () => {
  it("finds waybills in text and fields, with their labels", async () => {
    html(`<h1 class="ticket-title">工单：快件滞留 JT5261988016578</h1>
      <table><tr><td>运单号</td><td>SF1385628716739</td></tr></table>
      <input type="hidden" name="mailNo" value="SF1385628716739">
      <script>var x = "YT8962646785389"</script>`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    const tallies = buildTallies(scanner.findings.values())
    const sf = tallies.find((t) => t.number === "SF1385628716739")
    expect(sf).toMatchObject({ count: 1, label: "运单号" })
    expect([...(sf?.sources ?? [])].sort()).toEqual(["input", "text"])
    expect(tallies.find((t) => t.number === "JT5261988016578")?.sources.has("title")).toBe(true)
    expect(numbers(scanner)).not.toContain("YT8962646785389") // inside <script>
  })

  it("works in slices within the budget, and resumes where it stopped", async () => {
    html(Array.from({ length: 180 }, (_, i) => `<p>第 ${i} 行 SF${String(1385628716000 + i)}</p>`).join(""))
    // Every clock read advances 1 ms: a 2 ms budget ends a slice at its second check (32 steps).
    const { scanner, runAll } = manual({ budgetMs: 2, tick: 1 })
    scanner.start(document)
    const slices = await runAll()
    expect(slices).toBeGreaterThan(10)
    expect(numbers(scanner)).toHaveLength(180)
    expect(scanner.truncated).toBe(false)
  })

  it("stops at the node cap and says so", async () => {
    html(Array.from({ length: 200 }, (_, i) => `<p>SF${String(1385628716000 + i)}</p>`).join(""))
    const { scanner, runAll } = manual({ maxNodes: 50 })
    scanner.start(document)
    await runAll()
    expect(scanner.truncated).toBe(true)
    expect(scanner.nodes).toBe(50)
    // The first 50 text nodes were read, none after them.
    expect(numbers(scanner)).toEqual(Array.from({ length: 50 }, (_, i) => `SF${String(1385628716000 + i)}`))
    // All that was read is resolved, yet the rest of the page is there to resolve on demand.
    expect(scanner.unresolved).toBe(0)
    scanner.resolveWithin(document.body.lastElementChild as Element, 10)
    expect(numbers(scanner)).toContain("SF1385628716199")
  })

  it("stops reading a document once it remembered enough texts; the rest on demand", async () => {
    const n = REMEMBER_MAX + 300
    html(Array.from({ length: n }, (_, i) => `<p>SF${String(1385628710000 + i)}</p>`).join(""))
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    expect(scanner.truncated).toBe(true)
    expect(scanner.nodes).toBeGreaterThanOrEqual(REMEMBER_MAX)
    expect(scanner.nodes).toBeLessThan(n)
    const last = document.body.lastElementChild as Element
    expect(scanner.findings.has(last.firstChild as Node)).toBe(false)
    scanner.resolveWithin(last, 10)
    expect(numbers(scanner)).toContain(`SF${String(1385628710000 + n - 1)}`)
  })

  it("reads the whole page first, resolves its first candidates, and ends the scan before the rest", async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `<tr><td>${100000 + i}</td><td>SF${String(1385628716000 + i)}</td></tr>`,
    )
    html(`<h1>工单：快件滞留 YT8962646785389</h1>
      <table><thead><tr><th>工单号</th><th>运单号</th></tr></thead><tbody>${rows.join("")}</tbody></table>
      <form><label for="wb">运单号</label><input id="wb" value="JT5261988016578"></form>`)
    const { scanner, runAll } = manual({ budgetMs: 4, tick: 0.05 })
    const end = await atScanEnd(scanner, runAll, () => ({
      resolved: scanner.resolved,
      found: numbers(scanner),
    }))
    expect(end).not.toBeNull()
    // At the scan's end: the title and the page's first rows are known; not all 300, and the form's
    // fields only after the element walk that follows.
    expect(end?.found.slice(0, 1)).toEqual(["YT8962646785389"])
    expect(end?.found).not.toContain("JT5261988016578")
    expect(end?.found).toContain("SF1385628716000")
    expect(end?.found).not.toContain("SF1385628716039")
    expect(end?.resolved).toBeLessThan(100)
    // Then the rest were resolved: every number of the page, with the column's label.
    expect(numbers(scanner)).toHaveLength(42)
    expect(scanner.unresolved).toBe(0)
    expect(buildTallies(scanner.findings.values()).find((t) => t.number === "SF1385628716039")?.label).toBe(
      "运单号",
    )
    expect(scanner.initialMs).toBeGreaterThan(0)
    expect(scanner.settledMs).toBeGreaterThan(scanner.initialMs)
  })

  it("before ending the scan, goes past a ticket list pane to the ticket's own labelled number", async () => {
    // An SPA's layout: the queue of tickets (numbers, no labels) comes before the open ticket's fields.
    const queue = Array.from({ length: 40 }, (_, i) => `<li>#${101 + i} 京东 JDVC${20771386400 + i}</li>`)
    html(
      `<ul>${queue.join("")}</ul><main><div class="field"><label>运单号</label><div>73612208847516</div></div></main>`,
    )
    const { scanner, runAll } = manual()
    const end = await atScanEnd(scanner, runAll, () => numbers(scanner))
    expect(end).toContain("73612208847516")
    expect(end).toHaveLength(41) // the list pane's 40, then the labelled one: no further
    expect(buildTallies(scanner.findings.values()).find((t) => t.number === "73612208847516")?.label).toBe(
      "运单号",
    )
  })

  it("resolves at most a fixed number of remembered candidates; the rest on demand around the focus", async () => {
    // Fewer than the read remembers: every text is remembered, not every one resolved.
    const n = REMEMBER_MAX - 100
    const rows = Array.from({ length: n }, (_, i) => `<p id="r${i}">SF${String(1385628710000 + i)}</p>`)
    html(rows.join(""))
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    const found = numbers(scanner)
    expect(scanner.truncated).toBe(false)
    expect(found.length).toBeGreaterThan(100)
    expect(found.length).toBeLessThan(n)
    expect(scanner.unresolved).toBe(n - found.length)
    const last = document.getElementById(`r${n - 1}`) as Element
    expect(scanner.findings.has(last.firstChild as Node)).toBe(false)
    scanner.resolveWithin(last, 100)
    expect(numbers(scanner)).toContain(`SF${String(1385628710000 + n - 1)}`)
    // A change is read at once, wherever it is.
    const p = document.getElementById(`r${n - 50}`) as Element
    ;(p.firstChild as Text).data = "YT8962646785389"
    await runAll()
    expect(numbers(scanner)).toContain("YT8962646785389")
  })

  it("resolves the page's fields even when a long list's numbers took the candidates' cap", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>SF${String(1385628716000 + i)}</td></tr>`)
    html(`<table>${rows.join("")}</table>
      <form><label for="wb">运单号</label><input id="wb" value="JT5261988016578"></form>`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    expect(scanner.unresolved).toBeGreaterThan(0) // the list was not resolved to its end
    expect(buildTallies(scanner.findings.values()).find((t) => t.number === "JT5261988016578")?.label).toBe(
      "运单号",
    )
  })

  it("reads a textarea once, as a field (not its default-value text too)", async () => {
    html(`<label for="t">运单号</label><textarea id="t">SF1385628716739</textarea>`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    expect(buildTallies(scanner.findings.values())).toMatchObject([
      { number: "SF1385628716739", count: 1, label: "运单号" },
    ])
  })

  it("picks up added, edited and removed nodes incrementally", async () => {
    html(`<div id="list"><p id="first">SF1385628716739</p></div>`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    const before = scanner.nodes

    const p = document.createElement("p")
    p.textContent = "新单号 YT8962646785389"
    document.getElementById("list")?.append(p)
    await runAll()
    expect(numbers(scanner)).toEqual(["SF1385628716739", "YT8962646785389"])
    expect(scanner.nodes - before).toBeLessThan(5) // only the new nodes were read

    const first = document.getElementById("first")?.firstChild as Text
    first.data = "JT5261988016578"
    await runAll()
    expect(numbers(scanner)).toContain("JT5261988016578")
    expect(numbers(scanner)).not.toContain("SF1385628716739")

    p.remove()
    await runAll()
    scanner.prune()
    expect(numbers(scanner)).toEqual(["JT5261988016578"])
  })

  it("scans and observes open shadow roots", async () => {
    html(`<div id="widget"></div>`)
    const root = (document.getElementById("widget") as HTMLElement).attachShadow({ mode: "open" })
    const span = document.createElement("span")
    span.textContent = "运单号 SF1385628716739"
    root.append(span)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    expect(numbers(scanner)).toEqual(["SF1385628716739"])

    const more = document.createElement("span")
    more.textContent = "YT8962646785389"
    root.append(more)
    await runAll()
    expect(numbers(scanner)).toEqual(["SF1385628716739", "YT8962646785389"])
  })

  it("finds a shadow host past the settle walk when its part of the page is resolved on demand", async () => {
    // A long list first (more elements than the settle phase walks), then a detail pane built as a
    // web component: its open shadow root is read once the pane is resolved (page-state's openItem).
    const rows = Array.from({ length: 3_000 }, (_, i) => `<li><b>${i}</b></li>`).join("")
    html(`<ul>${rows}</ul><section id="pane"><x-detail></x-detail></section>`)
    const host = document.querySelector("x-detail") as HTMLElement
    const p = document.createElement("p")
    p.textContent = "运单号 YT8962646785389"
    host.attachShadow({ mode: "open" }).append(p)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    expect(numbers(scanner)).toEqual([])
    scanner.resolveWithin(document.getElementById("pane") as Element, 100)
    await runAll()
    expect(numbers(scanner)).toEqual(["YT8962646785389"])
  })

  it("collects text fields past a checkbox per row, and never the checkboxes", async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<tr><td><input type="checkbox" value="SF${1385628716000 + i}"></td></tr>`,
    )
    html(
      `<table>${rows.join("")}</table><input type="HIDDEN" value="SF1385628716739"><input type="weird" value="YT8962646785389">`,
    )
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    // A checkbox's value is no field the agent reads; an unknown type behaves as text.
    expect(numbers(scanner).sort()).toEqual(["SF1385628716739", "YT8962646785389"])
  })

  it("never scans its own host", async () => {
    html(`<p>SF1385628716739</p><div id="cs-sidekick-host"><p>YT8962646785389</p></div>`)
    const host = document.getElementById("cs-sidekick-host")
    const { scanner, runAll } = manual({ skip: () => host })
    scanner.start(document)
    await runAll()
    const added = document.createElement("p")
    added.textContent = "JT5261988016578"
    host?.append(added)
    await runAll()
    expect(numbers(scanner)).toEqual(["SF1385628716739"])
  })

  it("starts over on an SPA navigation", async () => {
    html(`<main><p>SF1385628716739</p></main>`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    html(`<main><p>工单 2：YT8962646785389</p></main>`)
    scanner.start(document)
    await runAll()
    expect(numbers(scanner)).toEqual(["YT8962646785389"])
  })

  it("re-reads a field when its value changes", async () => {
    html(`<label for="q">运单号</label><input id="q" value="">`)
    const { scanner, runAll } = manual()
    scanner.start(document)
    await runAll()
    const input = document.getElementById("q") as HTMLInputElement
    const listen = new AbortController()
    document.addEventListener("input", scanner.onFieldEvent, { capture: true, signal: listen.signal })
    input.value = "SF1385628716739"
    input.dispatchEvent(new Event("input", { bubbles: true, composed: true }))
    listen.abort()
    await runAll()
    expect(buildTallies(scanner.findings.values())[0]).toMatchObject({
      number: "SF1385628716739",
      label: "运单号",
    })
  })

  it("stops all work when its lifetime ends", async () => {
    html(`<p>SF1385628716739</p>`)
    const { scanner, runAll, controller } = manual()
    scanner.start(document)
    controller.abort()
    await runAll()
    const p = document.createElement("p")
    p.textContent = "YT8962646785389"
    document.body.append(p)
    await runAll()
    expect(numbers(scanner)).toEqual([])
  })
})

describe("buildTallies", () => {
  it("counts hidden inputs once and never above visible occurrences", () => {
    const c = [{ code: "sf", name: "顺丰", confidence: 0.9, checked: false }]
    const hidden = { number: "A1234567", carriers: c, source: "input" as const, hidden: true }
    const visible = { number: "B1234567", carriers: c, source: "text" as const }
    const t = buildTallies([[hidden], [hidden], [hidden], [visible], [visible]])
    expect(t.find((x) => x.number === "A1234567")?.count).toBe(1)
    expect(t.find((x) => x.number === "B1234567")?.count).toBe(2)
  })
})
