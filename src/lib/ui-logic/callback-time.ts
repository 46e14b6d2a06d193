/**
 * Callback-time math for the handoff form. `<input type="datetime-local">` speaks local wall-clock
 * strings ("2026-11-22T15:30"); the store speaks epoch ms. Pure: the clock is passed in.
 */

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

/**
 * The callback time for a quick button, rounded up to the next whole minute from `now` so that the
 * datetime-local field (minute precision) shows exactly what will be stored.
 */
export function quickCallbackAt(kind: QuickCallback, now: number): number {
  const base = Math.ceil(now / 60_000) * 60_000
  switch (kind) {
    case "plus30m":
      return base + 30 * 60_000
    case "plus2h":
      return base + 2 * 60 * 60_000
    case "tomorrowMorning": {
      const d = new Date(now)
      return new Date(
        d.getFullYear(),
        d.getMonth(),
        d.getDate() + 1,
        TOMORROW_MORNING.hour,
        TOMORROW_MORNING.minute,
      ).getTime()
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
