// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { offsetToPoint, pointToOffset, rangeFor, readTextModel, selectionOffsets } from "./text-model"

/** Builds a root from a tree description without HTML strings (the page is untrusted; so are we). */
type Tree = string | [string, Record<string, string>?, ...Tree[]]
function build(tree: Tree): Node {
  if (typeof tree === "string") return document.createTextNode(tree)
  const [tag, attrs, ...children] = tree
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v)
  for (const c of children) el.append(build(c))
  return el
}
function root(...children: Tree[]): HTMLElement {
  const r = build(["div", { contenteditable: "true" }, ...children]) as HTMLElement
  document.body.replaceChildren(r)
  return r
}

describe("readTextModel", () => {
  const cases: Array<[string, Tree[], string]> = [
    ["inline text", ["你好，", ["b", {}, "不行"], "。"], "你好，不行。"],
    [
      "paragraphs",
      [
        ["p", {}, "第一行"],
        ["p", {}, "第二行"],
      ],
      "第一行\n第二行",
    ],
    ["br inside a line", [["p", {}, "a", ["br"], "b"]], "a\nb"],
    ["trailing filler br", [["p", {}, "a", ["br"]]], "a"],
    [
      "empty paragraph (Quill/CK filler)",
      [
        ["p", {}, "a"],
        ["p", {}, ["br"]],
        ["p", {}, "b"],
      ],
      "a\n\nb",
    ],
    ["two brs keep an empty line", [["p", {}, "a", ["br"], ["br"]]], "a\n"],
    [
      "nested blocks",
      [
        ["div", {}, ["p", {}, "a"]],
        ["div", {}, ["p", {}, "b"]],
      ],
      "a\nb",
    ],
    ["formatting whitespace", ["\n  ", ["p", {}, "a"], "\n  ", ["p", {}, "b"], "\n"], "a\nb"],
    ["fillers and nbsp", [["p", {}, "a\u2060\u2060b\u00a0c\ufeff"]], "ab c"],
    [
      "bogus elements skipped",
      [
        ["p", {}, "a"],
        ["div", { "data-mce-bogus": "all" }, "x"],
      ],
      "a",
    ],
    ["text and block siblings", ["lead", ["p", {}, "body"], "tail"], "lead\nbody\ntail"],
    ["list", [["ul", {}, ["li", {}, "一"], ["li", {}, "二"]]], "一\n二"],
  ]
  it.each(cases)("%s", (_name, children, expected) => {
    expect(readTextModel(root(...children)).text).toBe(expected)
  })

  it("is bounded", () => {
    const m = readTextModel(root(["p", {}, "x".repeat(30)], ["p", {}, "y".repeat(30)]), 40)
    expect(m.text.length).toBe(40)
    expect(m.truncated).toBe(true)
    expect(m.text).toBe("x".repeat(30) + "\n" + "y".repeat(9))
  })
})

describe("offset mapping", () => {
  it("round-trips every offset of a mixed document", () => {
    const r = root(
      ["p", {}, "你好，", ["b", {}, "不行"]],
      ["p", {}, ["br"]],
      ["p", {}, "x\u2060y", ["br"], "z"],
    )
    const m = readTextModel(r)
    expect(m.text).toBe("你好，不行\n\nxy\nz")
    for (let o = 0; o <= m.text.length; o++) {
      const p = offsetToPoint(m, o)
      expect(pointToOffset(m, p.node, p.offset), `offset ${o}`).toBe(o)
    }
  })

  it("maps a range to the text it covers", () => {
    const r = root(["p", {}, "你好，", ["b", {}, "不行"], "，这个没办法"], ["p", {}, "再见"])
    const m = readTextModel(r)
    const cases: Array<[number, number]> = [
      [3, 5],
      [0, 3],
      [5, 12],
      [3, 14],
      [13, 15],
    ]
    for (const [s, e] of cases) {
      const domText = rangeFor(m, s, e).toString()
      // Range.toString has no block separators; compare without them.
      expect(domText).toBe(m.text.slice(s, e).replace(/\n/g, ""))
    }
  })

  it("places the caret inside an empty paragraph", () => {
    const r = root(["p", {}, "a"], ["p", {}, ["br"]])
    const m = readTextModel(r)
    expect(m.text).toBe("a\n")
    const p = offsetToPoint(m, 2)
    expect(p.node).toBe(r.children[1])
    expect(p.offset).toBe(0)
  })

  it("maps element-based selection points", () => {
    const r = root(["p", {}, "ab"], ["p", {}, "cd"])
    const m = readTextModel(r)
    // After the first paragraph's text node, and at the start of the second paragraph.
    expect(pointToOffset(m, r.children[0], 1)).toBe(2)
    expect(pointToOffset(m, r.children[1], 0)).toBe(3)
    expect(pointToOffset(m, r, 2)).toBe(5)
    expect(pointToOffset(m, document.body, 0)).toBeNull()
  })

  it("reads the document selection as offsets", () => {
    const r = root(["p", {}, "你好，", ["b", {}, "不行"]])
    const m = readTextModel(r)
    const sel = document.getSelection()!
    sel.removeAllRanges()
    sel.addRange(rangeFor(m, 3, 5))
    expect(selectionOffsets(m, sel)).toEqual({ start: 3, end: 5 })
  })
})
