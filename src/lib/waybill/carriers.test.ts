import { describe, expect, it } from "vitest"

import { CARRIER_EXAMPLES } from "./carrier-examples"
import { CARRIERS, getCarrier } from "./carriers"
import { detectWaybills } from "./detect"
import { identifyWaybill } from "./identify"
import { lookalike } from "./lookalikes"

const CODES =
  "sf zto yto sto yunda jd jt ems deppon zjs kye best ane cainiao s10 ups fedex dhl yunexpress yodel"
const isDigits = (n: string): boolean => /^\d+$/.test(n)

describe("carrier registry (meta)", () => {
  it("has exactly the agreed carrier codes, once each", () => {
    expect(CARRIERS.map((c) => c.code).join(" ")).toBe(CODES)
  })

  it("gives every carrier ≥2 valid and ≥2 invalid examples, each with a source", () => {
    for (const c of CARRIERS) {
      expect(CARRIER_EXAMPLES[c.code].valid.length, c.code).toBeGreaterThanOrEqual(2)
      expect(CARRIER_EXAMPLES[c.code].invalid.length, c.code).toBeGreaterThanOrEqual(2)
      for (const e of [...CARRIER_EXAMPLES[c.code].valid, ...CARRIER_EXAMPLES[c.code].invalid]) {
        expect(e.number, c.code).toMatch(/^[0-9A-Z*]+$/)
        expect(e.source.trim().length, `${c.code} ${e.number}`).toBeGreaterThan(3)
      }
    }
  })

  it("matches every valid example with one of the carrier's own patterns", () => {
    for (const c of CARRIERS)
      for (const { number } of CARRIER_EXAMPLES[c.code].valid)
        expect(
          c.formats.some((f) => f.pattern.test(number)),
          `${c.code} ${number}`,
        ).toBe(true)
  })

  it("declares overlaps symmetrically and only between real carriers", () => {
    for (const c of CARRIERS)
      for (const o of c.overlaps ?? [])
        expect(getCarrier(o)?.overlaps ?? [], `${c.code}↔${o}`).toContain(c.code)
  })

  it("looks carriers up by code", () => {
    expect(getCarrier("sf")?.name).toBe("顺丰速运")
    expect(getCarrier("nope")).toBeUndefined()
  })
})

describe("cross-matrix: valid examples", () => {
  for (const c of CARRIERS)
    for (const { number } of CARRIER_EXAMPLES[c.code].valid) {
      it(`${c.code} ${number}`, () => {
        const bare = identifyWaybill(number)
        const hinted = identifyWaybill(number, { carrierHint: c.name })
        const named = detectWaybills(`${c.keywords[0]} 运单号 ${number}`)
        expect(hinted[0]?.code, "top with the carrier hinted").toBe(c.code)
        expect(named.map((m) => m.number)).toEqual([number])
        expect(named[0].carriers[0].code, "top with the carrier named in text").toBe(c.code)
        const gated = c.formats.every((f) => !f.pattern.test(number) || f.needsContext)
        if (!isDigits(number) && !gated) {
          expect(bare[0]?.code, "letter-prefixed: top without context").toBe(c.code)
          for (const other of bare.slice(1))
            expect(c.overlaps ?? [], `undeclared ${other.code}`).toContain(other.code)
          expect(bare[0].confidence).toBeGreaterThan(0.85)
          return
        }
        if (gated)
          expect(
            bare.map((x) => x.code),
            "DHL/FedEx and the older letter formats need context",
          ).not.toContain(c.code)
        else
          expect(
            bare.map((x) => x.code),
            "a candidate without context",
          ).toContain(c.code)
        for (const x of bare) expect(x.confidence, "no false certainty").toBeLessThanOrEqual(0.75)
      })
    }
})

describe("cross-matrix: invalid examples", () => {
  for (const c of CARRIERS)
    for (const { number } of CARRIER_EXAMPLES[c.code].invalid) {
      it(`${c.code} ✗ ${number}`, () => {
        expect(identifyWaybill(number).map((x) => x.code)).not.toContain(c.code)
        // A labelled timestamp may really be a waybill (brief: 运单号 20190520195647 → ZTO), so soft look-alikes are exempt.
        if (lookalike(number)?.hard !== false)
          expect(identifyWaybill(number, { label: "运单号" }).map((x) => x.code)).not.toContain(c.code)
      })
    }
})
