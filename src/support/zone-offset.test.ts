// The zone offsets and DST gaps of zone-offset.ts and dst-gaps.ts against luxon's, for every zone the runtime knows.
import fc from 'fast-check'
import { DateTime, IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { dstGaps } from './dst-gaps.js'
import { inZone, offsetTransitions, zoneOffset } from './zone-offset.js'

const FROM = Date.UTC(2025, 0, 1)
const TO = Date.UTC(2028, 0, 1)
const MONTH = 30 * 86_400_000
const zones = Intl.supportedValuesOf('timeZone')

/** The former implementation, day by day through luxon: the reference the faster search must agree with. */
function luxonGaps(zone: string, year: number): Array<{ from: number; to: number }> {
  const gaps = []
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    const before = offsetAt(day)
    const after = offsetAt(day + 86_400_000)
    if (after <= before) continue
    let lo = day
    let hi = day + 86_400_000
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
      if (offsetAt(mid) === before) lo = mid
      else hi = mid
    }
    gaps.push({ from: hi / 60_000 + before, to: hi / 60_000 + after })
  }
  return gaps
}

describe('zone offsets and transitions, 2025–2027', () => {
  it(`every zone (${zones.length}): each transition is where luxon sees the offset change, and between them luxon sees the offset the transitions imply`, () => {
    const wrong: string[] = []
    for (const zone of zones) {
      const luxon = IANAZone.create(zone)
      const transitions = offsetTransitions(zone, FROM, TO)
      for (const t of transitions) {
        if (luxon.offset(t.instant - 60_000) !== t.before || luxon.offset(t.instant) !== t.after) wrong.push(`${zone} at ${new Date(t.instant).toISOString()}`)
      }
      // A different grid from the search's weekly one: a month apart, offset by half a month.
      for (let ms = FROM + MONTH / 2; ms < TO; ms += MONTH) {
        const last = transitions.findLast((t) => t.instant <= ms)
        const implied = last ? last.after : zoneOffset(zone, FROM)
        if (implied !== luxon.offset(ms)) wrong.push(`${zone} on ${new Date(ms).toISOString()}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('zones with odd calendars give exactly the gaps of the former day-by-day search through luxon', () => {
    // Ramadan suspension, half-hour DST, midnight changes, +2 h DST, negative DST, abolished or restored DST.
    const odd = ['Africa/Casablanca', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Antarctica/Troll', 'Europe/Dublin', 'Asia/Gaza', 'America/Nuuk', 'Africa/Cairo', 'America/Asuncion', 'Europe/Rome', 'Pacific/Chatham']
    for (const zone of odd.filter((z) => zones.includes(z))) for (const year of [2025, 2026, 2027]) expect(dstGaps(zone, year), `${zone} ${year}`).toEqual(luxonGaps(zone, year))
  })

  it('property: any zone and year gives exactly the gaps of the former day-by-day search through luxon', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 2024, max: 2030 }), (zone, year) => {
        expect(dstGaps(zone, year)).toEqual(luxonGaps(zone, year))
      }),
      { numRuns: 25 },
    )
  })

  it('answers UTC and its aliases without Intl, and fixed-offset zones as luxon does', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT', 'Etc/Zulu']) {
      expect(zoneOffset(zone, FROM)).toBe(0)
      expect(offsetTransitions(zone, FROM, TO)).toEqual([])
    }
    for (const zone of ['Etc/GMT+5', 'Etc/GMT-14', 'Asia/Kolkata', 'Asia/Kathmandu']) expect(zoneOffset(zone, FROM)).toBe(IANAZone.create(zone).offset(FROM))
  })
})

describe('no Intl.DateTimeFormat on the validate path', () => {
  it.each([['Etc/UTC'], ['Europe/Rome'], ['America/Santiago']])('a file whose support is in %s is validated, support rules included, without creating any', async (zone) => {
    const { vi } = await import('vitest')
    const { readFileSync } = await import('node:fs')
    const { validateContactsFile } = await import('../validate/validate-file.js')
    const { prepareRules } = await import('../rules/run-rules.js')
    const { EMPTY_CONFIG } = await import('../config/config.js')
    const text = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8').replaceAll('Europe/Rome', zone)
    const spy = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      const result = await validateContactsFile('contacts.yaml', new TextEncoder().encode(text), { rules: prepareRules(EMPTY_CONFIG), now: new Date('2026-11-30T00:00:00Z') })
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })
})

describe('inZone', () => {
  it('puts TZ back as it was, set or not, even when the callback throws', () => {
    const saved = process.env['TZ']
    try {
      delete process.env['TZ']
      expect(zoneOffset('Asia/Tokyo', FROM)).toBe(540)
      expect('TZ' in process.env).toBe(false)
      process.env['TZ'] = 'America/New_York'
      expect(() => inZone('Europe/Rome', () => { throw new Error('boom') })).toThrow('boom')
      expect(process.env['TZ']).toBe('America/New_York')
      expect(new Date(FROM).getTimezoneOffset()).toBe(300)
    } finally {
      if (saved === undefined) delete process.env['TZ']
      else process.env['TZ'] = saved
    }
  })
})

