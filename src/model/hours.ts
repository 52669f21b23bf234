// Support-window hours: "HH:MM-HH:MM" on a 24-hour clock; 24:00 may end; an earlier end runs past midnight.

export type HoursResult =
  | { ok: true; start: number; end: number; overnight: boolean }
  | { ok: false; reason: 'format' | 'equal' }

/** Minutes since midnight; `end` is 1440 for 24:00. */
export function parseHours(value: string): HoursResult {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value.trim())
  if (!match) return { ok: false, reason: 'format' }
  const [sh, sm, eh, em] = match.slice(1).map(Number) as [number, number, number, number]
  if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh === 24 && em !== 0)) return { ok: false, reason: 'format' }
  const start = sh * 60 + sm
  const end = eh * 60 + em
  if (start === end) return { ok: false, reason: 'equal' }
  return { ok: true, start, end, overnight: end < start }
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
