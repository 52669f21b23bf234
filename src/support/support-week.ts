// Operational Support windows as absolute time: reference weeks, intervals in UTC, overlaps and coverage.
import type { Day, SupportWindow } from '../model/contacts.js'
import { DAYS } from '../model/contacts.js'
import { parseDays } from '../model/days.js'
import { parseHours } from '../model/hours.js'
import { checkZone } from '../model/zones.js'
import { zoneOffset } from './zone-offset.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { ref, type MessageRef, type Messages } from '../i18n/messages.js'

export const WEEK_MINUTES = 7 * 24 * 60

/**
 * Windows are compared over two reference weeks of a year: the week starting on the second Monday of
 * January and the one starting on the second Monday of July. No IANA zone changes its offset in
 * either week (checked for 2025–2030), so "Monday 09:00 in Rome" has one meaning there; and between
 * them they cover northern winter and southern summer and the reverse, so two zones with different
 * daylight-saving calendars are seen both ways.
 */
export type Season = 'january' | 'july'
export const SEASONS: readonly Season[] = ['january', 'july']

/** A window that `support-hours` accepts, with its zone in canonical form. */
export interface ResolvedWindow {
  /** Position in `support`, for messages and paths. */
  index: number
  days: Day[]
  /** Minutes since local midnight. */
  start: number
  /** Minutes since local midnight of the start day; past 1440 for an overnight window. */
  end: number
  zone: string
}

/** Minutes from the reference Monday 00:00 UTC, within [0, WEEK_MINUTES]; the week wraps around. */
export interface Interval {
  window: number
  start: number
  end: number
}

/** Windows with bad days, hours or zones are left out: `support-hours` reports them. */
export function resolveWindows(windows: readonly SupportWindow[]): ResolvedWindow[] {
  const out: ResolvedWindow[] = []
  windows.forEach((w, index) => {
    const days = parseDays(w.days)
    const hours = parseHours(w.hours)
    const zone = checkZone(w.zone)
    if (!days.ok || !hours.ok || !zone.ok) return
    out.push({ index, days: days.days, start: hours.start, end: hours.overnight ? hours.end + 1440 : hours.end, zone: zone.canonical })
  })
  return out
}

/** The reference Monday at 00:00 UTC, in milliseconds since the epoch. */
export function referenceMonday(year: number, season: Season): number {
  const first = Date.UTC(year, season === 'january' ? 0 : 6, 1)
  // getUTCDay counts from Sunday: days until the first Monday, then one week more.
  const toMonday = (8 - new Date(first).getUTCDay()) % 7
  return first + (toMonday + 7) * 86_400_000
}

/** Each window's occurrences in the reference week as UTC intervals, split where they wrap past Sunday. */
export function weekIntervals(windows: readonly ResolvedWindow[], year: number, season: Season): Interval[] {
  const out: Interval[] = []
  for (const w of windows) {
    const offset = referenceOffset(w.zone, year, season)
    for (const day of w.days) pushWrapped(out, w.index, mod(DAYS.indexOf(day) * 1440 + w.start - offset, WEEK_MINUTES), w.end - w.start)
  }
  return out
}

const offsets = new Map<string, number>()

/**
 * The zone's UTC offset in minutes during the reference week. No zone changes its offset within either reference week
 * (see Season), so one offset serves every day of it; computed once per zone, year and season, since each costs
 * an Intl round trip and a bulk run meets the same few zones thousands of times. Read at 00:00 UTC on the Monday: within a
 * day of local midnight, and so in the same unchanging stretch.
 */
function referenceOffset(zone: string, year: number, season: Season): number {
  const key = `${zone}|${year}|${season}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = zoneOffset(zone, referenceMonday(year, season))
    offsets.set(key, offset)
  }
  return offset
}

/** The union of intervals, sorted and merged; touching intervals become one. */
export function mergeIntervals(intervals: readonly Interval[]): Array<{ start: number; end: number }> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const out: Array<{ start: number; end: number }> = []
  for (const { start, end } of sorted) {
    const last = out[out.length - 1]
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else out.push({ start, end })
  }
  return out
}

/** Weekly support hours; the smaller figure of the two reference weeks, so no season is overstated. */
export function weeklyCoverageMinutes(windows: readonly ResolvedWindow[], year: number): number {
  return Math.min(...SEASONS.map((s) => mergeIntervals(weekIntervals(windows, year, s)).reduce((sum, i) => sum + i.end - i.start, 0)))
}

export interface Overlap {
  /** The earlier window in `support`. */
  first: number
  second: number
  season: Season
  /** Minutes from the reference Monday 00:00 UTC. */
  start: number
  end: number
}

/**
 * One overlap per pair of windows: the first in January, or else the first in July. Intervals that
 * only touch (one ends as the other starts) do not overlap.
 */
export function findOverlaps(windows: readonly ResolvedWindow[], year: number): Overlap[] {
  const found = new Map<string, Overlap>()
  for (const season of SEASONS) {
    const intervals = weekIntervals(windows, year, season).sort((a, b) => a.start - b.start || a.window - b.window)
    for (let i = 0; i < intervals.length; i++) {
      const a = intervals[i]!
      for (let j = i + 1; j < intervals.length && intervals[j]!.start < a.end; j++) {
        const b = intervals[j]!
        if (a.window === b.window) continue
        const first = Math.min(a.window, b.window)
        const second = Math.max(a.window, b.window)
        const key = `${first}:${second}`
        const candidate: Overlap = { first, second, season, start: b.start, end: Math.min(a.end, b.end) }
        const known = found.get(key)
        if (!known || (known.season === season && candidate.start < known.start)) found.set(key, candidate)
      }
    }
  }
  return [...found.values()].sort((a, b) => a.first - b.first || a.second - b.second)
}

/** A minute of the reference week as a message: the weekday's name comes from Intl in the reader's language. */
export function weekMinuteMessage(minute: number): MessageRef {
  const m = mod(minute, WEEK_MINUTES)
  const inDay = m % 1440
  return ref('time.weekMinute', { day: { weekday: Math.floor(m / 1440) }, time: `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}` })
}

/** `Mon 16:00`, for a minute of the reference week. */
export function formatWeekMinute(minute: number, messages: Messages = ENGLISH): string {
  const { id, values } = weekMinuteMessage(minute)
  return messages.format(id, values)
}

function pushWrapped(out: Interval[], window: number, start: number, length: number): void {
  const end = start + length
  if (end <= WEEK_MINUTES) {
    out.push({ window, start, end })
  } else {
    out.push({ window, start, end: WEEK_MINUTES }, { window, start: 0, end: end - WEEK_MINUTES })
  }
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m
}
