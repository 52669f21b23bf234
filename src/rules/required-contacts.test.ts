// required-contacts: each required portal field, alert only in production, softened while onboarding.
import { testRule } from '../../test/helpers/rule-tester.js'

const missingNonEmergency = `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
users:
  - email: ana.rossi@example.com
    role: administrator
contacts:
  alert:
    - ana.rossi@example.com
  technicalEmergency:
    - email: eats-oncall@example.pagerduty.com
      type: pager
  operationalForGoogle: []
  operationalForUsers:
    - support@example.com
support:
  - days: mon-fri
    hours: "09:00-18:00"
    zone: Europe/Rome
`

testRule('required-contacts', {
  valid: [
    { name: 'a complete file' },
    { name: 'sandbox without alert contacts', file: { environment: 'sandbox', contacts: { alert: undefined } } },
    { name: 'merchantIssues may be empty (its own rule decides)', file: { contacts: { merchantIssues: undefined } } },
  ],
  invalid: [
    {
      name: 'a missing key points at contacts, an empty list at its key',
      yaml: missingNonEmergency,
      errors: [
        { messageId: 'missingField', line: 8, path: '/contacts/technicalNonEmergency', severity: 'error', message: 'Technical Non-Emergency Contacts (contacts.technicalNonEmergency) is required by the portal and has no entry' },
        { messageId: 'missingField', line: 14, path: '/contacts/operationalForGoogle' },
      ],
    },
    {
      name: 'production needs alert contacts',
      file: { contacts: { alert: [] } },
      errors: [{ messageId: 'missingField', path: '/contacts/alert' }],
    },
    { name: 'no support windows', file: { support: [] }, errors: [{ messageId: 'missingSupport', path: '/support' }] },
    { name: 'no support key', file: { support: undefined }, errors: [{ messageId: 'missingSupport', line: 1 }] },
    {
      name: 'onboarding turns missing fields into warnings',
      file: { stage: 'onboarding', contacts: { operationalForUsers: [] }, support: undefined },
      errors: [
        { messageId: 'missingSupport', line: 1, severity: 'warning' },
        { messageId: 'missingField', severity: 'warning' },
      ],
    },
    {
      name: 'a configured severity wins over the stage',
      file: { stage: 'onboarding', contacts: { technicalEmergency: [] } },
      severity: 'error',
      errors: [{ messageId: 'missingField', severity: 'error' }],
    },
  ],
})
