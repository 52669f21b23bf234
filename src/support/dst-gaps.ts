// Daylight-saving gaps: local times a zone skips when its clocks go forward, and windows that start in one.
import { DAYS } from '../model/contacts.js'
import type { ResolvedWindow } from './support-week.js'
import { offsetTransitions } from './zone-offset.js'

/** A skipped stretch of local wall-clock time, as minutes since the Unix epoch read as if UTC. */
export interface Gap {
  from: number
  to: number
}

const cache = new Map<string, Gap[]>()

/** The gaps of `zone` in `year`: its forward offset changes, found between two offsets rather than day by day. */
export function dstGaps(zone: string, year: number): Gap[] {
  const key = `${zone}|${year}`
  const cached = cache.get(key)
  if (cached) return cached
  const gaps: Gap[] = []
  for (const t of offsetTransitions(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1))) {
    if (t.after <= t.before) continue
    const instant = t.instant / 60_000
    gaps.push({ from: instant + t.before, to: instant + t.after })
  }
  cache.set(key, gaps)
  return gaps
}

/**
 * The first local date (YYYY-MM-DD) in `year` on which the window should start at a time its zone
 * skips; on that day support starts late (luxon, like the portal would, moves the time forward).
 */
export function firstSkippedStart(window: ResolvedWindow, year: number): string | undefined {
  for (const gap of dstGaps(window.zone, year)) {
    for (const dayStart of [Math.floor(gap.from / 1440) * 1440, Math.floor((gap.to - 1) / 1440) * 1440]) {
      const start = dayStart + window.start
      if (start < gap.from || start >= gap.to) continue
      const date = new Date(dayStart * 60_000)
      // getUTCDay counts from Sunday; DAYS from Monday.
      if (window.days.includes(DAYS[(date.getUTCDay() + 6) % 7]!)) return date.toISOString().slice(0, 10)
    }
  }
  return undefined
}
