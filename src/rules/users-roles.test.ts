// users-roles: duplicates, an administrator, tester only for Food Ordering End-to-End.
import { testRule } from '../../test/helpers/rule-tester.js'

const admin = { email: 'ana.rossi@example.com', role: 'administrator' }

testRule('users-roles', {
  valid: [
    { name: 'one administrator' },
    { name: 'users not managed here', file: { users: undefined, contacts: { alert: [] } } },
    { name: 'a tester for ordering-e2e', file: { users: [admin, { email: 'qa.tester@example.com', role: 'tester' }] } },
  ],
  invalid: [
    {
      name: 'a tester outside ordering-e2e',
      yaml: `version: 1
partner:
  id: "10000001"
integration: appointments-e2e
users:
  - email: ana.rossi@example.com
    role: administrator
  - email: qa.tester@example.com
    role: tester
`,
      errors: [{ messageId: 'testerOutsideOrdering', line: 9, path: '/users/1/role', severity: 'error', message: /not Appointments End-to-End/ }],
    },
    {
      name: 'the same user twice',
      file: { users: [admin, { email: 'Ana.Rossi@example.com', role: 'editor' }] },
      errors: [{ messageId: 'duplicateUser', path: '/users/1/email' }],
    },
    { name: 'no administrator', file: { users: [{ email: 'luca.bianchi@example.com', role: 'editor' }], contacts: { alert: [] } }, errors: [{ messageId: 'noAdministrator', path: '/users' }] },
    { name: 'an empty users list', file: { users: [], contacts: { alert: [] } }, errors: [{ messageId: 'noAdministrator' }] },
  ],
})
