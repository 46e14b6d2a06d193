import { describe, expect, it } from "vitest"

import { handoffNoteSchema } from "../cases/schema"
import { toLocalInputValue } from "./callback-time"
import { EMPTY_DRAFT } from "./drafts"
import { buildNote, draftAfterSave, noteBodyEmpty, type NoteContext } from "./note-form"

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

describe("handoffs to someone else and promises (issue 12)", () => {
  const base = { ...EMPTY_DRAFT, problem: "快件滞留" }
  const ctx = {
    id: "n1",
    now: new Date(2026, 11, 4, 10, 0).getTime(),
    waybill: "SF1385628716739",
    author: { name: "李四", workId: "A123" },
  }

  it("a promise without a callback time asks for one, unless the agent says none is needed", () => {
    const draft = { ...base, promise: "30分钟内回复您" }
    expect(buildNote(draft, ctx)).toEqual({ ok: false, problems: ["promiseNoCallback"] })
    expect(buildNote(draft, { ...ctx, allowNoCallback: true }).ok).toBe(true)
    expect(buildNote({ ...draft, callbackLocal: "2026-12-04T10:30" }, ctx).ok).toBe(true)
    expect(buildNote({ ...base, promise: "已告知客户派送时间" }, ctx).ok).toBe(true)
  })

  it("handed to someone else: their callback, no reminder here unless asked", () => {
    const draft = { ...base, handedTo: "下一班", callbackLocal: "2026-12-04T10:30" }
    const r = buildNote(draft, ctx)
    expect(r.ok && r.note.handedTo).toBe("下一班")
    expect(r.ok && r.note.remind).toBe(false)
    const asked = buildNote(draft, { ...ctx, remindMe: true })
    expect(asked.ok && asked.note.remind).toBeUndefined()
    const self = buildNote({ ...draft, handedTo: "A123" }, { ...ctx, self: ["李四", "A123"] })
    expect(self.ok && self.note.remind).toBeUndefined()
  })
})

describe("noteBodyEmpty", () => {
  it("is true when only the customer's name and contact are filled (prefilled from the page)", () => {
    const draft = { ...EMPTY_DRAFT, customerName: "李女士", customerContact: "133****6284" }
    expect(noteBodyEmpty(draft)).toBe(true)
    expect(noteBodyEmpty({ ...draft, nextStep: "明早回电" })).toBe(false)
  })
})
