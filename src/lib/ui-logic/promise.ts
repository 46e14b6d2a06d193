/**
 * Finds a promise to reply later in the agent's draft ("稍后回复您", "我帮您问问", "我再跟进",
 * "…之前回复您"), so the sidebar can offer to set a callback (manual 2.1: give the reason, the time,
 * and follow up). Pure; patterns are module constants, compiled once.
 */

export interface PromiseHit {
  /** The promising words as written in the draft. */
  phrase: string
  start: number
  end: number
  /** A time named next to the promise ("今天18点", "2小时内"), when there is one. */
  time?: string
}

const TIME = String.raw`(?:今天|今晚|明天|后天|周[一二三四五六日天]|下午|上午|晚上|中午)?\s*(?:\d{1,2}(?:[:：]\d{2}|[点时](?:\d{1,2}分?|半)?)|[一二两三四五六七八九十]{1,3}点半?|(?:\d+|[一二两三四五六七八九十半]{1,3})\s*(?:分钟|小时|个小时|个半小时|天)(?:之?内)?)`

/** A day (and part of it) named without a clock time: "明天上午给您回复", "周一前答复您". */
const DAY = String.raw`(?:今天|今晚|明天|明早|后天|周[一二三四五六日天]|星期[一二三四五六日天])\s*(?:上午|下午|晚上|中午)?`

const PATTERNS: readonly RegExp[] = [
  // "…之前/前/内 回复您" with a time before it
  new RegExp(
    String.raw`(${TIME})\s*(?:之前|以前|前|之内|内)\s*(?:给您)?(?:回复|答复|回电|联系|回电话|致电)(?:您|你)?`,
    "u",
  ),
  new RegExp(
    String.raw`(${DAY})\s*(?:之前|以前|前)?\s*(?:给您|跟您|向您)?(?:回复|答复|回电|联系|回个?电话|致电|告知|反馈)(?:您|你)?`,
    "u",
  ),
  /(?:稍后|晚点|晚些|过会儿?|等会儿?|一会儿?|随后|尽快)(?:再)?(?:给您|跟您|向您)?(?:回复|答复|回电|联系|回个?电话|告知|反馈)(?:您|你)?/u,
  /(?:我|我们)(?:先|再|马上|立即|这就)?(?:帮|为|替)(?:您|你)(?:问问|问一下|打听|核实一下|确认一下|查一下|催一下|催促)/u,
  /(?:我|我们)(?:会)?(?:再|继续|持续|一直)(?:帮您|为您)?跟进/u,
  /有(?:结果|消息|进展)(?:后|了)?(?:第一时间|马上|立即)?(?:给您|跟您)?(?:回复|答复|回电|联系|告知)(?:您|你)?/u,
]

const TIME_RE = new RegExp(`${TIME}|${DAY}`, "u")

/** The first promise to get back to the customer in `text` (earliest in the text), or null. */
export function detectPromise(text: string): PromiseHit | null {
  let best: PromiseHit | null = null
  for (const re of PATTERNS) {
    const m = re.exec(text)
    if (!m || (best && m.index >= best.start)) continue
    best = { phrase: m[0], start: m.index, end: m.index + m[0].length }
  }
  if (!best) return null
  const time = TIME_RE.exec(best.phrase)
  if (time && time[0].trim()) best.time = time[0].trim()
  return best
}
