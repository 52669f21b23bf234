// Support windows in absolute time: reference weeks, overlaps, coverage, DST gaps and the weekly picture.
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { SupportWindow } from '../model/contacts.js'
import { dstGaps, firstSkippedStart } from './dst-gaps.js'
import { renderSupportPicture } from './render-support-picture.js'
import { findOverlaps, formatWeekMinute, mergeIntervals, referenceMonday, resolveWindows, weekIntervals, weeklyCoverageMinutes, WEEK_MINUTES } from './support-week.js'

const w = (days: SupportWindow['days'], hours: string, zone: string): SupportWindow => ({ days, hours, zone })

describe('reference weeks', () => {
  it('start on the second Monday of January and of July', () => {
    const date = (ms: number) => new Date(ms).toISOString()
    expect(date(referenceMonday(2026, 'january'))).toBe('2026-01-12T00:00:00.000Z')
    expect(date(referenceMonday(2026, 'july'))).toBe('2026-07-13T00:00:00.000Z')
    expect(date(referenceMonday(2024, 'january'))).toBe('2024-01-08T00:00:00.000Z')
    expect(date(referenceMonday(2029, 'january'))).toBe('2029-01-08T00:00:00.000Z')
  })

  it('hold no offset change in any zone the runtime knows', () => {
    for (const season of ['january', 'july'] as const) {
      const monday = DateTime.fromMillis(referenceMonday(2026, season), { zone: 'utc' })
      const from = monday.minus({ days: 1 })
      const to = monday.plus({ days: 8 })
      const changed = Intl.supportedValuesOf('timeZone').filter((zone) => from.setZone(zone).offset !== to.setZone(zone).offset)
      expect(changed, season).toEqual([])
    }
  })
})

describe('weekIntervals', () => {
  it('places local windows in UTC minutes from Monday 00:00 UTC', () => {
    const [rome] = resolveWindows([w('mon', '09:00-18:00', 'Europe/Rome')])
    expect(weekIntervals([rome!], 2026, 'january')).toEqual([{ window: 0, start: 8 * 60, end: 17 * 60 }])
    expect(weekIntervals([rome!], 2026, 'july')).toEqual([{ window: 0, start: 7 * 60, end: 16 * 60 }])
  })

  it('runs overnight windows and 24:00 ends into the next day, and wraps past Sunday', () => {
    const windows = resolveWindows([w('sun', '22:00-02:00', 'Etc/UTC'), w('sat', '00:00-24:00', 'Etc/UTC')])
    expect(weekIntervals(windows, 2026, 'january')).toEqual([
      { window: 0, start: 6 * 1440 + 22 * 60, end: WEEK_MINUTES },
      { window: 0, start: 0, end: 120 },
      { window: 1, start: 5 * 1440, end: 6 * 1440 },
    ])
  })

  it('wraps a Monday morning east of UTC back to Sunday', () => {
    const windows = resolveWindows([w('mon', '06:00-10:00', 'Asia/Tokyo')])
    expect(weekIntervals(windows, 2026, 'january')).toEqual([
      { window: 0, start: 6 * 1440 + 21 * 60, end: WEEK_MINUTES },
      { window: 0, start: 0, end: 60 },
    ])
  })

  it('leaves out windows that support-hours rejects', () => {
    expect(resolveWindows([w('funday', '09:00-10:00', 'Etc/UTC'), w('mon', '10:00-10:00', 'Etc/UTC'), w('mon', '09:00-10:00', 'Mars/Base')])).toEqual([])
  })
})

describe('overlaps and coverage', () => {
  it('lets windows in different zones touch without overlapping', () => {
    const windows = resolveWindows([w('mon-fri', '08:00-17:00', 'America/New_York'), w('mon-fri', '14:00-20:00', 'America/Los_Angeles')])
    expect(findOverlaps(windows, 2026)).toEqual([])
    expect(weeklyCoverageMinutes(windows, 2026) / 60).toBe(75)
  })

  it('finds the first overlap of each pair, in July when only summer time makes one', () => {
    const windows = resolveWindows([w('mon', '09:00-17:00', 'Europe/Rome'), w('mon', '13:00-17:00', 'Asia/Tokyo')])
    expect(findOverlaps(windows, 2026)).toEqual([{ first: 0, second: 1, season: 'july', start: 7 * 60, end: 8 * 60 }])
  })

  it('counts overlapping hours once and takes the leaner season', () => {
    // Rome and Tokyo touch in January (16 h) and overlap by an hour in July (15 h): 15 counts.
    const windows = resolveWindows([w('mon', '09:00-17:00', 'Europe/Rome'), w('mon', '09:00-17:00', 'Asia/Tokyo')])
    expect(weeklyCoverageMinutes(windows, 2026) / 60).toBe(15)
    const touching = resolveWindows([w('mon', '09:00-17:00', 'Europe/Rome'), w('mon', '13:00-17:00', 'Asia/Tokyo')])
    expect(weeklyCoverageMinutes(touching, 2026) / 60).toBe(11)
    expect(weeklyCoverageMinutes(resolveWindows([w('every-day', '00:00-24:00', 'Etc/UTC')]), 2026)).toBe(WEEK_MINUTES)
  })

  it('merges touching intervals', () => {
    expect(mergeIntervals([{ window: 1, start: 60, end: 120 }, { window: 0, start: 0, end: 60 }, { window: 2, start: 200, end: 300 }])).toEqual([
      { start: 0, end: 120 },
      { start: 200, end: 300 },
    ])
  })

  it('formats week minutes', () => {
    expect(formatWeekMinute(0)).toBe('Mon 00:00')
    expect(formatWeekMinute(6 * 1440 + 23 * 60 + 59)).toBe('Sun 23:59')
    expect(formatWeekMinute(-60)).toBe('Sun 23:00')
  })
})

describe('daylight-saving gaps', () => {
  it('finds the spring-forward gap in local wall time', () => {
    const [gap] = dstGaps('Europe/Rome', 2026)
    expect(gap).toBeDefined()
    expect(new Date(gap!.from * 60_000).toISOString()).toBe('2026-03-29T02:00:00.000Z')
    expect(gap!.to - gap!.from).toBe(60)
    expect(dstGaps('Asia/Tokyo', 2026)).toEqual([])
    expect(dstGaps('Australia/Lord_Howe', 2026).map((g) => g.to - g.from)).toEqual([30])
  })

  it('reports a window whose start the gap skips on one of its days', () => {
    const [sunday, weekdays, before, inside] = resolveWindows([
      w('sun', '02:30-05:00', 'Europe/Rome'),
      w('mon-sat', '02:30-05:00', 'Europe/Rome'),
      w('sun', '01:59-05:00', 'Europe/Rome'),
      w('every-day', '02:00-04:00', 'America/New_York'),
    ])
    expect(firstSkippedStart(sunday!, 2026)).toBe('2026-03-29')
    expect(firstSkippedStart(weekdays!, 2026)).toBeUndefined()
    expect(firstSkippedStart(before!, 2026)).toBeUndefined()
    expect(firstSkippedStart(inside!, 2026)).toBe('2026-03-08')
  })

  it('handles the southern hemisphere and gaps at midnight', () => {
    const [santiago, havana] = resolveWindows([w('every-day', '00:30-05:00', 'America/Santiago'), w('every-day', '00:30-05:00', 'America/Havana')])
    expect(firstSkippedStart(santiago!, 2026)).toMatch(/^2026-(09|10)-/)
    expect(firstSkippedStart(havana!, 2026)).toMatch(/^2026-03-/)
  })
})

describe('renderSupportPicture', () => {
  const picture = renderSupportPicture([w('mon-fri', '08:00-17:00', 'America/New_York'), w('sat', '22:00-02:00', 'America/Chicago'), w('sun', '09:30-10:00', 'US/Eastern')])

  it('draws a 7 × 24 grid in UTC and in each declared zone, canonical names once', () => {
    expect(picture).toContain('<details open><summary>UTC</summary>')
    expect(picture).toContain('<summary>America/New_York (UTC-05:00 that week)</summary>')
    expect(picture).toContain('<summary>America/Chicago (UTC-06:00 that week)</summary>')
    expect(picture).not.toContain('US/Eastern')
    const tables = picture.split('\n').filter((l) => /^\| \d\d \|/.test(l))
    expect(tables).toHaveLength(3 * 24)
    expect(picture).toContain('49.5 hours of support a week from 3 windows. Week of January 12, 2026')
  })

  it('marks whole and partial hours, overnight windows on the next day', () => {
    const rows = picture.split('\n')
    const newYork = rows.indexOf('<details><summary>America/New_York (UTC-05:00 that week)</summary>')
    const row = (hour: number) => rows[newYork + 4 + hour]!.split('|').map((c) => c.trim()).slice(2, 9)
    expect(row(8)).toEqual(['█', '█', '█', '█', '█', '·', '·'])
    expect(row(9)).toEqual(['█', '█', '█', '█', '█', '·', '▒'])
    expect(row(23)).toEqual(['·', '·', '·', '·', '·', '█', '·'])
    expect(row(2)).toEqual(['·', '·', '·', '·', '·', '·', '█'])
    expect(row(3)).toEqual(['·', '·', '·', '·', '·', '·', '·'])
  })

  it('is pure and empty without a usable window', () => {
    expect(renderSupportPicture([w('mon', '09:00-09:00', 'Etc/UTC')])).toBe('')
    expect(renderSupportPicture([w('mon', '09:00-10:00', 'Etc/UTC')])).toBe(renderSupportPicture([w('mon', '09:00-10:00', 'Etc/UTC')]))
    expect(renderSupportPicture([w('mon', '09:00-10:00', 'Etc/UTC')], { year: 2030 })).toContain('Week of January 14, 2030')
  })
})
