// duplicate-contact: one email twice in one list, ignoring case; the second is reported.
import { testRule } from '../../test/helpers/rule-tester.js'

testRule('duplicate-contact', {
  valid: [
    { name: 'distinct emails' },
    { name: 'the same email in two different lists', file: { contacts: { technicalNonEmergency: ['escalations@example.com'] } } },
  ],
  invalid: [
    {
      name: 'the second one, ignoring case, in mapping form too',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
contacts:
  technicalNonEmergency:
    - integrations@example.com
    - email: Integrations@EXAMPLE.com
      name: Again
`,
      errors: [{ messageId: 'duplicate', line: 8, path: '/contacts/technicalNonEmergency/1/email', severity: 'warning', message: /contacts\.technicalNonEmergency\[1\] has the same email as contacts\.technicalNonEmergency\[0\]/ }],
    },
    {
      name: 'three copies: two findings',
      file: { contacts: { operationalForGoogle: ['a.b@example.com', 'a.b@example.com', 'A.B@example.com'] } },
      errors: [{ messageId: 'duplicate' }, { messageId: 'duplicate' }],
    },
  ],
})
