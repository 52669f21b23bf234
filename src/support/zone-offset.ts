// A zone's UTC offset at an instant, through one cached Intl formatter per zone (no luxon on the validate path).
import { UTC_ZONES } from '../model/zones.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Minutes east of UTC in `zone` at `ms` (Rome in winter: 60). `longOffset` is the cheapest way to ask ICU: one short
 * string (`GMT+01:00`, or `GMT` at zero) instead of seven parts to put back together.
 */
export function zoneOffset(zone: string, ms: number): number {
  if (UTC_ZONES.has(zone)) return 0
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formatters.set(zone, format)
  }
  const text = format.format(ms)
  const match = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)
  if (!match) throw new Error(`unexpected offset text for ${zone}: ${text}`)
  if (!match[1]) return 0
  // Offsets with seconds (local mean time, before 1900) are rounded to the minute, as luxon does.
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Math.round(Number(match[4] ?? 0) / 60)
  return match[1] === '-' ? -minutes : minutes
}

/** A change of offset: from `instant` (ms, on a whole minute) the zone is `after` minutes east of UTC instead of `before`. */
export interface Transition {
  instant: number
  before: number
  after: number
}

/** No zone changes its offset twice within a week (the shortest spell in tzdata since 2000 is Morocco's month of Ramadan). */
const STEP_MS = 7 * 86_400_000
const MINUTE_MS = 60_000

/** Every offset change in [from, to): sampled a week apart, then each change pinned to its minute by halving. */
export function offsetTransitions(zone: string, from: number, to: number): Transition[] {
  if (UTC_ZONES.has(zone)) return []
  const out: Transition[] = []
  let lo = from
  let before = zoneOffset(zone, lo)
  while (lo < to) {
    const hi = Math.min(lo + STEP_MS, to)
    const after = zoneOffset(zone, hi)
    if (after !== before) out.push(pinpoint(zone, lo, hi, before, after))
    lo = hi
    before = after
  }
  return out
}

/** The first minute in (lo, hi] at which the offset is no longer `before`. */
function pinpoint(zone: string, lo: number, hi: number, before: number, after: number): Transition {
  let a = lo
  let b = hi
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / (2 * MINUTE_MS)) * MINUTE_MS
    if (zoneOffset(zone, mid) === before) a = mid
    else b = mid
  }
  return { instant: b, before, after }
}
