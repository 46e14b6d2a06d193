import fc from "fast-check"
import { describe, expect, it } from "vitest"

import type { HandoffNote } from "../cases/model"
import { growthRatio } from "../linearity.test-helper"
import { cleanContent, HANDOFF_HEADER, parseBlocks, renderBlock, type BlockContent } from "./block"
import { mergeTimeline, noteToBlock, parseAuthorLine, takeoverBlock } from "./note"
import { signBlock, verifyBlock } from "./sign"

const KEY = "team-key-for-tests-0123456789"
const at = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).getTime()

const note: HandoffNote = {
  id: "5f0c2a9e-1b7d-4c33-9a61-2f1e8d7c6b5a",
  waybill: "SF1385628716739",
  createdAt: at(2026, 12, 4, 17, 40) + 12_345,
  author: { name: "李四", workId: "A123" },
  customerName: "张先生",
  customerContact: "13800138000",
  problem: "快件显示已签收，客户称未收到，\n已与客户确认地址无误",
  actionsTaken: "已联系网点核实派件记录 & 签收底单（<3天>）",
  contacted: "朝阳网点 王站长 010-12345678：答应今天回复",
  promise: "30分钟内回复您",
  callbackAt: at(2026, 12, 4, 18, 10),
  nextStep: "下一步：等网点回复后回电客户",
  handedTo: "下一班",
  status: "waiting",
}

async function rendered(n: HandoffNote = note, key: string | null = KEY): Promise<string> {
  const block = cleanContent(noteToBlock(n))
  return renderBlock(block, await signBlock(block, key ?? undefined))
}

async function readOne(text: string, waybill: string | null = note.waybill, key: string | null = KEY) {
  const blocks = parseBlocks(text)
  expect(blocks).toHaveLength(1)
  return { block: blocks[0], verification: await verifyBlock(blocks[0], key ?? undefined, waybill) }
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
/** What a rich-text CRM stores: each line an escaped <p>. */
const asParagraphs = (text: string) =>
  text
    .split("\n")
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join("")
/** The page's textContent of that HTML: tags gone (and the line breaks with them), entities decoded. */
const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000")

describe("handoff block: writing", () => {
  it("is readable without the extension: Chinese labels, one field a line, then the machine line", async () => {
    const text = await rendered()
    const lines = text.split("\n")
    expect(lines[0]).toBe(HANDOFF_HEADER)
    expect(lines).toContain("运单号：SF1385628716739")
    expect(lines).toContain("客户：张先生 13800138000")
    expect(lines).toContain("问题（已与客户确认）：快件显示已签收，客户称未收到， 已与客户确认地址无误")
    expect(lines).toContain("承诺：30分钟内回复您")
    expect(lines).toContain("回电时间：2026-12-04 18:10")
    expect(lines).toContain("交给：下一班")
    expect(lines).toContain("经办：李四（工号 A123） 2026-12-04 17:40")
    // A label inside a value cannot split the field when line breaks are lost.
    expect(lines).toContain("下一步：下一步∶等网点回复后回电客户")
    expect(lines.at(-1)).toMatch(
      /^CSK1 k=h n=5f0c2a9e-1b7d-4c33-9a61-2f1e8d7c6b5a at=\w+ cb=\w+ s=[0-9a-f]{32}$/,
    )
  })

  it("leaves out empty optional fields, never the waybill or the author", async () => {
    const text = await rendered({
      ...note,
      contacted: "",
      handedTo: undefined,
      customerName: undefined,
      customerContact: undefined,
    })
    expect(text).not.toContain("已联系：")
    expect(text).not.toContain("交给：")
    expect(text).not.toContain("客户：")
    expect(text).toContain("运单号：")
  })

  it("refuses ids that could break the machine line", () => {
    expect(() => renderBlock({ ...noteToBlock(note), id: "a b" }, undefined)).toThrow()
  })
})

describe("handoff block: round trip and manglings", () => {
  const manglings: [string, (t: string) => string][] = [
    ["as written", (t) => t],
    ["HTML-escaped once (read as text)", (t) => escapeHtml(t)],
    ["HTML-escaped twice", (t) => escapeHtml(escapeHtml(t))],
    ["named entities as CKEditor writes them, shown literally", (t) => t.replace(/·/g, "&middot;")],
    [
      "rich text: each line a <p>, read with textContent (line breaks lost)",
      (t) => stripTags(asParagraphs(t)),
    ],
    ["rich text shown as escaped markup", (t) => escapeHtml(asParagraphs(t))],
    ["<br> lines escaped", (t) => escapeHtml(t.replace(/\n/g, "<br>"))],
    ["line breaks lost", (t) => t.replace(/\n/g, "")],
    ["line breaks as spaces", (t) => t.replace(/\n/g, " ")],
    ["line breaks doubled", (t) => t.replace(/\n/g, "\n\n")],
    ["CRLF", (t) => t.replace(/\n/g, "\r\n")],
    [
      "quoted in a reply",
      (t) =>
        t
          .split("\n")
          .map((l) => `> ${l}`)
          .join("\n"),
    ],
    [
      "quoted twice",
      (t) =>
        t
          .split("\n")
          .map((l) => `> > ${l}`)
          .join("\n"),
    ],
    [
      "quoted, then line breaks lost",
      (t) =>
        t
          .split("\n")
          .map((l) => `> ${l}`)
          .join(" "),
    ],
    ["full-width characters", (t) => toFullWidth(t)],
    ["trimmed and padded", (t) => `\n\n   ${t.trim()}   \n`],
    ["non-breaking spaces", (t) => t.replace(/ /g, "\u00a0")],
    ["zero-width spaces", (t) => t.replace(/：/g, "：\u200b")],
    ["inside a longer comment", (t) => `客户来电催促。\n${t}\n——以上为交接信息，请跟进`],
  ]

  it.each(manglings)("%s: reads back every field and verifies", async (_name, mangle) => {
    const text = await rendered()
    const { block, verification } = await readOne(mangle(text))
    expect(verification).toBe("verified")
    expect(block.completeness).toBe("complete")
    expect(block.id).toBe(note.id)
    expect(block.callbackAt).toBe(note.callbackAt)
    expect(block.at).toBe(Math.floor(note.createdAt / 1000) * 1000)
    expect(block.fields.promise).toBe("30分钟内回复您")
    expect(block.fields.handedTo).toBe("下一班")
    expect(parseAuthorLine(block.fields.author)).toMatchObject({ name: "李四", workId: "A123" })
    // Read back in NFKC (full-width punctuation as ASCII), the form that is signed.
    expect(block.fields.actionsTaken).toBe("已联系网点核实派件记录 & 签收底单(<3天>)")
  })

  it("truncated anywhere: partial or nothing, never wrong data", async () => {
    const text = await rendered()
    const whole = parseBlocks(text)[0]
    const machineStart = text.indexOf("CSK1")
    for (let cut = 1; cut < text.length; cut++) {
      for (const tail of ["", "…", "...", "…[展开]"]) {
        const blocks = parseBlocks(text.slice(0, cut) + tail)
        if (blocks.length === 0) continue
        const [b] = blocks
        const v = await verifyBlock(b, KEY, note.waybill)
        // Only the whole text verifies; a cut one is partial (or, cut inside the id, unreadable as complete).
        expect(v).not.toBe("verified")
        if (cut < machineStart) expect(b.completeness).toBe("partial")
        // Every field read is a prefix of the true value: nothing invented, nothing from elsewhere.
        for (const [k, value] of Object.entries(b.fields)) {
          const truth = whole.fields[k as keyof typeof whole.fields] ?? ""
          const clean = value.replace(/(?:…|\.\.\.)(?:\[展开\])?$/, "").replace(/\[展?$/, "")
          expect(truth.startsWith(clean) || clean.startsWith(truth), `${k} at cut ${cut}`).toBe(true)
        }
      }
    }
  })

  it("a block quoted in a reply appears once in the timeline", async () => {
    const text = await rendered()
    const page = `${text}\n\n回复：\n${text
      .split("\n")
      .map((l) => `> ${l}`)
      .join("\n")}`
    const blocks = parseBlocks(page)
    expect(blocks).toHaveLength(2)
    const checked = await Promise.all(
      blocks.map(async (block) => ({ block, verification: await verifyBlock(block, KEY, note.waybill) })),
    )
    const { entries } = mergeTimeline([], checked)
    expect(entries).toHaveLength(1)
    expect(entries[0].copies).toBe(2)
  })

  it("merges the local note with its copy in the ticket", async () => {
    const block = parseBlocks(await rendered())[0]
    const { entries } = mergeTimeline([note], [{ block, verification: "verified" }])
    expect(entries).toHaveLength(1)
    expect(entries[0].local?.id).toBe(note.id)
    expect(entries[0].remote?.verification).toBe("verified")
  })

  it("property: any note round-trips through render → any mangling → parse → verify", async () => {
    const text = fc.string({
      maxLength: 60,
      unit: fc.constantFrom(..."客户问题已处理联系承诺下一步交给：:（）()<>&;#\n >运单号ab1 ,.。！"),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          problem: text,
          actionsTaken: text,
          promise: text,
          nextStep: text,
          handedTo: text,
          name: text,
        }),
        fc.constantFrom(...manglings.map((m) => m[1])),
        async (f, mangle) => {
          const n: HandoffNote = {
            ...note,
            ...f,
            handedTo: f.handedTo,
            author: { name: f.name, workId: "B7" },
          }
          const written = await rendered(n)
          const { verification } = await readOne(mangle(written))
          expect(verification).toBe("verified")
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe("handoff block: authenticity", () => {
  it("forged: a block typed by someone without the key does not verify", async () => {
    const forged = (await rendered(note, "someone-elses-key-0123456789")).replace("李四", "李四")
    expect((await readOne(forged)).verification).toBe("bad-signature")
    const typed = (await rendered()).replace(/s=[0-9a-f]{32}/, `s=${"0".repeat(32)}`)
    expect((await readOne(typed)).verification).toBe("bad-signature")
  })

  it("edited: any changed field, time or id breaks the signature", async () => {
    const text = await rendered()
    const edits: [string, string][] = [
      ["30分钟内回复您", "已同意赔付500元"],
      ["朝阳网点 王站长", "朝阳网点 李经理"],
      ["交给：下一班", "交给：王五"],
      ["回电时间：2026-12-04 18:10", "回电时间：2026-12-05 18:10"],
    ]
    for (const [from, to] of edits) {
      expect(text).toContain(from)
      expect((await readOne(text.replace(from, to))).verification, from).toBe("bad-signature")
    }
    const cb = /cb=(\w+)/.exec(text)![1]
    const later = (parseInt(cb, 36) + 3600).toString(36)
    expect((await readOne(text.replace(`cb=${cb}`, `cb=${later}`))).verification).toBe("bad-signature")
    expect((await readOne(text.replace(`n=${note.id}`, "n=0000"))).verification).toBe("bad-signature")
    // Removing a line is an edit too.
    expect((await readOne(text.replace(/\n交给：下一班/, ""))).verification).toBe("bad-signature")
  })

  it("replayed to another waybill: copied as is, or with the waybill line changed", async () => {
    const text = await rendered()
    expect((await readOne(text, "YT7785566443322")).verification).toBe("other-waybill")
    const changed = text.replace("运单号：SF1385628716739", "运单号：YT7785566443322")
    expect((await readOne(changed, "YT7785566443322")).verification).toBe("bad-signature")
  })

  it("truncated signature or missing machine line: partial", async () => {
    const text = await rendered()
    expect((await readOne(text.slice(0, -5))).verification).toBe("partial")
    expect((await readOne(text.slice(0, text.indexOf("CSK1")))).verification).toBe("partial")
  })

  it("without a team key: unsigned blocks and no-key readers never verify", async () => {
    const unsigned = await rendered(note, null)
    expect(unsigned).toContain(" s=-")
    expect((await readOne(unsigned)).verification).toBe("unsigned")
    expect((await readOne(await rendered(), note.waybill, null)).verification).toBe("no-key")
    expect(await signBlock(noteToBlock(note), "short")).toBeUndefined()
  })
})

describe("takeover blocks", () => {
  it("round-trip, name the original and verify", async () => {
    const original = parseBlocks(await rendered())[0]
    const content: BlockContent = cleanContent(
      takeoverBlock({
        id: "9d1e",
        at: at(2026, 12, 4, 18, 0),
        author: { name: "王五", workId: "B7" },
        original,
        callbackAt: note.callbackAt,
      }),
    )
    const text = renderBlock(content, await signBlock(content, KEY))
    expect(text).toContain("【客服助手·接手】")
    expect(text).toContain("接手：王五（工号 B7） 2026-12-04 18:00")
    expect(text).toContain("原交接：李四(工号 A123) 2026-12-04 17:40")
    const { block, verification } = await readOne(stripTags(asParagraphs(text)))
    expect(verification).toBe("verified")
    expect(block.kind).toBe("takeover")
    expect(block.ref).toBe(note.id)
    const { entries } = mergeTimeline(
      [note],
      [
        { block: original, verification: "verified" },
        { block, verification },
      ],
    )
    expect(entries[0].takenOver?.verification).toBe("verified")
    const forged = text.replace(/re=[\w-]+/, "re=other")
    expect((await readOne(forged)).verification).toBe("bad-signature")
  })
})

describe("reading whole pages", () => {
  it("finds hundreds of blocks in a 1 MB page in linear time", async () => {
    const block = await rendered()
    const filler = "2026-11-20 10:02 客服 回复：您好，您的快件正在派送中，请耐心等待。\n".repeat(50)
    const page = (n: number) => Array.from({ length: n }, () => `${filler}${asParagraphs(block)}`).join("\n")
    const big = page(400)
    expect(big.length).toBeGreaterThan(1_000_000)
    expect(parseBlocks(big)).toHaveLength(400)
    expect(growthRatio(parseBlocks, page(40), big)).toBeLessThan(25)
  })

  it("ignores text that only looks like a block", () => {
    expect(parseBlocks("客服助手·交接单 运单号：SF1 经办：x")).toEqual([])
    expect(parseBlocks("完全无关的文字 CSK1 k=h n=1 at=1 cb=- s=-")).toEqual([])
  })
})
