import { describe, expect, it } from "vitest"

import { pageToSidebarSchema } from "./schema"
import { EDIT_ERROR_CODES } from "./types"

const result = (error: unknown) => ({ type: "edit-result", requestId: "r1", ok: false, error })

describe("edit-result error codes", () => {
  it("keeps every known code as it is", () => {
    for (const code of EDIT_ERROR_CODES) {
      expect(pageToSidebarSchema.parse(result(code))).toMatchObject({ error: code })
    }
  })

  it("reads an older page script's free text as 'failed', so the request is still answered", () => {
    expect(pageToSidebarSchema.parse(result("no such editor"))).toMatchObject({ ok: false, error: "failed" })
    expect(pageToSidebarSchema.parse(result(42))).toMatchObject({ error: "failed" })
  })

  it("leaves a success without a code, and carries the editor's own words as detail (bounded)", () => {
    const ok = pageToSidebarSchema.parse({ type: "edit-result", requestId: "r1", ok: true })
    expect(ok).not.toHaveProperty("error")
    const detailed = { ...result("editor-refused"), detail: "paste: handled but the text did not change" }
    expect(pageToSidebarSchema.parse(detailed)).toMatchObject(detailed)
    expect(pageToSidebarSchema.safeParse({ ...detailed, detail: "x".repeat(501) }).success).toBe(false)
  })
})

describe("handoff-post-result error codes", () => {
  const post = (error?: unknown) => ({
    type: "handoff-post-result",
    requestId: "r1",
    inserted: false,
    verdict: "unknown",
    ...(error === undefined ? {} : { error }),
  })

  it("keeps every known code as it is, and a refusal without a code has none", () => {
    for (const code of EDIT_ERROR_CODES) {
      expect(pageToSidebarSchema.parse(post(code))).toMatchObject({ error: code })
    }
    expect(pageToSidebarSchema.parse(post())).not.toHaveProperty("error")
  })

  it("reads an older page script's 'no editor' as 'no-editor' and other free text as 'failed'", () => {
    expect(pageToSidebarSchema.parse(post("no editor"))).toMatchObject({
      inserted: false,
      error: "no-editor",
    })
    expect(pageToSidebarSchema.parse(post("paste refused"))).toMatchObject({ error: "failed" })
    expect(pageToSidebarSchema.parse(result("no editor"))).toMatchObject({ error: "no-editor" })
  })
})
