// The weekly support picture (7 days × 24 hours) as Markdown, in UTC and in each declared zone; pure.
import { DateTime } from 'luxon'
import type { SupportWindow } from '../model/contacts.js'
import { mergeIntervals, referenceMonday, resolveWindows, weekIntervals, weeklyCoverageMinutes, WEEK_MINUTES } from './support-week.js'

export interface SupportPictureOptions {
  /** Year of the reference week; a fixed default keeps the output independent of the day it runs. */
  year?: number
}

export const DEFAULT_PICTURE_YEAR = 2026

const FULL = '█'
const PART = '▒'
const NONE = '·'
const DAY_HEADERS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/**
 * Markdown for PR comments, job summaries and `validate --format markdown`. Windows that
 * `support-hours` rejects are left out; with none left the result is the empty string.
 */
export function renderSupportPicture(windows: readonly SupportWindow[], options: SupportPictureOptions = {}): string {
  const year = options.year ?? DEFAULT_PICTURE_YEAR
  const resolved = resolveWindows(windows)
  if (resolved.length === 0) return ''
  const covered = mergeIntervals(weekIntervals(resolved, year, 'january'))
  const monday = DateTime.fromMillis(referenceMonday(year, 'january'), { zone: 'utc' })
  const hours = weeklyCoverageMinutes(resolved, year) / 60
  const zones = [...new Set(resolved.map((w) => w.zone))].filter((z) => z !== 'Etc/UTC' && z !== 'UTC')

  const out = [
    '#### Operational Support: weekly coverage',
    '',
    `${formatHours(hours)} of support a week from ${resolved.length} window${resolved.length === 1 ? '' : 's'}. ` +
      `Week of ${monday.toFormat('d LLLL yyyy')}; ${FULL} the whole hour is covered, ${PART} part of it, ${NONE} none.`,
    '',
  ]
  const sections: Array<{ title: string; zone: string }> = [{ title: 'UTC', zone: 'utc' }, ...zones.map((z) => ({ title: z, zone: z }))]
  sections.forEach(({ title, zone }, i) => {
    const offset = DateTime.fromObject({ year: monday.year, month: monday.month, day: monday.day }, { zone }).toFormat('ZZ')
    const summary = zone === 'utc' ? 'UTC' : `${title} (UTC${offset} that week)`
    out.push(`<details${i === 0 ? ' open' : ''}><summary>${summary}</summary>`, '', grid(covered, monday, zone), '', '</details>', '')
  })
  return out.join('\n').trimEnd()
}

function grid(covered: ReadonlyArray<{ start: number; end: number }>, monday: DateTime, zone: string): string {
  const origin = monday.toMillis()
  const localMonday = DateTime.fromObject({ year: monday.year, month: monday.month, day: monday.day }, { zone })
  const rows = [`| Hour | ${DAY_HEADERS.join(' | ')} |`, `|---|${DAY_HEADERS.map(() => ':-:').join('|')}|`]
  for (let hour = 0; hour < 24; hour++) {
    const cells = DAY_HEADERS.map((_d, day) => {
      const start = Math.round((localMonday.plus({ days: day, hours: hour }).toMillis() - origin) / 60_000)
      const minutes = coveredMinutes(covered, ((start % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES, 60)
      return minutes >= 60 ? FULL : minutes > 0 ? PART : NONE
    })
    rows.push(`| ${String(hour).padStart(2, '0')} | ${cells.join(' | ')} |`)
  }
  return rows.join('\n')
}

/** Minutes of [start, start + length) covered, on the circular week. */
function coveredMinutes(covered: ReadonlyArray<{ start: number; end: number }>, start: number, length: number): number {
  const parts = start + length <= WEEK_MINUTES ? [[start, start + length]] : [[start, WEEK_MINUTES], [0, start + length - WEEK_MINUTES]]
  let sum = 0
  for (const [a, b] of parts as Array<[number, number]>) {
    for (const c of covered) sum += Math.max(0, Math.min(b, c.end) - Math.max(a, c.start))
  }
  return sum
}

function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10
  return `${rounded} hour${rounded === 1 ? '' : 's'}`
}
