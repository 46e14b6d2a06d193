import { describe, expect, it } from "vitest"

import { composeCorpus, parseCorpus } from "../../../../scripts/tone/corpus"

// The corpus format of corpus/tone (see its README): register|source|text, "\n" for a line break,
// an optional ⟦core⟧ for the labelled part of a longer reply, and "<label>-<set>.txt" file names.
describe("tone corpus format", () => {
  it("reads a set file's label from its name", () => {
    const items = parseCorpus([
      { name: "refusal-realistic.txt", content: "chat|W|不行哈\n# comment\n" },
      { name: "polite-realistic.txt", content: "chat|W|好的亲" },
      { name: "blame-shifting.txt", content: "chat|W|您找商家吧" },
    ])
    expect(items.map((i) => [i.label, i.text])).toEqual([
      ["blame-shifting", "您找商家吧"],
      ["polite", "好的亲"],
      ["refusal", "不行哈"],
    ])
    expect(() => parseCorpus([{ name: "rude.txt", content: "chat|W|呵呵" }])).toThrow(/not a tone label/)
  })

  it("turns \\n into line breaks and ⟦…⟧ into the core span", () => {
    const [item] = parseCorpus([
      { name: "refusal.txt", content: "email|W|您好，\\n⟦您的改址要求无法办理。⟧\\n\\n> 能改地址吗" },
    ])
    expect(item.text).toBe("您好，\n您的改址要求无法办理。\n\n> 能改地址吗")
    expect(item.text.slice(item.coreStart, item.coreEnd)).toBe("您的改址要求无法办理。")
    // A composition keeps pointing at the same core inside its frame.
    const [composed] = composeCorpus([item])
    expect(composed.text.slice(composed.coreStart, composed.coreEnd)).toBe("您的改址要求无法办理。")
  })

  it("rejects a malformed core marker and duplicates", () => {
    expect(() => parseCorpus([{ name: "refusal.txt", content: "chat|W|⟦不行" }])).toThrow(/one ⟦core⟧/)
    expect(() => parseCorpus([{ name: "refusal.txt", content: "chat|W|⟦不⟧⟦行⟧" }])).toThrow(/one ⟦core⟧/)
    expect(() =>
      parseCorpus([
        { name: "refusal.txt", content: "chat|W|不行" },
        { name: "refusal-realistic.txt", content: "chat|W|不行" },
      ]),
    ).toThrow(/duplicate/)
  })
})
