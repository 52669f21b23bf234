// support-zone-canonical: legacy links and odd spellings, with the canonical name in the message.
import { testRule } from '../../test/helpers/rule-tester.js'

const zone = (z: string) => ({ support: [{ days: 'mon-fri', hours: '09:00-18:00', zone: z }] })

testRule('support-zone-canonical', {
  valid: [
    { name: 'Europe/Rome' },
    { name: 'Etc/UTC', file: zone('Etc/UTC') },
    { name: 'not a zone at all: support-hours reports it', file: zone('Mars/Olympus') },
  ],
  invalid: [
    {
      name: 'US/Eastern names America/New_York',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
support:
  - days: mon-fri
    hours: "09:00-18:00"
    zone: US/Eastern
`,
      errors: [{ messageId: 'legacyZone', line: 8, severity: 'warning', message: 'support[0].zone "US/Eastern" is a legacy or non-canonical name; write America/New_York' }],
    },
    { name: 'lower case', file: zone('asia/taipei'), errors: [{ messageId: 'legacyZone', message: /write Asia\/Taipei$/ }] },
    { name: 'a renamed city', file: zone('Asia/Calcutta'), errors: [{ messageId: 'legacyZone', message: /write Asia\/Kolkata$/ }] },
  ],
})
