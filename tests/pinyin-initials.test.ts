/** The committed pinyin table is exactly what the generator writes from pinyin-pro (no hand edits, no drift). */
import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { initialsOfChar } from "~lib/knowledge/pinyin"
import { PINYIN_INITIALS } from "~lib/knowledge/pinyin-initials.generated"

import { FIRST, LAST, OUTPUT, pinyinInitialsSource } from "../scripts/gen-pinyin-initials"

describe("pinyin-initials.generated.ts", () => {
  it("matches a fresh run of scripts/gen-pinyin-initials.ts", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(pinyinInitialsSource())
  })

  it("covers U+4E00–U+9FA5 with one letter each and reads common characters right", () => {
    expect(PINYIN_INITIALS.length).toBe(LAST - FIRST + 1)
    expect(PINYIN_INITIALS).toMatch(/^[a-z_]+$/)
    const first = (s: string) => [...s].map((c) => initialsOfChar(c)[0]).join("")
    expect(first("保价理赔代收货款")).toBe("bjlpdshk")
    expect(initialsOfChar("行")).toMatch(/^(xh|hx)$/)
    expect(initialsOfChar("A")).toBe("a")
    expect(initialsOfChar("，")).toBe("")
  })
})
