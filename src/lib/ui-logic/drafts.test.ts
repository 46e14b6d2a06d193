import { describe, expect, it } from "vitest"

import {
  DRAFT_MAX_AGE_MS,
  draftKey,
  EMPTY_DRAFT,
  expiredDraftKeys,
  isDraftEmpty,
  readStoredDraft,
} from "./drafts"

const now = 1_800_000_000_000

describe("drafts", () => {
  it("keys are per waybill", () => {
    expect(draftKey("SF1")).not.toBe(draftKey("SF2"))
    expect(draftKey("SF1").endsWith("SF1")).toBe(true)
  })

  it("status alone is not a draft; any typed field is", () => {
    expect(isDraftEmpty({ ...EMPTY_DRAFT, status: "waiting" })).toBe(true)
    expect(isDraftEmpty({ ...EMPTY_DRAFT, problem: "  " })).toBe(true)
    expect(isDraftEmpty({ ...EMPTY_DRAFT, promise: "明天回电" })).toBe(false)
    expect(isDraftEmpty({ ...EMPTY_DRAFT, callbackLocal: "2026-11-22T10:00" })).toBe(false)
  })

  it("reads back a fresh draft", () => {
    const draft = { ...EMPTY_DRAFT, problem: "快件滞留", status: "waiting" as const }
    expect(readStoredDraft({ savedAt: now - 1000, draft }, now)).toEqual(draft)
  })

  it("fills missing fields and drops junk from older or foreign values", () => {
    const read = readStoredDraft(
      { savedAt: now, draft: { problem: "x", status: "bogus", extra: 1, nextStep: 5 } },
      now,
    )
    expect(read).toEqual({ ...EMPTY_DRAFT, problem: "x" })
  })

  it.each([
    null,
    1,
    "x",
    {},
    { savedAt: "1", draft: {} },
    { savedAt: now },
    { savedAt: now - DRAFT_MAX_AGE_MS - 1, draft: {} },
  ])("ignores %j", (value) => {
    expect(readStoredDraft(value, now)).toBeNull()
  })

  it("lists only expired or unreadable draft keys", () => {
    const all = {
      [draftKey("A1234")]: { savedAt: now, draft: EMPTY_DRAFT },
      [draftKey("B1234")]: { savedAt: now - DRAFT_MAX_AGE_MS - 1, draft: EMPTY_DRAFT },
      [draftKey("C1234")]: "garbage",
      "other-setting": { savedAt: 0 },
    }
    expect(expiredDraftKeys(all, now).sort()).toEqual([draftKey("B1234"), draftKey("C1234")])
  })
})
