import { describe, expect, it } from "vitest"

import type { AuditEvent } from "../audit/model"
import type { HandoffNote } from "../cases/model"
import { parseTeamPolicy, teamHostPattern } from "./config"
import { handoffsDesign, qaDesign, validateSource } from "./design"
import { canonicalJson, parseTeamDocId, toTeamDoc } from "./docs"
import { backoffMs, isAlreadyThere } from "./replicator"
import { signTeamDoc, verifyTeamDoc } from "./signing"
import { entriesFromDocs, mergeTeamTimeline, verifyTeamEntries } from "./timeline"

const note = (o: Partial<HandoffNote> = {}): HandoffNote => ({
  id: "n-1",
  waybill: "SF1234567890",
  createdAt: 1_700_000_000_000,
  author: { name: "李娜", workId: "A1" },
  problem: "滞留",
  actionsTaken: "已联系网点",
  contacted: "",
  promise: "",
  nextStep: "",
  pageUrl: "https://crm.example.com/ticket/1?x=1",
  ...o,
})

describe("team policy", () => {
  it("is off when absent, and never half-used when invalid", () => {
    expect(parseTeamPolicy(undefined)).toEqual({ kind: "off" })
    expect(parseTeamPolicy(null)).toEqual({ kind: "off" })
    for (const bad of [
      { url: "http://couch.example.com" }, // plain http off the machine
      { url: "https://admin:pw@couch.example.com" }, // credentials in the URL
      { url: "ftp://x" },
      { url: "https://couch.example.com", dbPrefix: "Bad/Name" },
      { url: "https://couch.example.com", extra: 1 },
      "https://couch.example.com",
    ]) {
      const r = parseTeamPolicy(bad)
      expect(r.kind, JSON.stringify(bad)).toBe("invalid")
    }
  })

  it("fills defaults, resolves database names, and allows http only on this machine", () => {
    const r = parseTeamPolicy({ url: "https://couch.example.com:6984/" })
    expect(r).toEqual({
      kind: "on",
      config: {
        url: "https://couch.example.com:6984",
        handoffsDb: "cs-sidekick-handoffs",
        qaDb: "cs-sidekick-qa",
        qaRole: "qa",
        batchSize: 200,
        pushEveryMinutes: 1,
        utcOffsetMinutes: 480,
      },
    })
    const local = parseTeamPolicy({ url: "http://127.0.0.1:5984", dbPrefix: "t-", qaDb: "quality" })
    expect(local.kind === "on" && [local.config.handoffsDb, local.config.qaDb]).toEqual([
      "t-handoffs",
      "quality",
    ])
    expect(teamHostPattern({ url: "https://couch.example.com:6984" })).toBe("https://couch.example.com/*")
  })
})

describe("team documents", () => {
  it("are deterministic: key order does not matter, content does", () => {
    const a = toTeamDoc("handoff", note(), { workId: "A1", name: "李娜" })
    const reordered = Object.fromEntries(Object.entries(note()).reverse()) as unknown as HandoffNote
    expect(toTeamDoc("handoff", reordered, { workId: "X", name: "" })).toEqual(a)
    const edited = toTeamDoc("handoff", note({ problem: "破损" }), { workId: "A1", name: "" })
    expect(edited._id).not.toBe(a._id)
    expect(parseTeamDocId(edited._id)).toMatchObject({ kind: "handoff", agent: "A1", localId: "n-1" })
    expect(a).toMatchObject({
      type: "handoff",
      agent: "A1",
      site: "https://crm.example.com",
      waybill: "SF1234567890",
    })
  })

  it("encode ':' in free-text parts so an id always splits back", () => {
    const doc = toTeamDoc("handoff", note({ id: "a:b", author: { name: "x", workId: "A:1" } }), {
      workId: "",
      name: "",
    })
    expect(parseTeamDocId(doc._id)).toMatchObject({ agent: "A:1", localId: "a:b" })
    expect(parseTeamDocId("handoff:A1:n")).toBeNull()
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 2 }] })).toBe('{"a":[1,{"c":2}],"b":1}')
  })

  it("audit events keep their masked text and go to the QA database", () => {
    const e: AuditEvent = {
      id: "e1",
      at: 1,
      outcome: "shown",
      ruleId: "r",
      phrasebookVersion: "1",
      agentWorkId: "A1",
      agentName: "李娜",
      site: "https://crm.example.com",
      span: { start: 0, end: 1 },
      flagged: "x",
      excerpt: "电话 138****5678",
    }
    const doc = toTeamDoc("audit", e, { workId: "A1", name: "" })
    expect(doc.body.excerpt).toBe("电话 138****5678")
    expect(doc._id.startsWith("audit:A1:e1:")).toBe(true)
  })
})

describe("validate_doc_update", () => {
  // The same source the server runs, evaluated here with CouchDB's arguments.
  const validate = new Function(`return (${validateSource("handoffs")})`)() as (
    n: object,
    o: object | null,
    u: { name: string | null; roles: string[] },
  ) => void
  const doc = toTeamDoc("handoff", note(), { workId: "A1", name: "" })
  const refusal = (f: () => void) => {
    try {
      f()
      return "accepted"
    } catch (e) {
      return (e as { forbidden: string }).forbidden.split(":")[0]
    }
  }
  it("accepts an agent's own new document and refuses everything else", () => {
    expect(refusal(() => validate(doc, null, { name: "A1", roles: ["agent"] }))).toBe("accepted")
    expect(refusal(() => validate(doc, null, { name: "B2", roles: ["agent"] }))).toBe("not-yours")
    expect(refusal(() => validate({ ...doc, agent: "B2" }, null, { name: "B2", roles: [] }))).toBe(
      "not-yours",
    )
    expect(refusal(() => validate(doc, doc, { name: "A1", roles: ["agent"] }))).toBe("immutable")
    expect(refusal(() => validate({ _id: doc._id, _deleted: true }, null, { name: "A1", roles: [] }))).toBe(
      "immutable",
    )
    const audit = { ...doc, _id: doc._id.replace(/^handoff/, "audit"), type: "audit" }
    expect(refusal(() => validate(audit, null, { name: "A1", roles: [] }))).toBe("bad-doc")
    expect(refusal(() => validate(doc, doc, { name: "admin", roles: ["_admin"] }))).toBe("accepted")
  })

  it("views compile as functions", () => {
    for (const d of [handoffsDesign(), qaDesign(480)])
      for (const v of Object.values(d.views)) expect(() => new Function(`return (${v.map})`)()).not.toThrow()
  })
})

describe("replicator rules", () => {
  it("backs off 30 s, doubling, capped at 15 min", () => {
    expect([0, 1, 2, 3, 5, 6, 20].map(backoffMs)).toEqual([
      0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000,
    ])
  })
  it("treats a conflict or our immutable refusal as already delivered, nothing else", () => {
    expect(isAlreadyThere({ id: "x", error: "conflict", reason: "Document update conflict." })).toBe(true)
    expect(isAlreadyThere({ id: "x", error: "forbidden", reason: "immutable: …" })).toBe(true)
    expect(isAlreadyThere({ id: "x", error: "forbidden", reason: "not-yours: …" })).toBe(false)
    expect(isAlreadyThere({ id: "x", ok: true, rev: "1-a" })).toBe(false)
  })
})

describe("team timeline", () => {
  const wb = "SF1234567890"
  const teamDoc = (o: Partial<HandoffNote>) => toTeamDoc("handoff", note(o), { workId: "", name: "" })
  it("drops documents that do not hold together", () => {
    const good = teamDoc({ id: "t1", author: { name: "王强", workId: "B2" } })
    const liar = { ...teamDoc({ id: "t2", author: { name: "王强", workId: "B2" } }), agent: "A1" }
    const wrongWb = teamDoc({ id: "t3", waybill: "YT9876543210", author: { name: "王强", workId: "B2" } })
    const badBody = { ...teamDoc({ id: "t4", author: { name: "王强", workId: "B2" } }), body: { id: 1 } }
    const entries = entriesFromDocs([good, liar, wrongWb, badBody, null, "x"], wb)
    expect(entries.map((e) => e.docId)).toEqual([good._id])
  })
  it("merges oldest first, never showing this profile's own note twice", () => {
    const local = [note({ id: "mine", createdAt: 10 }), note({ id: "late", createdAt: 30 })]
    const team = entriesFromDocs(
      [
        teamDoc({ id: "mine", createdAt: 10 }), // this profile's own note, as pushed
        teamDoc({ id: "theirs", createdAt: 20, author: { name: "王强", workId: "B2" } }),
      ],
      wb,
    )
    const merged = mergeTeamTimeline(local, [...team, ...team])
    expect(
      merged.map((e) => (e.source === "local" ? e.note.id : `team:${e.kind === "handoff" ? e.note.id : ""}`)),
    ).toEqual(["mine", "team:theirs", "late"])
  })
})

describe("team handoffs signed with the team key (issue 12's check)", () => {
  const KEY = "team-key-0123456789"
  const wb = "SF1234567890"
  it("verifies what was signed and nothing altered, forged or signed with another key", async () => {
    const doc = await signTeamDoc(
      toTeamDoc("handoff", note({ id: "s1", author: { name: "王强", workId: "B2" } }), {
        workId: "",
        name: "",
      }),
      KEY,
    )
    expect(doc.sig).toMatch(/^[0-9a-f]{32}$/)
    expect(await verifyTeamDoc(doc, KEY)).toBe("verified")
    // Key order of the body as the server returns it does not matter (canonical JSON).
    const reordered = { ...doc, body: Object.fromEntries(Object.entries(doc.body).reverse()) }
    expect(await verifyTeamDoc(reordered, KEY)).toBe("verified")
    expect(await verifyTeamDoc({ ...doc, body: { ...doc.body, promise: "赔偿500元" } }, KEY)).toBe(
      "bad-signature",
    )
    expect(await verifyTeamDoc({ ...doc, agent: "A1" }, KEY)).toBe("bad-signature")
    expect(await verifyTeamDoc({ ...doc, sig: undefined }, KEY)).toBe("unsigned")
    expect(await verifyTeamDoc(doc, "another-team-key-xyz")).toBe("bad-signature")
    expect(await verifyTeamDoc(doc, undefined)).toBe("no-key")
    // Audit events are not signed; without a usable key nothing is.
    const audit = toTeamDoc("audit", { id: "e" } as unknown as AuditEvent, { workId: "A1", name: "" })
    expect((await signTeamDoc(audit, KEY)).sig).toBeUndefined()
    expect(
      (await signTeamDoc(toTeamDoc("handoff", note(), { workId: "", name: "" }), "short")).sig,
    ).toBeUndefined()
  })

  it("reads takeovers as their own kind, only when the note says it is one, and marks each entry", async () => {
    const plain = toTeamDoc("handoff", note({ id: "h", waybill: wb }), { workId: "", name: "" })
    const take = toTeamDoc("takeover", note({ id: "t", waybill: wb, takeoverOf: "h" }), {
      workId: "",
      name: "",
    })
    const lying = { ...toTeamDoc("takeover", note({ id: "x", waybill: wb }), { workId: "", name: "" }) }
    const entries = entriesFromDocs([plain, await signTeamDoc(take, KEY), lying], wb)
    expect(entries.map((e) => e.kind)).toEqual(["handoff", "takeover"])
    const checked = await verifyTeamEntries(entries, KEY)
    expect(checked.map((e) => (e.kind === "attempt" ? "" : e.verification))).toEqual(["unsigned", "verified"])
  })
})
