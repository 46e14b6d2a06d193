/**
 * Callback-time math for the handoff form. `<input type="datetime-local">` speaks local wall-clock
 * strings ("2026-11-22T15:30"); the store speaks epoch ms. Pure: the clock is passed in.
 */
import { CHINESE_DIGITS } from "../text/chinese-digits"

const pad = (n: number) => String(n).padStart(2, "0")

/** Epoch ms → "YYYY-MM-DDTHH:mm" in local time (the datetime-local value format). */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** "YYYY-MM-DDTHH:mm[:ss]" (local) → epoch ms; undefined for empty or malformed input. */
export function fromLocalInputValue(value: string): number | undefined {
  const m = LOCAL_VALUE.exec(value.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0))
  const d = new Date(year, month - 1, day, hour, minute, second)
  // Reject rollovers such as 2026-02-30 instead of silently moving the promise to March.
  if (d.getMonth() !== month - 1 || d.getDate() !== day || hour > 23 || minute > 59) return undefined
  return d.getTime()
}

export type QuickCallback = "plus30m" | "plus2h" | "tomorrowMorning"

/** 明天上午: agents promise "tomorrow morning"; 09:30 is after most branches open. */
export const TOMORROW_MORNING = { hour: 9, minute: 30 }

/** A time of day; `opening` parameters below take the company's opening time (admin policy). */
export interface TimeOfDay {
  hour: number
  minute: number
}

/**
 * The callback time for a quick button, rounded up to the next whole minute from `now` so that the
 * datetime-local field (minute precision) shows exactly what will be stored.
 */
export function quickCallbackAt(
  kind: QuickCallback,
  now: number,
  opening: TimeOfDay = TOMORROW_MORNING,
): number {
  const base = Math.ceil(now / 60_000) * 60_000
  switch (kind) {
    case "plus30m":
      return base + 30 * 60_000
    case "plus2h":
      return base + 2 * 60 * 60_000
    case "tomorrowMorning": {
      const d = new Date(now)
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, opening.hour, opening.minute).getTime()
    }
  }
}

/** "2026-11-22 15:30" in local time, for timelines and lists. */
export function formatDateTime(ms: number): string {
  return toLocalInputValue(ms).replace("T", " ")
}

/**
 * A time as an agent says it to the customer: "今天18:00", "明天09:30", else "11月24日10:30".
 * Used to prefill `{回复时间}` / `{回电时间}` from the case's callback time.
 */
export function spokenTime(ms: number, now: number): string {
  const d = new Date(ms)
  const today = new Date(now)
  const dayStart = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime()
  const days = Math.round((dayStart(d) - dayStart(today)) / 86_400_000)
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  if (days === 0) return `今天${clock}`
  if (days === 1) return `明天${clock}`
  return `${d.getMonth() + 1}月${d.getDate()}日${clock}`
}

// ---------- the callback time a promise names (issue 12; manual 000 (七), 004 2.1) ----------

/** "3", "03", "三", "十", "十一", "二十", "二十四" → number; NaN otherwise. */
function toNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || (!m[2] && (!m[1] || m[3]))) return CHINESE_DIGITS[s] ?? NaN
  if (!m[2]) return CHINESE_DIGITS[m[1]!]
  return (m[1] ? CHINESE_DIGITS[m[1]] : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]] : 0)
}

const NUM = "(\\d{1,3}|[零〇一二两三四五六七八九十]{1,3})"
const RELATIVE = new RegExp(`(半|${NUM}\\s*个?\\s*半?)\\s*(分钟|分|小时|个小时|钟头|天|个工作日|工作日)`, "u")
// Not "第一时间" (at once) nor the hour inside a longer number.
const CLOCK = new RegExp(
  `(?<![第\\d])${NUM}\\s*(?:[:：]\\s*(\\d{2})|[点时](?:\\s*(半|一刻|三刻|${NUM}\\s*分?))?)`,
  "u",
)
const WEEKDAY = /(?:下)?(?:周|星期|礼拜)([一二三四五六日天])/u
const WEEKDAY_INDEX: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
/** When a promise names only a part of the day: the start of business hours, early afternoon, etc. */
const PART_START: Record<string, { hour: number; minute: number }> = {
  morning: TOMORROW_MORNING,
  noon: { hour: 12, minute: 0 },
  afternoon: { hour: 14, minute: 0 },
  evening: { hour: 18, minute: 0 },
}

/**
 * The callback time a promise's wording names, or undefined when it names none ("稍后回复您": the
 * agent picks one). "30分钟内回复您" → now + 30 min; "2小时内" → + 2 h; "明天上午" → tomorrow at the start
 * of business hours (`TOMORROW_MORNING`); "下午三点前" → 15:00; "今天18:00前" → 18:00; "周三" → next
 * Wednesday morning. A clock time already past today means the next day. Rounded up to the minute.
 */
export function callbackFromPromise(
  text: string,
  now: number,
  opening: TimeOfDay = TOMORROW_MORNING,
): number | undefined {
  const base = Math.ceil(now / 60_000) * 60_000
  const rel = RELATIVE.exec(text)
  if (rel) {
    const half = rel[1].includes("半")
    const n = rel[2] ? toNumber(rel[2]) : 0
    if (!Number.isNaN(n) && (n > 0 || half)) {
      const unit = rel[3]
      if (unit === "分钟" || unit === "分") return base + n * 60_000
      if (/小时|钟头/.test(unit)) return base + (n + (half ? 0.5 : 0)) * 3_600_000
      // Days: the same time of day that many days on ("3天内" is a deadline, call back then).
      const d = new Date(now)
      return new Date(
        d.getFullYear(),
        d.getMonth(),
        d.getDate() + Math.max(1, n),
        d.getHours(),
        d.getMinutes() + 1,
      ).getTime()
    }
  }
  const today = new Date(now)
  let dayOffset: number | null = null
  if (/后天/u.test(text)) dayOffset = 2
  else if (/明天|明早|明日|明晚/u.test(text)) dayOffset = 1
  else if (/今天|今晚|今日|今早/u.test(text)) dayOffset = 0
  else {
    const w = WEEKDAY.exec(text)
    if (w) {
      const target = WEEKDAY_INDEX[w[1]]
      dayOffset = (target - today.getDay() + 7) % 7 || 7
    }
  }
  const part = /上午|早上|早晨|明早|今早/u.test(text)
    ? "morning"
    : /中午/u.test(text)
      ? "noon"
      : /下午/u.test(text)
        ? "afternoon"
        : /晚上|今晚|明晚|傍晚/u.test(text)
          ? "evening"
          : null
  const clock = CLOCK.exec(text)
  let hour: number | null = null
  let minute = 0
  if (clock) {
    const h = toNumber(clock[1])
    const m = clock[2]
      ? Number(clock[2])
      : clock[3] === "半"
        ? 30
        : clock[3] === "一刻"
          ? 15
          : clock[3] === "三刻"
            ? 45
            : clock[4]
              ? toNumber(clock[4])
              : 0
    if (!Number.isNaN(h) && h <= 24 && !Number.isNaN(m) && m < 60) {
      hour = h
      minute = m
      if ((part === "afternoon" || part === "evening") && hour < 12) hour += 12
      if (part === "noon" && hour < 3) hour += 12
    }
  }
  if (hour === null && part === null && dayOffset === null) return undefined
  const at = hour !== null ? { hour, minute } : part && part !== "morning" ? PART_START[part] : opening
  const day = new Date(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() + (dayOffset ?? 0),
    at.hour,
    at.minute,
  )
  // "下午三点前" said at 16:00 means tomorrow; a day named explicitly stays as said.
  if (dayOffset === null && day.getTime() <= now) day.setDate(day.getDate() + 1)
  return day.getTime()
}
