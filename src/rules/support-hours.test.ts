// support-hours: days, hours, zones; and a start that a daylight-saving change skips.
import { testRule } from '../../test/helpers/rule-tester.js'

const window = (w: Record<string, unknown>) => ({ support: [{ days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome', ...w }] })

const broken = `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
support:
  - days: monday-friday
    hours: "10:00-10:00"
    zone: Mars/Olympus
  - days: sat
    hours: "25:00-26:00"
    zone: Europe/Rome
`

testRule('support-hours', {
  valid: [
    { name: 'a day window' },
    { name: '24:00 as an end', file: window({ days: 'every-day', hours: '00:00-24:00', zone: 'Etc/UTC' }) },
    { name: 'an overnight window', file: window({ days: 'fri-sun', hours: '22:00-06:00' }) },
    { name: 'a list of days', file: window({ days: ['sat', 'sun'] }) },
    { name: 'a legacy zone name is still a zone', file: window({ zone: 'US/Eastern' }) },
    { name: '02:30 on weekdays only: the Sunday change does not apply', file: window({ days: 'mon-sat', hours: '02:30-05:00' }) },
    { name: 'a midnight start in a zone that skips midnight loses no support', file: window({ days: 'every-day', hours: '00:00-24:00', zone: 'America/Havana' }) },
  ],
  invalid: [
    {
      name: 'bad days, equal ends, an unknown zone, an impossible hour, each on its line',
      yaml: broken,
      errors: [
        { messageId: 'badDays', line: 6, path: '/support/0/days', severity: 'error' },
        { messageId: 'equalHours', line: 7, path: '/support/0/hours' },
        { messageId: 'badZone', line: 8, path: '/support/0/zone' },
        { messageId: 'badHours', line: 10, path: '/support/1/hours' },
      ],
    },
    { name: 'minutes past 59', file: window({ hours: '09:60-18:00' }), errors: [{ messageId: 'badHours' }] },
    {
      name: 'a misspelt zone gets a "did you mean"',
      file: window({ zone: 'Europe/Roma' }),
      errors: [{ messageId: 'badZoneSuggest', message: 'support[0].zone "Europe/Roma" is not an IANA time zone name; did you mean Europe/Rome?' }],
    },
    { name: '24:00 cannot start', file: window({ hours: '24:00-02:00' }), errors: [{ messageId: 'badHours' }] },
    {
      name: 'a Sunday start inside the skipped hour in spring: a warning naming the next date',
      file: window({ days: 'sun', hours: '02:30-05:00' }),
      errors: [{ messageId: 'skippedStart', severity: 'warning', message: /starts at 02:30, a local time that does not exist in Europe\/Rome on 2027-03-28/ }],
    },
    {
      name: 'New York skips 02:00–03:00 on the second Sunday of March',
      file: window({ days: 'every-day', hours: '02:00-04:00', zone: 'America/New_York' }),
      now: new Date('2026-01-10T00:00:00Z'),
      errors: [{ messageId: 'skippedStart', message: /on 2026-03-08/ }],
    },
  ],
})
