import { describe, expect, it } from 'vitest'
import { parseDays } from './days.js'
import { parseHours } from './hours.js'
import { toE164 } from './phone.js'
import { checkZone } from './zones.js'

describe('parseHours', () => {
  it('reads day, overnight and 24:00 windows', () => {
    expect(parseHours('09:00-18:00')).toEqual({ ok: true, start: 540, end: 1080, overnight: false })
    expect(parseHours('22:00-06:00')).toEqual({ ok: true, start: 1320, end: 360, overnight: true })
    expect(parseHours('00:00-24:00')).toEqual({ ok: true, start: 0, end: 1440, overnight: false })
  })
  it('refuses equal ends and impossible times', () => {
    expect(parseHours('10:00-10:00')).toEqual({ ok: false, reason: 'equal' })
    expect(parseHours('24:00-01:00')).toEqual({ ok: false, reason: 'format' })
    expect(parseHours('9:00-18:00')).toEqual({ ok: false, reason: 'format' })
    expect(parseHours('10:60-11:00')).toEqual({ ok: false, reason: 'format' })
  })
})

describe('parseDays', () => {
  it('expands ranges, wrapping ones too, in week order', () => {
    expect(parseDays('mon-fri')).toEqual({ ok: true, days: ['mon', 'tue', 'wed', 'thu', 'fri'] })
    expect(parseDays('fri-mon')).toEqual({ ok: true, days: ['mon', 'fri', 'sat', 'sun'] })
    expect(parseDays(['sun', 'mon'])).toEqual({ ok: true, days: ['mon', 'sun'] })
    expect(parseDays('every-day')).toMatchObject({ ok: true, days: { length: 7 } })
    expect(parseDays('sat')).toEqual({ ok: true, days: ['sat'] })
  })
  it('refuses unknown names', () => {
    expect(parseDays('monday-friday').ok).toBe(false)
    expect(parseDays(['mon', 'funday']).ok).toBe(false)
  })
})

describe('checkZone', () => {
  it('names the canonical IANA zone of legacy and mis-cased names', () => {
    expect(checkZone('US/Eastern')).toEqual({ ok: true, canonical: 'America/New_York', isCanonical: false })
    expect(checkZone('asia/taipei')).toEqual({ ok: true, canonical: 'Asia/Taipei', isCanonical: false })
    expect(checkZone('Asia/Calcutta')).toEqual({ ok: true, canonical: 'Asia/Kolkata', isCanonical: false })
    expect(checkZone('Etc/UTC')).toEqual({ ok: true, canonical: 'Etc/UTC', isCanonical: true })
    expect(checkZone('Europe/Rome')).toEqual({ ok: true, canonical: 'Europe/Rome', isCanonical: true })
  })
  it('refuses what is not an IANA zone', () => {
    expect(checkZone('Fantasia/Castle')).toEqual({ ok: false })
    expect(checkZone('+05:00')).toEqual({ ok: false })
  })
})

describe('toE164', () => {
  it('normalises international numbers', () => {
    expect(toE164('+39 02 1234 5678')).toBe('+390212345678')
    expect(toE164('+1 (415) 555-2671')).toBe('+14155552671')
    expect(toE164('+0')).toBeUndefined()
  })
})
