// The YAML ⇄ portal mapping: normalisation, compact days, and a lossless round trip for a normalised file.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAYS, type ContactsFile, type Day } from '../model/contacts.js'
import { parseDays } from '../model/days.js'
import { compactDays, fromPortalContactInformation, fromPortalUsers, toPortalState } from './mapping.js'

const file: ContactsFile = {
  version: 1,
  partner: { id: '10000001' },
  integration: 'ordering-e2e',
  users: [
    { email: ' Ana.Rossi@Example.com ', name: 'Ana Rossi', role: 'administrator' },
    { email: 'qa@example.com', role: 'tester' },
  ],
  contacts: {
    alert: ['ana.rossi@example.com'],
    technicalEmergency: [{ email: 'oncall@example.pagerduty.com', name: 'On-call', type: 'pager' }],
    operationalForGoogle: [{ email: 'Esc@Example.com', phone: '+39 02 1234 5678' }, 'esc@example.com'],
  },
  support: [
    { days: 'fri-mon', hours: '22:00-24:00', zone: 'US/Eastern' },
    { days: ['sun', 'sat'], hours: '10:00-16:00', zone: 'europe/rome' },
    { days: ['sat', 'sun'], hours: '10:00-16:00', zone: 'Europe/Rome' },
  ],
}

describe('toPortalState', () => {
  it('normalises emails, phones, zones and days, drops type, keeps file order', () => {
    const { contactInformation, users } = toPortalState(file)
    expect(contactInformation.alertContacts).toEqual([{ email: 'ana.rossi@example.com' }])
    expect(contactInformation.technicalEmergencyContacts).toEqual([{ email: 'oncall@example.pagerduty.com', displayName: 'On-call' }])
    expect(contactInformation.operationalContactsForGoogle).toEqual([{ email: 'esc@example.com', phoneNumber: '+390212345678' }])
    expect(contactInformation.merchantIssuesContacts).toEqual([])
    expect(contactInformation.operationalSupport.windows).toEqual([
      { days: ['MONDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], startTime: '22:00', endTime: '24:00', timeZone: 'America/New_York' },
      { days: ['SATURDAY', 'SUNDAY'], startTime: '10:00', endTime: '16:00', timeZone: 'Europe/Rome' },
    ])
    expect(users).toEqual([
      { email: 'ana.rossi@example.com', displayName: 'Ana Rossi', role: 'ADMINISTRATOR' },
      { email: 'qa@example.com', role: 'TESTER' },
    ])
  })

  it('has no users when the file does not manage them', () => {
    expect(toPortalState({ ...file, users: undefined }).users).toBeUndefined()
    expect('users' in toPortalState({ version: 1, partner: { id: '1' }, integration: 'events' })).toBe(false)
  })

  it('is lossless back and forth for a normalised file', () => {
    const state = toPortalState(file)
    const back = fromPortalContactInformation(state.contactInformation)
    const again = toPortalState({ ...file, contacts: back.contacts, support: back.support, users: fromPortalUsers(state.users!.map((u) => ({ ...u }))) })
    expect(again.contactInformation).toEqual(state.contactInformation)
    expect(new Set(again.users!.map((u) => JSON.stringify(u)))).toEqual(new Set(state.users!.map((u) => JSON.stringify(u))))
    expect(back.support[0]!.days).toBe('fri-mon')
    expect(back.support[1]!.days).toEqual(['sat', 'sun'])
  })
})

describe('compactDays', () => {
  it('picks every-day, ranges and lists', () => {
    expect(compactDays([...DAYS])).toBe('every-day')
    expect(compactDays(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('mon-fri')
    expect(compactDays(['sat', 'sun', 'mon'])).toBe('sat-mon')
    expect(compactDays(['sat', 'sun'])).toEqual(['sat', 'sun'])
    expect(compactDays(['mon', 'wed', 'fri'])).toEqual(['mon', 'wed', 'fri'])
  })

  it('always reads back to the same set of days', () => {
    fc.assert(
      fc.property(fc.subarray([...DAYS], { minLength: 1 }), (days: Day[]) => {
        const parsed = parseDays(compactDays(days))
        expect(parsed.ok && parsed.days).toEqual(DAYS.filter((d) => days.includes(d)))
      }),
    )
  })
})
