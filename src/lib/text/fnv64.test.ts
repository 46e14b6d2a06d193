import { describe, expect, it } from "vitest"

import { stableHash } from "../qa/record"
import { contentHash } from "../team/docs"
import { fnv64Hex } from "./fnv64"

// Ids already stored locally and pushed to the team server are built from these: they must never change.
const PAGE = "https://crm.example.com\n/desk/ticket/T1001\nSF1385628716739"
const BODY = '{"a":1,"b":"交接单"}'

describe("fnv64Hex", () => {
  it("gives the team documents' content hashes as they were first stored", () => {
    expect(contentHash("")).toBe("811c9dc501000193")
    expect(contentHash(PAGE)).toBe("de431fea2774735e")
    expect(contentHash(BODY)).toBe("079a967b08b82963")
  })

  it("gives the conversation ids' hashes as they were first stored", () => {
    expect(stableHash("")).toBe("811c9dc55ad1e806")
    expect(stableHash(PAGE)).toBe("de431fea3b01c24b")
    expect(stableHash(BODY)).toBe("079a967b191e72e2")
  })

  it("is 16 hex digits whose halves depend on the text and the second seed", () => {
    expect(fnv64Hex(PAGE, 1)).toMatch(/^[0-9a-f]{16}$/)
    expect(fnv64Hex(PAGE, 1).slice(0, 8)).toBe(fnv64Hex(PAGE, 2).slice(0, 8))
    expect(fnv64Hex(PAGE, 1).slice(8)).not.toBe(fnv64Hex(PAGE, 2).slice(8))
  })
})
