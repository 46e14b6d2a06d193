import { describe, expect, it } from "vitest"

import { derivePinyinTable, deriveT2sPairs } from "../../../scripts/phrasing-data-derive"
import { PINYIN_GROUPS } from "./data/pinyin"
import { T2S_PAIRS } from "./data/t2s"

// The shipped tables are exactly what the libraries say (re-run `npm run build:phrasing-data` after an upgrade).
describe("normalisation data matches its libraries", () => {
  it("traditional → simplified pairs equal opencc-js@1.4.2's character conversion", () => {
    expect(T2S_PAIRS).toBe(deriveT2sPairs())
    expect(T2S_PAIRS.length).toBeGreaterThan(4000)
  })
  it("toneless pinyin groups equal pinyin-pro@3.29.4 over GB2312", () => {
    expect(PINYIN_GROUPS).toBe(derivePinyinTable())
  })
})
