// alert-contacts-production-only: the sandbox has no Alert Contacts.
import { testRule } from '../../test/helpers/rule-tester.js'

testRule('alert-contacts-production-only', {
  valid: [
    { name: 'production with alert contacts' },
    { name: 'sandbox without alert contacts', file: { environment: 'sandbox', contacts: { alert: undefined } } },
    { name: 'sandbox with an empty list', file: { environment: 'sandbox', contacts: { alert: [] } } },
  ],
  invalid: [
    {
      name: 'sandbox with alert contacts',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
environment: sandbox
contacts:
  alert:
    - ana.rossi@example.com
`,
      errors: [{ messageId: 'sandboxAlert', line: 7, severity: 'error' }],
    },
  ],
})
