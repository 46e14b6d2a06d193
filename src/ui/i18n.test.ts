import { describe, expect, it } from "vitest"

import { fill, showsEnglishBeside, STRINGS, text, type StringKey } from "./i18n"

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const entries = Object.entries(STRINGS) as [StringKey, { zh: string; en: string }][]

describe("i18n dictionary", () => {
  it.each(entries)("%s has both languages, with the same placeholders", (_key, value) => {
    expect(value.zh.trim()).not.toBe("")
    expect(value.en.trim()).not.toBe("")
    expect(placeholders(value.zh)).toEqual(placeholders(value.en))
  })

  it.each(entries)("%s: the Chinese is Chinese and the English has no CJK", (_key, value) => {
    expect(value.zh).toMatch(/[\u4e00-\u9fff]|^[+\d]/)
    expect(value.en).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/)
  })
})

describe("fill / text", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fill("还有 {n} 条 {x}", { n: 3 })).toBe("还有 3 条 {x}")
  })

  it("attribute text is Chinese only by default, bilingual when chosen, English only for en", () => {
    expect(text("zh", "save")).toBe("保存")
    expect(text("zh-en", "save")).toBe("保存 / Save")
    expect(showsEnglishBeside("zh")).toBe(false)
    expect(showsEnglishBeside("zh-en")).toBe(true)
    expect(text("en", "save")).toBe("Save")
    expect(text("en", "more", { n: 2 })).toBe("2 more")
  })
})
