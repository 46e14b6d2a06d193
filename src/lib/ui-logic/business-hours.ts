/**
 * Business hours (服务时间) as an admin policy or profile writes them, e.g. "09:00-21:00",
 * "9:00～18:30", "08:30 至 20:00": used to warn when a promised callback falls outside them.
 */

export interface BusinessHours {
  /** Minutes after midnight, local time. */
  open: number
  close: number
}

const RANGE = /(\d{1,2})[:：](\d{2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})[:：](\d{2})/

/** The first "HH:MM-HH:MM" range in the text, or null when there is none (or it is not a valid day range). */
export function parseBusinessHours(text: string | undefined): BusinessHours | null {
  const m = text ? RANGE.exec(text) : null
  if (!m) return null
  const [h1, m1, h2, m2] = m.slice(1).map(Number)
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) return null
  const open = h1 * 60 + m1
  const close = h2 * 60 + m2
  return open < close ? { open, close } : null
}

/** The opening time as a time of day ("09:00-21:00" → 9:00), or undefined without business hours. */
export function openingTime(hours: BusinessHours | null): { hour: number; minute: number } | undefined {
  return hours ? { hour: Math.floor(hours.open / 60), minute: hours.open % 60 } : undefined
}

/** True when the local time of `ms` is before opening or at/after closing. */
export function outsideBusinessHours(ms: number, hours: BusinessHours): boolean {
  const d = new Date(ms)
  const minute = d.getHours() * 60 + d.getMinutes()
  return minute < hours.open || minute >= hours.close
}
