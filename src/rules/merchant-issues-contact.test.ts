// merchant-issues-contact: required by link-based integrations, informational elsewhere, overridable by config.
import { testRule } from '../../test/helpers/rule-tester.js'

testRule('merchant-issues-contact', {
  valid: [
    { name: 'optional and empty' },
    { name: 'optional and absent', file: { contacts: { merchantIssues: undefined } } },
    { name: 'required and given', file: { integration: 'reservations-bl', users: undefined, contacts: { merchantIssues: ['merchants@example.com'] } } },
    { name: 'the config makes it optional', file: { integration: 'reservations-bl', users: undefined }, merchantIssues: { 'reservations-bl': 'optional' } },
  ],
  invalid: [
    {
      name: 'required and empty',
      file: { integration: 'ordering-redirect', users: undefined },
      errors: [{ messageId: 'missing', path: '/contacts/merchantIssues', severity: 'error', message: /required for Ordering Redirect/ }],
    },
    {
      name: 'required and absent, while onboarding: a warning',
      file: { integration: 'appointments-bl', users: undefined, stage: 'onboarding', contacts: { merchantIssues: undefined } },
      errors: [{ messageId: 'missing', severity: 'warning' }],
    },
    {
      name: 'the config makes it required',
      merchantIssues: { 'ordering-e2e': 'required' },
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'given where optional: info',
      file: { contacts: { merchantIssues: ['merchants@example.com'] } },
      errors: [{ messageId: 'optional', severity: 'info', message: /optional for Food Ordering End-to-End/ }],
    },
  ],
})
