/**
 * The pure core under fast-check, 2,000+ runs per property, with adversarial text (HTML/script
 * payloads, lone surrogates, RTL overrides, control characters, formula cells): nothing throws,
 * offsets are valid, text is never evaluated, imports round-trip; and 1 MB of adversarial input
 * costs at most ~linear CPU time (growthRatio: 10× the input, well under 35× the time (quadratic would be ~100×)).
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CASE_TYPES, CONTACT_ROLES, type Contact, type ContactAttempt } from "~lib/cases/model"
import { contactSchema } from "~lib/cases/schema"
import { classifyCase } from "~lib/cases/classify"
import { contactsToCsv, parseContactsCsv } from "~lib/escalation/contacts-csv"
import { nextEscalation } from "~lib/escalation/next-escalation"
import { lintPhrasing } from "~lib/phrasing/lint"
import { listScripts, renderScript } from "~lib/scripts/render"
import { decodeImportBytes, parseImportJson } from "~lib/import-file"
import { growthRatio } from "~lib/linearity.test-helper"
import { detectWaybills } from "~lib/waybill/detect"

const RUNS = 2_000

const NASTY = [
  "<img src=x onerror=alert(1)>",
  "<script>window.__pwned=1</script>",
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "{客户姓名}",
  "{waybill}",
  "{{",
  "}}",
  "\u202E",
  "\u202C",
  "\u200B",
  "\uFEFF",
  "\uD800",
  "\uDC00",
  "😀",
  "\u0000",
  "\r\n",
  "\n",
  "\t",
  '"',
  ",",
  "'",
  "=cmd|' /C calc'!A0",
  "+",
  "-",
  "@",
  "运单号：",
  "SF1385628716739",
  "YT8827361045592",
  "13957126688",
  "不知道",
  "你自己去网点拿",
  "滞留",
  "破损",
  "投诉",
  "１２３",
  "ＳＦ",
]
const nastyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NASTY),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ maxLength: 12 }),
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(""))

describe("robust core: never throws, offsets valid", () => {
  it("detectWaybills", () => {
    fc.assert(
      fc.property(nastyText, fc.option(nastyText, { nil: undefined }), (text, label) => {
        const found = detectWaybills(text, label === undefined ? undefined : { label, carrierHint: label })
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(0)
          expect(m.end).toBeGreaterThan(m.start)
          expect(m.end).toBeLessThanOrEqual(text.length)
          expect(m.number).toMatch(/^[0-9A-Z]+$/)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it("lintPhrasing: every finding is the exact slice it names", () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        for (const f of lintPhrasing(text)) {
          expect(f.start).toBeGreaterThanOrEqual(0)
          expect(f.end).toBeGreaterThan(f.start)
          expect(f.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(f.start, f.end)).toBe(f.text)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it("classifyCase", () => {
    fc.assert(
      fc.property(nastyText, fc.option(nastyText, { nil: undefined }), (text, title) => {
        const c = classifyCase(text, title === undefined ? undefined : { title })
        expect(CASE_TYPES).toContain(c.type)
        expect(c.confidence).toBeGreaterThanOrEqual(0)
        expect(c.confidence).toBeLessThanOrEqual(1)
      }),
      { numRuns: RUNS },
    )
  })

  it("renderScript: slot values are inserted literally, never expanded or evaluated", () => {
    const ids = listScripts().map((s) => s.id)
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.dictionary(fc.string({ maxLength: 12 }), nastyText, { maxKeys: 6 }),
        nastyText,
        fc.constantFrom<"zh" | "en">("zh", "en"),
        (id, extra, value, lang) => {
          const probe = renderScript(id, {}, { lang })
          expect(probe.ok).toBe(true)
          const vars: Record<string, string> = { ...extra }
          for (const slot of probe.missing) vars[slot] = value
          const r = renderScript(id, vars, { lang })
          expect(r.ok).toBe(true)
          if (probe.missing.length > 0 && value.trim() !== "") expect(r.text).toContain(value.trim())
          expect(typeof r.text).toBe("string")
        },
      ),
      { numRuns: RUNS },
    )
    expect(renderScript("no-such-script<img>", {}).ok).toBe(false)
  })

  const contact = fc.record({
    id: fc.string({ minLength: 1, maxLength: 20 }),
    name: fc.oneof(nastyText, fc.string({ minLength: 1, maxLength: 20 })).map((s) => s.slice(0, 100) || "x"),
    role: fc.constantFrom(...CONTACT_ROLES),
    branch: fc.option(
      nastyText.map((s) => s.slice(0, 200)),
      { nil: undefined },
    ),
    company: fc.option(
      nastyText.map((s) => s.slice(0, 200)),
      { nil: undefined },
    ),
    region: fc.option(
      nastyText.map((s) => s.slice(0, 200)),
      { nil: undefined },
    ),
  }) as fc.Arbitrary<Contact>
  const attempt = fc.record({
    id: fc.string({ minLength: 1, maxLength: 10 }),
    waybill: fc.constant("SF1385628716739"),
    at: fc.oneof(fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.constant(Number.NaN), fc.constant(-1)),
    level: fc.oneof(fc.constantFrom(1, 2, 3, 4), fc.integer({ min: -3, max: 9 })),
    contactName: nastyText,
    outcome: fc.constantFrom("reached", "no_progress", "no_answer", "??"),
    note: nastyText,
  }) as unknown as fc.Arbitrary<ContactAttempt>

  it("nextEscalation: any attempts log, any directory, any time", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_TYPES),
        fc.array(attempt, { maxLength: 12 }),
        fc.array(contact, { maxLength: 12 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (caseType, attempts, directory, now) => {
          const advice = nextEscalation({ waybill: "SF1385628716739", caseType, attempts }, directory, now)
          expect([1, 2, 3, 4]).toContain(advice.level)
          for (const c of advice.contacts) expect(directory).toContainEqual(c.contact)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("parseContactsCsv: never throws; accepted rows are valid contacts; problems are bilingual", () => {
    const csvish = fc
      .array(
        fc.array(fc.oneof(nastyText, fc.constantFrom("姓名", "角色", "窗口人员", "编号", "电话")), {
          maxLength: 6,
        }),
        {
          maxLength: 8,
        },
      )
      .map((rows) => rows.map((r) => r.join(",")).join("\r\n"))
    fc.assert(
      fc.property(fc.oneof(csvish, nastyText), (csv) => {
        const r = parseContactsCsv(csv)
        if (r.ok) for (const c of r.contacts) expect(contactSchema.safeParse(c).success).toBe(true)
        else {
          expect(r.problems.length).toBeGreaterThan(0)
          for (const p of r.problems) expect(p.message).toContain(" / ")
        }
      }),
      { numRuns: RUNS },
    )
  })

  it("contacts export → import round-trips exactly, and no exported cell starts a formula", () => {
    fc.assert(
      fc.property(fc.uniqueArray(contact, { selector: (c) => c.id, minLength: 1, maxLength: 8 }), (raw) => {
        // What the importer keeps: trimmed, non-empty values (cells are trimmed on import).
        const contacts = raw
          .map(
            (c) =>
              Object.fromEntries(
                Object.entries(c)
                  .map(([k, v]) => [k, typeof v === "string" ? v.trim() : v])
                  .filter(([, v]) => v !== undefined && v !== ""),
              ) as unknown as Contact,
          )
          .filter((c) => c.id && c.name && contactSchema.safeParse(c).success)
        fc.pre(contacts.length > 0 && new Set(contacts.map((c) => c.id)).size === contacts.length)
        const csv = contactsToCsv(contacts)
        const back = parseContactsCsv(csv)
        expect(back.ok).toBe(true)
        if (back.ok) expect(back.contacts).toEqual(contacts)
      }),
      { numRuns: RUNS },
    )
  })

  it("decodeImportBytes: never throws; text never keeps a BOM; invalid UTF-8 is refused, not mangled", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeImportBytes(bytes)
        if (r.ok) {
          expect(r.text.charCodeAt(0)).not.toBe(0xfeff)
          expect(r.text).not.toContain("\uFFFD".repeat(0) + "\0")
        } else expect(r.problems[0].message).toContain(" / ")
      }),
      { numRuns: RUNS },
    )
  })

  it("parseImportJson: any JSON value round-trips; anything else gets a located message", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const r = parseImportJson(JSON.stringify(value))
        expect(r.ok).toBe(true)
        if (r.ok) expect(JSON.stringify(r.data)).toBe(JSON.stringify(value))
      }),
      { numRuns: RUNS },
    )
    fc.assert(
      fc.property(nastyText, (text) => {
        const r = parseImportJson(text)
        if (!r.ok) for (const p of r.problems) expect(p.message).toContain(" / ")
      }),
      { numRuns: RUNS },
    )
  })
})

describe("robust core: 1 MB of adversarial text in ~linear time", () => {
  const MB = 1_000_000
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)
  const inputs: [string, string][] = [
    ["HTML payloads", NASTY.slice(0, 6).join(" ")],
    ["digits and separators", "1385628716739-"],
    ["labels without values", "运单号：运单号："],
    ["quotes and commas", '"",""\r\n'],
    ["lone surrogates and RTL", "\uD800\u202E\uDC00"],
  ]
  const fns: [string, (s: string) => unknown][] = [
    ["detectWaybills", (s) => detectWaybills(s)],
    ["lintPhrasing", (s) => lintPhrasing(s)],
    ["classifyCase", (s) => classifyCase(s)],
    [
      "renderScript",
      (s) => {
        // Every script, every slot filled with the big text.
        for (const { id } of listScripts()) {
          const vars = Object.fromEntries(renderScript(id, {}).missing.map((slot) => [slot, s]))
          renderScript(id, vars)
        }
      },
    ],
    [
      "parseContactsCsv",
      (s) => parseContactsCsv(`姓名,角色,备注\r\n张三,窗口人员,"${s.replace(/"/g, '""')}"`),
    ],
    ["decodeImportBytes", (s) => decodeImportBytes(new TextEncoder().encode(s))],
    ["parseImportJson", (s) => parseImportJson(JSON.stringify({ text: s }))],
  ]
  for (const [name, fn] of fns) {
    it.each(inputs)(
      `${name}: %s`,
      (_what, unit) => {
        const big = fill(unit)
        const small = big.slice(0, MB / 10)
        // Linear ≈ 10, quadratic ≈ 100; GC and three other engineers' jobs on 2 cores push linear up to ~25.
        expect(growthRatio(fn, small, big, 3)).toBeLessThan(35)
      },
      120_000,
    )
  }
})
