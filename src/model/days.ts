// Support-window days: `mon-fri`, `fri-mon` (wraps), `every-day`, a single day, or a list.
import { DAYS, type Day } from './contacts.js'

/** `reason` names a message: `days.<reason>` in the catalogues. */
export type DaysResult = { ok: true; days: Day[] } | { ok: false; reason: 'badDay' | 'badRange' }

/** Returns the days in week order (Monday first), each once. */
export function parseDays(value: string | readonly string[]): DaysResult {
  if (Array.isArray(value)) {
    const unknown = value.filter((d) => !isDay(d))
    if (unknown.length > 0) return { ok: false, reason: 'badDay' }
    return { ok: true, days: DAYS.filter((d) => value.includes(d)) }
  }
  const text = (value as string).trim().toLowerCase()
  if (text === 'every-day') return { ok: true, days: [...DAYS] }
  if (isDay(text)) return { ok: true, days: [text] }
  const match = /^([a-z]{3})-([a-z]{3})$/.exec(text)
  if (!match || !isDay(match[1]!) || !isDay(match[2]!)) {
    return { ok: false, reason: 'badRange' }
  }
  const from = DAYS.indexOf(match[1] as Day)
  const to = DAYS.indexOf(match[2] as Day)
  const days: Day[] = []
  for (let i = from; ; i = (i + 1) % 7) {
    days.push(DAYS[i]!)
    if (i === to) break
  }
  return { ok: true, days: DAYS.filter((d) => days.includes(d)) }
}

function isDay(value: string): value is Day {
  return (DAYS as readonly string[]).includes(value)
}
