/**
 * The labelled case corpus (`corpus/cases/<type>.txt`): one ticket a line, with the source and
 * style declared by the nearest `@source` / `@style` line above it.
 *
 * Line format: `[title || ] text [ ~~ other acceptable types, comma-separated]`.
 */
import { hashString } from "../ml/rng"
import { CASE_TYPES, type CaseType } from "./model"

/** One labelled ticket. */
export interface CorpusItem {
  type: CaseType
  /** Types a careful agent would also accept (e.g. 理赔 for damage with a money demand). */
  also: CaseType[]
  title: string
  text: string
  source: string
  style: string
  file: string
  line: number
  /** "holdout": a file under corpus/holdout, written after training and only ever evaluated. */
  split: "train" | "test" | "holdout"
}

/** Share of items held out as the test split: a fifth, chosen by a hash of the text. */
export const TEST_SHARE = 5

/** Parses one corpus file. Throws with the file and line on anything malformed. */
export function parseCorpusFile(file: string, content: string): CorpusItem[] {
  const type = file.replace(/^.*\//, "").replace(/\.txt$/, "") as CaseType
  if (!CASE_TYPES.includes(type)) throw new Error(`${file}: the file name is not a case type`)
  const items: CorpusItem[] = []
  let source = ""
  let style = ""
  content.split("\n").forEach((rawLine, i) => {
    const line = rawLine.trim()
    const where = `${file}:${i + 1}`
    if (!line || line.startsWith("#")) return
    if (line.startsWith("@source ")) return void (source = line.slice(8).trim())
    if (line.startsWith("@style ")) return void (style = line.slice(7).trim())
    if (line.startsWith("@")) throw new Error(`${where}: unknown directive`)
    if (!source || !style) throw new Error(`${where}: item before any @source / @style`)
    const [body, alsoPart] = line.split(" ~~ ")
    const also = alsoPart ? alsoPart.split(/[,，]/).map((s) => s.trim()) : []
    for (const t of also)
      if (!CASE_TYPES.includes(t as CaseType)) throw new Error(`${where}: unknown type ${t}`)
    const [title, text] = body.includes(" || ") ? body.split(" || ") : ["", body]
    if (!text.trim()) throw new Error(`${where}: empty text`)
    items.push({
      type,
      also: also as CaseType[],
      title: title.trim(),
      text: text.trim(),
      source,
      style,
      file,
      line: i + 1,
      split: /(^|\/)holdout\//.test(file)
        ? "holdout"
        : hashString(`${title}|${text}`) % TEST_SHARE === 0
          ? "test"
          : "train",
    })
  })
  return items
}
