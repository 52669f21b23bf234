// A zone's UTC offset at an instant, and its offset changes, without Intl or luxon on the validate path.
import { UTC_ZONES } from '../model/zones.js'

/**
 * Runs `fn` with `offsetAt(ms)` answering minutes east of UTC in `zone` (Rome in winter: 60), then puts `TZ` back.
 *
 * Why the process's own time zone rather than an Intl.DateTimeFormat per zone: the first Intl formatter of a process
 * loads ICU's locale data, measured at a third of a whole `node -e 0` — more than all our rules. Setting `TZ` makes V8
 * read the same ICU time-zone data for `Date`, and Node tells V8 at once; `getTimezoneOffset` then costs well under a
 * microsecond. `fn` is synchronous, so no other code runs while `TZ` is changed. Only zones that checkZone accepted
 * (ones the runtime knows) come here: V8 would read an unknown name as UTC. zone-offset.test.ts checks every zone
 * against luxon's (Intl) answers.
 */
export function inZone<T>(zone: string, fn: (offsetAt: (ms: number) => number) => T): T {
  if (UTC_ZONES.has(zone)) return fn(() => 0)
  const env = process.env
  const previous = env['TZ']
  env['TZ'] = zone
  try {
    // getTimezoneOffset counts minutes west; `+ 0` turns -0 into 0. Rounded as luxon does for offsets with seconds.
    return fn((ms) => Math.round(-new Date(ms).getTimezoneOffset()) + 0)
  } finally {
    if (previous === undefined) delete env['TZ']
    else env['TZ'] = previous
  }
}

/** Minutes east of UTC in `zone` at `ms`. For many instants of one zone, use inZone once. */
export function zoneOffset(zone: string, ms: number): number {
  return inZone(zone, (offsetAt) => offsetAt(ms))
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
  return inZone(zone, (offsetAt) => {
    const out: Transition[] = []
    let lo = from
    let before = offsetAt(lo)
    while (lo < to) {
      const hi = Math.min(lo + STEP_MS, to)
      const after = offsetAt(hi)
      if (after !== before) out.push({ instant: firstChange(offsetAt, lo, hi, before), before, after })
      lo = hi
      before = after
    }
    return out
  })
}

/** The first minute in (lo, hi] at which the offset is no longer `before`. */
function firstChange(offsetAt: (ms: number) => number, lo: number, hi: number, before: number): number {
  let a = lo
  let b = hi
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / (2 * MINUTE_MS)) * MINUTE_MS
    if (offsetAt(mid) === before) a = mid
    else b = mid
  }
  return b
}
