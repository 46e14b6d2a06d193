import { describe, expect, it } from "vitest"

import { handoffNoteSchema } from "../cases/schema"
import { toLocalInputValue } from "./callback-time"
import { EMPTY_DRAFT } from "./drafts"
import { buildNote, draftAfterSave, type NoteContext } from "./note-form"

const now = new Date(2026, 10, 22, 14, 0).getTime()
const ctx: NoteContext = {
  id: "n1",
  now,
  waybill: "SF1234567890123",
  author: { name: "王芳", workId: "8012" },
  caseType: "滞留",
  pageUrl: "https://crm.example.com/ticket/1",
}

describe("buildNote", () => {
  it("builds a schema-valid note with trimmed fields and the callback in epoch ms", () => {
    const callback = now + 30 * 60_000
    const result = buildNote(
      {
        ...EMPTY_DRAFT,
        customerName: " 李先生 ",
        customerContact: "138 0000 0000",
        problem: "快件在广州转运中心滞留三天 ",
        callbackLocal: toLocalInputValue(callback),
        status: "waiting",
      },
      ctx,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.note).toMatchObject({
      id: "n1",
      waybill: "SF1234567890123",
      createdAt: now,
      author: { name: "王芳", workId: "8012" },
      customerName: "李先生",
      problem: "快件在广州转运中心滞留三天",
      callbackAt: callback,
      caseType: "滞留",
      status: "waiting",
      pageUrl: "https://crm.example.com/ticket/1",
    })
    expect(handoffNoteSchema.safeParse(result.note).success).toBe(true)
  })

  it("leaves out empty optional fields", () => {
    const result = buildNote(
      { ...EMPTY_DRAFT, nextStep: "等网点回复" },
      { ...ctx, caseType: undefined, pageUrl: undefined },
    )
    expect(result.ok && Object.keys(result.note).sort()).toEqual(
      [
        "actionsTaken",
        "author",
        "contacted",
        "createdAt",
        "id",
        "nextStep",
        "problem",
        "promise",
        "status",
        "waybill",
      ].sort(),
    )
  })

  it("refuses an empty note and a missing waybill", () => {
    expect(buildNote({ ...EMPTY_DRAFT, customerName: "李" }, { ...ctx, waybill: "" })).toEqual({
      ok: false,
      problems: ["noWaybill", "emptyNote"],
    })
  })

  it("refuses a malformed or long-past callback time", () => {
    const base = { ...EMPTY_DRAFT, problem: "x" }
    expect(buildNote({ ...base, callbackLocal: "2026-02-30T10:00" }, ctx)).toEqual({
      ok: false,
      problems: ["badCallback"],
    })
    expect(buildNote({ ...base, callbackLocal: toLocalInputValue(now - 3600_000) }, ctx)).toEqual({
      ok: false,
      problems: ["callbackPast"],
    })
  })

  it("refuses text longer than the store accepts", () => {
    expect(buildNote({ ...EMPTY_DRAFT, problem: "x", customerName: "名".repeat(201) }, ctx)).toEqual({
      ok: false,
      problems: ["tooLong"],
    })
  })
})

describe("draftAfterSave", () => {
  it("keeps the customer and status, clears the rest", () => {
    const after = draftAfterSave({
      ...EMPTY_DRAFT,
      customerName: "李",
      customerContact: "138",
      problem: "p",
      promise: "q",
      callbackLocal: "2026-11-22T10:00",
      status: "waiting",
    })
    expect(after).toEqual({ ...EMPTY_DRAFT, customerName: "李", customerContact: "138", status: "waiting" })
  })
})
