// support-coverage: off by default; weekly hours across zones, overlaps counted once.
import { testRule } from '../../test/helpers/rule-tester.js'

testRule('support-coverage', {
  valid: [
    { name: 'off by default', file: { support: [{ days: 'mon', hours: '09:00-10:00', zone: 'Europe/Rome' }] } },
    { name: 'exactly the minimum: 45 hours', severity: 'warning', options: { minWeeklyHours: 45 } },
    { name: '24/7 is 168 hours', severity: 'warning', options: { minWeeklyHours: 168 }, file: { support: [{ days: 'every-day', hours: '00:00-24:00', zone: 'Etc/UTC' }] } },
  ],
  invalid: [
    {
      name: 'below the default of 40',
      severity: 'warning',
      file: { support: [{ days: 'mon-fri', hours: '09:00-16:00', zone: 'Europe/Rome' }] },
      errors: [{ messageId: 'tooFew', path: '/support', severity: 'warning', message: /covers 35 hours a week, fewer than the 40/ }],
    },
    {
      name: 'overlapping windows count once',
      severity: 'error',
      options: { minWeeklyHours: 46 },
      file: { support: [{ days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome' }, { days: 'mon-fri', hours: '08:00-17:00', zone: 'Europe/London' }] },
      errors: [{ messageId: 'tooFew', severity: 'error', message: /covers 45 hours/ }],
    },
  ],
})
