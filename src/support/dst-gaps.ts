// Daylight-saving gaps: local times a zone skips when its clocks go forward, and windows that start in one.
import { DateTime } from 'luxon'
import { DAYS } from '../model/contacts.js'
import type { ResolvedWindow } from './support-week.js'

/** A skipped stretch of local wall-clock time, as minutes since the Unix epoch read as if UTC. */
interface Gap {
  from: number
  to: number
}

const cache = new Map<string, Gap[]>()
const DAY_MS = 86_400_000

/** The gaps of `zone` in `year`: found by comparing offsets day by day, then by halving to the minute. */
export function dstGaps(zone: string, year: number): Gap[] {
  const key = `${zone}|${year}`
  const cached = cache.get(key)
  if (cached) return cached
  const gaps: Gap[] = []
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset
  const first = Date.UTC(year, 0, 1)
  const last = Date.UTC(year + 1, 0, 1)
  for (let day = first; day < last; day += DAY_MS) {
    const before = offsetAt(day)
    const after = offsetAt(day + DAY_MS)
    if (after <= before) continue
    let lo = day
    let hi = day + DAY_MS
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
      if (offsetAt(mid) === before) lo = mid
      else hi = mid
    }
    const instant = hi / 60_000
    gaps.push({ from: instant + before, to: instant + after })
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
      const date = DateTime.fromMillis(dayStart * 60_000, { zone: 'utc' })
      if (window.days.includes(DAYS[date.weekday - 1]!)) return date.toISODate() ?? undefined
    }
  }
  return undefined
}
