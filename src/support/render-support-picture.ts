// The weekly support picture (7 days × 24 hours) as Markdown, in UTC and in each declared zone; pure.
import { DateTime } from 'luxon'
import type { SupportWindow } from '../model/contacts.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { mergeIntervals, referenceMonday, resolveWindows, weekIntervals, weeklyCoverageMinutes, WEEK_MINUTES } from './support-week.js'

export interface SupportPictureOptions {
  /** Year of the reference week; a fixed default keeps the output independent of the day it runs. */
  year?: number
  /** The reader's language: headings and sentences from the catalogue, weekday names and the date from Intl. */
  messages?: Messages
}

export const DEFAULT_PICTURE_YEAR = 2026

const FULL = '█'
const PART = '▒'
const NONE = '·'

/**
 * Markdown for PR comments, job summaries and `validate --format markdown`. Windows that
 * `support-hours` rejects are left out; with none left the result is the empty string.
 */
export function renderSupportPicture(windows: readonly SupportWindow[], options: SupportPictureOptions = {}): string {
  const year = options.year ?? DEFAULT_PICTURE_YEAR
  const t = options.messages ?? ENGLISH
  const resolved = resolveWindows(windows)
  if (resolved.length === 0) return ''
  const covered = mergeIntervals(weekIntervals(resolved, year, 'january'))
  const monday = DateTime.fromMillis(referenceMonday(year, 'january'), { zone: 'utc' })
  const hours = weeklyCoverageMinutes(resolved, year) / 60
  const zones = [...new Set(resolved.map((w) => w.zone))].filter((z) => z !== 'Etc/UTC' && z !== 'UTC')

  const out = [
    `#### ${t.format('picture.heading', { label: t.format('field.support') })}`,
    '',
    t.format('picture.summary', { hours: Math.round(hours * 10) / 10, windows: resolved.length, week: t.date(monday.toISODate()!), full: FULL, part: PART, none: NONE }),
    '',
  ]
  const sections: Array<{ title: string; zone: string }> = [{ title: 'UTC', zone: 'utc' }, ...zones.map((z) => ({ title: z, zone: z }))]
  sections.forEach(({ title, zone }, i) => {
    const offset = DateTime.fromObject({ year: monday.year, month: monday.month, day: monday.day }, { zone }).toFormat('ZZ')
    const summary = zone === 'utc' ? 'UTC' : t.format('picture.zone', { zone: title, offset: `UTC${offset}` })
    out.push(`<details${i === 0 ? ' open' : ''}><summary>${summary}</summary>`, '', grid(covered, monday, zone, t), '', '</details>', '')
  })
  return out.join('\n').trimEnd()
}

function grid(covered: ReadonlyArray<{ start: number; end: number }>, monday: DateTime, zone: string, t: Messages): string {
  const origin = monday.toMillis()
  const localMonday = DateTime.fromObject({ year: monday.year, month: monday.month, day: monday.day }, { zone })
  const DAY_HEADERS = t.weekdayNames()
  const rows = [`| ${t.format('picture.hour')} | ${DAY_HEADERS.join(' | ')} |`, `|---|${DAY_HEADERS.map(() => ':-:').join('|')}|`]
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
