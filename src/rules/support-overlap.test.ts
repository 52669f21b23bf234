// support-overlap: compared in UTC across zones; touching windows are fine.
import { testRule } from '../../test/helpers/rule-tester.js'

const windows = (...w: Array<[days: string | string[], hours: string, zone: string]>) => ({
  support: w.map(([days, hours, zone]) => ({ days, hours, zone })),
})

testRule('support-overlap', {
  valid: [
    { name: 'one window' },
    { name: 'different zones that touch: 17:00 New York is 14:00 Los Angeles', file: windows(['mon-fri', '08:00-17:00', 'America/New_York'], ['mon-fri', '14:00-20:00', 'America/Los_Angeles']) },
    { name: 'same zone, back to back', file: windows(['mon-fri', '09:00-12:00', 'Europe/Rome'], ['mon-fri', '12:00-18:00', 'Europe/Rome']) },
    { name: 'overnight into a window that starts when it ends', file: windows(['sat', '22:00-02:00', 'America/Chicago'], ['sun', '02:00-10:00', 'America/Chicago']) },
    { name: 'round the clock, every day, one window', file: windows(['every-day', '00:00-24:00', 'Etc/UTC']) },
    { name: 'Sunday night into Monday morning across the week end', file: windows(['sun', '20:00-24:00', 'Asia/Tokyo'], ['mon', '00:00-08:00', 'Asia/Tokyo']) },
    { name: 'a bad window is support-hours\' business', file: windows(['mon-fri', '09:00-18:00', 'Europe/Rome'], ['mon-fri', '09:00-18:00', 'Mars/Olympus']) },
  ],
  invalid: [
    {
      name: 'Rome and London, reported on the second window',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
support:
  - days: mon-fri
    hours: "09:00-18:00"
    zone: Europe/Rome
  - days: mon
    hours: "08:30-10:00"
    zone: Europe/London
`,
      errors: [{ messageId: 'overlap', line: 9, path: '/support/1', severity: 'warning', message: 'support[1] overlaps support[0] from Mon 08:30 to Mon 10:00 UTC; merge them or adjust the hours' }],
    },
    {
      name: 'only in July, when Rome is on summer time and Tokyo is not',
      file: windows(['mon', '09:00-17:00', 'Europe/Rome'], ['mon', '13:00-17:00', 'Asia/Tokyo']),
      errors: [{ messageId: 'overlap', message: /from Mon 07:00 to Mon 08:00 UTC in July/ }],
    },
    {
      name: 'an overnight window wrapping past Sunday',
      file: windows(['sun', '22:00-02:00', 'Etc/UTC'], ['mon', '01:00-03:00', 'Etc/UTC']),
      errors: [{ messageId: 'overlap', message: /from Mon 01:00 to Mon 02:00 UTC/ }],
    },
    {
      name: 'three windows, one finding per pair',
      file: windows(['mon', '09:00-12:00', 'Etc/UTC'], ['mon', '10:00-13:00', 'Etc/UTC'], ['mon', '11:00-14:00', 'Etc/UTC']),
      errors: [{ messageId: 'overlap', path: '/support/1' }, { messageId: 'overlap', path: '/support/2' }, { messageId: 'overlap', path: '/support/2' }],
    },
  ],
})
