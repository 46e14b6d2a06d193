/**
 * The tone model's features, shared by training and the sidebar: character 1–3-grams of the
 * normalised sentence plus its opening and closing characters (sentence-final particles and
 * openers carry much of the tone: "…吧", "…呗", "那能…吗").
 */
import { FeatureBag, forEachCharNgram } from "../../ml/features"

/** Hashed feature space of the tone model. */
export const TONE_DIM = 1 << 18

/** Drops the sentence's own closing punctuation and spaces; keeps what is inside. */
const EDGE = /^[\s，,、；;：:。！？!?…~～]+|[\s，,、；;：:。！？!?…~～]+$/gu

/** Features of one sentence (already normalised). Spans are offsets into `sentence`. */
export function toneFeatures(sentence: string): FeatureBag {
  const bag = new FeatureBag(TONE_DIM)
  forEachCharNgram(sentence, 1, 3, (gram, start, end) => bag.add(`g:${gram}`, 1, { start, end }))
  const core = sentence.replace(EDGE, "")
  const at = sentence.indexOf(core)
  if (core.length > 0) {
    bag.add(`^${core.slice(0, 2)}`, 1, { start: at, end: at + Math.min(2, core.length) })
    const tail = core.slice(-2)
    bag.add(`${tail}$`, 1, { start: at + core.length - tail.length, end: at + core.length })
    bag.add(`${core.slice(-1)}$`, 1, { start: at + core.length - 1, end: at + core.length })
    // Very short replies ("不行", "等着") read differently from the same words inside a long one.
    bag.add(core.length <= 4 ? "len:short" : core.length <= 12 ? "len:mid" : "len:long")
  }
  bag.normalizeL2()
  return bag
}
