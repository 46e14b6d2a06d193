/**
 * Plain-phrase editing of guard patterns: QA leads type words, not regular expressions. A phrase is
 * turned into a pattern by escaping it (so "？" "(" "." match literally), and a pattern that is just
 * such an escaped phrase reads back as the phrase. Regular expressions stay available as an
 * advanced mode; {@link describePatternProblem} explains a broken one in words a QA lead follows.
 */
import { NESTED_QUANTIFIER } from "../text/regex-safety"
import { compileContextPattern } from "./compile"
import type { BilingualText, PhrasingContext } from "./types"

/** Where a guard looks: text before the hit, after it, or anywhere in its sentence. */
export type GuardWhere = keyof PhrasingContext

/** The regex syntax characters (the only ones "u" mode lets us escape). */
const META = /[\\^$.*+?()[\]{}|]/g
const META_ONE = /^[\\^$.*+?()[\]{}|]$/

/** Escapes every regex metacharacter so the phrase matches itself literally (with the "u" flag). */
export function escapeRegex(phrase: string): string {
  return phrase.replace(META, (ch) => `\\${ch}`)
}

/**
 * The guard pattern for a plain phrase: "before" = the phrase appears earlier in the hit's
 * sentence window, "after" = later in it, "sentence" = anywhere in it.
 */
export function phraseToPattern(phrase: string, where: GuardWhere): string {
  const literal = escapeRegex(phrase.trim())
  if (where === "before") return `${literal}.*?`
  if (where === "after") return `.*?${literal}`
  return literal
}

/** Undoes {@link escapeRegex}; null when the source contains any unescaped regex syntax. */
function unescapeLiteral(source: string): string | null {
  let out = ""
  for (let i = 0; i < source.length; i++) {
    let ch = source[i]
    if (ch === "\\") {
      ch = source[++i] ?? ""
      if (!META_ONE.test(ch)) return null
    } else if (META_ONE.test(ch)) return null
    out += ch
  }
  return out.length > 0 ? out : null
}

/**
 * The plain phrase a guard pattern stands for, or null when it is a real regular expression
 * (then the workbench shows the rule's guards in advanced mode).
 */
export function patternToPhrase(source: string, where: GuardWhere): string | null {
  let body = source
  if (where === "before") {
    if (!body.endsWith(".*?")) return null
    body = body.slice(0, -3)
  } else if (where === "after") {
    if (!body.startsWith(".*?")) return null
    body = body.slice(3)
  }
  const phrase = unescapeLiteral(body)
  return phrase !== null && phrase.trim() === phrase ? phrase : null
}

/** What is wrong with a guard pattern, and in which way (the editor adds advice for "syntax"). */
export interface PatternProblem extends BilingualText {
  kind: "syntax" | "nested" | "empty"
}

/** Advice after a syntax error in the editor's advanced mode. */
export const PLAIN_WORDS_HINT: BilingualText = {
  zh: "只想匹配字面文字时，请关闭“高级：正则表达式”，直接写词语。",
  en: "To match the words literally, turn off “Advanced: regular expressions” and type the phrase.",
}

/** Engine messages (V8, SpiderMonkey) → what went wrong, in words. */
const SYNTAX_HINTS: { test: RegExp; text: BilingualText }[] = [
  {
    test: /unterminated group|missing \)|unmatched ['"]?\(/i,
    text: { zh: "左括号“(”没有对应的右括号“)”", en: "an opening “(” has no closing “)”" },
  },
  {
    test: /unmatched ['"]?\)|unbalanced parenthesis/i,
    text: { zh: "右括号“)”没有对应的左括号“(”", en: "a closing “)” has no opening “(”" },
  },
  {
    test: /unterminated character class|missing \]/i,
    text: { zh: "方括号“[”没有对应的“]”", en: "a “[” has no closing “]”" },
  },
  {
    test: /nothing to repeat|quantifier/i,
    text: {
      zh: "“*”“+”“?”或“{}”前面没有可以重复的内容",
      en: "a “*”, “+”, “?” or “{}” has nothing before it to repeat",
    },
  },
  {
    test: /\\ at end|end of pattern|trailing backslash/i,
    text: { zh: "末尾多了一个反斜杠“\\”", en: "a stray “\\” at the end" },
  },
  {
    test: /escape/i,
    text: { zh: "反斜杠“\\”后面的字符不能这样用", en: "a “\\” is followed by a character it cannot escape" },
  },
]

/**
 * Why one guard pattern cannot be used, in words a QA lead understands (null when it is fine).
 * The phrasebook schema reports these: syntax, nested quantifiers, matching the empty string.
 */
export function describePatternProblem(source: string, where: GuardWhere): PatternProblem | null {
  try {
    compileContextPattern(source, where)
  } catch (error) {
    // The engine's message repeats the pattern ("Invalid regular expression: /…/iu: Unterminated
    // group"); only the reason after the last colon is matched.
    const full = error instanceof Error ? error.message : String(error)
    const engine = full.slice(full.lastIndexOf(": ") + 1)
    const hint = SYNTAX_HINTS.find((h) => h.test.test(engine))?.text ?? {
      zh: "写法不符合正则表达式语法",
      en: "it is not valid regular-expression syntax",
    }
    return {
      kind: "syntax",
      zh: `不是有效的正则表达式：${hint.zh}。`,
      en: `Not a valid regular expression: ${hint.en}.`,
    }
  }
  if (NESTED_QUANTIFIER.test(source))
    return {
      kind: "nested",
      zh: "括号里有重复符号、括号外又重复一次（如“(a+)+”），检查时可能卡死浏览器。请去掉一层重复。",
      en: "A repeated group that itself repeats (like “(a+)+”) can freeze the browser. Remove one level of repetition.",
    }
  if (new RegExp(source, "u").test(""))
    return {
      kind: "empty",
      zh: "这个模式什么都不写也能匹配，会让规则永远被排除。请写出要出现的文字。",
      en: "This pattern matches empty text, so it would always apply. Write the words that must appear.",
    }
  return null
}
